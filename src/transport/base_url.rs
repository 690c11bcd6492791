//! The configured base URL of an API, checked by `base_url.js` with the
//! platform's URL parser (one call, verdicts remembered there).

use wasm_bindgen::prelude::*;

use crate::error::{Error, Provider};

#[wasm_bindgen(module = "/src/transport/base_url.js")]
extern "C" {
    type Verdict;
    #[wasm_bindgen(js_name = checkBaseUrl)]
    fn check_base_url(raw: &str) -> Verdict;
    #[wasm_bindgen(method, getter, structural)]
    fn url(this: &Verdict) -> Option<String>;
    #[wasm_bindgen(method, getter, structural)]
    fn refused(this: &Verdict) -> Option<String>;
}

/// Checks a configured base URL: absolute, https (plain http only on loopback,
/// for local simulators), no credentials, query or fragment. Returns it without
/// a trailing slash. A bare host (`hub.example.com`) is taken as https.
pub fn base_url(provider: Provider, name: &str, raw: &str) -> Result<String, Error> {
    let verdict = check_base_url(raw);
    verdict.url().ok_or_else(|| {
        let why = verdict.refused().unwrap_or_default();
        Error::invalid_input(provider, format!("{}: {name} {why}", provider.as_str()))
    })
}
