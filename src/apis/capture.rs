//! Numbers Protocol Capture: query a network-action order.

use serde::Deserialize;

use super::{http_failure, is_success};
use crate::decode::decode;
use crate::error::{Error, Provider};
use crate::models::capture::{CaptureOrder, CaptureReply};

/// Default base URL.
pub const DEFAULT_BASE_URL: &str = "https://node.numbersprotocol.io";
/// Path of the query endpoint below the base URL.
pub const QUERY_ORDER_PATH: &str = "/api/1.1/wf/queryOrder";

/// The loose shape used to tell success from an error reply. Capture's errors
/// are undocumented, so any `status` other than `success` is an error, and
/// whatever message the body has is kept.
#[derive(Deserialize)]
struct Peek {
    status: Option<serde_json::Value>,
    message: Option<serde_json::Value>,
    error: Option<serde_json::Value>,
    response: Option<serde_json::Value>,
    body: Option<Box<Peek>>,
}

impl Peek {
    fn message(&self) -> Option<String> {
        let text =
            |v: &Option<serde_json::Value>| v.as_ref().and_then(|v| v.as_str()).map(str::to_owned);
        text(&self.message)
            .or_else(|| text(&self.error))
            .or_else(|| text(&self.response))
            .or_else(|| self.body.as_ref().and_then(|b| b.message()))
    }
    fn code(&self) -> Option<String> {
        self.status
            .as_ref()
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .or_else(|| self.body.as_ref().and_then(|b| b.code()))
    }
}

/// Reads a `queryOrder` reply: the `response` object on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<CaptureOrder, Error> {
    let provider = Provider::Capture;
    let peek: Option<Peek> = serde_json::from_slice(body).ok();
    if is_success(status) {
        let status_text = peek
            .as_ref()
            .and_then(|p| p.status.as_ref())
            .and_then(|v| v.as_str());
        return match (status_text, &peek) {
            (Some(text), Some(peek)) if text != "success" => Err(api_error(status, peek)),
            // Success, or a body the decoder must explain (not JSON, no status, wrong types).
            _ => decode::<CaptureReply>(provider, status, body).map(|r| r.response),
        };
    }
    match peek {
        Some(peek) if peek.status.is_some() || peek.message().is_some() => {
            Err(api_error(status, &peek))
        }
        _ => Err(http_failure(provider, status)),
    }
}

fn api_error(status: u16, peek: &Peek) -> Error {
    let code = peek.code().filter(|c| c != "success");
    let message = match peek.message() {
        Some(m) => format!("capture: {m}"),
        None => format!(
            "capture answered status {:?} (HTTP {status}) without a message",
            code.as_deref().unwrap_or("?")
        ),
    };
    Error::api(Provider::Capture, status, code, message)
}

/// `GET {base}/api/1.1/wf/queryOrder?order_id=…` with `Authorization: Bearer {api_key}`.
/// Returns the raw body (for the JS side) with the typed order it was checked against.
#[cfg(target_arch = "wasm32")]
pub async fn query_order(
    transport: &crate::transport::Transport,
    base_url: &str,
    api_key: &str,
    order_id: &str,
) -> Result<(Vec<u8>, CaptureOrder), Error> {
    crate::ids::uuid(Provider::Capture, order_id)?;
    // A UUID needs no percent-encoding.
    let url = format!("{base_url}{QUERY_ORDER_PATH}?order_id={order_id}");
    let auth = format!("Bearer {api_key}");
    let headers = [
        ("authorization", auth.as_str()),
        ("accept", "application/json"),
    ];
    let reply = transport
        .send(&crate::transport::Outgoing {
            post: false,
            url: &url,
            headers: &headers,
            body: None,
        })
        .await?;
    let order = interpret_reply(reply.status, &reply.body)
        .map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
    Ok((reply.body, order))
}
