//! Namefi: order details for the signed-in user.

use super::{http_failure, is_success};
use crate::decode::{check, decode};
use crate::error::{Error, Provider};
use crate::json::{peek_fields, Peeked};
use crate::models::namefi::NamefiOrderDetails;

/// Default base URL (the docs show http; a client must use https outside loopback).
pub const DEFAULT_BASE_URL: &str = "https://backend.astra.namefi.dev/v-next";

/// The oRPC error body: `{"defined": true, "code": "NOT_FOUND", "status": 404,
/// "message": "Not Found", "data": null}`; `code` and `message` must be strings.
fn error_reply(status: u16, body: &[u8]) -> Error {
    match peek_fields(body, &["code", "message"]).as_deref() {
        Some([Peeked::Text(code), Peeked::Text(message)]) => {
            Error::api(Provider::Namefi, status, Some(code.to_owned()), format!("namefi: {message} ({code})"))
        }
        _ => http_failure(Provider::Namefi, status),
    }
}

/// Reads a `GET /orders/{orderId}` reply.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<NamefiOrderDetails, Error> {
    if !is_success(status) {
        return Err(error_reply(status, body));
    }
    decode(Provider::Namefi, status, body)
}

/// Reads a reply as [`interpret_reply`] does, checking the body in place.
pub fn check_reply(status: u16, body: &[u8]) -> Result<(), Error> {
    if !is_success(status) {
        return Err(error_reply(status, body));
    }
    check::<NamefiOrderDetails>(Provider::Namefi, status, body)
}

/// `GET {base}/orders/{orderId}` with the user's own `Authorization: Bearer {token}`.
/// Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub async fn get_order(transport: &crate::transport::Transport, base_url: &str, token: &str, order_id: &str) -> Result<Vec<u8>, Error> {
    crate::ids::uuid(Provider::Namefi, order_id)?;
    super::get_with_bearer(transport, &format!("{base_url}/orders/{order_id}"), token, check_reply).await
}
