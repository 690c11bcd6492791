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
