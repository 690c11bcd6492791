//! `index.d.ts` and `js/spec.js`, generated from the Rust types and policy
//! (`npm run types` rewrites them; the native test `tests/typescript.rs` fails
//! while a committed file is stale).

use crate::error::ErrorKind;
use crate::policy;
use crate::providers::license_rocks::ids;
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
  /** Called before each attempt is sent. Hooks never see a credential or a header value. */
  onRequest?: (request: OrderRequestInfo) => void | Promise<void>;
  /** Called when an attempt's reply arrived, whatever its status. */
  onResponse?: (response: OrderResponseInfo) => void | Promise<void>;
  /** Called before the pause that precedes a retry. */
  onRetry?: (retry: OrderRetryInfo) => void | Promise<void>;
  /** Told, once, when a hook throws or its promise rejects (the call goes on); without it, the console is. */
  onError?: (error: unknown, context: OrderHookErrorContext) => void | Promise<void>;
}}

/** What `onRequest` is told: one attempt of a call. */
export interface OrderRequestInfo {{
  provider: OrderApiProvider;
  method: "GET" | "POST";
  /** The URL sent to; it holds no credential (a value that would is `"[redacted]"`). */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
}}

/** What `onResponse` is told: the attempt and its reply. */
export interface OrderResponseInfo extends OrderRequestInfo {{
  status: number;
  /** From sending to the status line, in ms. */
  durationMs: number;
  /** The server's `Retry-After` on an error status, in ms. */
  retryAfterMs?: number;
  /** The server's `RateLimit-*` figures, where it sent them. */
  rateLimit?: OrderRateLimit;
  /** The provider's request id (`x-request-id`, else Cloudflare's `cf-ray`), where it sent one. */
  requestId?: string;
}}

/** A rate limiter's figures: requests per window, left in it, and ms until it resets. */
export interface OrderRateLimit {{
  limit?: number;
  remaining?: number;
  resetMs?: number;
}}

/** What `onRetry` is told: the attempt that failed and the pause before the next. */
export interface OrderRetryInfo extends OrderRequestInfo {{
  /** The pause before attempt `attempt + 1`, in ms. */
  delayMs: number;
  /** `"status"`: a retryable status (`status`); `"network"`: no reply (`message`). */
  reason: "status" | "network";
  status?: number;
  retryAfterMs?: number;
  message?: string;
}}

/** Which hook failed, for `onError`. */
export interface OrderHookErrorContext {{
  provider: OrderApiProvider;
  hook: "onRequest" | "onResponse" | "onRetry" | "onUpdate";
}}

/**
 * How a wait polls. `timeoutMs` here bounds the whole wait (default {wait_timeout});
 * each poll's attempts are bounded by `pollTimeoutMs`. The other options apply to each poll.
 */
export interface WaitOptions<Status extends string, Order> {{
  /** The statuses that end the wait. Default: the final ones. */
  until?: Status[];
  /**
   * Pause between polls in ms (1 to {max_timeout}). Default {interval}; longer when the server's
   * `Retry-After` or its rate limit (`RateLimit-Remaining`/`-Reset`) asks for it.
   */
  intervalMs?: number;
  /** Time limit of the whole wait in ms (1 to {max_timeout}): `kind: "timeout"` past it. Default {wait_timeout}. */
  timeoutMs?: number;
  /** Time limit of each poll's attempt in ms (1 to {max_timeout}). Default {timeout}. */
  pollTimeoutMs?: number;
  /** Called with the order when its status is first read and each time it changes; see `onError`. */
  onUpdate?: (order: Order) => void | Promise<void>;
}}
{wait_options}
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
/**
 * Polls `getNamefiOrder` until the order's status is one of `until` (default: a final one) and resolves
 * with those details; a failed order is a result. Rejects with a non-retryable error at once, with
 * `kind: "timeout"` past `timeoutMs`, with `kind: "aborted"` when `signal` aborts.
 */
export declare function waitForNamefiOrder(orderId: string, options: NamefiWaitOptions): Promise<NamefiOrderDetails>;
/** Polls `queryCaptureOrder` until the order's status is one of `until` (default: a final one); as `waitForNamefiOrder`. */
export declare function waitForCaptureOrder(orderId: string, options: CaptureWaitOptions): Promise<CaptureOrder>;
/**
 * Yields one License.rocks order per distinct id, in the order first asked for, {batch} ids a request,
 * with at most {ahead} requests ahead of the loop: memory stays a few batches whatever the number of
 * ids (at most {most}, checked before any request). Leaving the loop cancels what is in flight.
 */
export declare function iterExternalOrders(ids: Array<number | string>, options: LicenseRocksOptions): AsyncGenerator<ExternalOrder, void, undefined>;
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
        interval = policy::DEFAULT_POLL_INTERVAL_MS,
        wait_timeout = policy::DEFAULT_WAIT_TIMEOUT_MS,
        wait_options = wait_options(),
        batch = ids::ITERATION_BATCH_IDS,
        ahead = ids::ITERATION_BATCHES_AHEAD,
        most = ids::MAX_ITERATED_IDS,
        provider_options = Provider::ALL.iter().map(|p| options(p.spec())).collect::<Vec<_>>().join("\n"),
        providers = Provider::ALL.iter().map(|p| format!("\"{}\"", p.as_str())).collect::<Vec<_>>().join(" | "),
    ));
    out
}

/// The options type of each wait: the provider's options with its statuses.
fn wait_options() -> String {
    let mut out = String::new();
    for provider in Provider::ALL {
        let spec = provider.spec();
        let Some(settling) = &spec.settling else {
            continue;
        };
        let statuses: Vec<String> = settling
            .statuses
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect();
        let name = spec.options_type.trim_end_matches("Options");
        out.push_str(&format!(
            "\n/** `{function}`'s options: {title}'s, and how to wait. Final by default: {settled}. */\n\
             export type {name}WaitOptions = {options} & WaitOptions<{status}, {order}>;\n\n\
             /** The statuses `until` takes for {title}. */\n\
             export type {status} = {statuses};\n",
            function = settling.function,
            title = spec.title,
            settled = settling.settled.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "),
            options = spec.options_type,
            status = format!("{name}WaitStatus"),
            order = settling.order_type,
            statuses = statuses.join(" | "),
        ));
    }
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

/// `js/spec.js`: what the workflows (js/workflows.js) need from the Rust side,
/// so their defaults and statuses cannot drift from the models and policy.
pub fn workflow_spec() -> String {
    let strings = |values: &[&str]| {
        let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut settling = String::new();
    for provider in Provider::ALL {
        if let Some(s) = &provider.spec().settling {
            settling.push_str(&format!(
                "  {}: {{\n    function: \"{}\",\n    statusAt: {},\n    statuses: {},\n    settled: {},\n  }},\n",
                provider.as_str(),
                s.function,
                strings(s.status_at),
                strings(s.statuses),
                strings(s.settled),
            ));
        }
    }
    format!(
        "// Generated from the Rust types and policy by `npm run types`; do not edit by hand.\n\n\
         /** Per provider whose orders move on their own: where a reply holds the status, every status, the final ones. */\n\
         export const SETTLING = {{\n{settling}}};\n\n\
         /** A wait's defaults and bounds, in ms. */\n\
         export const WAIT = {{ intervalMs: {interval}, timeoutMs: {wait}, pollTimeoutMs: {poll}, maxMs: {max}, rateLimitMarginMs: {margin} }};\n\n\
         /** `iterExternalOrders`: ids per request, batches fetched ahead, ids read into wasm at a time, ids at most. */\n\
         export const ITERATION = {{ batchIds: {batch}, batchesAhead: {ahead}, partIds: {part}, maxIds: {most} }};\n",
        interval = policy::DEFAULT_POLL_INTERVAL_MS,
        wait = policy::DEFAULT_WAIT_TIMEOUT_MS,
        poll = policy::DEFAULT_TIMEOUT_MS,
        max = policy::MAX_TIMEOUT_MS,
        margin = policy::RATE_LIMIT_MARGIN_MS,
        batch = ids::ITERATION_BATCH_IDS,
        ahead = ids::ITERATION_BATCHES_AHEAD,
        part = ids::MAX_IDS,
        most = ids::MAX_ITERATED_IDS,
    )
}
