//! The options of a call, checked against the provider's spec before anything
//! is sent: known keys only, exactly one credential, limits in range, and no
//! secret in a browser page unless the caller opts in.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::convert::{is_array, string_arg, to_js_error};
use crate::error::{Error, Provider};
use crate::json::list;
use crate::policy;
use crate::providers::{Credential, Location};
use crate::transport::{base_url, Observer, Transport};

/// Options every function takes.
const COMMON_OPTIONS: [&str; 10] = [
    "timeoutMs",
    "maxRetries",
    "signal",
    "fetch",
    "maxResponseBytes",
    "dangerouslyAllowBrowser",
    "onRequest",
    "onResponse",
    "onRetry",
    "onError",
];

/// One call's checked options.
pub(super) struct Call {
    provider: Provider,
    options: Object,
    pub(super) credential: Credential,
    pub(super) transport: Transport,
}

impl Call {
    /// Checks `options` against `provider`'s spec: an object with only known
    /// keys (one of its credentials, its URL option, or a common option),
    /// exactly one credential, a non-empty header-safe string, the common
    /// options in range, and a secret credential not used from a browser page
    /// unless allowed.
    pub(super) fn new(provider: Provider, options: &JsValue) -> Result<Call, JsValue> {
        let spec = provider.spec();
        let credentials = spec.credentials;
        let location_option = spec.location.option();
        let checked = (|| {
            let p = provider.as_str();
            // Messages are built only on the way out: the happy path formats nothing.
            let one_of = || match credentials {
                [one] => one.option.to_string(),
                many => format!("exactly one of {}", list(many.iter().map(|c| &c.option))),
            };
            let unreadable = || {
                Error::invalid_input(
                    provider,
                    format!("{p}: options could not be read (reading them threw)"),
                )
            };
            if !options.is_object()
                || is_array(options).ok_or_else(unreadable)?
                || options.is_function()
            {
                return Err(Error::invalid_input(
                    provider,
                    format!("{p}: options must be an object with {}", one_of()),
                ));
            }
            let options: Object = options.clone().unchecked_into();
            let is_own =
                |key: &str| key == location_option || credentials.iter().any(|c| c.option == key);
            let unknown = first_unknown_option(&options, is_own).map_err(|_| unreadable())?;
            if let Some(key) = unknown {
                let known = credentials.iter().map(|c| &c.option);
                let known = known.chain(std::iter::once(&location_option));
                return Err(Error::invalid_input(
                    provider,
                    format!(
                        "{p}: unknown option {}; known options: {}",
                        crate::json::quote(&key),
                        list(known.chain(&COMMON_OPTIONS))
                    ),
                ));
            }
            let get = |key: &'static str| option_value(provider, &options, key);
            // The first two credentials given, in the spec's order.
            let (mut first, mut second) = (None, None);
            for c in credentials {
                let value = get(c.option)?;
                if value.is_undefined() {
                    continue;
                }
                if first.is_none() {
                    first = Some((*c, value));
                } else {
                    second = Some((*c, value));
                    break;
                }
            }
            let credential = match (first, second) {
                (Some((kind, value)), None) => Credential {
                    kind,
                    value: credential(provider, kind.option, &value)?,
                },
                (None, _) => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: {} is required and must be a string", one_of()),
                    ))
                }
                (Some(first), Some(second)) => {
                    return Err(Error::invalid_input(
                        provider,
                        format!(
                            "{p}: give one credential, not both {} and {}",
                            first.0.option, second.0.option
                        ),
                    ))
                }
            };
            let allow_browser = match get("dangerouslyAllowBrowser")? {
                v if v.is_undefined() => false,
                v => v.as_bool().ok_or_else(|| {
                    Error::invalid_input(
                        provider,
                        format!("{p}: dangerouslyAllowBrowser must be a boolean"),
                    )
                })?,
            };
            if credential.kind.secret && !allow_browser && in_browser_page() {
                return Err(Error::invalid_input(provider, format!(
                    "{p}: {} is a secret for servers and this looks like a browser page, where anyone can read it; call from a server or the edge worker, or pass dangerouslyAllowBrowser: true if you really mean it",
                    credential.kind.option
                )));
            }
            let timeout_ms = number_option(
                provider,
                "timeoutMs",
                &get("timeoutMs")?,
                1,
                policy::MAX_TIMEOUT_MS as u64,
                policy::DEFAULT_TIMEOUT_MS as u64,
            )? as u32;
            let max_retries = number_option(
                provider,
                "maxRetries",
                &get("maxRetries")?,
                0,
                policy::MAX_MAX_RETRIES as u64,
                policy::DEFAULT_MAX_RETRIES as u64,
            )? as u32;
            let max_response_bytes = number_option(
                provider,
                "maxResponseBytes",
                &get("maxResponseBytes")?,
                1,
                1 << 30,
                policy::DEFAULT_MAX_RESPONSE_BYTES as u64,
            )? as usize;
            let signal = match get("signal")? {
                v if v.is_undefined() => None,
                v if is_abort_signal(&v) => Some(v.unchecked_into::<AbortSignal>()),
                _ => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: signal must be an AbortSignal"),
                    ))
                }
            };
            let fetch = match get("fetch")? {
                v if v.is_undefined() => None,
                v if v.is_function() => Some(v.unchecked_into::<Function>()),
                _ => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: fetch must be a function"),
                    ))
                }
            };
            // Read by the hooks' own module, which calls them.
            let observer = Observer::from_options(provider, &options, &credential.value)
                .map_err(|message| Error::invalid_input(provider, message))?;
            let transport = Transport {
                provider,
                fetch,
                timeout_ms,
                max_retries,
                max_response_bytes,
                signal,
                retry_after_cap_ms: policy::RETRY_AFTER_CAP_MS,
                observer,
            };
            Ok(Call {
                provider,
                options,
                credential,
                transport,
            })
        })();
        // No secret is known yet if the options themselves were bad.
        checked.map_err(|e| to_js_error(&e, &[]))
    }

    /// Where the provider's API is, as its spec and the options say: the
    /// service's base URL (the default unless `baseUrl` is given), or the
    /// instance the caller must name.
    pub(super) fn api_url(&self) -> Result<String, Error> {
        let location = self.provider.spec().location;
        let key = location.option();
        match (option_value(self.provider, &self.options, key)?, location) {
            (v, Location::Service { default }) if v.is_undefined() => Ok(default.to_owned()),
            (v, Location::Instance { example, .. }) if v.is_undefined() => {
                Err(Error::invalid_input(
                    self.provider,
                    format!(
                        "{}: {key} is required (e.g. {example})",
                        self.provider.as_str()
                    ),
                ))
            }
            (v, _) => base_url(self.provider, key, &string_arg(self.provider, key, &v)?),
        }
    }

    /// The call's result, a failure as an `OrderApiError` with the credential scrubbed.
    pub(super) fn finish<T>(&self, result: Result<T, Error>) -> Result<T, JsValue> {
        result.map_err(|e| to_js_error(&e, &[&self.credential.value]))
    }
}

// The common options and the signal are read through getters with the
// property names written into the JS glue: no key string is built per read,
// and the engine caches each lookup. (A key as a `&str` would cross the
// boundary as a new string on every read, a measurable share of a small call.)
// A provider's own options (its credentials, its URL) are named by its spec
// and read with keys made into JS strings once (`provider_option`).
#[wasm_bindgen]
extern "C" {
    type OptionsObject;
    #[wasm_bindgen(method, getter = timeoutMs, structural, catch)]
    fn timeout_ms(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = maxRetries, structural, catch)]
    fn max_retries(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn signal(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn fetch(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = maxResponseBytes, structural, catch)]
    fn max_response_bytes(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = dangerouslyAllowBrowser, structural, catch)]
    fn dangerously_allow_browser(this: &OptionsObject) -> Result<JsValue, JsValue>;

    type SignalLike;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn aborted(this: &SignalLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = addEventListener, structural, catch)]
    fn add_event_listener(this: &SignalLike) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    // js-sys's `Object::keys` does not catch: a Proxy whose `ownKeys` throws
    // would throw through the wasm instead of failing as bad input.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &Object) -> Result<Array, JsValue>;
}

/// The first key of `options` that is neither `is_own` nor a common option.
fn first_unknown_option(
    options: &Object,
    is_own: impl Fn(&str) -> bool,
) -> Result<Option<String>, JsValue> {
    Ok(object_keys(options)?
        .iter()
        .filter_map(|key| key.as_string())
        .find(|key| !is_own(key) && !COMMON_OPTIONS.contains(&key.as_str())))
}

/// One option's value, `undefined` when absent. An option whose getter throws
/// is refused, not read as absent: a `fetch`, `signal` or URL taken as absent
/// would mean a real request, no cancellation, or the production API.
fn option_value(provider: Provider, options: &Object, key: &'static str) -> Result<JsValue, Error> {
    let o: &OptionsObject = options.unchecked_ref();
    let read = match key {
        "timeoutMs" => o.timeout_ms(),
        "maxRetries" => o.max_retries(),
        "signal" => o.signal(),
        "fetch" => o.fetch(),
        "maxResponseBytes" => o.max_response_bytes(),
        "dangerouslyAllowBrowser" => o.dangerously_allow_browser(),
        _ => provider_option(options, key),
    };
    read.map_err(|_| {
        Error::invalid_input(
            provider,
            format!(
                "{}: {key} could not be read (reading it threw)",
                provider.as_str()
            ),
        )
    })
}

/// A provider's own option, by the name its spec gives: the key is made into
/// a JS string once per name, so a read costs one crossing and no string.
fn provider_option(options: &Object, key: &'static str) -> Result<JsValue, JsValue> {
    thread_local!(static KEYS: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) });
    let name = KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some((_, name)) = keys.iter().find(|(k, _)| *k == key) {
            return name.clone();
        }
        let name = JsValue::from_str(key);
        keys.push((key, name.clone()));
        name
    });
    Reflect::get(options, &name)
}

fn credential(provider: Provider, name: &str, value: &JsValue) -> Result<String, Error> {
    let p = provider.as_str();
    let Some(text) = value.as_string() else {
        return Err(Error::invalid_input(
            provider,
            format!("{p}: {name} is required and must be a string"),
        ));
    };
    if !crate::checks::is_header_safe(&text) {
        return Err(Error::invalid_input(
            provider,
            format!("{p}: {name} must be a non-empty string of visible ASCII characters"),
        ));
    }
    Ok(text)
}

fn number_option(
    provider: Provider,
    name: &str,
    value: &JsValue,
    min: u64,
    max: u64,
    default: u64,
) -> Result<u64, Error> {
    if value.is_undefined() {
        return Ok(default);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(n as u64),
        _ => Err(Error::invalid_input(
            provider,
            format!(
                "{}: {name} must be an integer from {min} to {max}",
                provider.as_str()
            ),
        )),
    }
}

fn is_abort_signal(value: &JsValue) -> bool {
    let signal: &SignalLike = value.unchecked_ref();
    value.is_object()
        && signal.aborted().is_ok_and(|a| a.as_bool().is_some())
        && signal.add_event_listener().is_ok_and(|f| f.is_function())
}

/// A browser page or browser worker, as opposed to Node, Deno, Bun, workerd or
/// another edge runtime (the same test openai-node uses). The runtime does not
/// change, and probing globals is a measurable share of a call, so it is asked once.
fn in_browser_page() -> bool {
    thread_local!(static ANSWER: bool = probe_browser_page());
    ANSWER.with(|a| *a)
}

fn probe_browser_page() -> bool {
    let global = js_sys::global();
    let get = |target: &JsValue, key: &str| {
        Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
    };
    let defined = |key: &str| !get(&global, key).is_undefined();
    let node = get(&get(&get(&global, "process"), "versions"), "node").is_string();
    let user_agent = get(&get(&global, "navigator"), "userAgent").as_string();
    if node
        || defined("Deno")
        || defined("Bun")
        || defined("EdgeRuntime")
        || defined("WebSocketPair")
        || user_agent.as_deref() == Some("Cloudflare-Workers")
    {
        return false;
    }
    (defined("window") && defined("document"))
        || defined("WorkerGlobalScope")
        || defined("importScripts")
}
