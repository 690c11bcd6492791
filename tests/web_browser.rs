//! The four exported functions in real Chromium, against the simulator over
//! HTTP (cross-origin, so CORS is exercised too).
//! Run by `wasm-pack test --headless --chrome -- --test web_browser` with SIM_URL set.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const IN_BROWSER: bool = true;

#[path = "web/mod.rs"]
mod web;
