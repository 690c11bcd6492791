//! Numbers Protocol Capture: query a network-action order,
//! `GET /api/1.1/wf/queryOrder?order_id=…`. Shapes from the "Query
//! Network-Action Orders" page (fixture `capture/query-order.200.json`), with
//! the statuses and decimal costs real orders carry.

use super::{http_failure, is_success, CredentialKind, Location, Settling, Spec};
use crate::decode::{check, decode};
use crate::error::{Error, Provider};
use crate::json::{peek_fields, read_fields, FieldValues, JsonError, Peeked, Reader};
use crate::wire::{wire_enum, wire_struct, Fields, JsNumber};

wire_enum! {
    /// The reply's top-level `status`; anything but `success` is an error reply.
    pub enum CaptureReplyStatus {
        Success = "success",
    }
}

wire_enum! {
    /// Where the network action stands (the values Capture's own app knows);
    /// `completed`, `failed` and `payment_failed` are final.
    pub enum CaptureOrderStatus {
        Submitted = "submitted",
        Paid = "paid",
        PaymentFailed = "payment_failed",
        Completed = "completed",
        Failed = "failed",
    }
}

wire_struct! {
    /// The whole reply: `{"status": "success", "response": {...}}`.
    pub struct CaptureReply {
        /// `success` on success.
        required status: CaptureReplyStatus = "status",
        /// The order.
        required response: CaptureOrder = "response",
    }
}

wire_struct! {
    /// A network-action order, the `response` object of the reply.
    pub struct CaptureOrder {
        /// Numbers ID of the asset (a CID, `bafy…`).
        required nid: String = "nid",
        /// Chain the action ran on (`polygon`).
        required blockchain: String = "blockchain",
        /// Token the cost is paid in (`NUM`).
        required payment_token: String = "payment_token",
        /// Cost, in `payment_token` units: a decimal such as `0.05` (exact in Rust; a number in JS).
        required cost: JsNumber = "cost",
        /// Gas spent, a decimal like `cost`.
        required gas: JsNumber = "gas",
        /// UUID of the network app.
        required network_app_id: String = "network_app_id",
        /// Name of the network app (`Mint Polygon NFT`).
        required network_app_name: String = "network_app_name",
        /// UUID of the order.
        required order_id: String = "order_id",
        /// Result link; may be empty, `null` or absent until the action has a result.
        optional_nullable result_url: String = "result_url",
        /// Order status.
        required status: CaptureOrderStatus = "status",
    }
}

/// Default base URL.
pub const DEFAULT_BASE_URL: &str = "https://node.numbersprotocol.io";

/// Its options: one partner API key, and the service's base URL.
pub const SPEC: Spec = Spec {
    title: "Capture",
    options_type: "CaptureOptions",
    options_doc:
        "Numbers Protocol Capture. The API key is a partner secret: use it on a server or the edge.",
    credentials: &[API_KEY],
    location: Location::Service {
        default: DEFAULT_BASE_URL,
    },
    settling: Some(Settling {
        function: "waitForCaptureOrder",
        order_type: "CaptureOrder",
        status_at: &["status"],
        statuses: CaptureOrderStatus::WIRE,
        settled: &["completed", "failed", "payment_failed"],
    }),
};

/// The TypeScript declarations of its models, from their roots.
#[cfg(not(target_arch = "wasm32"))]
pub fn ts_declarations(out: &mut crate::wire::TsDeclarations) {
    out.add::<CaptureOrder>();
}
/// Path of the query endpoint below the base URL.
pub const QUERY_ORDER_PATH: &str = "/api/1.1/wf/queryOrder";

/// The loose reading used to tell success from an error reply. Capture runs on
/// Bubble, whose errors come in more than one shape, and any `status` other
/// than `success` is an error too; the code and text are kept from whichever:
/// - `{"status": "error", "message": "…"}`;
/// - `{"statusCode": 400, "body": {"status": "MISSING_DATA", "message": "…"}}`;
/// - `{"error_class": "Unauthorized", "args": {…}, "message": null, "translation": "…"}`.
struct Peek {
    code: Option<String>,
    message: Option<String>,
    /// Not `success`: an error whatever the HTTP status.
    failed: bool,
}

impl Peek {
    /// `None` when `bytes` is not one JSON object.
    fn read(bytes: &[u8]) -> Option<Peek> {
        let fields = peek_fields(
            bytes,
            &[
                "status",
                "message",
                "error",
                "response",
                "body",
                "error_class",
                "translation",
            ],
        )?;
        let status = text(&fields[0]);
        let error_class = text(&fields[5]);
        let failed = status.as_deref().is_some_and(|s| s != "success")
            || (status.is_none() && error_class.is_some());
        let message = text(&fields[1])
            .or_else(|| text(&fields[6]))
            .or_else(|| text(&fields[2]))
            .or_else(|| text(&fields[3]));
        let outer = Peek {
            code: status.filter(|s| s != "success").or(error_class),
            message,
            failed,
        };
        let Peeked::Object(body) = fields[4] else {
            return Some(outer);
        };
        let inner = peek_fields(body, &["status", "message"])?;
        Some(Peek {
            code: outer.code.or_else(|| text(&inner[0])),
            message: outer.message.or_else(|| text(&inner[1])),
            ..outer
        })
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
            Some(p) if p.failed => Err(api_error(status, p)),
            // Success, or a body the typed pass must explain (not JSON, no status, wrong types).
            _ => Ok(()),
        };
    }
    match peek {
        Some(p) if p.code.is_some() || p.message.is_some() => Err(api_error(status, &p)),
        _ => Err(http_failure(Provider::Capture, status)),
    }
}

/// Reads a `queryOrder` reply: the `response` object on success.
pub fn interpret_reply(status: u16, body: &[u8]) -> Result<CaptureOrder, Error> {
    // The usual reply, typed with `status: "success"`, needs no look at the
    // error shapes (see `check_reply`).
    if is_success(status) {
        if let Ok(reply) = decode::<CaptureReply>(Provider::Capture, status, body) {
            if reply.status == CaptureReplyStatus::Success {
                return Ok(reply.response);
            }
        }
    }
    classify(status, body)?;
    decode::<CaptureReply>(Provider::Capture, status, body).map(|r| r.response)
}

/// Reads a reply as [`interpret_reply`] does, checking the body in place.
pub fn check_reply(status: u16, body: &[u8]) -> Result<(), Error> {
    // The usual reply passes the typed check with `status: "success"`, which
    // no error shape has (and the check refuses a repeated `status`), so the
    // shapes would find nothing: one walk of the body. Anything else is read
    // as before: the shapes first, then the check for its error.
    if is_success(status) && check_success(body) == Ok(true) {
        return Ok(());
    }
    classify(status, body)?;
    check::<CaptureReply>(Provider::Capture, status, body)
}

/// The typed check of [`CaptureReply`], exactly as `check` runs it, saying
/// whether the top-level `status` was `success` (the check keeps any other
/// value, as it keeps every enum's unknown values).
fn check_success(body: &[u8]) -> Result<bool, JsonError> {
    const STATUS: usize = 0;
    debug_assert_eq!(CaptureReply::KEYS.wires[STATUS], "status");
    let mut success = false;
    let mut r = Reader::new(body);
    read_fields(
        &mut r,
        CaptureReply::EXPECTED,
        &CaptureReply::KEYS,
        CaptureReply::UNKNOWN,
        FieldValues::Read(&mut |r, field| {
            if field == STATUS {
                success = r.string("a string")?.is("success");
                return Ok(());
            }
            (CaptureReply::CHECKS[field])(r)
        }),
    )?;
    r.end()?;
    Ok(success)
}

fn api_error(status: u16, peek: &Peek) -> Error {
    let message = match &peek.message {
        Some(m) => format!("capture: {m}"),
        None => {
            format!(
                "capture answered status {} (HTTP {status}) without a message",
                crate::json::quote(peek.code.as_deref().unwrap_or("?"))
            )
        }
    };
    Error::api(Provider::Capture, status, peek.code.clone(), message)
}

/// The partner API key, `Authorization: Bearer {apiKey}`.
pub const API_KEY: CredentialKind = CredentialKind {
    option: "apiKey",
    header: "authorization",
    scheme: "Bearer ",
    secret: true,
};

/// `GET {base}/api/1.1/wf/queryOrder?order_id=…` with the partner key.
/// Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub async fn query_order(
    transport: &crate::transport::Transport,
    base_url: &str,
    api_key: &str,
    order_id: &str,
) -> Result<Vec<u8>, Error> {
    crate::checks::uuid_order_id(Provider::Capture, order_id)?;
    let credential = super::Credential {
        kind: API_KEY,
        value: api_key.to_owned(),
    };
    // A UUID needs no percent-encoding.
    let (status, body) = super::get_with_credential(
        transport,
        &[base_url, QUERY_ORDER_PATH, "?order_id=", order_id].concat(),
        &credential,
        check_reply,
    )
    .await?;
    super::same_order(
        Provider::Capture,
        status,
        &body,
        ["response", "order_id"],
        order_id,
    )?;
    Ok(body)
}
