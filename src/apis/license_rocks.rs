//! License.rocks Creators Hub: read and create external orders.

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::{http_failure, is_success};
use crate::decode::{check_error, decode};
use crate::error::{Error, Provider};
use crate::models::license_rocks::{ExternalOrder, ExternalOrdersReply};
use crate::models::wire::{at, clear_error_path, json_deserializer, Checked, Key, Segment};

/// Path of both endpoints below the instance URL.
pub const EXTERNAL_ORDERS_PATH: &str = "/api/externalOrders";

/// The error shape: `{"orders": null, "error": "…"}`.
#[derive(Deserialize)]
struct ErrorBody {
    #[allow(dead_code)] // required present: a bare `{"error": …}` is some proxy's, not the hub's
    orders: IgnoredAny,
    error: String,
}

fn error_reply(status: u16, body: &[u8]) -> Error {
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(e) => Error::api(Provider::LicenseRocks, status, None, format!("licenseRocks: {}", e.error)),
        Err(_) => http_failure(Provider::LicenseRocks, status),
    }
}

fn orders_null(status: u16) -> Error {
    Error::invalid_response(
        Provider::LicenseRocks,
        status,
        Some("orders".to_owned()),
        "licenseRocks sent `orders: null` without an `error`",
    )
}

/// Reads a GET or POST reply: the orders on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<Vec<ExternalOrder>, Error> {
    let provider = Provider::LicenseRocks;
    if !is_success(status) {
        return Err(error_reply(status, body));
    }
    let reply: ExternalOrdersReply = decode(provider, status, body)?;
    match (reply.orders, reply.error) {
        (_, Some(message)) => Err(Error::api(provider, status, None, format!("licenseRocks: {message}"))),
        (Some(orders), None) => Ok(orders),
        (None, None) => Err(orders_null(status)),
    }
}

/// Reads a reply as [`interpret_reply`] does, without building the orders:
/// every field is checked in place and nothing is allocated for a valid body.
pub fn check_reply(status: u16, body: &[u8]) -> Result<(), Error> {
    let provider = Provider::LicenseRocks;
    if !is_success(status) {
        return Err(error_reply(status, body));
    }
    clear_error_path();
    let envelope = json_deserializer(body).and_then(|mut de| {
        let envelope = serde::Deserializer::deserialize_map(&mut de, EnvelopeCheck)?;
        de.end().map(|()| envelope)
    });
    match envelope {
        Ok(Envelope { error: Some(message), .. }) => Err(Error::api(provider, status, None, format!("licenseRocks: {message}"))),
        Ok(Envelope { orders_null: true, .. }) => Err(orders_null(status)),
        Ok(_) => Ok(()),
        Err(e) => Err(check_error(provider, status, &e)),
    }
}

/// What the envelope check learns besides "valid".
struct Envelope {
    orders_null: bool,
    error: Option<String>,
}

/// `{"orders": [...] | null, "error": string | null}`, with the orders checked
/// exactly as [`ExternalOrdersReply`] decodes them.
struct EnvelopeCheck;

impl<'de> Visitor<'de> for EnvelopeCheck {
    type Value = Envelope;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object (ExternalOrdersReply)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        use serde::de::Error as _;
        let (mut orders, mut error): (Option<bool>, Option<Option<String>>) = (None, None);
        let mut unknown: Vec<Key<'de>> = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "orders" if orders.is_some() => return Err(at(Segment::Field("orders"), A::Error::duplicate_field("orders"))),
                "orders" => {
                    let checked = map.next_value::<Option<Checked<Vec<ExternalOrder>>>>().map_err(|e| at(Segment::Field("orders"), e))?;
                    orders = Some(checked.is_none());
                }
                "error" if error.is_some() => return Err(at(Segment::Field("error"), A::Error::duplicate_field("error"))),
                "error" => error = Some(map.next_value().map_err(|e| at(Segment::Field("error"), e))?),
                other if unknown.iter().any(|k| k.as_str() == other) => {
                    return Err(at(Segment::Key(other.to_owned()), A::Error::custom(format_args!("duplicate field `{other}`"))))
                }
                other => {
                    map.next_value::<IgnoredAny>().map_err(|e| at(Segment::Key(other.to_owned()), e))?;
                    unknown.push(key);
                }
            }
        }
        Ok(Envelope {
            orders_null: orders.ok_or_else(|| at(Segment::Field("orders"), A::Error::missing_field("orders")))?,
            error: error.ok_or_else(|| at(Segment::Field("error"), A::Error::missing_field("error")))?,
        })
    }
}

/// The first asked-for id missing from what came back, if any.
pub fn first_missing(asked: &[u64], returned: &[i64]) -> Option<u64> {
    let returned: std::collections::HashSet<i64> = returned.iter().copied().collect();
    asked.iter().copied().find(|id| !returned.contains(&(*id as i64)))
}

/// One GET's worth of orders: the ids it asked for and the checked body.
#[derive(Debug)]
pub struct Batch {
    /// Ids in the URL.
    pub asked: Vec<u64>,
    /// The checked body.
    pub body: Vec<u8>,
}

/// `GET {instance}/api/externalOrders/{ids}` with the raw `authorization` token.
/// `ids` are checked and distinct; long lists are split so no URL passes
/// [`crate::ids::MAX_URL_LENGTH`], and at most [`crate::ids::MAX_CONCURRENT_REQUESTS`]
/// run at once. The first failure aborts the rest. The caller checks that every
/// id came back ([`first_missing`]) once it has read the ids.
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
    let fetch_group = |transport: &crate::transport::Transport, group: Vec<u64>| {
        let url = format!("{prefix}{}", group.iter().map(u64::to_string).collect::<Vec<_>>().join(","));
        let transport = transport.clone();
        async move {
            let headers = [("authorization", token), ("accept", "application/json")];
            let outgoing = crate::transport::Outgoing { post: false, url: &url, headers: &headers, body: None };
            let body = super::send_checked(&transport, &outgoing, check_reply).await?;
            Ok(Batch { asked: group, body })
        }
    };
    if groups.len() == 1 {
        let group = groups.into_iter().next().unwrap_or_default();
        return fetch_group(transport, group).await.map(|batch| vec![batch]);
    }
    // One controller for the whole call: the caller's abort reaches every
    // request, and the first failure stops the others.
    let call = crate::transport::Deadline::start(None, transport.signal.as_ref())
        .map_err(|m| Error::other(crate::ErrorKind::Network, Provider::LicenseRocks, m))?;
    let batch_transport = crate::transport::Transport { signal: Some(call.signal()), ..transport.clone() };
    let result = stream::iter(groups)
        .map(|group| fetch_group(&batch_transport, group))
        .buffer_unordered(crate::ids::MAX_CONCURRENT_REQUESTS)
        .try_collect::<Vec<_>>()
        .await;
    if result.is_err() {
        call.abort();
    }
    call.finish();
    result
}

/// `POST {instance}/api/externalOrders`: sent once, never retried. Returns the
/// checked body.
#[cfg(target_arch = "wasm32")]
pub async fn create_orders(
    transport: &crate::transport::Transport,
    instance_url: &str,
    token: &str,
    orders: &[crate::models::license_rocks::NewExternalOrder],
) -> Result<Vec<u8>, Error> {
    let url = format!("{instance_url}{EXTERNAL_ORDERS_PATH}");
    let body = serde_json::to_string(orders)
        .map_err(|e| Error::invalid_input(Provider::LicenseRocks, format!("licenseRocks: the orders could not be encoded ({e})")))?;
    let headers = [("authorization", token), ("content-type", "application/json"), ("accept", "application/json")];
    let outgoing = crate::transport::Outgoing { post: true, url: &url, headers: &headers, body: Some(&body) };
    super::send_checked(transport, &outgoing, check_reply).await
}
