//! The only module that touches the network.
//!
//! Uses the global `fetch` (never `window`, so it runs in Node, Workers and
//! pages alike) or one the caller injects; `redirect: "manual"` with any 3xx an
//! error, so credentials never follow a redirect; a per-attempt deadline joined
//! with the caller's `AbortSignal`; GET retries per [`crate::policy`]; a cap on
//! the body size. A POST is sent once, and if its answer is lost the outcome is
//! reported as unknown. Each attempt runs in a JS helper written below (one
//! promise instead of a boundary crossing per step); every decision about its
//! outcome is made here in Rust.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use crate::error::{is_retryable_status, Error, ErrorKind, Provider};
use crate::policy::{decide, parse_retry_after, RetryDecision};

// One attempt, from `fetch` to the last body byte, as one promise: the
// deadline, the request, the status and the capped body read cost one await
// and a handful of boundary crossings, where driving each step from Rust cost
// three awaits and ~30 crossings. What happens next (retries, redirects, errors)
// is decided in Rust from the outcome.
#[wasm_bindgen(inline_js = r#"
// How an attempt ended: the numbers of `outcome` in transport.rs.
const OK = 0, INJECTED_THREW = 1, NOT_A_PROMISE = 2, FETCH_FAILED = 3, NOT_A_RESPONSE = 4, REDIRECT = 5, TOO_LARGE = 6, BODY_CUT_OFF = 7;

// Headers of few shapes (every API here takes one credential header and
// answers JSON; a POST sends JSON): nothing to split or copy per call.
export async function exchange(injected, url, credentialHeader, credential, body, timeoutMs, caller, cap) {
  const controller = new AbortController();
  // Settles when the attempt must end, whatever the fetch does with
  // `init.signal` (a wrapper may drop it, a fetch may never settle): every
  // await below races it.
  let stop;
  const stopped = new Promise((resolve) => (stop = resolve));
  const abort = () => {
    controller.abort();
    stop(STOPPED);
  };
  const timer = setTimeout(abort, timeoutMs);
  if (caller) {
    // The abort event does not fire again for a signal already aborted.
    if (caller.aborted) abort();
    caller.addEventListener("abort", abort);
  }
  // A plain init object: no Request or Headers objects, most of a call's cost in Node.
  const init =
    body === undefined
      ? { method: "GET", redirect: "manual", signal: controller.signal, headers: { [credentialHeader]: credential, accept: "application/json" } }
      : { method: "POST", redirect: "manual", signal: controller.signal, headers: { [credentialHeader]: credential, accept: "application/json", "content-type": "application/json" }, body };
  let outcome;
  try {
    outcome = await attempt(injected, url, init, cap, stopped);
  } finally {
    clearTimeout(timer);
    if (caller) caller.removeEventListener("abort", abort);
  }
  outcome.timedOut = controller.signal.aborted;
  return outcome;
}

// What a stopped race resolves to.
const STOPPED = Symbol("stopped");

async function attempt(injected, url, init, cap, stopped) {
  let pending;
  try {
    pending = injected === undefined ? fetch(url, init) : injected(url, init);
  } catch (error) {
    return { failure: injected === undefined ? FETCH_FAILED : INJECTED_THREW, error };
  }
  if (injected !== undefined && !(pending instanceof Promise)) return { failure: NOT_A_PROMISE };
  // Racing also handles a late rejection of a request left behind.
  let response;
  try {
    response = await Promise.race([pending, stopped]);
  } catch (error) {
    return { failure: FETCH_FAILED, error };
  }
  if (response === STOPPED) return { failure: FETCH_FAILED, error: new Error("the attempt was stopped") };
  // Duck-typed: a fetch polyfill's Response is not an instance of the global class.
  let status;
  try {
    status = response.status;
  } catch {}
  if (typeof status !== "number") return { failure: NOT_A_RESPONSE };
  if (response.type === "opaqueredirect") return { failure: REDIRECT, status: 0 };
  if (status >= 300 && status < 400) return { failure: REDIRECT, status };
  const header = (name) => {
    try {
      return response.headers.get(name);
    } catch {
      return null;
    }
  };
  // Only error replies are retried or report a wait. Without Retry-After, a
  // rate limiter's RateLimit-Reset (seconds) is the wait once the quota is spent.
  let retryAfter = status >= 400 ? header("retry-after") : null;
  if (retryAfter === null && (status === 429 || (status >= 400 && header("ratelimit-remaining")?.trim() === "0"))) {
    retryAfter = header("ratelimit-reset");
  }
  const lengthText = header("content-length");
  const length = lengthText !== null && /^\s*\d+\s*$/.test(lengthText) ? Number(lengthText) : undefined;
  if (length !== undefined && length > cap) return { failure: TOO_LARGE };
  let bytes;
  try {
    const stream = response.body;
    if (stream && typeof stream.getReader === "function") {
      // Read with the cap even when Content-Length is known: in Node, undici's
      // arrayBuffer() costs more than this loop (~15 µs of a small call), and
      // with a Content-Encoding the length counts compressed bytes anyway.
      const reader = stream.getReader();
      const chunks = [];
      let size = 0;
      for (;;) {
        const read = await Promise.race([reader.read(), stopped]);
        if (read === STOPPED) {
          reader.cancel().catch(() => {});
          throw new Error("the attempt was stopped");
        }
        const { done, value } = read;
        if (done) break;
        if (!(value instanceof Uint8Array)) throw new TypeError("unreadable body chunk");
        size += value.length;
        if (size > cap) {
          reader.cancel().catch(() => {});
          return { failure: TOO_LARGE };
        }
        chunks.push(value);
      }
      bytes = chunks.length === 1 ? chunks[0] : joined(chunks, size);
    } else if (length !== undefined && !encoded(header("content-encoding"))) {
      // A fetch polyfill's own body type: fetch delivers no more than
      // Content-Length, so one read is safe.
      const whole = await Promise.race([response.arrayBuffer(), stopped]);
      if (whole === STOPPED) throw new Error("the attempt was stopped");
      bytes = new Uint8Array(whole);
    } else if (!stream) {
      bytes = new Uint8Array(0);
    } else {
      throw new TypeError("the body is not a readable stream and no plain Content-Length bounds it");
    }
  } catch (error) {
    return { failure: BODY_CUT_OFF, error };
  }
  if (bytes.length > cap) return { failure: TOO_LARGE };
  return { failure: OK, status, retryAfter, bytes };
}

function encoded(encoding) {
  return encoding !== null && encoding.trim().toLowerCase() !== "identity";
}

function joined(chunks, size) {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
"#)]
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
    ) -> Promise;

    /// What [`js_exchange`] resolves to: `failure` (one of [`outcome`]), and
    /// the rest as that failure has them.
    type Outcome;
    #[wasm_bindgen(method, getter, structural)]
    fn failure(this: &Outcome) -> u32;
    #[wasm_bindgen(method, getter, structural)]
    fn status(this: &Outcome) -> u16;
    #[wasm_bindgen(method, getter, structural, js_name = retryAfter)]
    fn retry_after(this: &Outcome) -> Option<String>;
    #[wasm_bindgen(method, getter, structural)]
    fn bytes(this: &Outcome) -> Uint8Array;
    #[wasm_bindgen(method, getter, structural)]
    fn error(this: &Outcome) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = timedOut)]
    fn timed_out(this: &Outcome) -> bool;
}

/// How an attempt ended, as the JS above numbers it.
mod outcome {
    pub const OK: u32 = 0;
    pub const INJECTED_THREW: u32 = 1;
    pub const NOT_A_PROMISE: u32 = 2;
    pub const FETCH_FAILED: u32 = 3;
    pub const NOT_A_RESPONSE: u32 = 4;
    pub const REDIRECT: u32 = 5;
    pub const TOO_LARGE: u32 = 6;
    // 7: the body was cut off, the only other.
}

#[wasm_bindgen]
extern "C" {
    // Globals, not `window.*`: present in browsers, workers, Node and workerd.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);

    // Read by a fixed name written into the glue: no key string per read.
    type Props;
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
enum Failure {
    TimedOut,
    Aborted,
    Network(String),
    TooLarge,
    Redirect(Option<u16>),
    /// Not sent: the authorization value is not allowed in a header.
    BadHeader,
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
            let outcome = self.attempt(req).await;
            let retry_after = match &outcome {
                Ok(reply) if !req.is_post() && is_retryable_status(reply.status) => {
                    reply.retry_after_ms
                }
                Err(Failure::Network(_)) if !req.is_post() => None,
                _ => return outcome.map_err(|f| self.failure(req, f)),
            };
            match decide(
                retry,
                self.max_retries,
                retry_after,
                self.retry_after_cap_ms,
                js_sys::Math::random(),
            ) {
                RetryDecision::After(ms) => sleep(ms, self.signal.as_ref()).await,
                RetryDecision::GiveUp => return outcome.map_err(|f| self.failure(req, f)),
            }
            retry += 1;
        }
    }

    async fn attempt(&self, req: &Outgoing<'_>) -> Result<Reply, Failure> {
        // Callers send only checked values; refuse here too what fetch would
        // refuse, so no error message can quote the value.
        if req
            .credential
            .bytes()
            .any(|b| matches!(b, b'\n' | b'\r' | 0))
        {
            return Err(Failure::BadHeader);
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
        );
        let outcome: Outcome = JsFuture::from(promise)
            .await
            .map_err(|e| Failure::Network(js_message(&e)))?
            .unchecked_into();
        let network = match outcome.failure() {
            outcome::OK => {
                let retry_after_ms = outcome
                    .retry_after()
                    .and_then(|v| parse_retry_after(&v, js_sys::Date::now() as u64));
                return Ok(Reply {
                    status: outcome.status(),
                    retry_after_ms,
                    body: outcome.bytes().to_vec(),
                });
            }
            outcome::INJECTED_THREW => {
                format!("the injected fetch threw: {}", js_message(&outcome.error()))
            }
            outcome::NOT_A_PROMISE => "the injected fetch did not return a Promise".into(),
            outcome::FETCH_FAILED => js_message(&outcome.error()),
            outcome::NOT_A_RESPONSE => "fetch resolved to something that is not a Response".into(),
            // Status 0: an opaque redirect, whose status is hidden.
            outcome::REDIRECT => {
                return Err(Failure::Redirect(
                    Some(outcome.status()).filter(|s| *s != 0),
                ))
            }
            outcome::TOO_LARGE => return Err(Failure::TooLarge),
            _ => format!("the body was cut off ({})", js_message(&outcome.error())),
        };
        // A failed request was aborted by the caller or by the deadline, or failed on its own.
        Err(if self.caller_aborted() {
            Failure::Aborted
        } else if outcome.timed_out() {
            Failure::TimedOut
        } else {
            Failure::Network(network)
        })
    }

    fn caller_aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(|s| s.aborted())
    }

    fn error(&self, kind: ErrorKind, message: String) -> Error {
        Error::other(kind, self.provider, message)
    }

    fn failure(&self, req: &Outgoing<'_>, failure: Failure) -> Error {
        let p = self.provider.as_str();
        let what = format!(
            "{} {}",
            if req.is_post() { "POST" } else { "GET" },
            display_url(req.url)
        );
        let lost = "the orders may have been created: look them up before trying again";
        match failure {
            Failure::TimedOut if req.is_post() => self.error(
                ErrorKind::UnknownOutcome,
                format!("{p}: {what} timed out after {} ms; {lost}", self.timeout_ms),
            ),
            Failure::TimedOut => self.error(
                ErrorKind::Timeout,
                format!("{p}: {what} timed out after {} ms", self.timeout_ms),
            ),
            Failure::Aborted if req.is_post() => self.error(
                ErrorKind::Aborted,
                format!("{p}: {what} was aborted by its signal after it was sent; {lost}"),
            ),
            Failure::Aborted => self.error(
                ErrorKind::Aborted,
                format!("{p}: {what} was aborted by its signal"),
            ),
            Failure::Network(m) if req.is_post() => self.error(
                ErrorKind::UnknownOutcome,
                format!("{p}: {what} failed before its answer arrived ({m}); {lost}"),
            ),
            Failure::Network(m) => {
                self.error(ErrorKind::Network, format!("{p}: {what} failed: {m}"))
            }
            Failure::TooLarge => Error::invalid_response(
                self.provider,
                200,
                None,
                format!(
                    "{p}: the answer to {what} is larger than {} bytes (maxResponseBytes)",
                    self.max_response_bytes
                ),
            ),
            Failure::BadHeader => Error::invalid_input(
                self.provider,
                format!(
                    "{p}: {what} was not sent: its {} header holds a line break or NUL",
                    req.credential_header
                ),
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

/// The URL without its query, for messages.
fn display_url(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// One controller for a call of several requests: it aborts when the caller's
/// signal does, or when told to (the first failure stops the rest). Each
/// request's own deadline is set in the attempt helper above.
pub(crate) struct CallSignal {
    controller: AbortController,
    abort: Function,
    caller: Option<AbortSignal>,
}

impl CallSignal {
    pub(crate) fn start(caller: Option<&AbortSignal>) -> Result<CallSignal, String> {
        let controller = AbortController::new()
            .map_err(|e| format!("AbortController is unavailable ({})", js_message(&e)))?;
        let abort = props(&controller)
            .abort()
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("AbortController.abort is unavailable")?
            .bind0(&controller);
        if let Some(caller) = caller {
            // The abort event does not fire again for a signal already aborted.
            if caller.aborted() {
                controller.abort();
            }
            let _ = caller.add_event_listener_with_callback("abort", &abort);
        }
        Ok(CallSignal {
            controller,
            abort,
            caller: caller.cloned(),
        })
    }

    /// The signal to hand on.
    pub(crate) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Aborts now.
    pub(crate) fn abort(&self) {
        self.controller.abort();
    }

    /// Unhooks from the caller's signal.
    pub(crate) fn finish(&self) {
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
