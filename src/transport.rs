//! The only module that touches the network.
//!
//! Uses the global `fetch` (never `window`, so it runs in Node, Workers and
//! pages alike) or one the caller injects; `redirect: "manual"` with any 3xx an
//! error, so credentials never follow a redirect; a per-attempt deadline joined
//! with the caller's `AbortSignal`; GET retries per [`crate::policy`]; a cap on
//! the body size. A POST is sent once, and if its answer is lost the outcome is
//! reported as unknown.

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader, RequestInit, RequestRedirect};

use crate::error::{is_retryable_status, Error, ErrorKind, Provider};
use crate::policy::{decide, parse_retry_after, RetryDecision};

#[wasm_bindgen]
extern "C" {
    // Globals, not `window.*`: present in browsers, workers, Node and workerd.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &RequestInit) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);

    // Properties read by fixed names written into the glue: no key string per
    // read, and the engine caches the lookup. Duck-typed, so a fetch polyfill's
    // objects work too.
    type Props;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn status(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn done(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn value(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn abort(this: &Props) -> Result<JsValue, JsValue>;
}

fn props(value: &JsValue) -> &Props {
    value.unchecked_ref()
}

/// How one call talks to the network.
#[derive(Debug, Clone)]
pub struct Transport {
    /// Whose API this is (for errors).
    pub provider: Provider,
    /// An injected `fetch`; the global one when `None`.
    pub fetch: Option<Function>,
    /// Time limit of each attempt, body included.
    pub timeout_ms: u32,
    /// Retries after the first attempt (GET only).
    pub max_retries: u32,
    /// Largest body accepted.
    pub max_response_bytes: usize,
    /// The caller's signal: aborts everything at once.
    pub signal: Option<AbortSignal>,
    /// A `Retry-After` longer than this is not waited for.
    pub retry_after_cap_ms: u64,
}

/// A request to send.
#[derive(Debug)]
pub struct Outgoing<'a> {
    /// GET or POST.
    pub post: bool,
    /// Full URL.
    pub url: &'a str,
    /// Header pairs, credentials included.
    pub headers: &'a [(&'a str, &'a str)],
    /// JSON body of a POST.
    pub body: Option<&'a str>,
}

/// What came back.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Retry-After`, in milliseconds from now, when the server sent one.
    pub retry_after_ms: Option<u64>,
    /// The whole body.
    pub body: Vec<u8>,
}

/// Why one attempt got no usable reply.
enum Failure {
    TimedOut,
    Aborted,
    Network(String),
    TooLarge,
    Redirect(Option<u16>),
}

impl Transport {
    /// Sends `req`, retrying a GET when that can help; any status comes back as a
    /// [`Reply`] for the provider module to read, except redirects.
    pub async fn send(&self, req: &Outgoing<'_>) -> Result<Reply, Error> {
        let mut retry = 0;
        loop {
            if self.caller_aborted() {
                return Err(self.error(ErrorKind::Aborted, "the call was aborted by its signal before the request was sent".into()));
            }
            let outcome = self.attempt(req).await;
            let retry_after = match &outcome {
                Ok(reply) if !req.post && is_retryable_status(reply.status) => reply.retry_after_ms,
                Err(Failure::Network(_)) if !req.post => None,
                _ => return outcome.map_err(|f| self.failure(req, f)),
            };
            match decide(retry, self.max_retries, retry_after, self.retry_after_cap_ms, js_sys::Math::random()) {
                RetryDecision::After(ms) => sleep(ms, self.signal.as_ref()).await,
                RetryDecision::GiveUp => return outcome.map_err(|f| self.failure(req, f)),
            }
            retry += 1;
        }
    }

    async fn attempt(&self, req: &Outgoing<'_>) -> Result<Reply, Failure> {
        let deadline = Deadline::start(Some(self.timeout_ms), self.signal.as_ref()).map_err(Failure::Network)?;
        let result = self.exchange(req, &deadline.controller.signal()).await;
        deadline.finish();
        result.map_err(|failure| match failure {
            // An abort error is ours (deadline) or the caller's; tell them apart.
            Failure::Network(_) | Failure::Aborted if self.caller_aborted() => Failure::Aborted,
            Failure::Network(_) | Failure::Aborted if deadline.controller.signal().aborted() => Failure::TimedOut,
            other => other,
        })
    }

    async fn exchange(&self, req: &Outgoing<'_>, signal: &AbortSignal) -> Result<Reply, Failure> {
        // fetch(url, init) with a plain headers object: no Request or Headers
        // objects to build, which is most of a call's cost in Node.
        let init = RequestInit::new();
        init.set_method(if req.post { "POST" } else { "GET" });
        init.set_redirect(RequestRedirect::Manual);
        init.set_signal(Some(signal));
        let headers = Object::new();
        for (name, value) in req.headers {
            let _ = Reflect::set(&headers, &(*name).into(), &(*value).into());
        }
        init.set_headers(&headers);
        if let Some(body) = req.body {
            init.set_body(&body.into());
        }
        let promise = match &self.fetch {
            Some(fetch) => fetch
                .call2(&JsValue::UNDEFINED, &req.url.into(), &init)
                .map_err(|e| Failure::Network(format!("the injected fetch threw: {}", js_message(&e))))?
                .dyn_into::<Promise>()
                .map_err(|_| Failure::Network("the injected fetch did not return a Promise".into()))?,
            None => global_fetch(req.url, &init),
        };
        let value = JsFuture::from(promise).await.map_err(|e| Failure::Network(js_message(&e)))?;
        // Duck-typed: a fetch polyfill's Response is not an instance of the global class.
        if !props(&value).status().is_ok_and(|s| s.as_f64().is_some()) {
            return Err(Failure::Network("fetch resolved to something that is not a Response".into()));
        }
        let response: web_sys::Response = value.unchecked_into();
        let status = response.status();
        if response.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(Failure::Redirect(None));
        }
        if (300..400).contains(&status) {
            return Err(Failure::Redirect(Some(status)));
        }
        let headers = response.headers();
        let header = |name: &str| headers.get(name).ok().flatten();
        // Only error replies are retried or report a wait.
        let retry_after_ms = match status {
            400.. => header("retry-after").and_then(|v| parse_retry_after(&v, js_sys::Date::now() as u64)),
            _ => None,
        };
        // With a Content-Encoding, Content-Length counts compressed bytes: a small
        // length could inflate to anything, so such bodies are read with the cap.
        // (Asked only when there is a length: each header read is a boundary crossing.)
        let encoded = || header("content-encoding").is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        let body = match header("content-length").and_then(|v| v.trim().parse::<u64>().ok()) {
            Some(length) if length > self.max_response_bytes as u64 => return Err(Failure::TooLarge),
            // fetch delivers no more than Content-Length, so one read is safe.
            Some(_) if !encoded() => read_whole(&response, self.max_response_bytes).await?,
            _ => read_stream(&response, self.max_response_bytes).await?,
        };
        Ok(Reply { status, retry_after_ms, body })
    }

    fn caller_aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(|s| s.aborted())
    }

    fn error(&self, kind: ErrorKind, message: String) -> Error {
        Error::other(kind, self.provider, message)
    }

    fn failure(&self, req: &Outgoing<'_>, failure: Failure) -> Error {
        let p = self.provider.as_str();
        let what = format!("{} {}", if req.post { "POST" } else { "GET" }, display_url(req.url));
        let lost = "the orders may have been created: look them up before trying again";
        match failure {
            Failure::TimedOut if req.post => {
                self.error(ErrorKind::UnknownOutcome, format!("{p}: {what} timed out after {} ms; {lost}", self.timeout_ms))
            }
            Failure::TimedOut => self.error(ErrorKind::Timeout, format!("{p}: {what} timed out after {} ms", self.timeout_ms)),
            Failure::Aborted if req.post => {
                self.error(ErrorKind::Aborted, format!("{p}: {what} was aborted by its signal after it was sent; {lost}"))
            }
            Failure::Aborted => self.error(ErrorKind::Aborted, format!("{p}: {what} was aborted by its signal")),
            Failure::Network(m) if req.post => {
                self.error(ErrorKind::UnknownOutcome, format!("{p}: {what} failed before its answer arrived ({m}); {lost}"))
            }
            Failure::Network(m) => self.error(ErrorKind::Network, format!("{p}: {what} failed: {m}")),
            Failure::TooLarge => Error::invalid_response(
                self.provider,
                200,
                None,
                format!("{p}: the answer to {what} is larger than {} bytes (maxResponseBytes)", self.max_response_bytes),
            ),
            Failure::Redirect(status) => {
                let message = format!("{p}: {what} answered with a redirect, which is not followed so credentials stay with the configured origin; check the base URL");
                match status {
                    Some(status) => Error::http(self.provider, status, message),
                    None => self.error(ErrorKind::Http, message),
                }
            }
        }
    }
}

/// Checks a configured base URL: absolute, https (plain http only on loopback,
/// for local simulators), no credentials, query or fragment. Returns it without
/// a trailing slash. A bare host (`hub.example.com`) is taken as https.
pub fn base_url(provider: Provider, name: &str, raw: &str) -> Result<String, Error> {
    // Calls repeat the same few base URLs; parsing them with URL is a
    // measurable share of a small call, so the verdicts are remembered.
    type Verdicts = Vec<((Provider, String, String), Result<String, Error>)>;
    thread_local!(static SEEN: std::cell::RefCell<Verdicts> = const { std::cell::RefCell::new(Vec::new()) });
    let key = (provider, name.to_owned(), raw.to_owned());
    if let Some(hit) = SEEN.with(|seen| seen.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())) {
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
    let candidate = if has_scheme { raw.to_owned() } else { format!("https://{raw}") };
    let bad = |why: &str| Error::invalid_input(provider, format!("{p}: {name} {why}"));
    let url = web_sys::Url::new(&candidate).map_err(|_| bad("is not a valid URL"))?;
    if !url.username().is_empty() || !url.password().is_empty() {
        return Err(bad("must not carry credentials; pass them as options"));
    }
    if !url.search().is_empty() || !url.hash().is_empty() {
        return Err(bad("must not have a query or fragment"));
    }
    let host = url.hostname();
    let loopback = host == "localhost" || host == "[::1]" || host.strip_prefix("127.").is_some_and(|rest| rest.split('.').count() == 3);
    match url.protocol().as_str() {
        "https:" => {}
        "http:" if loopback => {}
        "http:" => return Err(bad("must use https (plain http is only allowed on loopback)")),
        _ => return Err(bad("must be an http(s) URL")),
    }
    let path = url.pathname();
    Ok(format!("{}{}", url.origin(), path.trim_end_matches('/')))
}

/// The URL without its query, for messages.
fn display_url(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// Reads a body of known length in one go.
async fn read_whole(response: &web_sys::Response, cap: usize) -> Result<Vec<u8>, Failure> {
    let promise = response.array_buffer().map_err(|e| Failure::Network(js_message(&e)))?;
    let buffer = JsFuture::from(promise).await.map_err(|e| Failure::Network(format!("the body was cut off ({})", js_message(&e))))?;
    let bytes = Uint8Array::new(&buffer);
    if bytes.length() as usize > cap {
        return Err(Failure::TooLarge);
    }
    Ok(bytes.to_vec())
}

/// Reads a body of unknown length chunk by chunk, refusing more than `cap` bytes.
async fn read_stream(response: &web_sys::Response, cap: usize) -> Result<Vec<u8>, Failure> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::new();
    loop {
        let chunk =
            JsFuture::from(reader.read()).await.map_err(|e| Failure::Network(format!("the body was cut off ({})", js_message(&e))))?;
        if props(&chunk).done().map(|d| d.is_truthy()).unwrap_or(true) {
            return Ok(body);
        }
        let bytes: Uint8Array = props(&chunk).value().map_err(|_| Failure::Network("unreadable body chunk".into()))?.unchecked_into();
        if body.len() + bytes.length() as usize > cap {
            let _ = reader.cancel();
            return Err(Failure::TooLarge);
        }
        let start = body.len();
        body.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut body[start..]);
    }
}

/// A controller that aborts when its time is up (if it has a limit) or the caller aborts.
pub(crate) struct Deadline {
    controller: AbortController,
    abort: Function,
    timer: Option<JsValue>,
    caller: Option<AbortSignal>,
}

impl Deadline {
    pub(crate) fn start(timeout_ms: Option<u32>, caller: Option<&AbortSignal>) -> Result<Deadline, String> {
        let controller = AbortController::new().map_err(|e| format!("AbortController is unavailable ({})", js_message(&e)))?;
        let abort = props(&controller)
            .abort()
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("AbortController.abort is unavailable")?
            .bind0(&controller);
        let timer = timeout_ms.map(|ms| set_timeout(&abort, ms as f64));
        if let Some(caller) = caller {
            // The abort event does not fire again for a signal already aborted.
            if caller.aborted() {
                controller.abort();
            }
            let _ = caller.add_event_listener_with_callback("abort", &abort);
        }
        Ok(Deadline { controller, abort, timer, caller: caller.cloned() })
    }

    /// The signal to hand on.
    pub(crate) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Aborts now.
    pub(crate) fn abort(&self) {
        self.controller.abort();
    }

    /// Stops the timer and unhooks from the caller's signal.
    pub(crate) fn finish(&self) {
        if let Some(timer) = &self.timer {
            clear_timeout(timer);
        }
        if let Some(caller) = &self.caller {
            let _ = caller.remove_event_listener_with_callback("abort", &self.abort);
        }
    }
}

/// Waits `ms`, or less if `signal` aborts first; leaves no timer behind.
async fn sleep(ms: u64, signal: Option<&AbortSignal>) {
    if signal.is_some_and(|s| s.aborted()) {
        return;
    }
    let mut parts = None;
    let promise = Promise::new(&mut |resolve, _| {
        let timer = set_timeout(&resolve, ms as f64);
        if let Some(signal) = signal {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
        parts = Some((timer, resolve));
    });
    let _ = JsFuture::from(promise).await;
    if let Some((timer, resolve)) = parts {
        clear_timeout(&timer);
        if let Some(signal) = signal {
            let _ = signal.remove_event_listener_with_callback("abort", &resolve);
        }
    }
}

/// The message of a thrown JS value, with its cause when it has one (undici puts
/// the real reason there).
pub(crate) fn js_message(value: &JsValue) -> String {
    let text = |v: &JsValue| Reflect::get(v, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| v.as_string());
    let message = text(value).unwrap_or_else(|| "unknown error".into());
    match Reflect::get(value, &"cause".into()).ok().filter(|c| c.is_object()).and_then(|c| text(&c)) {
        Some(cause) => format!("{message}: {cause}"),
        None => message,
    }
}
