//! The edge Worker: serves the three order APIs to browsers while the partner
//! keys stay in the Worker's secrets and buyer data is redacted. Built only with
//! the `worker` feature (`scripts/build.sh` writes `pkg-worker/`); `worker/index.js`
//! is the thin shim that hands requests here.
//!
//! Routes:
//! - `GET /v1/capture/orders/{orderId}?nid={nid}`
//! - `GET /v1/namefi/orders/{orderId}` (the caller's own Bearer token or SIWE session is forwarded)
//! - `GET /v1/license-rocks/orders?ids=1,2,3`, `POST /v1/license-rocks/orders`
//!   (Bearer `ACCESS_TOKEN`; POST needs `Idempotency-Key`, see [`idempotency`])
//! - `GET /healthz`

mod durable;
mod http;
pub mod idempotency;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use serde_json::json;
use wasm_bindgen::prelude::*;
use web_sys::{Request, Response};

use crate::error::{Error, ErrorKind, Provider};
use crate::json;
use crate::providers::license_rocks::ids::IdInput;
use crate::providers::{capture, license_rocks, namefi, Credential};
use crate::redact::{self, Redactor};
use crate::transport::{base_url, Transport};
use http::{bytes_response, cors_headers, error_response, json_response, WorkerError};

/// Everything the Worker reads from its vars and secrets.
pub(crate) struct Config {
    env: JsValue,
    vars: Vars,
}

/// Vars read so far: each name with its value (`None`: unset or empty).
type Vars = Rc<RefCell<Vec<(&'static str, Option<String>)>>>;

thread_local! {
    /// The vars read from the last `env` seen, kept while requests bring that
    /// same object (workerd passes one `env` to every request of an isolate):
    /// reading a var anew costs a property lookup and a string copy each time.
    static VARS: RefCell<Option<(JsValue, Vars)>> =
        const { RefCell::new(None) };
}

impl Config {
    pub(crate) fn new(env: JsValue) -> Self {
        let vars = VARS.with(|cache| {
            let mut cache = cache.borrow_mut();
            match &*cache {
                Some((seen, vars)) if js_sys::Object::is(seen, &env) => vars.clone(),
                _ => {
                    let vars = Rc::new(RefCell::new(Vec::new()));
                    *cache = Some((env.clone(), vars.clone()));
                    vars
                }
            }
        });
        Config { env, vars }
    }

    fn var(&self, name: &'static str) -> Option<String> {
        if let Some((_, value)) = self.vars.borrow().iter().find(|(n, _)| *n == name) {
            return value.clone();
        }
        let value = Reflect::get(&self.env, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.is_empty());
        self.vars.borrow_mut().push((name, value.clone()));
        value
    }
    fn required(&self, name: &'static str) -> Result<String, WorkerError> {
        self.var(name).ok_or(WorkerError::MissingConfig(name))
    }
    /// A secret sent upstream as a header: visible ASCII only, so a stray line
    /// break (a common slip with `wrangler secret put`) is a named config error,
    /// not a header that fails, or adds another, on the way out.
    fn upstream_secret(&self, name: &'static str) -> Result<String, WorkerError> {
        Some(self.required(name)?)
            .filter(|v| crate::checks::is_header_safe(v))
            .ok_or(WorkerError::BadConfig(name))
    }
    /// What the operator lets through beyond the public, documented fields.
    pub(crate) fn exposure(&self) -> redact::Exposure {
        redact::Exposure {
            personal: self.var("EXPOSE_BUYER_PII").as_deref() == Some("true"),
            unknown: self.var("EXPOSE_UNKNOWN_FIELDS").as_deref() == Some("true"),
        }
    }
    fn allowed_origins(&self) -> Vec<String> {
        self.var("ALLOWED_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
    /// Values that must never appear in a response or a log line.
    fn secrets(&self) -> Vec<String> {
        ["CAPTURE_API_KEY", "LICENSE_ROCKS_API_TOKEN", "ACCESS_TOKEN"]
            .iter()
            .filter_map(|n| self.var(n))
            .collect()
    }
}

/// Longest `Retry-After` the Worker waits out itself; a longer one goes back to the caller.
const WORKER_RETRY_AFTER_CAP_MS: u64 = 1_000;

/// Time limit of each upstream request (`UPSTREAM_TIMEOUT_MS`).
pub(crate) fn upstream_timeout_ms(config: &Config) -> u32 {
    config
        .var("UPSTREAM_TIMEOUT_MS")
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|ms| *ms > 0)
        .unwrap_or(crate::policy::DEFAULT_TIMEOUT_MS)
}

pub(crate) fn transport(config: &Config, provider: Provider) -> Transport {
    Transport {
        provider,
        fetch: None,
        timeout_ms: upstream_timeout_ms(config),
        max_retries: crate::policy::DEFAULT_MAX_RETRIES,
        max_response_bytes: crate::policy::DEFAULT_MAX_RESPONSE_BYTES,
        signal: None,
        retry_after_cap_ms: WORKER_RETRY_AFTER_CAP_MS,
        observer: None,
    }
}

/// The Worker's `fetch` handler.
#[wasm_bindgen(js_name = workerFetch)]
pub fn worker_fetch(request: Request, env: JsValue) -> js_sys::Promise {
    crate::task::spawn(async move { Ok(respond(request, env).await.into()) })
}

async fn respond(request: Request, env: JsValue) -> Response {
    let config = Config::new(env);
    let origin = request.headers().get("origin").ok().flatten();
    let allowed = config.allowed_origins();
    let cors_origin = origin
        .as_ref()
        .filter(|o| allowed.iter().any(|a| a == *o))
        .cloned();
    // A HEAD is answered as the GET would be, without the body.
    let method = request.method();
    let head = method == "HEAD";
    let method = if head { "GET".to_owned() } else { method };
    // Parsed once: the route takes its path, the handlers their query.
    let url = http::request_url(&request);
    let path = url.as_ref().map(|u| u.pathname()).unwrap_or_default();

    let result = if origin.is_some() && cors_origin.is_none() {
        Err(WorkerError::OriginNotAllowed)
    } else if method == "OPTIONS" {
        Ok(http::preflight())
    } else {
        route(&config, &request, url.as_ref(), &method, &path).await
    };
    let response = match result {
        Ok(response) => response,
        Err(error) => error_response(&error, &config.secrets()),
    };
    let response = if head {
        http::without_body(&response)
    } else {
        response
    };
    cors_headers(&response, cors_origin);
    // One line per request, never a header or a body.
    web_sys::console::log_1(
        &format!(
            "{} {} -> {}",
            if head { "HEAD" } else { &method },
            route_name(&path),
            response.status()
        )
        .into(),
    );
    response
}

/// What a route does.
#[derive(Debug, Clone, Copy)]
enum Handler {
    Health,
    CaptureOrder,
    NamefiOrder,
    LicenseRocksOrders,
}

/// One route: its path, `:id` standing for one segment; the methods it takes
/// (`Allow` names HEAD wherever GET is, as HEAD is answered there); its name in logs.
struct Route {
    pattern: &'static [&'static str],
    methods: &'static str,
    name: &'static str,
    handler: Handler,
}

/// Every route, in one table that both dispatches and names them for logs.
const ROUTES: [Route; 4] = [
    Route {
        pattern: &["healthz"],
        methods: "GET, HEAD",
        name: "/healthz",
        handler: Handler::Health,
    },
    Route {
        pattern: &["v1", "capture", "orders", ":id"],
        methods: "GET, HEAD",
        name: "/v1/capture/orders/:id",
        handler: Handler::CaptureOrder,
    },
    Route {
        pattern: &["v1", "namefi", "orders", ":id"],
        methods: "GET, HEAD",
        name: "/v1/namefi/orders/:id",
        handler: Handler::NamefiOrder,
    },
    Route {
        pattern: &["v1", "license-rocks", "orders"],
        methods: "GET, HEAD, POST",
        name: "/v1/license-rocks/orders",
        handler: Handler::LicenseRocksOrders,
    },
];

/// The route `path` matches, with its `:id` segment if it has one.
fn find_route(path: &str) -> Option<(&'static Route, Option<&str>)> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    ROUTES.iter().find_map(|route| {
        let matches = route.pattern.len() == segments.len()
            && route
                .pattern
                .iter()
                .zip(&segments)
                .all(|(p, s)| *p == ":id" || p == s);
        let id = route
            .pattern
            .iter()
            .position(|p| *p == ":id")
            .and_then(|i| segments.get(i).copied());
        matches.then_some((route, id))
    })
}

/// A route name for logs, without ids.
pub(crate) fn route_name(path: &str) -> &'static str {
    find_route(path).map_or("(unknown route)", |(route, _)| route.name)
}

async fn route(
    config: &Config,
    request: &Request,
    url: Option<&web_sys::Url>,
    method: &str,
    path: &str,
) -> Result<Response, WorkerError> {
    let (route, id) = find_route(path).ok_or(WorkerError::NotFound)?;
    if !route.methods.split(", ").any(|m| m == method) {
        return Err(WorkerError::MethodNotAllowed(route.methods));
    }
    let id = || decode_segment(id.unwrap_or_default());
    match route.handler {
        Handler::Health => Ok(json_response(200, &json!({"ok": true}))),
        Handler::CaptureOrder => capture_order(config, request, url, &id()?).await,
        Handler::NamefiOrder => namefi_order(config, request, &id()?).await,
        Handler::LicenseRocksOrders => {
            http::check_access_token(config, request)?;
            if method == "GET" {
                license_rocks_orders(config, url).await
            } else {
                idempotency::create_through_store(config, request).await
            }
        }
    }
}

fn decode_segment(segment: &str) -> Result<String, WorkerError> {
    if !segment.contains('%') {
        return Ok(segment.to_owned());
    }
    js_sys::decode_uri_component(segment)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| WorkerError::BadRequest("the order id is not valid percent-encoding".into()))
}

fn query_param(url: Option<&web_sys::Url>, name: &str) -> Result<Option<String>, WorkerError> {
    let url = url.ok_or_else(|| WorkerError::BadRequest("bad URL".into()))?;
    let value = http::js_query_param(url, name);
    if value.is_null() {
        return Err(WorkerError::BadRequest(format!("give `{name}` once")));
    }
    Ok(value.as_string())
}

/// The order only when its `nid` matches: an unknown order and a wrong `nid`
/// get the same 404, so the route is no oracle for which order ids exist.
async fn capture_order(
    config: &Config,
    request: &Request,
    url: Option<&web_sys::Url>,
    order_id: &str,
) -> Result<Response, WorkerError> {
    let nid = query_param(url, "nid")?
        .filter(|n| !n.is_empty())
        .ok_or_else(|| WorkerError::BadRequest("`nid` is required".into()))?;
    let key = config.upstream_secret("CAPTURE_API_KEY")?;
    rate_limit_capture(config, request).await?;
    let base = config
        .var("CAPTURE_BASE_URL")
        .unwrap_or_else(|| capture::DEFAULT_BASE_URL.to_owned());
    let base = base_url(Provider::Capture, "CAPTURE_BASE_URL", &base)
        .map_err(|_| WorkerError::BadConfig("CAPTURE_BASE_URL"))?;
    let body =
        match capture::query_order(&transport(config, Provider::Capture), &base, &key, order_id)
            .await
        {
            Err(e) if e.status == Some(404) => return Err(WorkerError::CaptureNotFound),
            other => other?,
        };
    let order = json::raw_field(&body, "response").unwrap_or(b"null");
    match json::peek_fields(order, &["nid"]).as_deref() {
        Some([json::Peeked::Text(found)]) if *found == nid => {}
        _ => return Err(WorkerError::CaptureNotFound),
    }
    let secrets = config.secrets();
    let mut out = Redactor::new(config.exposure(), &secrets, order.len());
    if !out
        .write(order, &redact::CAPTURE_ORDER)
        .map_err(|_| WorkerError::Internal)?
    {
        out.push_raw(b"null");
    }
    Ok(bytes_response(200, &out.into_bytes()))
}

/// The Capture route needs no auth but spends the partner key, so each client
/// address gets `CAPTURE_RATE_LIMITER`'s budget (Cloudflare's rate-limiting
/// binding, `[[ratelimits]]` in wrangler.toml). Without the binding the route
/// is closed rather than open to anyone.
async fn rate_limit_capture(config: &Config, request: &Request) -> Result<(), WorkerError> {
    let limiter = Reflect::get(&config.env, &"CAPTURE_RATE_LIMITER".into())
        .ok()
        .filter(|l| l.is_object())
        .ok_or(WorkerError::MissingConfig("CAPTURE_RATE_LIMITER"))?;
    let outcome = crate::promise::settled(&http::rate_limit(&limiter, request))
        .await
        .map_err(|_| WorkerError::Internal)?;
    match outcome.as_bool() {
        Some(true) => Ok(()),
        Some(false) => Err(WorkerError::RateLimited(CAPTURE_RATE_LIMIT_PERIOD_S)),
        None => Err(WorkerError::BadConfig("CAPTURE_RATE_LIMITER")),
    }
}

/// The period of `CAPTURE_RATE_LIMITER` in wrangler.toml, sent as `Retry-After`
/// (the binding does not say when a client's budget refills).
const CAPTURE_RATE_LIMIT_PERIOD_S: u64 = 60;

/// Forwards the caller's own Namefi credential: a user JWT (`Authorization:
/// Bearer`) or SIWE session (`x-namefi-siwe-token`). A Namefi API key is a
/// server's secret that acts for its wallet; the Worker does not pass one on.
async fn namefi_order(
    config: &Config,
    request: &Request,
    order_id: &str,
) -> Result<Response, WorkerError> {
    let header = |name: &str| request.headers().get(name).ok().flatten();
    if header("x-api-key").is_some() {
        return Err(WorkerError::BadRequest(
            "the worker does not forward Namefi API keys (x-api-key); send the user's own Authorization: Bearer token or x-namefi-siwe-token".into(),
        ));
    }
    let bearer = header("authorization").map(|h| {
        h.strip_prefix("Bearer ")
            .map(str::to_owned)
            .ok_or(WorkerError::Unauthorized)
    });
    let credential = match (bearer.transpose()?, header("x-namefi-siwe-token")) {
        (Some(token), None) => Credential {
            kind: namefi::TOKEN,
            value: token,
        },
        (None, Some(session)) => Credential {
            kind: namefi::SIWE_TOKEN,
            value: session,
        },
        (None, None) => return Err(WorkerError::Unauthorized),
        (Some(_), Some(_)) => return Err(WorkerError::BadRequest(
            "send one Namefi credential: Authorization: Bearer or x-namefi-siwe-token, not both"
                .into(),
        )),
    };
    if !crate::checks::is_header_safe(&credential.value) {
        return Err(WorkerError::Unauthorized);
    }
    let base = config
        .var("NAMEFI_BASE_URL")
        .unwrap_or_else(|| namefi::DEFAULT_BASE_URL.to_owned());
    let base = base_url(Provider::Namefi, "NAMEFI_BASE_URL", &base)
        .map_err(|_| WorkerError::BadConfig("NAMEFI_BASE_URL"))?;
    let body = namefi::get_order(
        &transport(config, Provider::Namefi),
        &base,
        &credential,
        order_id,
    )
    .await
    .map_err(|e| WorkerError::Upstream(e, vec![credential.value.clone()]))?;
    // The caller's own order, read with their own credential: returned whole.
    let secrets = config.secrets();
    let mut out = Redactor::new(redact::Exposure::default(), &secrets, body.len());
    out.write_whole(&body).map_err(|_| WorkerError::Internal)?;
    Ok(bytes_response(200, &out.into_bytes()))
}

/// `{"orders": [...]}` of License.rocks orders (each the raw text of one in an
/// upstream reply) as the allow-list lets them leave, the Worker's own secrets
/// scrubbed from them whatever an upstream echoed.
pub(crate) fn orders_response<'a>(
    config: &Config,
    orders: impl IntoIterator<Item = &'a [u8]>,
    size_hint: usize,
) -> Result<Response, WorkerError> {
    let secrets = config.secrets();
    let mut out = Redactor::new(config.exposure(), &secrets, size_hint);
    out.push_raw(b"{\"orders\":");
    out.write_list(orders, &redact::EXTERNAL_ORDER)
        .map_err(|_| WorkerError::Internal)?;
    out.push_raw(b"}");
    Ok(bytes_response(200, &out.into_bytes()))
}

/// The raw text of each order in a License.rocks reply.
pub(crate) fn reply_orders(body: &[u8]) -> Result<Vec<&[u8]>, WorkerError> {
    json::raw_field(body, "orders")
        .and_then(json::raw_elements)
        .ok_or(WorkerError::Internal)
}

pub(crate) fn license_rocks_instance(config: &Config) -> Result<String, WorkerError> {
    let raw = config.required("LICENSE_ROCKS_INSTANCE_URL")?;
    base_url(Provider::LicenseRocks, "LICENSE_ROCKS_INSTANCE_URL", &raw)
        .map_err(|_| WorkerError::BadConfig("LICENSE_ROCKS_INSTANCE_URL"))
}

async fn license_rocks_orders(
    config: &Config,
    url: Option<&web_sys::Url>,
) -> Result<Response, WorkerError> {
    let ids = query_param(url, "ids")?
        .ok_or_else(|| WorkerError::BadRequest("`ids` is required, e.g. ?ids=1,2,3".into()))?;
    let inputs: Vec<IdInput> = ids
        .split(',')
        .map(|id| IdInput::Text(id.trim().to_owned()))
        .collect();
    let ids = crate::providers::license_rocks::ids::license_rocks_ids(&inputs)?;
    let token = config.upstream_secret("LICENSE_ROCKS_API_TOKEN")?;
    let instance = license_rocks_instance(config)?;
    let batches = license_rocks::get_orders(
        &transport(config, Provider::LicenseRocks),
        &instance,
        &token,
        &ids,
    )
    .await
    .map_err(not_found_for_get)?;
    let returned: Vec<&[i64]> = batches.iter().map(|b| b.returned.as_slice()).collect();
    let places = license_rocks::place_by_id(&ids, &returned)?;
    let replies = batches
        .iter()
        .map(|b| reply_orders(&b.body))
        .collect::<Result<Vec<_>, _>>()?;
    let orders = places
        .into_iter()
        .map(|(batch, index)| replies.get(batch).and_then(|r| r.get(index)).copied())
        .collect::<Option<Vec<_>>>()
        .ok_or(WorkerError::Internal)?;
    let size = batches.iter().map(|b| b.body.len()).sum();
    orders_response(config, orders, size)
}

/// License.rocks answers an unknown id with a 400 "Order with ID … does not exist.";
/// for a read that is a 404.
fn not_found_for_get(error: Error) -> WorkerError {
    if error.kind == ErrorKind::Api
        && error.status == Some(400)
        && error.message.contains("does not exist")
    {
        WorkerError::UpstreamNotFound(error)
    } else {
        WorkerError::Upstream(error, Vec::new())
    }
}
