//! License.rocks Creators Hub: read and create external orders.
//!
//! - `models`: what the hub sends (re-exported here);
//! - [`create`]: the orders to create, read from caller input and written out;
//! - [`ids`]: the ids callers ask for, checked and split into URLs;
//! - [`placement`]: orders put back in the order asked, for the package and the Worker.

use super::{http_failure, is_success};
use crate::decode::{check_error, decode};
use crate::error::{Error, Provider};
use crate::json::{
    peek_fields, read_fields, FieldValues, JsonError, Peeked, Reader, Segment, UnknownKeys,
};
use crate::wire::{Fields, SafeInt};

pub mod create;
pub mod ids;
mod models;
pub mod placement;

pub use create::*;
pub use models::*;
pub use placement::place_by_id;

/// Path of both endpoints below the instance URL.
pub const EXTERNAL_ORDERS_PATH: &str = "/api/externalOrders";

/// The error shape: `{"orders": null, "error": "…"}`. Both keys must be there:
/// a bare `{"error": …}` is some proxy's, not the hub's.
fn error_reply(status: u16, body: &[u8]) -> Error {
    match peek_fields(body, &["orders", "error"]).as_deref() {
        Some([orders, Peeked::Text(message)]) if *orders != Peeked::Absent => Error::api(
            Provider::LicenseRocks,
            status,
            None,
            format!("licenseRocks: {message}"),
        ),
        _ => http_failure(Provider::LicenseRocks, status),
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
        (_, Some(message)) => Err(Error::api(
            provider,
            status,
            None,
            format!("licenseRocks: {message}"),
        )),
        (Some(orders), None) => Ok(orders),
        (None, None) => Err(orders_null(status)),
    }
}

/// Reads a reply as [`interpret_reply`] does, without building the orders:
/// every field is checked in place and nothing but the ids is kept. Returns
/// the id of each order, in the order they came.
pub fn check_reply(status: u16, body: &[u8]) -> Result<Vec<i64>, Error> {
    let provider = Provider::LicenseRocks;
    if !is_success(status) {
        return Err(error_reply(status, body));
    }
    let mut r = Reader::new(body);
    let envelope = check_envelope(&mut r).and_then(|envelope| r.end().map(|()| envelope));
    match envelope {
        Ok(Envelope {
            error: Some(message),
            ..
        }) => Err(Error::api(
            provider,
            status,
            None,
            format!("licenseRocks: {message}"),
        )),
        Ok(Envelope { ids: None, .. }) => Err(orders_null(status)),
        Ok(Envelope { ids: Some(ids), .. }) => Ok(ids),
        Err(e) => Err(check_error(provider, status, body, &e)),
    }
}

/// What the envelope check learns besides "valid".
struct Envelope {
    /// The orders' ids; `None` when `orders` was null.
    ids: Option<Vec<i64>>,
    error: Option<String>,
}

/// `{"orders": [...] | null, "error": string | null}`, checked exactly as
/// [`ExternalOrdersReply`] decodes, keeping each order's id on the way.
fn check_envelope(r: &mut Reader<'_>) -> Result<Envelope, JsonError> {
    let mut envelope = Envelope {
        ids: None,
        error: None,
    };
    debug_assert_eq!(ExternalOrdersReply::KEYS.wires, ["orders", "error"]);
    read_fields(
        r,
        ExternalOrdersReply::EXPECTED,
        &ExternalOrdersReply::KEYS,
        UnknownKeys::Keep,
        FieldValues::Read(&mut |r, field| {
            if field == 1 {
                if !r.null()? {
                    envelope.error = Some(r.string("a string")?.value().into_owned());
                }
                return Ok(());
            }
            if r.null()? {
                return Ok(());
            }
            let ids = envelope.ids.insert(Vec::new());
            r.begin_array("an array")?;
            while r.next_element(ids.is_empty())? {
                check_order(r, ids).map_err(|e| e.within(Segment::Index(ids.len())))?;
            }
            Ok(())
        }),
    )?;
    Ok(envelope)
}

/// One [`ExternalOrder`], its id pushed onto `ids`.
fn check_order(r: &mut Reader<'_>, ids: &mut Vec<i64>) -> Result<(), JsonError> {
    const ID: usize = 0;
    debug_assert_eq!(ExternalOrder::KEYS.wires[ID], "id");
    let mut id = None;
    read_fields(
        r,
        ExternalOrder::EXPECTED,
        &ExternalOrder::KEYS,
        UnknownKeys::Keep,
        FieldValues::Read(&mut |r, field| {
            if field == ID {
                id = Some(SafeInt::read(r)?.get());
                return Ok(());
            }
            (ExternalOrder::CHECKS[field])(r)
        }),
    )?;
    // Present: `id` is required, so read_fields refused an order without one.
    ids.extend(id);
    Ok(())
}

/// One GET's worth of orders: the ids that came back and the checked body.
#[derive(Debug)]
pub struct Batch {
    /// Ids of the orders in the body, in their order there.
    pub returned: Vec<i64>,
    /// The checked body.
    pub body: Vec<u8>,
}

/// Its options: the instance's API token, and which instance.
pub const SPEC: super::Spec = super::Spec {
    title: "License.rocks",
    options_type: "LicenseRocksOptions",
    options_doc: "A License.rocks Creators Hub instance. The API token is a partner secret.",
    credentials: &[API_TOKEN],
    location: super::Location::Instance {
        option: "instanceUrl",
        example: "https://hub.example.com",
    },
    // Orders are created paid; nothing to wait for.
    settling: None,
};

/// The TypeScript declarations of its models, from their roots.
#[cfg(not(target_arch = "wasm32"))]
pub fn ts_declarations(out: &mut crate::wire::TsDeclarations) {
    out.add::<ExternalOrder>();
    out.add::<NewExternalOrder>();
}

/// The instance's API token, sent raw as `authorization` (no scheme).
pub const API_TOKEN: super::CredentialKind = super::CredentialKind {
    option: "apiToken",
    header: "authorization",
    scheme: "",
    secret: true,
};

/// `GET {instance}/api/externalOrders/{ids}` with the raw `authorization` token.
/// `ids` are checked and distinct; long lists are split so no URL passes
/// [`crate::providers::license_rocks::ids::MAX_URL_LENGTH`], and at most [`crate::providers::license_rocks::ids::MAX_CONCURRENT_REQUESTS`]
/// run at once. The first failure aborts the rest. The caller places the
/// orders by id ([`place_by_id`]), which also finds an asked order that did not come.
#[cfg(target_arch = "wasm32")]
pub async fn get_orders(
    transport: &crate::transport::Transport,
    instance_url: &str,
    token: &str,
    ids: &[u64],
) -> Result<Vec<Batch>, Error> {
    let prefix = [instance_url, EXTERNAL_ORDERS_PATH, "/"].concat();
    let groups = crate::providers::license_rocks::ids::split_for_url(prefix.len(), ids);
    let fetch_group = |transport: &crate::transport::Transport, group: Vec<u64>| {
        let mut url = prefix.clone();
        for (i, id) in group.iter().enumerate() {
            if i > 0 {
                url.push(',');
            }
            crate::providers::license_rocks::ids::push_decimal(&mut url, *id);
        }
        let transport = transport.clone();
        async move {
            let outgoing = crate::transport::Outgoing {
                url: &url,
                credential_header: API_TOKEN.header,
                credential: token,
                body: None,
            };
            let (body, returned) = super::send_checked(&transport, &outgoing, check_reply).await?;
            Ok(Batch { returned, body })
        }
    };
    if groups.len() == 1 {
        let group = groups.into_iter().next().unwrap_or_default();
        return fetch_group(transport, group).await.map(|batch| vec![batch]);
    }
    // One controller for the whole call: the caller's abort reaches every
    // request, and the first failure stops the others.
    let call = crate::transport::CallSignal::start(transport.signal.as_ref())
        .map_err(|m| Error::other(crate::ErrorKind::Network, Provider::LicenseRocks, m))?;
    let batch_transport = crate::transport::Transport {
        signal: Some(call.signal()),
        ..transport.clone()
    };
    let requests = groups
        .into_iter()
        .map(|group| fetch_group(&batch_transport, group))
        .collect();
    let result = run_limited(
        requests,
        crate::providers::license_rocks::ids::MAX_CONCURRENT_REQUESTS,
    )
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
    orders: &[crate::providers::license_rocks::NewExternalOrder],
) -> Result<Vec<u8>, Error> {
    let url = [instance_url, EXTERNAL_ORDERS_PATH].concat();
    let body = crate::providers::license_rocks::new_orders_json(orders);
    let outgoing = crate::transport::Outgoing {
        url: &url,
        credential_header: API_TOKEN.header,
        credential: token,
        body: Some(&body),
    };
    super::send_checked(transport, &outgoing, check_reply)
        .await
        .map(|(body, _ids)| body)
}

/// Runs `tasks` with at most `limit` in flight and collects their results in
/// the order they finish; the first error is returned at once (the caller
/// aborts the rest). futures-util's `buffer_unordered` does this too, at ~3 KB
/// of wasm for a handful of requests.
#[cfg(target_arch = "wasm32")]
async fn run_limited<T, F: std::future::Future<Output = Result<T, Error>>>(
    tasks: Vec<F>,
    limit: usize,
) -> Result<Vec<T>, Error> {
    use std::task::Poll;
    let mut waiting = tasks.into_iter();
    let mut running: Vec<std::pin::Pin<Box<F>>> = Vec::new();
    let mut done = Vec::new();
    std::future::poll_fn(|cx| loop {
        while running.len() < limit {
            match waiting.next() {
                Some(task) => running.push(Box::pin(task)),
                None => break,
            }
        }
        if running.is_empty() {
            return Poll::Ready(Ok(std::mem::take(&mut done)));
        }
        // All share this task's waker, so every wake polls the few running.
        let before = running.len();
        let mut i = 0;
        while i < running.len() {
            match running[i].as_mut().poll(cx) {
                Poll::Ready(Ok(value)) => {
                    done.push(value);
                    drop(running.swap_remove(i));
                }
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => i += 1,
            }
        }
        if running.len() == before {
            return Poll::Pending;
        }
    })
    .await
}
