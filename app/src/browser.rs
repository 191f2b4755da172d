//! What only the browser knows. On the server every answer is `None`.

/// The browser's IANA time zone, e.g. "Europe/Paris".
pub fn time_zone() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let format =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
        js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
            .ok()?
            .as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
