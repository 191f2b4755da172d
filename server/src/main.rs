//! The `iey` binary: reads the command line and runs the chosen command.

use clap::Parser;
use iey_server::{cli, telemetry};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    telemetry::init(cli.log_format);
    match cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "iey stopped");
            eprintln!("iey: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
