//! The JavaScript surface (the contract in README "API"), and the only file with
//! `#[wasm_bindgen]` exports. Checks arguments and options, runs the provider
//! call, and turns results into plain JS objects and failures into `OrderApiError`s.
//!
//! Results are built by `JSON.parse` of the body that was just checked against
//! the typed models: one native parse instead of thousands of boundary
//! crossings, and the models round-trip exactly, so nothing is lost.

use js_sys::{Array, Function, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::error::{Error, Provider};
use crate::json::list;
use crate::policy;
use crate::providers::license_rocks::ids::IdInput;
use crate::providers::license_rocks::{new_orders_from_json, NewExternalOrder};
use crate::providers::{capture, license_rocks, namefi, Credential, CredentialKind};
use crate::transport::{base_url, Transport};

/// Options every function takes.
const COMMON_OPTIONS: [&str; 6] = [
    "timeoutMs",
    "maxRetries",
    "signal",
    "fetch",
    "maxResponseBytes",
    "dangerouslyAllowBrowser",
];

/// Queries a Capture network-action order; resolves to the reply's `response` object.
#[wasm_bindgen(js_name = queryCaptureOrder)]
pub async fn query_capture_order(order_id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let provider = Provider::Capture;
    let call = Call::new(provider, &options, &[capture::API_KEY], &["baseUrl"])?;
    let run = async {
        let base = call.base_url("baseUrl", capture::DEFAULT_BASE_URL)?;
        let order_id = string_arg(provider, "orderId", &order_id)?;
        let body =
            capture::query_order(&call.transport, &base, &call.credential.value, &order_id).await?;
        parse_json(provider, &body)?
            .unchecked_into::<ParsedReply>()
            .response()
            .map_err(|_| unreadable(provider))
    };
    call.finish(run.await)
}

/// Gets a Namefi order with its items, payments and user, for the order's owner
/// (exactly one of `token`, `siweToken` and `apiKey`).
#[wasm_bindgen(js_name = getNamefiOrder)]
pub async fn get_namefi_order(order_id: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let provider = Provider::Namefi;
    let call = Call::new(provider, &options, &namefi::CREDENTIALS, &["baseUrl"])?;
    let run = async {
        let base = call.base_url("baseUrl", namefi::DEFAULT_BASE_URL)?;
        let order_id = string_arg(provider, "orderId", &order_id)?;
        let body = namefi::get_order(&call.transport, &base, &call.credential, &order_id).await?;
        parse_json(provider, &body)
    };
    call.finish(run.await)
}

/// Reads License.rocks orders: one per distinct id, in the order first asked for.
#[wasm_bindgen(js_name = getExternalOrders)]
pub async fn get_external_orders(ids: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let provider = Provider::LicenseRocks;
    let call = Call::license_rocks(&options)?;
    let run = async {
        let instance = call.required_url("instanceUrl")?;
        let ids = crate::providers::license_rocks::ids::license_rocks_ids(&id_inputs(&ids)?)?;
        let merged = Array::new_with_length(ids.len() as u32);
        if ids.is_empty() {
            return Ok(merged.into());
        }
        let batches =
            license_rocks::get_orders(&call.transport, &instance, &call.credential.value, &ids)
                .await?;
        // The usual case: one reply holding exactly what was asked, in that order.
        if let [batch] = batches.as_slice() {
            if batch.returned.len() == ids.len()
                && batch
                    .returned
                    .iter()
                    .zip(&ids)
                    .all(|(r, a)| *r == *a as i64)
            {
                return Ok(orders_array(provider, &batch.body)?.into());
            }
        }
        // Otherwise each order by its id (known from the check, so no property reads here).
        let returned: Vec<&[i64]> = batches.iter().map(|b| b.returned.as_slice()).collect();
        let places = license_rocks::place_by_id(&ids, &returned)?;
        let arrays = batches
            .iter()
            .map(|b| orders_array(provider, &b.body))
            .collect::<Result<Vec<_>, _>>()?;
        for (slot, (batch, index)) in places.into_iter().enumerate() {
            merged.set(slot as u32, arrays[batch].get(index as u32));
        }
        Ok(merged.into())
    };
    call.finish(run.await)
}

/// Creates License.rocks orders (marks them paid and starts the NFT transfer).
/// Sent once, never retried.
#[wasm_bindgen(js_name = createExternalOrders)]
pub async fn create_external_orders(orders: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let provider = Provider::LicenseRocks;
    let call = Call::license_rocks(&options)?;
    let run = async {
        let instance = call.required_url("instanceUrl")?;
        let orders = new_orders(&orders)?;
        let body = license_rocks::create_orders(
            &call.transport,
            &instance,
            &call.credential.value,
            &orders,
        )
        .await?;
        Ok(orders_array(provider, &body)?.into())
    };
    call.finish(run.await)
}

/// One call's checked options.
struct Call {
    provider: Provider,
    options: Object,
    credential: Credential,
    transport: Transport,
}

impl Call {
    /// Checks `options`: an object with only known keys (a credential of
    /// `credentials`, one of `own`, or a common option), exactly one credential,
    /// a non-empty header-safe string, the common options in range, and a secret
    /// credential not used from a browser page unless allowed.
    fn new(
        provider: Provider,
        options: &JsValue,
        credentials: &[CredentialKind],
        own: &[&str],
    ) -> Result<Call, JsValue> {
        let checked = (|| {
            let p = provider.as_str();
            let names: Vec<&str> = credentials.iter().map(|c| c.option).collect();
            let one_of = match names.as_slice() {
                [one] => one.to_string(),
                many => format!("exactly one of {}", list(many.iter())),
            };
            if !options.is_object() || Array::is_array(options) || options.is_function() {
                return Err(Error::invalid_input(
                    provider,
                    format!("{p}: options must be an object with {one_of}"),
                ));
            }
            let options: Object = options.clone().unchecked_into();
            let known: Vec<&str> = names.iter().chain(own).copied().collect();
            let unknown = first_unknown_option(&options, &known).map_err(|_| {
                Error::invalid_input(
                    provider,
                    format!("{p}: options could not be read (their keys threw)"),
                )
            })?;
            if let Some(key) = unknown {
                return Err(Error::invalid_input(
                    provider,
                    format!(
                        "{p}: unknown option {}; known options: {}",
                        crate::json::quote(&key),
                        list(known.iter().chain(&COMMON_OPTIONS))
                    ),
                ));
            }
            let get = |key: &str| option_value(&options, key);
            let given: Vec<(CredentialKind, JsValue)> = credentials
                .iter()
                .map(|c| (*c, get(c.option)))
                .filter(|(_, v)| !v.is_undefined())
                .collect();
            let credential = match given.as_slice() {
                [(kind, value)] => Credential {
                    kind: *kind,
                    value: credential(provider, kind.option, value)?,
                },
                [] => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: {one_of} is required and must be a string"),
                    ))
                }
                [first, second, ..] => {
                    return Err(Error::invalid_input(
                        provider,
                        format!(
                            "{p}: give one credential, not both {} and {}",
                            first.0.option, second.0.option
                        ),
                    ))
                }
            };
            let allow_browser = match get("dangerouslyAllowBrowser") {
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
                &get("timeoutMs"),
                1,
                policy::MAX_TIMEOUT_MS as u64,
                policy::DEFAULT_TIMEOUT_MS as u64,
            )? as u32;
            let max_retries = number_option(
                provider,
                "maxRetries",
                &get("maxRetries"),
                0,
                policy::MAX_MAX_RETRIES as u64,
                policy::DEFAULT_MAX_RETRIES as u64,
            )? as u32;
            let max_response_bytes = number_option(
                provider,
                "maxResponseBytes",
                &get("maxResponseBytes"),
                1,
                1 << 30,
                policy::DEFAULT_MAX_RESPONSE_BYTES as u64,
            )? as usize;
            let signal = match get("signal") {
                v if v.is_undefined() => None,
                v if is_abort_signal(&v) => Some(v.unchecked_into::<AbortSignal>()),
                _ => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: signal must be an AbortSignal"),
                    ))
                }
            };
            let fetch = match get("fetch") {
                v if v.is_undefined() => None,
                v if v.is_function() => Some(v.unchecked_into::<Function>()),
                _ => {
                    return Err(Error::invalid_input(
                        provider,
                        format!("{p}: fetch must be a function"),
                    ))
                }
            };
            let transport = Transport {
                provider,
                fetch,
                timeout_ms,
                max_retries,
                max_response_bytes,
                signal,
                retry_after_cap_ms: policy::RETRY_AFTER_CAP_MS,
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

    /// A License.rocks call: the instance's API token and `instanceUrl`.
    fn license_rocks(options: &JsValue) -> Result<Call, JsValue> {
        Call::new(
            Provider::LicenseRocks,
            options,
            &[license_rocks::API_TOKEN],
            &["instanceUrl"],
        )
    }

    fn option(&self, key: &str) -> JsValue {
        option_value(&self.options, key)
    }

    fn base_url(&self, key: &str, default: &str) -> Result<String, Error> {
        match self.option(key) {
            v if v.is_undefined() => Ok(default.to_owned()),
            v => base_url(self.provider, key, &string_arg(self.provider, key, &v)?),
        }
    }

    fn required_url(&self, key: &str) -> Result<String, Error> {
        let value = self.option(key);
        if value.is_undefined() {
            return Err(Error::invalid_input(
                self.provider,
                format!(
                    "{}: {key} is required (e.g. https://hub.example.com)",
                    self.provider.as_str()
                ),
            ));
        }
        base_url(self.provider, key, &string_arg(self.provider, key, &value)?)
    }

    fn finish(&self, result: Result<JsValue, Error>) -> Result<JsValue, JsValue> {
        result.map_err(|e| to_js_error(&e, &[&self.credential.value]))
    }
}

// The options and the signal are read through getters with the property names
// written into the JS glue: no key string is built per read, and the engine
// caches each lookup. (A key as a `&str` would cross the boundary as a new
// string on every read, a measurable share of a small call.)
#[wasm_bindgen]
extern "C" {
    type OptionsObject;
    #[wasm_bindgen(method, getter = apiKey, structural, catch)]
    fn api_key(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = apiToken, structural, catch)]
    fn api_token(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn token(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = siweToken, structural, catch)]
    fn siwe_token(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = baseUrl, structural, catch)]
    fn base_url(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = instanceUrl, structural, catch)]
    fn instance_url(this: &OptionsObject) -> Result<JsValue, JsValue>;
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

    type ParsedReply;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn response(this: &ParsedReply) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn orders(this: &ParsedReply) -> Result<JsValue, JsValue>;

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
    // Likewise for an array argument: its length, and a copy made here, where
    // a throwing element or length getter (a Proxy) is caught.
    type ArrayArgument;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn length(this: &ArrayArgument) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_copy(array: &JsValue) -> Result<Array, JsValue>;
}

/// The length of an array argument; `None` when reading it threw.
fn array_length(array: &JsValue) -> Option<f64> {
    array
        .unchecked_ref::<ArrayArgument>()
        .length()
        .ok()
        .and_then(|n| n.as_f64())
}

/// The first key of `options` that is not one of `own` or the common options.
fn first_unknown_option(options: &Object, own: &[&str]) -> Result<Option<String>, JsValue> {
    Ok(object_keys(options)?
        .iter()
        .filter_map(|key| key.as_string())
        .find(|key| !own.contains(&key.as_str()) && !COMMON_OPTIONS.contains(&key.as_str())))
}

/// One option's value; `undefined` when absent or when its getter throws.
fn option_value(options: &Object, key: &str) -> JsValue {
    let o: &OptionsObject = options.unchecked_ref();
    let read = match key {
        "apiKey" => o.api_key(),
        "apiToken" => o.api_token(),
        "token" => o.token(),
        "siweToken" => o.siwe_token(),
        "baseUrl" => o.base_url(),
        "instanceUrl" => o.instance_url(),
        "timeoutMs" => o.timeout_ms(),
        "maxRetries" => o.max_retries(),
        "signal" => o.signal(),
        "fetch" => o.fetch(),
        "maxResponseBytes" => o.max_response_bytes(),
        "dangerouslyAllowBrowser" => o.dangerously_allow_browser(),
        _ => Reflect::get(options, &key.into()),
    };
    read.unwrap_or(JsValue::UNDEFINED)
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

fn string_arg(provider: Provider, name: &str, value: &JsValue) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid_input(
            provider,
            format!("{}: {name} must be a string", provider.as_str()),
        )
    })
}

fn id_inputs(ids: &JsValue) -> Result<Vec<IdInput>, Error> {
    if !Array::is_array(ids) {
        return Err(Error::invalid_input(
            Provider::LicenseRocks,
            "licenseRocks: ids must be an array of numbers or digit strings",
        ));
    }
    let unreadable = || {
        Error::invalid_input(
            Provider::LicenseRocks,
            "licenseRocks: ids could not be read (the array threw)",
        )
    };
    // Checked before the copy: a huge sparse array must not be copied.
    // (`as` saturates: an array's length is a whole number up to 2^32 - 1.)
    crate::providers::license_rocks::ids::check_id_count(
        array_length(ids).ok_or_else(unreadable)? as usize,
    )?;
    let ids = array_copy(ids).map_err(|_| unreadable())?;
    Ok(ids
        .iter()
        .map(|id| match (id.as_f64(), id.as_string()) {
            (Some(n), _) => IdInput::Number(n),
            (_, Some(s)) => IdInput::Text(s),
            _ if id.is_null() => IdInput::Other("null"),
            _ if id.is_undefined() => IdInput::Other("undefined"),
            _ if id.as_bool().is_some() => IdInput::Other("boolean"),
            _ if id.is_bigint() => IdInput::Other("bigint"),
            _ => IdInput::Other("object"),
        })
        .collect())
}

/// Create input goes through `JSON.stringify`, so it is read exactly as the
/// Worker reads a request body: unknown fields refused, types checked, paths
/// named. (`undefined` fields are dropped by it, as an absent optional should be.)
fn new_orders(orders: &JsValue) -> Result<Vec<NewExternalOrder>, Error> {
    let provider = Provider::LicenseRocks;
    let unreadable = || {
        Error::invalid_input(
            provider,
            "licenseRocks: orders could not be read (the array threw)",
        )
    };
    if !Array::is_array(orders) || array_length(orders).ok_or_else(unreadable)? == 0.0 {
        return Err(Error::invalid_input(
            provider,
            "licenseRocks: orders must be a non-empty array of {nftId, listingId, quantity, buyerUserId, buyerBillingData?}",
        ));
    }
    let text = JSON::stringify(orders)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            Error::invalid_input(
                provider,
                "licenseRocks: orders must be plain data (JSON.stringify could not write them)",
            )
        })?;
    new_orders_from_json(&text)
        .map_err(|message| Error::invalid_input(provider, format!("licenseRocks: {message}")))
}

/// `JSON.parse` of a checked body. The check proved it UTF-8, and the bytes go
/// to the decoder as a view of wasm memory: nothing is validated or copied twice.
fn parse_json(provider: Provider, body: &[u8]) -> Result<JsValue, Error> {
    thread_local!(static DECODER: Option<Utf8Decoder> = Utf8Decoder::new().ok());
    let text = DECODER.with(|d| d.as_ref().and_then(|d| d.decode(body).ok()));
    parse_js_string(&text.ok_or_else(|| unreadable(provider))?).map_err(|_| unreadable(provider))
}

// web-sys's TextDecoder and js-sys's JSON.parse both go through a Rust String,
// which would copy the body back into wasm and out again.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf8Decoder;
    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new() -> Result<Utf8Decoder, JsValue>;
    #[wasm_bindgen(method, js_class = "TextDecoder", js_name = decode, catch)]
    fn decode(this: &Utf8Decoder, bytes: &[u8]) -> Result<js_sys::JsString, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js_string(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

fn orders_array(provider: Provider, body: &[u8]) -> Result<Array, Error> {
    let orders = parse_json(provider, body)?
        .unchecked_into::<ParsedReply>()
        .orders()
        .map_err(|_| unreadable(provider))?;
    orders.dyn_into::<Array>().map_err(|_| unreadable(provider))
}

/// Should not happen: the body was checked before. Kept as an error, never a panic.
fn unreadable(provider: Provider) -> Error {
    Error::invalid_response(
        provider,
        200,
        None,
        format!(
            "{}: the checked body could not be read back",
            provider.as_str()
        ),
    )
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

/// An `Error` named `OrderApiError` with the contract's fields; secrets scrubbed
/// from the message whatever put them there.
fn to_js_error(error: &Error, secrets: &[&str]) -> JsValue {
    let mut message = error.message.clone();
    for secret in secrets {
        message = crate::redact::secret(&message, secret);
    }
    let js = js_sys::Error::new(&message);
    js.set_name("OrderApiError");
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&js, &key.into(), &value);
    };
    set("kind", error.kind.as_str().into());
    set("provider", error.provider.as_str().into());
    if let Some(status) = error.status {
        set("status", status.into());
    }
    if let Some(code) = crate::error::code_without(error.code.as_deref(), secrets) {
        set("code", code.into());
    }
    if let Some(path) = &error.path {
        // A path names keys of the reply, which an upstream chooses.
        let path = secrets
            .iter()
            .fold(path.clone(), |p, s| crate::redact::secret(&p, s));
        set("path", path.into());
    }
    set("retryable", error.retryable.into());
    if let Some(ms) = error.retry_after_ms {
        set("retryAfterMs", (ms as f64).into());
    }
    js.into()
}
