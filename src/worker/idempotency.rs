//! `POST /v1/license-rocks/orders` with an `Idempotency-Key`.
//!
//! Creating an order moves value and License.rocks has no idempotency of its
//! own, so the Worker adds it: every key maps to one Durable Object (so the
//! state holds across isolates), which records the key as in flight before it
//! calls upstream and keeps the outcome for 24 hours:
//! - the same key with the same body gets the first outcome back, upstream is not called again;
//! - the same key with another body is 422; a second request while the first runs is 409;
//! - an `unknown_outcome` (the answer was lost) is kept too, so a retry cannot
//!   create a second paid order; only definite refusals (our 400s, upstream
//!   4xx, a 429 included) release the key for another try.
//!
//! Only a SHA-256 of the body is stored, never the buyer data in it.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Request, Response};

use super::durable::{sha256_hex, Namespace, Storage};
use super::http::{error_response, text_response, WorkerError};
use super::{
    license_rocks_instance, orders_response, reply_orders, transport, upstream_timeout_ms, Config,
};
use crate::error::{ErrorKind, Provider};
use crate::promise::settled;
use crate::providers::license_rocks;
use crate::providers::license_rocks::NewExternalOrder;

/// How long an outcome is kept.
pub const TTL_MS: f64 = 24.0 * 3600.0 * 1000.0;
/// An in-flight record older than the upstream timeout plus this belonged to a
/// Worker that died mid-call: its outcome is unknown, and it is kept as such. A
/// live call cannot be that old (one POST, bounded by the timeout, then only
/// local work), so a slow call is never mistaken for a dead one.
pub const IN_FLIGHT_MARGIN_MS: f64 = 15_000.0;
/// Largest create body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Serialize, Deserialize)]
struct Record {
    hash: String,
    at: f64,
    /// `None` while in flight.
    outcome: Option<Outcome>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Outcome {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

/// Worker side: checks the request, then hands it to the key's Durable Object.
pub(crate) async fn create_through_store(
    config: &Config,
    request: &Request,
) -> Result<Response, WorkerError> {
    let key = request
        .headers()
        .get("idempotency-key")
        .ok()
        .flatten()
        .ok_or(WorkerError::KeyRequired)?;
    if key.len() > 255 || !crate::checks::is_header_safe(&key) {
        return Err(WorkerError::BadRequest(
            "Idempotency-Key must be 1 to 255 visible ASCII characters".into(),
        ));
    }
    let body = request_text(request).await?;
    // A malformed request never takes a key.
    parse_orders(&body)?;
    config.upstream_secret("LICENSE_ROCKS_API_TOKEN")?;
    license_rocks_instance(config)?;
    let namespace = Namespace::from_env(&config.env, "IDEMPOTENCY")
        .ok_or(WorkerError::MissingConfig("IDEMPOTENCY"))?;
    let response = namespace
        .post(&key, "https://idempotency.internal/create", &body)
        .await
        .map_err(|_| WorkerError::Internal)?;
    // A Response from another context cannot be returned as is; copy it.
    let status = response.status();
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let text = settled(&response.text().map_err(|_| WorkerError::Internal)?)
        .await
        .map_err(|_| WorkerError::Internal)?;
    let copy = text_response(status, &text.as_string().unwrap_or_default());
    if let Some(seconds) = retry_after {
        let _ = copy.headers().set("retry-after", &seconds);
    }
    if let Some(replayed) = response.headers().get("idempotent-replayed").ok().flatten() {
        let _ = copy.headers().set("idempotent-replayed", &replayed);
    }
    Ok(copy)
}

/// Durable Object side (`IdempotencyStore.fetch`): one key, one object.
#[wasm_bindgen(js_name = idempotentCreate)]
pub fn idempotent_create(request: Request, storage: Storage, env: JsValue) -> js_sys::Promise {
    crate::task::spawn(async move {
        let config = Config::new(env);
        Ok(match run(&config, &request, &storage).await {
            Ok(response) => response,
            Err(error) => error_response(&error, &config.secrets()),
        }
        .into())
    })
}

async fn run(
    config: &Config,
    request: &Request,
    storage: &Storage,
) -> Result<Response, WorkerError> {
    let body = request_text(request).await?;
    let hash = sha256_hex(body.as_bytes())
        .await
        .map_err(|_| WorkerError::Internal)?;
    let now = js_sys::Date::now();
    if let Some(record) = load(storage).await? {
        if now - record.at < TTL_MS {
            if record.hash != hash {
                return Err(WorkerError::KeyReused);
            }
            match record.outcome {
                Some(outcome) => return Ok(replay(&outcome)),
                None if now - record.at
                    < upstream_timeout_ms(config) as f64 + IN_FLIGHT_MARGIN_MS =>
                {
                    return Err(WorkerError::InFlight)
                }
                None => {
                    let error = crate::Error::other(
                        ErrorKind::UnknownOutcome,
                        Provider::LicenseRocks,
                        "licenseRocks: an earlier request with this key stopped before its answer arrived; the orders may have been created: look them up before trying again",
                    );
                    let outcome = outcome_of(&error_response(
                        &WorkerError::Upstream(error, Vec::new()),
                        &config.secrets(),
                    ))
                    .await?;
                    save(
                        storage,
                        &Record {
                            hash,
                            at: record.at,
                            outcome: Some(outcome.clone()),
                        },
                    )
                    .await?;
                    return Ok(replay(&outcome));
                }
            }
        }
    }
    // In flight before anything is sent: a concurrent request now sees 409.
    save(
        storage,
        &Record {
            hash: hash.clone(),
            at: now,
            outcome: None,
        },
    )
    .await?;
    storage.set_alarm(now + TTL_MS);

    let orders = parse_orders(&body)?;
    let token = config.upstream_secret("LICENSE_ROCKS_API_TOKEN")?;
    let instance = license_rocks_instance(config)?;
    let result = license_rocks::create_orders(
        &transport(config, Provider::LicenseRocks),
        &instance,
        &token,
        &orders,
    )
    .await;
    let (response, keep) = match result {
        Ok(body) => (
            orders_response(config, reply_orders(&body)?, body.len())?,
            true,
        ),
        Err(error) => {
            // The provider said no (its own 4xx, or a rate limit's 429 in any
            // shape), or we never sent it: nothing was created, so the key is free.
            let refused = error.kind == ErrorKind::InvalidInput
                || (error.kind == ErrorKind::Api
                    && error.status.is_some_and(|s| (400..500).contains(&s)))
                || (error.kind == ErrorKind::Http && error.status == Some(429));
            (
                error_response(&WorkerError::Upstream(error, Vec::new()), &config.secrets()),
                !refused,
            )
        }
    };
    let outcome = outcome_of(&response).await?;
    if keep {
        save(
            storage,
            &Record {
                hash,
                at: now,
                outcome: Some(outcome.clone()),
            },
        )
        .await?;
    } else {
        let _ = storage.delete(RECORD_KEY).await;
    }
    Ok(replay_fresh(&outcome))
}

fn parse_orders(body: &str) -> Result<Vec<NewExternalOrder>, WorkerError> {
    crate::providers::license_rocks::new_orders_from_json(body).map_err(WorkerError::BadRequest)
}

/// The body, up to [`MAX_BODY_BYTES`]: a declared `Content-Length` over it is
/// refused before reading, and reading stops as soon as the bytes pass it, so a
/// huge body costs no memory.
async fn request_text(request: &Request) -> Result<String, WorkerError> {
    let declared = request.headers().get("content-length").ok().flatten();
    if declared
        .and_then(|n| n.trim().parse::<u64>().ok())
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
    {
        return Err(WorkerError::TooLarge);
    }
    let unreadable = || WorkerError::BadRequest("unreadable body".into());
    let Some(stream) = request.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = settled(&reader.read()).await.map_err(|_| unreadable())?;
        if js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(unreadable)?;
        let start = bytes.len();
        if start + value.length() as usize > MAX_BODY_BYTES {
            let _ = reader.cancel();
            return Err(WorkerError::TooLarge);
        }
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    String::from_utf8(bytes).map_err(|_| WorkerError::BadRequest("the body is not UTF-8".into()))
}

async fn outcome_of(response: &Response) -> Result<Outcome, WorkerError> {
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let clone = response.clone().map_err(|_| WorkerError::Internal)?;
    let text = settled(&clone.text().map_err(|_| WorkerError::Internal)?)
        .await
        .map_err(|_| WorkerError::Internal)?;
    Ok(Outcome {
        status: response.status(),
        body: text.as_string().unwrap_or_default(),
        retry_after,
    })
}

fn replay_fresh(outcome: &Outcome) -> Response {
    let response = text_response(outcome.status, &outcome.body);
    if let Some(seconds) = &outcome.retry_after {
        let _ = response.headers().set("retry-after", seconds);
    }
    response
}

fn replay(outcome: &Outcome) -> Response {
    let response = replay_fresh(outcome);
    let _ = response.headers().set("idempotent-replayed", "true");
    response
}

/// The one key each object stores its record under.
const RECORD_KEY: &str = "record";

async fn load(storage: &Storage) -> Result<Option<Record>, WorkerError> {
    let text = storage
        .get_text(RECORD_KEY)
        .await
        .map_err(|_| WorkerError::Internal)?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
}

async fn save(storage: &Storage, record: &Record) -> Result<(), WorkerError> {
    let text = serde_json::to_string(record).map_err(|_| WorkerError::Internal)?;
    storage
        .put_text(RECORD_KEY, &text)
        .await
        .map_err(|_| WorkerError::Internal)
}
