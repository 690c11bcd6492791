//! The only module that touches the network.
//!
//! Uses the global `fetch` (never `window`, so it runs in Node, Workers and
//! pages alike) or one the caller injects; `redirect: "manual"` with any 3xx an
//! error, so credentials never follow a redirect; a per-attempt deadline joined
//! with the caller's `AbortSignal`; GET retries per [`crate::policy`]; a cap on
//! the body size. A POST is sent once, and if its answer is lost the outcome is
//! reported as unknown. Each attempt runs in a JS helper, `exchange.js`
//! (one promise instead of a boundary crossing per step); every decision about
//! its ending is made here in Rust.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::error::{is_retryable_status, Error, ErrorKind, Provider};
use crate::policy::{decide, parse_retry_after, RetryDecision};

mod base_url;
mod signal;

pub use base_url::base_url;
use signal::sleep;
pub(crate) use signal::CallSignal;

#[wasm_bindgen(module = "/src/transport/exchange.js")]
extern "C" {
    #[wasm_bindgen(js_name = exchange)]
    fn js_exchange(
        injected: &JsValue,
        url: &str,
        credential_header: &str,
        credential: &str,
        body: &JsValue,
        timeout_ms: u32,
        caller: &JsValue,
        cap: f64,
        observer: &JsValue,
        attempt: u32,
    ) -> Promise;

    /// What [`js_exchange`] resolves to: how it `ended` (one of [`ended`]),
    /// and the rest as that ending has them.
    type Attempt;
    #[wasm_bindgen(method, getter, structural)]
    fn ended(this: &Attempt) -> u32;
    #[wasm_bindgen(method, getter, structural)]
    fn status(this: &Attempt) -> u16;
    #[wasm_bindgen(method, getter, structural, js_name = retryAfter)]
    fn retry_after(this: &Attempt) -> Option<String>;
    /// The body's length in bytes.
    #[wasm_bindgen(method, getter, structural)]
    fn size(this: &Attempt) -> f64;
    /// Copies the body's chunks, in order, into `into` (`size` bytes long).
    #[wasm_bindgen(js_name = copyBody)]
    fn copy_body(attempt: &Attempt, into: &mut [u8]);
    #[wasm_bindgen(method, getter, structural)]
    fn error(this: &Attempt) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = timedOut)]
    fn timed_out(this: &Attempt) -> bool;
    /// The caller's signal aborted it, or threw when read or listened to.
    #[wasm_bindgen(method, getter, structural, js_name = callerStopped)]
    fn caller_stopped(this: &Attempt) -> bool;
    #[wasm_bindgen(method, getter, structural)]
    fn seen(this: &Attempt) -> JsValue;
}

#[wasm_bindgen(module = "/js/hooks.js")]
extern "C" {
    /// The caller's hooks (`onRequest`, `onResponse`, `onRetry`, `onError`),
    /// told of each attempt with nothing secret; see hooks.js.
    #[derive(Debug, Clone)]
    pub type Observer;
    #[wasm_bindgen(catch, js_name = observer)]
    fn js_observer(provider: &str, options: &JsValue, credential: &str)
        -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method)]
    fn responded(this: &Observer, seen: &JsValue, retry_after_ms: Option<f64>);
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    fn retrying(
        this: &Observer,
        method: &str,
        url: &str,
        attempt: u32,
        delay_ms: f64,
        reason: &str,
        status: Option<u16>,
        retry_after_ms: Option<f64>,
        message: Option<String>,
    );
}

impl Observer {
    /// The hooks among `options`, if any; a hook that is not a function is
    /// `Err` with the message to give.
    pub fn from_options(
        provider: Provider,
        options: &JsValue,
        credential: &str,
    ) -> Result<Option<Observer>, String> {
        match js_observer(provider.as_str(), options, credential) {
            Ok(o) if o.is_undefined() => Ok(None),
            Ok(o) => Ok(Some(o.unchecked_into())),
            Err(e) => Err(js_message(&e)),
        }
    }
}

/// How an attempt ended: `ENDED` in exchange.js, read by build.rs.
mod ended {
    include!(concat!(env!("OUT_DIR"), "/ended.rs"));
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
    /// The caller's hooks, when it gave any.
    pub observer: Option<Observer>,
}

/// A request to send: a GET, or a POST of a JSON body. Every API here takes
/// one credential header and answers JSON.
#[derive(Debug)]
pub struct Outgoing<'a> {
    /// Full URL.
    pub url: &'a str,
    /// The credential header's name (`authorization`, `x-api-key`, ...).
    pub credential_header: &'a str,
    /// Its value, scheme included (`Bearer ...`).
    pub credential: &'a str,
    /// JSON body: a POST when present.
    pub body: Option<&'a str>,
}

impl Outgoing<'_> {
    fn is_post(&self) -> bool {
        self.body.is_some()
    }
}

/// What came back.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Retry-After` (or a spent rate limit's `RateLimit-Reset`), in
    /// milliseconds from now, when the server sent one.
    pub retry_after_ms: Option<u64>,
    /// The whole body.
    pub body: Vec<u8>,
}

/// Why one attempt got no usable reply.
enum AttemptFailure {
    TimedOut,
    Aborted,
    Network(String),
    TooLarge,
    Redirect(Option<u16>),
    /// Not sent: the authorization value is not allowed in a header.
    BadHeader,
    /// The JS helper ended in a way this module does not know: a bug.
    UnknownEnding(u32),
}

impl Transport {
    /// Sends `req`, retrying a GET when that can help; any status comes back as a
    /// [`Reply`] for the provider module to read, except redirects.
    pub async fn send(&self, req: &Outgoing<'_>) -> Result<Reply, Error> {
        let mut retry = 0;
        loop {
            if self.caller_aborted() {
                return Err(self.error(
                    ErrorKind::Aborted,
                    "the call was aborted by its signal before the request was sent".into(),
                ));
            }
            let outcome = self.attempt(req, retry + 1).await;
            let (retry_after, reason) = match &outcome {
                Ok(reply) if !req.is_post() && is_retryable_status(reply.status) => {
                    (reply.retry_after_ms, Err(reply.status))
                }
                Err(AttemptFailure::Network(m)) if !req.is_post() => (None, Ok(m)),
                _ => return outcome.map_err(|f| self.failure(req, f)),
            };
            match decide(
                retry,
                self.max_retries,
                retry_after,
                self.retry_after_cap_ms,
                js_sys::Math::random(),
            ) {
                RetryDecision::After(ms) => {
                    if let Some(observer) = &self.observer {
                        observer.retrying(
                            "GET",
                            req.url,
                            retry + 1,
                            ms as f64,
                            if reason.is_ok() { "network" } else { "status" },
                            reason.err(),
                            retry_after.map(|ms| ms as f64),
                            reason.ok().cloned(),
                        );
                    }
                    sleep(ms, self.signal.as_ref()).await
                }
                RetryDecision::GiveUp => return outcome.map_err(|f| self.failure(req, f)),
            }
            retry += 1;
        }
    }

    async fn attempt(&self, req: &Outgoing<'_>, number: u32) -> Result<Reply, AttemptFailure> {
        // Callers send only checked values; refuse here too what fetch would
        // refuse, so no error message can quote the value.
        if req
            .credential
            .bytes()
            .any(|b| matches!(b, b'\n' | b'\r' | 0))
        {
            return Err(AttemptFailure::BadHeader);
        }
        let promise = js_exchange(
            self.fetch
                .as_ref()
                .map_or(&JsValue::UNDEFINED, |f| f.as_ref()),
            req.url,
            req.credential_header,
            req.credential,
            &req.body.map_or(JsValue::UNDEFINED, JsValue::from),
            self.timeout_ms,
            self.signal
                .as_ref()
                .map_or(&JsValue::UNDEFINED, |s| s.as_ref()),
            self.max_response_bytes as f64,
            self.observer
                .as_ref()
                .map_or(&JsValue::UNDEFINED, |o| o.as_ref()),
            number,
        );
        let attempt: Attempt = crate::promise::settled(&promise)
            .await
            .map_err(|e| AttemptFailure::Network(js_message(&e)))?
            .unchecked_into();
        let retry_after_ms = attempt
            .retry_after()
            .and_then(|v| parse_retry_after(&v, js_sys::Date::now() as u64));
        if let Some(observer) = &self.observer {
            observer.responded(&attempt.seen(), retry_after_ms.map(|ms| ms as f64));
        }
        let network = match attempt.ended() {
            ended::OK => {
                return Ok(Reply {
                    status: attempt.status(),
                    retry_after_ms,
                    body: body_of(&attempt),
                });
            }
            ended::INJECTED_THREW => {
                format!("the injected fetch threw: {}", js_message(&attempt.error()))
            }
            ended::NOT_A_PROMISE => "the injected fetch did not return a Promise".into(),
            ended::FETCH_FAILED => js_message(&attempt.error()),
            ended::NOT_A_RESPONSE => "fetch resolved to something that is not a Response".into(),
            // Status 0: an opaque redirect, whose status is hidden.
            ended::REDIRECT => {
                return Err(AttemptFailure::Redirect(
                    Some(attempt.status()).filter(|s| *s != 0),
                ))
            }
            ended::TOO_LARGE => return Err(AttemptFailure::TooLarge),
            ended::BODY_CUT_OFF => {
                format!("the body was cut off ({})", js_message(&attempt.error()))
            }
            unknown => return Err(AttemptFailure::UnknownEnding(unknown)),
        };
        // A failed request was aborted by the caller or by the deadline, or failed on its own.
        Err(if attempt.caller_stopped() || self.caller_aborted() {
            AttemptFailure::Aborted
        } else if attempt.timed_out() {
            AttemptFailure::TimedOut
        } else {
            AttemptFailure::Network(network)
        })
    }

    fn caller_aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(signal::is_aborted)
    }

    fn error(&self, kind: ErrorKind, message: String) -> Error {
        Error::other(kind, self.provider, message)
    }

    fn failure(&self, req: &Outgoing<'_>, failure: AttemptFailure) -> Error {
        let p = self.provider.as_str();
        let what = format!(
            "{} {}",
            if req.is_post() { "POST" } else { "GET" },
            display_url(req.url)
        );
        let lost = "the orders may have been created: look them up before trying again";
        match failure {
            AttemptFailure::TimedOut if req.is_post() => self.error(
                ErrorKind::UnknownOutcome,
                format!("{p}: {what} timed out after {} ms; {lost}", self.timeout_ms),
            ),
            AttemptFailure::TimedOut => self.error(
                ErrorKind::Timeout,
                format!("{p}: {what} timed out after {} ms", self.timeout_ms),
            ),
            AttemptFailure::Aborted if req.is_post() => self.error(
                ErrorKind::Aborted,
                format!("{p}: {what} was aborted by its signal after it was sent; {lost}"),
            ),
            AttemptFailure::Aborted => self.error(
                ErrorKind::Aborted,
                format!("{p}: {what} was aborted by its signal"),
            ),
            AttemptFailure::Network(m) if req.is_post() => self.error(
                ErrorKind::UnknownOutcome,
                format!("{p}: {what} failed before its answer arrived ({m}); {lost}"),
            ),
            AttemptFailure::Network(m) => {
                self.error(ErrorKind::Network, format!("{p}: {what} failed: {m}"))
            }
            AttemptFailure::TooLarge => Error::invalid_response(
                self.provider,
                200,
                None,
                format!(
                    "{p}: the answer to {what} is larger than {} bytes (maxResponseBytes)",
                    self.max_response_bytes
                ),
            ),
            AttemptFailure::BadHeader => Error::invalid_input(
                self.provider,
                format!(
                    "{p}: {what} was not sent: its {} header holds a line break or NUL",
                    req.credential_header
                ),
            ),
            AttemptFailure::UnknownEnding(code) => self.error(
                if req.is_post() {
                    ErrorKind::UnknownOutcome
                } else {
                    ErrorKind::Network
                },
                format!("{p}: {what}: the transport helper ended with unknown code {code} (a bug in web3-orders); {}",
                    if req.is_post() { lost } else { "not retried" }),
            ),
            AttemptFailure::Redirect(status) => {
                let message = format!("{p}: {what} answered with a redirect, which is not followed so credentials stay with the configured origin; check the base URL");
                match status {
                    Some(status) => Error::http(self.provider, status, message),
                    None => self.error(ErrorKind::Http, message),
                }
            }
        }
    }
}

/// The URL without its query, for messages.
fn display_url(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// An OK attempt's body in wasm memory: each chunk copied straight in, in one
/// call, so a reply in many chunks is copied once, not joined in JS and copied again.
fn body_of(attempt: &Attempt) -> Vec<u8> {
    let mut body = vec![0; attempt.size() as usize];
    copy_body(attempt, &mut body);
    body
}

/// The message of a thrown JS value, with its cause when it has one (undici puts
/// the real reason there).
pub(crate) fn js_message(value: &JsValue) -> String {
    let text = |v: &JsValue| {
        Reflect::get(v, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| v.as_string())
    };
    let message = text(value).unwrap_or_else(|| "unknown error".into());
    match Reflect::get(value, &"cause".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| text(&c))
    {
        Some(cause) => format!("{message}: {cause}"),
        None => message,
    }
}
