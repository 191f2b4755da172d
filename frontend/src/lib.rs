//! The hydrate entry: brings the server-rendered page to life in the browser.

/// Called by the bundle's JavaScript once the wasm has loaded.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(iey_app::App);
    // Styles and tests can tell a live page from server-rendered HTML.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
