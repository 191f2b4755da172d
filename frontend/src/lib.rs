//! The hydrate entry: brings the server-rendered page to life in the browser.

/// Called by the bundle's JavaScript once the wasm has loaded. Hydration waits for
/// the current route's code when that route is loaded lazily (`cargo leptos --split`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Fails only when the executor is already running, which is fine.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        let mounted = leptos::mount::hydrate_from_async(body, iey_app::App).await;
        mounted.forget();
        // Styles and tests can tell a live page from server-rendered HTML.
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
