//! The command line: `iey serve`, `iey migrate`, `iey seed`. Every flag can also be
//! set with an `IEY_*` environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use iey_domain::seed::{SeedOptions, seed_if_empty, seed_members};

use crate::http;

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
}

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
                },
            )
            .await?;
            tracing::info!(
                members = report.members,
                tags = report.tags,
                "seeded demo data"
            );
            Ok(())
        }
        Command::Serve(args) => {
            if args.demo {
                let options = SeedOptions {
                    members: args.demo_members,
                    seed: 2013,
                };
                if let Some(report) = seed_if_empty(&db, options).await? {
                    tracing::info!(members = report.members, "loaded demo data on first start");
                }
            }
            http::serve(db, args.addr, args.site_root).await?;
            Ok(())
        }
    }
}
