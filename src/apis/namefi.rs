//! Namefi: order details for the signed-in user.

use super::{http_failure, is_success};
use crate::decode::decode;
use crate::error::{Error, Provider};
use crate::models::namefi::{NamefiError, NamefiOrderDetails};

/// Default base URL (the docs show http; a client must use https outside loopback).
pub const DEFAULT_BASE_URL: &str = "https://backend.astra.namefi.dev/v-next";

/// Reads a `GET /orders/{orderId}` reply.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<NamefiOrderDetails, Error> {
    let provider = Provider::Namefi;
    if is_success(status) {
        return decode(provider, status, body);
    }
    match serde_json::from_slice::<NamefiError>(body) {
        Ok(e) => Err(Error::api(
            provider,
            status,
            Some(e.code.clone()),
            format!("namefi: {} ({})", e.message, e.code),
        )),
        Err(_) => Err(http_failure(provider, status)),
    }
}

/// Reads a reply as [`interpret_reply`] does, checking a success body in place
/// and decoding it only to name the path of a bad field.
pub fn check_reply(status: u16, body: &[u8]) -> Result<(), Error> {
    if is_success(status) && crate::models::check_slice::<NamefiOrderDetails>(body).is_ok() {
        return Ok(());
    }
    interpret_reply(status, body).and_then(|_| {
        Err(Error::invalid_response(
            Provider::Namefi,
            status,
            None,
            "namefi sent a response that does not match its documented shape",
        ))
    })
}

/// `GET {base}/orders/{orderId}` with the user's own `Authorization: Bearer {token}`.
/// Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub async fn get_order(
    transport: &crate::transport::Transport,
    base_url: &str,
    token: &str,
    order_id: &str,
) -> Result<Vec<u8>, Error> {
    crate::ids::uuid(Provider::Namefi, order_id)?;
    let url = format!("{base_url}/orders/{order_id}");
    let auth = format!("Bearer {token}");
    let headers = [
        ("authorization", auth.as_str()),
        ("accept", "application/json"),
    ];
    let outgoing = crate::transport::Outgoing {
        post: false,
        url: &url,
        headers: &headers,
        body: None,
    };
    let reply = transport.send(&outgoing).await?;
    check_reply(reply.status, &reply.body).map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
    Ok(reply.body)
}
