//! `index.d.ts`, generated from the Rust types (`npm run types` rewrites it; the
//! native test `tests/typescript.rs` fails while the committed file is stale).

use crate::error::ErrorKind;
use crate::policy;
use crate::providers::capture::*;
use crate::providers::license_rocks::*;
use crate::providers::namefi::*;
use crate::wire::TsType;

/// The whole declaration file.
pub fn declarations() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by `npm run types`; do not edit by hand.\n\
         // Field names are the providers' own wire names.\n\n\
         /** Any JSON value: what a field whose shape the provider leaves open may hold. */\n\
         export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n",
    );
    let named = [
        CaptureOrder::ts_declaration(),
        CaptureOrderStatus::ts_declaration(),
        NamefiOrderDetails::ts_declaration(),
        NamefiOrder::ts_declaration(),
        NamefiOrderStatus::ts_declaration(),
        NamefiOrderMetadata::ts_declaration(),
        NamefiMintTransaction::ts_declaration(),
        NamefiOrderItem::ts_declaration(),
        NamefiOrderItemType::ts_declaration(),
        Some("/** Order item status: the schema gives items the order's own statuses. */\nexport type NamefiOrderItemStatus = NamefiOrderStatus;\n".to_owned()),
        NamefiOrderItemMetadata::ts_declaration(),
        NamefiLegacyOrderMetadata::ts_declaration(),
        NamefiLegacyPaymentDetails::ts_declaration(),
        NamefiPostProcess::ts_declaration(),
        NamefiPostProcessAction::ts_declaration(),
        NamefiDnsAction::ts_declaration(),
        NamefiDnsRecord::ts_declaration(),
        NamefiDnsRecordType::ts_declaration(),
        NamefiRequiredAction::ts_declaration(),
        NamefiFailureDetails::ts_declaration(),
        NamefiFailureResolution::ts_declaration(),
        NamefiActor::ts_declaration(),
        NamefiLegacyOrderItemMetadata::ts_declaration(),
        NamefiPayment::ts_declaration(),
        NamefiPaymentStatus::ts_declaration(),
        NamefiPaymentProvider::ts_declaration(),
        NamefiUser::ts_declaration(),
        ExternalOrder::ts_declaration(),
        ExternalOrderStatus::ts_declaration(),
        PaymentMethod::ts_declaration(),
        OrderProvider::ts_declaration(),
        ProductType::ts_declaration(),
        Buyer::ts_declaration(),
        LoginProvider::ts_declaration(),
        ViewMode::ts_declaration(),
        OrderItem::ts_declaration(),
        Nft::ts_declaration(),
        PriceType::ts_declaration(),
        NftStatus::ts_declaration(),
        Listing::ts_declaration(),
        ListingType::ts_declaration(),
        NewExternalOrder::ts_declaration(),
        BillingData::ts_declaration(),
    ];
    for declaration in named.into_iter().flatten() {
        out.push_str(&declaration);
        out.push('\n');
    }
    let kinds = [
        ErrorKind::InvalidInput,
        ErrorKind::Http,
        ErrorKind::Api,
        ErrorKind::InvalidResponse,
        ErrorKind::Timeout,
        ErrorKind::Aborted,
        ErrorKind::Network,
        ErrorKind::UnknownOutcome,
    ];
    let kinds = kinds
        .iter()
        .map(|k| format!("\"{}\"", k.as_str()))
        .collect::<Vec<_>>()
        .join(" | ");
    out.push_str(&format!(
        r#"/** Options every function takes. */
export interface CommonOptions {{
  /** Time limit of each attempt, body included, in ms (1 to {max_timeout}). Default {timeout}. */
  timeoutMs?: number;
  /** Retries of a GET after the first attempt (0 to {max_retries}). Default {retries}. A create is never retried. */
  maxRetries?: number;
  /** Aborts the whole call, retries and waits included (`kind: "aborted"`). */
  signal?: AbortSignal;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Largest response body accepted, in bytes. Default {max_body}. */
  maxResponseBytes?: number;
  /** Allows a secret (Capture `apiKey`, License.rocks `apiToken`, Namefi `apiKey`) in a browser page, where anyone can read it. */
  dangerouslyAllowBrowser?: boolean;
}}

/** Numbers Protocol Capture. The API key is a partner secret: use it on a server or the edge. */
export interface CaptureOptions extends CommonOptions {{
  apiKey: string;
  /** Default `https://node.numbersprotocol.io`. https is required except on loopback. */
  baseUrl?: string;
}}

/**
 * Namefi: exactly one credential. `token` (a user JWT, sent as `Authorization: Bearer`) and `siweToken`
 * (a user's SIWE session, sent as `x-namefi-siwe-token`) are the end user's own, fine in a page; `apiKey`
 * (a Namefi API key, `nfk_...`, sent as `x-api-key`) acts for its wallet and is a secret for servers.
 */
export type NamefiOptions = NamefiCredential & CommonOptions & {{
  /** Default `{namefi_base}` (Namefi's production server). https is required except on loopback. */
  baseUrl?: string;
}};

/** One of Namefi's credentials, the others absent. */
export type NamefiCredential =
{namefi_credentials};

/** A License.rocks Creators Hub instance. The API token is a partner secret. */
export interface LicenseRocksOptions extends CommonOptions {{
  apiToken: string;
  /** The instance, e.g. `https://hub.example.com` (a bare host means https). */
  instanceUrl: string;
}}

/** Where a call failed. */
export type OrderApiErrorKind = {kinds};

/** Which API a failure belongs to. */
export type OrderApiProvider = "capture" | "namefi" | "licenseRocks";

/** Every failure: an `Error` whose `name` is `"OrderApiError"`. */
export interface OrderApiError extends Error {{
  name: "OrderApiError";
  kind: OrderApiErrorKind;
  provider: OrderApiProvider;
  /** The HTTP status, where there was one. */
  status?: number;
  /** The provider's own code, where it gave one (Namefi `NOT_FOUND`, ...). */
  code?: string;
  /** For `invalid_response`: the JSON path of the first bad field. */
  path?: string;
  /** Whether trying again later can help. */
  retryable: boolean;
  /** The server's `Retry-After` on an error status, in ms, when it sent one. */
  retryAfterMs?: number;
}}

/** Queries a Capture network-action order: the `response` object of the reply. */
export declare function queryCaptureOrder(orderId: string, options: CaptureOptions): Promise<CaptureOrder>;
/** Gets a Namefi order with its items, payments and user. */
export declare function getNamefiOrder(orderId: string, options: NamefiOptions): Promise<NamefiOrderDetails>;
/** Reads License.rocks orders: one per distinct id, in the order first asked for; `[]` for `[]`, with no request; at most 100,000 ids a call. */
export declare function getExternalOrders(ids: Array<number | string>, options: LicenseRocksOptions): Promise<ExternalOrder[]>;
/** Creates License.rocks orders (paid, NFT transfer started). Never retried; see `kind: "unknown_outcome"`. */
export declare function createExternalOrders(orders: NewExternalOrder[], options: LicenseRocksOptions): Promise<ExternalOrder[]>;
/** True for the errors this package throws, across realms and package copies. */
export declare function isOrderApiError(error: unknown): error is OrderApiError;
/** Loads the wasm. Needed only to load it early or from your own URL in a browser; a no-op in Node and Workers. */
export declare function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
"#,
        max_timeout = policy::MAX_TIMEOUT_MS,
        timeout = policy::DEFAULT_TIMEOUT_MS,
        max_retries = policy::MAX_MAX_RETRIES,
        retries = policy::DEFAULT_MAX_RETRIES,
        max_body = policy::DEFAULT_MAX_RESPONSE_BYTES,
        namefi_base = crate::providers::namefi::DEFAULT_BASE_URL,
        namefi_credentials = exactly_one(&crate::providers::namefi::CREDENTIALS),
    ));
    out
}

/// A union with one member per credential: that one required, the others `never`.
fn exactly_one(credentials: &[crate::providers::CredentialKind]) -> String {
    let member = |chosen: &str| {
        let others: Vec<String> = credentials
            .iter()
            .filter(|c| c.option != chosen)
            .map(|c| format!("{}?: never", c.option))
            .collect();
        format!("  | {{ {chosen}: string; {} }}", others.join("; "))
    };
    credentials
        .iter()
        .map(|c| member(c.option))
        .collect::<Vec<_>>()
        .join("\n")
}
