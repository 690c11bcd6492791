//! Namefi: order details for the order's owner.

use super::{http_failure, is_success, CredentialKind, Location, Settling, Spec};
use crate::decode::{check, decode};
use crate::error::{Error, Provider};
use crate::json::{peek_fields, Peeked};

mod models;
pub use models::*;

/// Namefi's production server (the docs' `backend.astra.namefi.dev` is their
/// development backend).
pub const DEFAULT_BASE_URL: &str = "https://api.namefi.io/v-next";

/// A user's JWT, `Authorization: Bearer {token}`: fine in that user's page.
pub const TOKEN: CredentialKind = CredentialKind {
    option: "token",
    header: "authorization",
    scheme: "Bearer ",
    secret: false,
};
/// A user's SIWE session, `x-namefi-siwe-token`: fine in that user's page.
pub const SIWE_TOKEN: CredentialKind = CredentialKind {
    option: "siweToken",
    header: "x-namefi-siwe-token",
    scheme: "",
    secret: false,
};
/// A Namefi API key (`nfk_…`), `x-api-key`: it acts for the wallet that made it, so it is a secret.
pub const API_KEY: CredentialKind = CredentialKind {
    option: "apiKey",
    header: "x-api-key",
    scheme: "",
    secret: true,
};
/// Every credential Namefi takes; a call sends exactly one.
pub const CREDENTIALS: [CredentialKind; 3] = [TOKEN, SIWE_TOKEN, API_KEY];

/// Its options: one of three credentials, and the service's base URL.
pub const SPEC: Spec = Spec {
    title: "Namefi",
    options_type: "NamefiOptions",
    options_doc: "Namefi: exactly one credential. `token` (a user JWT, sent as `Authorization: Bearer`) and `siweToken`\n\
        (a user's SIWE session, sent as `x-namefi-siwe-token`) are the end user's own, fine in a page; `apiKey`\n\
        (a Namefi API key, `nfk_...`, sent as `x-api-key`) acts for its wallet and is a secret for servers.",
    credentials: &CREDENTIALS,
    location: Location::Service {
        default: DEFAULT_BASE_URL,
    },
    settling: Some(Settling {
        function: "waitForNamefiOrder",
        order_type: "NamefiOrderDetails",
        status_at: &["order", "status"],
        statuses: NamefiOrderStatus::WIRE,
        settled: &["SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"],
    }),
};

/// The TypeScript declarations of its models, from their roots.
#[cfg(not(target_arch = "wasm32"))]
pub fn ts_declarations(out: &mut crate::wire::TsDeclarations) {
    out.add::<NamefiOrderDetails>();
    out.insert(
        "NamefiOrderItemStatus",
        "/** Order item status: the schema gives items the order's own statuses. */\n\
         export type NamefiOrderItemStatus = NamefiOrderStatus;\n",
    );
}

/// An error body. Namefi answers in two shapes:
/// - oRPC, `{"defined": false, "code": "UNAUTHORIZED", "status": 401, "message": "…", "data": …}`,
///   for its own errors (401 for a non-owner, 422 `INPUT_VALIDATION_FAILED`, …);
/// - `{"error": "…"}` from its rate limiter (429 `Too Many Requests`) and from
///   x402 payment demands (402, with `x402Version` and `accepts`). These carry no
///   code, so they get the one oRPC uses for the status (`TOO_MANY_REQUESTS`,
///   `PAYMENT_REQUIRED`) and callers can match one code whichever layer answered.
fn error_reply(status: u16, body: &[u8]) -> Error {
    match peek_fields(body, &["code", "message", "error"]).as_deref() {
        Some([Peeked::Text(code), Peeked::Text(message), _]) => Error::api(
            Provider::Namefi,
            status,
            Some(code.to_owned()),
            format!("namefi: {message} ({code})"),
        ),
        Some([_, _, Peeked::Text(error)]) => {
            let code = match status {
                402 => Some("PAYMENT_REQUIRED".to_owned()),
                429 => Some("TOO_MANY_REQUESTS".to_owned()),
                _ => None,
            };
            Error::api(Provider::Namefi, status, code, format!("namefi: {error}"))
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

/// `GET {base}/orders/{orderId}` with the caller's one credential.
/// Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub async fn get_order(
    transport: &crate::transport::Transport,
    base_url: &str,
    credential: &super::Credential,
    order_id: &str,
) -> Result<Vec<u8>, Error> {
    crate::checks::uuid_order_id(Provider::Namefi, order_id)?;
    let (status, body) = super::get_with_credential(
        transport,
        &[base_url, "/orders/", order_id].concat(),
        credential,
        check_reply,
    )
    .await?;
    super::same_order(Provider::Namefi, status, &body, ["order", "id"], order_id)?;
    Ok(body)
}
