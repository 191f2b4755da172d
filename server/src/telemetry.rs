//! Structured logs with tracing: readable text by default, JSON for log shippers.

use tracing_subscriber::EnvFilter;

use crate::cli::LogFormat;

/// Installs the global subscriber. The filter comes from `IEY_LOG` (default `info`).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_env("IEY_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == LogFormat::Json {
        builder.json().init();
    } else {
        builder.init();
    }
}
