//! The built site's files: the bundle under `/pkg` and the files at the top of the
//! site root (the favicon).
//!
//! They are served here rather than by leptos_axum's fallback, which answers a
//! file inside an `Owner` made as a child of whatever owner the worker thread
//! holds at that moment. When that is a page being rendered alongside, the file
//! took the page's response headers (its Content-Security-Policy, and could have
//! taken a Set-Cookie), and the page went out without them.

use std::path::Path;

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::http::AppState;

/// Routes for `/pkg/...` and for each file at the top of `site_root`, as it is
/// when the server starts.
pub fn routes(site_root: &Path) -> Router<AppState> {
    let mut router = Router::new().nest_service("/pkg", ServeDir::new(site_root.join("pkg")));
    for file in top_level_files(site_root) {
        router = router.route_service(&format!("/{file}"), ServeFile::new(site_root.join(&file)));
    }
    router
}

/// The names of the plain files directly in `dir` with a plain name and an
/// extension (no page's address has a dot, so they never clash with a page).
fn top_level_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| {
            name.contains('.')
                && !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_files_with_plain_names_become_routes() {
        let dir = std::env::temp_dir().join(format!("iey-assets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(dir.join("odd {name}.txt"), "").unwrap();
        std::fs::write(dir.join("healthz"), "").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "").unwrap();
        assert_eq!(top_level_files(&dir), vec!["favicon.svg".to_owned()]);
        assert!(top_level_files(&dir.join("missing")).is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
