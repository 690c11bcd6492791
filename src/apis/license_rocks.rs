//! License.rocks Creators Hub: read and create external orders.

use serde::Deserialize;

use super::{http_failure, is_success};
use crate::decode::decode;
use crate::error::{Error, Provider};
use crate::models::license_rocks::{ExternalOrder, ExternalOrdersReply};

/// Path of both endpoints below the instance URL.
pub const EXTERNAL_ORDERS_PATH: &str = "/api/externalOrders";

/// The error shape: `{"orders": null, "error": "…"}`.
#[derive(Deserialize)]
struct ErrorBody {
    error: String,
}

/// Reads a GET or POST reply: the orders on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<Vec<ExternalOrder>, Error> {
    let provider = Provider::LicenseRocks;
    if !is_success(status) {
        return match serde_json::from_slice::<ErrorBody>(body) {
            Ok(e) => Err(Error::api(
                provider,
                status,
                None,
                format!("licenseRocks: {}", e.error),
            )),
            Err(_) => Err(http_failure(provider, status)),
        };
    }
    let reply: ExternalOrdersReply = decode(provider, status, body)?;
    match (reply.orders, reply.error) {
        (_, Some(message)) => Err(Error::api(
            provider,
            status,
            None,
            format!("licenseRocks: {message}"),
        )),
        (Some(orders), None) => Ok(orders),
        (None, None) => Err(Error::invalid_response(
            provider,
            status,
            Some("orders".to_owned()),
            "licenseRocks sent `orders: null` without an `error`",
        )),
    }
}
