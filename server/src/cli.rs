//! The command line: `iey serve`, `iey migrate`, `iey seed`. Every flag can also be
//! set with an `IEY_*` environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use iey_app::server::ServerState;
use iey_domain::Role;
use iey_domain::accounts::grant_role;
use iey_domain::mail::{MailConfigError, Mailer};
use iey_domain::seed::{SeedOptions, VisitSeed, seed_if_empty, seed_members, seed_visits};

use crate::http;
use crate::session::TrustForwarded;

/// The Institute of Early Years portal.
#[derive(Debug, Parser)]
#[command(
    name = "iey",
    version,
    about = "IEY, the Institute of Early Years portal: serve it, migrate its database, seed demo data."
)]
pub struct Cli {
    /// Database to use: `sqlite://path` (created if missing) or `postgres://…`.
    #[arg(
        long,
        global = true,
        env = "IEY_DATABASE_URL",
        default_value = "sqlite://data/iey.db"
    )]
    pub database_url: String,
    /// Log format: `text` or `json`. The level comes from `IEY_LOG` (e.g. `debug`).
    #[arg(long, global = true, env = "IEY_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Readable lines for a terminal.
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal over HTTP (migrates the database first).
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Add deterministic demo members to the database.
    Seed(SeedArgs),
    /// Administer accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
}

/// What `iey admin` can do.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Give an account a role, e.g. `iey admin grant --email ana@example.org --role admin`.
    Grant {
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// The role to give.
        #[arg(long, value_enum)]
        role: RoleArg,
    },
}

/// A role on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// An ordinary member.
    Member,
    /// Looks after reports.
    Moderator,
    /// Runs the instance.
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Member => Role::Member,
            RoleArg::Moderator => Role::Moderator,
            RoleArg::Admin => Role::Admin,
        }
    }
}

/// Flags of `iey serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "IEY_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Load demo members on first start (when the database has none).
    #[arg(long, env = "IEY_DEMO")]
    pub demo: bool,
    /// How many demo members `--demo` loads.
    #[arg(long, env = "IEY_DEMO_MEMBERS", default_value_t = 500)]
    pub demo_members: usize,
    /// Folder with the built site (the `pkg/` bundle and static assets).
    #[arg(long, env = "IEY_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The address people reach the site at, for links in mail. Cookies are
    /// marked `Secure` when it starts with https. Defaults to http://ADDR.
    #[arg(long, env = "IEY_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// SMTP server for outgoing mail, e.g. `smtp://127.0.0.1:2525` or
    /// `smtps://user:password@mail.example.org`. Without it mail goes to --outbox.
    #[arg(long, env = "IEY_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail.
    #[arg(long, env = "IEY_MAIL_FROM", default_value = "IEY <noreply@localhost>")]
    pub mail_from: String,
    /// Folder that receives outgoing mail when no SMTP server is set.
    #[arg(long, env = "IEY_OUTBOX", default_value = "data/outbox")]
    pub outbox: PathBuf,
    /// Take the client's address from `X-Forwarded-For` (only behind a proxy that sets it).
    #[arg(long, env = "IEY_TRUST_FORWARDED")]
    pub trust_forwarded: bool,
}

/// Flags of `iey seed`.
#[derive(Debug, clap::Args)]
pub struct SeedArgs {
    /// How many members to add.
    #[arg(long, env = "IEY_SEED_MEMBERS")]
    pub members: usize,
    /// Random seed: the same seed gives the same members.
    #[arg(long, env = "IEY_SEED", default_value_t = 2013)]
    pub seed: u64,
    /// Friendships each new member starts on average (each ends up with about
    /// twice as many friends).
    #[arg(long, env = "IEY_SEED_FRIENDSHIPS", default_value_t = 10)]
    pub friendships: u32,
    /// Visit offers to add, by members open to visits.
    #[arg(long, env = "IEY_SEED_OFFERS", default_value_t = 0)]
    pub offers: usize,
    /// Visits to add to those offers (from two months ago to four months ahead).
    #[arg(long, env = "IEY_SEED_VISITS", default_value_t = 0)]
    pub visits: usize,
}

/// Demo offers and visits loaded with the demo members on a first start.
const DEMO_OFFERS: usize = 40;
const DEMO_VISITS: usize = 400;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Database(#[from] iey_domain::DbErr),
    /// The domain refused or failed.
    #[error("{0}")]
    Domain(#[from] iey_domain::AppError),
    /// The server could not start or stopped with an error.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    /// The mail settings are wrong.
    #[error("mail: {0}")]
    Mail(#[from] MailConfigError),
}

/// Runs the chosen command to completion.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    let db = iey_domain::connect(&cli.database_url).await?;
    iey_domain::migrate(&db).await?;
    match cli.command {
        Command::Migrate => {
            tracing::info!("database is up to date");
            Ok(())
        }
        Command::Seed(args) => {
            let report = seed_members(
                &db,
                SeedOptions {
                    members: args.members,
                    seed: args.seed,
                    friendships_per_member: args.friendships,
                },
            )
            .await?;
            let visits = seed_visits(
                &db,
                VisitSeed {
                    offers: args.offers,
                    visits: args.visits,
                    seed: args.seed,
                    now: chrono::Utc::now(),
                },
            )
            .await?;
            tracing::info!(
                members = report.members,
                tags = report.tags,
                friendships = report.friendships,
                offers = visits.offers,
                visits = visits.visits,
                "seeded demo data"
            );
            Ok(())
        }
        Command::Serve(args) => {
            // Members added before the search index existed get their documents once.
            let indexed = iey_domain::members::reindex_missing(&db).await?;
            if indexed > 0 {
                tracing::info!(members = indexed, "indexed members for search");
            }
            if args.demo {
                let options = SeedOptions {
                    members: args.demo_members,
                    seed: 2013,
                    friendships_per_member: 10,
                };
                if let Some(report) = seed_if_empty(&db, options).await? {
                    let visits = VisitSeed {
                        offers: DEMO_OFFERS,
                        visits: DEMO_VISITS,
                        seed: 2013,
                        now: chrono::Utc::now(),
                    };
                    let visits = seed_visits(&db, visits).await?;
                    tracing::info!(
                        members = report.members,
                        offers = visits.offers,
                        "loaded demo data on first start"
                    );
                }
            }
            let public_url = args
                .public_url
                .unwrap_or_else(|| format!("http://{}", args.addr));
            let mailer = Mailer::new(
                args.smtp_url.as_deref(),
                args.outbox,
                &args.mail_from,
                &public_url,
            )?;
            let server = ServerState::new(db, mailer, public_url.starts_with("https://"));
            crate::housekeeping::spawn(server.db.clone(), server.mailer.clone());
            http::serve(
                server,
                args.addr,
                args.site_root,
                TrustForwarded(args.trust_forwarded),
            )
            .await?;
            Ok(())
        }
        Command::Admin(AdminCommand::Grant { email, role }) => {
            grant_role(&db, &email, role.into()).await?;
            tracing::info!(%email, role = Role::from(role).code(), "role granted");
            Ok(())
        }
    }
}
