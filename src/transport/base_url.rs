//! The configured base URL of an API, checked once per distinct value.

use crate::error::{Error, Provider};

/// Checks a configured base URL: absolute, https (plain http only on loopback,
/// for local simulators), no credentials, query or fragment. Returns it without
/// a trailing slash. A bare host (`hub.example.com`) is taken as https.
pub fn base_url(provider: Provider, name: &str, raw: &str) -> Result<String, Error> {
    // Calls repeat the same few base URLs; parsing them with URL is a
    // measurable share of a small call, so the verdicts are remembered.
    type Verdicts = Vec<((Provider, String, String), Result<String, Error>)>;
    thread_local!(static SEEN: std::cell::RefCell<Verdicts> = const { std::cell::RefCell::new(Vec::new()) });
    let key = (provider, name.to_owned(), raw.to_owned());
    if let Some(hit) = SEEN.with(|seen| {
        seen.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }) {
        return hit;
    }
    let verdict = parse_base_url(provider, name, raw);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= 16 {
            drop(seen.remove(0));
        }
        seen.push((key, verdict.clone()));
    });
    verdict
}

fn parse_base_url(provider: Provider, name: &str, raw: &str) -> Result<String, Error> {
    let p = provider.as_str();
    let has_scheme = raw.as_bytes().windows(3).any(|w| w == b"://");
    let candidate = if has_scheme {
        raw.to_owned()
    } else {
        format!("https://{raw}")
    };
    let bad = |why: &str| Error::invalid_input(provider, format!("{p}: {name} {why}"));
    let url = web_sys::Url::new(&candidate).map_err(|_| bad("is not a valid URL"))?;
    if !url.username().is_empty() || !url.password().is_empty() {
        return Err(bad("must not carry credentials; pass them as options"));
    }
    if !url.search().is_empty() || !url.hash().is_empty() {
        return Err(bad("must not have a query or fragment"));
    }
    let host = url.hostname();
    let loopback = host == "localhost"
        || host == "[::1]"
        || host
            .strip_prefix("127.")
            .is_some_and(|rest| rest.split('.').count() == 3);
    match url.protocol().as_str() {
        "https:" => {}
        "http:" if loopback => {}
        "http:" => {
            return Err(bad(
                "must use https (plain http is only allowed on loopback)",
            ))
        }
        _ => return Err(bad("must be an http(s) URL")),
    }
    let path = url.pathname();
    Ok(format!("{}{}", url.origin(), path.trim_end_matches('/')))
}
