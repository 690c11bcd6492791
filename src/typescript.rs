//! `index.d.ts`, generated from the Rust types (`npm run types` rewrites it; the
//! native test `tests/typescript.rs` fails while the committed file is stale).

use crate::error::ErrorKind;
use crate::policy;
use crate::providers::{CredentialKind, Location, Provider, Spec};
use crate::wire::{ts_doc, TsDeclarations};

/// The whole declaration file.
pub fn declarations() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by `npm run types`; do not edit by hand.\n\
         // Field names are the providers' own wire names.\n\n\
         /** Any JSON value: what a field whose shape the provider leaves open may hold. */\n\
         export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n",
    );
    let mut models = TsDeclarations::default();
    for provider in Provider::ALL {
        provider.ts_declarations(&mut models);
    }
    out.push_str(models.text());
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
  /** Allows a secret ({secrets}) in a browser page, where anyone can read it. */
  dangerouslyAllowBrowser?: boolean;
}}

{provider_options}
/** Where a call failed. */
export type OrderApiErrorKind = {kinds};

/** Which API a failure belongs to. */
export type OrderApiProvider = {providers};

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
        secrets = secrets(),
        provider_options = Provider::ALL.iter().map(|p| options(p.spec())).collect::<Vec<_>>().join("\n"),
        providers = Provider::ALL.iter().map(|p| format!("\"{}\"", p.as_str())).collect::<Vec<_>>().join(" | "),
    ));
    out
}

/// Every secret credential, by provider: `Capture \`apiKey\`, ...`.
fn secrets() -> String {
    let mut secrets = Vec::new();
    for provider in Provider::ALL {
        let spec = provider.spec();
        for credential in spec.credentials.iter().filter(|c| c.secret) {
            secrets.push(format!("{} `{}`", spec.title, credential.option));
        }
    }
    secrets.join(", ")
}

/// A provider's options type: its credential (exactly one of several, when it
/// takes several), where its API is, and the common options.
fn options(spec: &Spec) -> String {
    let doc = ts_doc("", &spec.options_doc.lines().collect::<Vec<_>>());
    let location = match spec.location {
        Location::Service { default } => format!(
            "  /** Default `{default}`, the production server. https is required except on loopback. */\n  baseUrl?: string;\n"
        ),
        Location::Instance { option, example } => format!(
            "  /** The instance, e.g. `{example}` (a bare host means https). */\n  {option}: string;\n"
        ),
    };
    let name = spec.options_type;
    match spec.credentials {
        [one] => format!(
            "{doc}export interface {name} extends CommonOptions {{\n  {}: string;\n{location}}}\n",
            one.option
        ),
        several => {
            let credential = format!("{}Credential", name.trim_end_matches("Options"));
            format!(
                "{doc}export type {name} = {credential} & CommonOptions & {{\n{location}}};\n\n\
                 /** Exactly one of these credentials, the others absent. */\n\
                 export type {credential} =\n{};\n",
                exactly_one(several)
            )
        }
    }
}

/// A union with one member per credential: that one required, the others `never`.
fn exactly_one(credentials: &[CredentialKind]) -> String {
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
