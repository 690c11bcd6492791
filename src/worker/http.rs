//! Responses, the error mapping, CORS and the access-token check of the Worker.

use serde_json::{json, Value};
use web_sys::{Request, Response, ResponseInit};

use super::Config;
use crate::error::{Error, ErrorKind};

/// Why a request failed, and so which status it gets.
#[derive(Debug)]
pub(crate) enum WorkerError {
    /// 400: a bad id, query or body.
    BadRequest(String),
    /// 401: missing or wrong credentials.
    Unauthorized,
    /// 403: an `Origin` not in `ALLOWED_ORIGINS`.
    OriginNotAllowed,
    /// 404: no such route.
    NotFound,
    /// 404: an unknown Capture order, or one whose `nid` does not match (one body for both).
    CaptureNotFound,
    /// 404: the provider said it has no such order.
    UpstreamNotFound(Error),
    /// 405, with the methods the route takes.
    MethodNotAllowed(&'static str),
    /// 409: the same `Idempotency-Key` is being processed.
    InFlight,
    /// 422: the `Idempotency-Key` was used with another body.
    KeyReused,
    /// 428: a POST without `Idempotency-Key`.
    KeyRequired,
    /// 429: a client past its rate limit; the seconds to wait.
    RateLimited(u64),
    /// 413: a body larger than the Worker accepts.
    TooLarge,
    /// The provider call failed; the second field lists extra values to scrub.
    Upstream(Error, Vec<String>),
    /// 500: a variable or secret is missing.
    MissingConfig(&'static str),
    /// 500: a variable is set but unusable.
    BadConfig(&'static str),
    /// 500: should not happen.
    Internal,
}

impl From<Error> for WorkerError {
    fn from(error: Error) -> Self {
        match error.kind {
            ErrorKind::InvalidInput => WorkerError::BadRequest(error.message),
            _ => WorkerError::Upstream(error, Vec::new()),
        }
    }
}

/// What a response says about an error.
struct Described {
    status: u16,
    kind: &'static str,
    provider: Option<&'static str>,
    upstream: Option<u16>,
    code: Option<String>,
    message: String,
    retry_after: Option<u64>,
}

fn describe(error: &WorkerError) -> Described {
    let (status, kind, provider, upstream, code, message, retry_after) = describe_parts(error);
    Described {
        status,
        kind,
        provider,
        upstream,
        code,
        message,
        retry_after,
    }
}

#[allow(clippy::type_complexity)] // a table of tuples reads best here; `describe` names them
fn describe_parts(
    error: &WorkerError,
) -> (
    u16,
    &'static str,
    Option<&'static str>,
    Option<u16>,
    Option<String>,
    String,
    Option<u64>,
) {
    use WorkerError::*;
    match error {
        BadRequest(m) => (400, "invalid_input", None, None, None, m.clone(), None),
        Unauthorized => (
            401,
            "unauthorized",
            None,
            None,
            None,
            "send your credential: Authorization: Bearer <token> (for Namefi, or x-namefi-siwe-token)".into(),
            None,
        ),
        OriginNotAllowed => (403, "origin_not_allowed", None, None, None, "this origin is not in ALLOWED_ORIGINS".into(), None),
        NotFound => (404, "not_found", None, None, None, "no such route".into(), None),
        CaptureNotFound => (404, "not_found", Some("capture"), Some(404), None, "capture: no such order for this nid".into(), None),
        UpstreamNotFound(e) => (404, "not_found", Some(e.provider.as_str()), e.status, e.code.clone(), e.message.clone(), None),
        MethodNotAllowed(m) => (405, "method_not_allowed", None, None, None, format!("this route takes {m}"), None),
        InFlight => (409, "conflict", None, None, None, "a request with this Idempotency-Key is still being processed".into(), None),
        KeyReused => (422, "idempotency_key_reused", None, None, None, "this Idempotency-Key was used with another body".into(), None),
        KeyRequired => (428, "idempotency_key_required", None, None, None, "POST needs an Idempotency-Key header".into(), None),
        RateLimited(seconds) => {
            (429, "rate_limited", None, None, None, "too many requests from this client; try again later".into(), Some(*seconds))
        }
        TooLarge => (413, "invalid_input", None, None, None, "the body is too large".into(), None),
        MissingConfig(name) => (500, "config", None, None, None, format!("the worker is missing the {name} variable"), None),
        BadConfig(name) => (500, "config", None, None, None, format!("the worker's {name} variable is not usable"), None),
        Internal => (500, "internal", None, None, None, "internal error".into(), None),
        Upstream(e, _) => {
            let status = match (e.kind, e.status) {
                (ErrorKind::InvalidInput, _) => 400,
                (ErrorKind::Timeout, _) => 504,
                (_, Some(429)) => 429,
                // Namefi's answers concern the caller's own credential, order and payment.
                (ErrorKind::Api, Some(s @ (401 | 402 | 403 | 404 | 422))) if e.provider == crate::Provider::Namefi => s,
                (_, Some(404)) => 404,
                // The provider refused what the caller sent (an unknown buyer, say).
                (ErrorKind::Api, Some(400)) => 400,
                _ => 502,
            };
            let retry_after = e.retry_after_ms.map(|ms| ms.div_ceil(1000));
            (status, e.kind.as_str(), Some(e.provider.as_str()), e.status, e.code.clone(), e.message.clone(), retry_after)
        }
    }
}

/// The JSON error response: `{"error": {kind, provider, status, code, message}}`.
pub(crate) fn error_response(error: &WorkerError, secrets: &[String]) -> Response {
    let Described {
        status,
        kind,
        provider,
        upstream,
        code,
        mut message,
        retry_after,
    } = describe(error);
    let extra = if let WorkerError::Upstream(_, extra) = error {
        extra.clone()
    } else {
        Vec::new()
    };
    let every: Vec<&str> = secrets.iter().chain(&extra).map(String::as_str).collect();
    for secret in &every {
        message = crate::redact::secret(&message, secret);
    }
    let code = crate::error::code_without(code.as_deref(), &every);
    let body = json!({"error": {"kind": kind, "provider": provider, "status": upstream, "code": code, "message": message}});
    let response = json_response(status, &body);
    if let Some(seconds) = retry_after {
        let _ = response.headers().set("retry-after", &seconds.to_string());
    }
    if let WorkerError::MethodNotAllowed(methods) = error {
        let _ = response.headers().set("allow", methods);
    }
    response
}

pub(crate) fn json_response(status: u16, body: &Value) -> Response {
    text_response(status, &body.to_string())
}

pub(crate) fn text_response(status: u16, body: &str) -> Response {
    bytes_response(status, body.as_bytes())
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/worker/runtime.js")]
extern "C" {
    #[wasm_bindgen(js_name = jsonResponse, catch)]
    fn js_json_response(status: u16, bytes: &[u8]) -> Result<Response, wasm_bindgen::JsValue>;
    /// The request's URL, parsed (`None`: one the runtime cannot parse).
    #[wasm_bindgen(js_name = requestUrl)]
    pub(crate) fn request_url(request: &Request) -> Option<web_sys::Url>;
    /// Query parameter `name`: a string, `undefined` when absent, `null` when repeated.
    /// `Vary: Origin`, and the CORS headers for an allowed origin.
    #[wasm_bindgen(js_name = corsHeaders)]
    pub(crate) fn cors_headers(response: &Response, allowed_origin: Option<String>);
    /// `true` allowed, `false` limited, `undefined` not a rate-limiting binding; rejects when the binding throws.
    #[wasm_bindgen(js_name = rateLimit)]
    pub(crate) fn rate_limit(limiter: &wasm_bindgen::JsValue, request: &Request)
        -> js_sys::Promise;
    #[wasm_bindgen(js_name = queryParam)]
    pub(crate) fn js_query_param(url: &web_sys::Url, name: &str) -> wasm_bindgen::JsValue;
}

/// A JSON response from bytes already written as UTF-8 JSON, with no detour
/// through a JS string and back.
pub(crate) fn bytes_response(status: u16, body: &[u8]) -> Response {
    js_json_response(status, body).unwrap_or_else(|_| Response::error())
}

/// The same status and headers with no body: the answer to a `HEAD`.
pub(crate) fn without_body(response: &Response) -> Response {
    let init = ResponseInit::new();
    init.set_status(response.status());
    init.set_headers(&response.headers());
    Response::new_with_opt_str_and_init(None, &init).unwrap_or_else(|_| Response::error())
}

pub(crate) fn preflight() -> Response {
    let init = ResponseInit::new();
    init.set_status(204);
    let response =
        Response::new_with_opt_str_and_init(None, &init).unwrap_or_else(|_| Response::error());
    let headers = response.headers();
    let _ = headers.set("access-control-allow-methods", "GET, POST, OPTIONS");
    // Named one by one: the `*` wildcard never covers Authorization.
    let _ = headers.set(
        "access-control-allow-headers",
        "authorization, content-type, idempotency-key, x-namefi-siwe-token",
    );
    let _ = headers.set("access-control-max-age", "600");
    response
}

/// Adds CORS headers for an allowed origin; `Vary: Origin` always.
/// `Authorization: Bearer {ACCESS_TOKEN}`, compared in constant time.
pub(crate) fn check_access_token(config: &Config, request: &Request) -> Result<(), WorkerError> {
    let expected = config.required("ACCESS_TOKEN")?;
    let header = request
        .headers()
        .get("authorization")
        .ok()
        .flatten()
        .unwrap_or_default();
    let given = header.strip_prefix("Bearer ").unwrap_or("");
    if constant_time_eq(given.as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(WorkerError::Unauthorized)
    }
}

/// Compares without an early exit, so timing does not reveal how much matched.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = (a.len() ^ b.len()) as u8 | u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        diff |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0);
    }
    diff == 0
}
