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

/// `GET {base}/orders/{orderId}` with the user's own `Authorization: Bearer {token}`.
#[cfg(target_arch = "wasm32")]
pub async fn get_order(
    transport: &crate::transport::Transport,
    base_url: &str,
    token: &str,
    order_id: &str,
) -> Result<(Vec<u8>, NamefiOrderDetails), Error> {
    crate::ids::uuid(Provider::Namefi, order_id)?;
    let url = format!("{base_url}/orders/{order_id}");
    let auth = format!("Bearer {token}");
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
    let details = interpret_reply(reply.status, &reply.body)
        .map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
    Ok((reply.body, details))
}
