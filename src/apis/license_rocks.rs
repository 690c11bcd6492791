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
    orders: serde_json::Value,
    error: String,
}

/// Reads a GET or POST reply: the orders on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<Vec<ExternalOrder>, Error> {
    let provider = Provider::LicenseRocks;
    if !is_success(status) {
        return match serde_json::from_slice::<ErrorBody>(body) {
            Ok(e) if e.orders.is_null() => Err(Error::api(
                provider,
                status,
                None,
                format!("licenseRocks: {}", e.error),
            )),
            _ => Err(http_failure(provider, status)),
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

/// One GET's worth of orders: the raw body and the ids of its orders, in body order.
#[derive(Debug)]
pub struct Batch {
    /// The raw body.
    pub body: Vec<u8>,
    /// `orders[i].id` for each `i`.
    pub order_ids: Vec<i64>,
}

/// `GET {instance}/api/externalOrders/{ids}` with the raw `authorization` token.
/// `ids` are checked and distinct; long lists are split so no URL passes
/// [`crate::ids::MAX_URL_LENGTH`], and at most [`crate::ids::MAX_CONCURRENT_REQUESTS`]
/// run at once. The first failure aborts the rest. Every id must come back.
#[cfg(target_arch = "wasm32")]
pub async fn get_orders(
    transport: &crate::transport::Transport,
    instance_url: &str,
    token: &str,
    ids: &[u64],
) -> Result<Vec<Batch>, Error> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};

    let prefix = format!("{instance_url}{EXTERNAL_ORDERS_PATH}/");
    let groups = crate::ids::split_for_url(prefix.len(), ids);
    // One controller for the whole call: the caller's abort reaches every
    // request, and the first failure stops the others.
    let call = crate::transport::Deadline::start(None, transport.signal.as_ref())
        .map_err(|m| Error::other(crate::ErrorKind::Network, Provider::LicenseRocks, m))?;
    let batch_transport = crate::transport::Transport {
        signal: Some(call.signal()),
        ..transport.clone()
    };
    let fetch_group = |group: Vec<u64>| {
        let url = format!(
            "{prefix}{}",
            group
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        let batch_transport = &batch_transport;
        async move {
            let headers = [("authorization", token), ("accept", "application/json")];
            let reply = batch_transport
                .send(&crate::transport::Outgoing {
                    post: false,
                    url: &url,
                    headers: &headers,
                    body: None,
                })
                .await?;
            let orders = interpret_reply(reply.status, &reply.body)
                .map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
            let order_ids: Vec<i64> = orders.iter().map(|o| o.id.get()).collect();
            for id in &group {
                if !order_ids.contains(&(*id as i64)) {
                    return Err(Error::invalid_response(
                        Provider::LicenseRocks,
                        reply.status,
                        Some("orders".into()),
                        format!("licenseRocks did not return order {id}, which was asked for"),
                    ));
                }
            }
            Ok(Batch {
                body: reply.body,
                order_ids,
            })
        }
    };
    let result = stream::iter(groups)
        .map(fetch_group)
        .buffer_unordered(crate::ids::MAX_CONCURRENT_REQUESTS)
        .try_collect::<Vec<_>>()
        .await;
    if result.is_err() {
        call.abort();
    }
    call.finish();
    result
}

/// `POST {instance}/api/externalOrders`: sent once, never retried.
#[cfg(target_arch = "wasm32")]
pub async fn create_orders(
    transport: &crate::transport::Transport,
    instance_url: &str,
    token: &str,
    orders: &[crate::models::license_rocks::NewExternalOrder],
) -> Result<(Vec<u8>, Vec<ExternalOrder>), Error> {
    let url = format!("{instance_url}{EXTERNAL_ORDERS_PATH}");
    let body = serde_json::to_string(orders).map_err(|e| {
        Error::invalid_input(
            Provider::LicenseRocks,
            format!("licenseRocks: the orders could not be encoded ({e})"),
        )
    })?;
    let headers = [
        ("authorization", token),
        ("content-type", "application/json"),
        ("accept", "application/json"),
    ];
    let reply = transport
        .send(&crate::transport::Outgoing {
            post: true,
            url: &url,
            headers: &headers,
            body: Some(&body),
        })
        .await?;
    let created = interpret_reply(reply.status, &reply.body)
        .map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
    Ok((reply.body, created))
}
