//! Numbers Protocol Capture: query a network-action order.

use super::{http_failure, is_success};
use crate::decode::{check, decode};
use crate::error::{Error, Provider};
use crate::json::{peek_fields, Peeked};
use crate::models::capture::{CaptureOrder, CaptureReply};

/// Default base URL.
pub const DEFAULT_BASE_URL: &str = "https://node.numbersprotocol.io";
/// Path of the query endpoint below the base URL.
pub const QUERY_ORDER_PATH: &str = "/api/1.1/wf/queryOrder";

/// The loose reading used to tell success from an error reply. Capture's errors
/// are undocumented, so any `status` other than `success` is an error, and
/// whatever message the body has is kept (Bubble nests it one level down,
/// under `body`).
struct Peek {
    status: Option<String>,
    message: Option<String>,
}

impl Peek {
    /// `None` when `bytes` is not one JSON object.
    fn read(bytes: &[u8]) -> Option<Peek> {
        let fields = peek_fields(bytes, &["status", "message", "error", "response", "body"])?;
        let outer = Peek { status: text(&fields[0]), message: text(&fields[1]).or_else(|| text(&fields[2])).or_else(|| text(&fields[3])) };
        let Peeked::Object(body) = fields[4] else { return Some(outer) };
        let inner = peek_fields(body, &["status", "message"])?;
        Some(Peek { status: outer.status.or_else(|| text(&inner[0])), message: outer.message.or_else(|| text(&inner[1])) })
    }
}

fn text(field: &Peeked) -> Option<String> {
    match field {
        Peeked::Text(t) => Some(t.clone()),
        _ => None,
    }
}

/// The verdict before the typed pass: an error reply, or a body to type.
fn classify(status: u16, body: &[u8]) -> Result<(), Error> {
    let peek = Peek::read(body);
    if is_success(status) {
        return match &peek {
            Some(p) if p.status.as_deref().is_some_and(|s| s != "success") => Err(api_error(status, p)),
            // Success, or a body the typed pass must explain (not JSON, no status, wrong types).
            _ => Ok(()),
        };
    }
    match peek {
        Some(p) if p.status.is_some() || p.message.is_some() => Err(api_error(status, &p)),
        _ => Err(http_failure(Provider::Capture, status)),
    }
}

/// Reads a `queryOrder` reply: the `response` object on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<CaptureOrder, Error> {
    classify(status, body)?;
    decode::<CaptureReply>(Provider::Capture, status, body).map(|r| r.response)
}

/// Reads a reply as [`interpret_reply`] does, checking the body in place.
pub fn check_reply(status: u16, body: &[u8]) -> Result<(), Error> {
    classify(status, body)?;
    check::<CaptureReply>(Provider::Capture, status, body)
}

fn api_error(status: u16, peek: &Peek) -> Error {
    let code = peek.status.clone().filter(|c| c != "success");
    let message = match &peek.message {
        Some(m) => format!("capture: {m}"),
        None => format!("capture answered status {} (HTTP {status}) without a message", crate::json::quote(code.as_deref().unwrap_or("?"))),
    };
    Error::api(Provider::Capture, status, code, message)
}

/// `GET {base}/api/1.1/wf/queryOrder?order_id=…` with `Authorization: Bearer {api_key}`.
/// Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub async fn query_order(transport: &crate::transport::Transport, base_url: &str, api_key: &str, order_id: &str) -> Result<Vec<u8>, Error> {
    crate::ids::uuid(Provider::Capture, order_id)?;
    // A UUID needs no percent-encoding.
    super::get_with_bearer(transport, &format!("{base_url}{QUERY_ORDER_PATH}?order_id={order_id}"), api_key, check_reply).await
}
