//! The client-only (csr) entry that Trunk builds: renders the whole app in the browser.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(iey_app::App);
}
