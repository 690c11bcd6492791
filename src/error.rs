//! The one error type, typed by where the failure happened.
//!
//! It mirrors the contract's `OrderApiError`: `kind`, `provider`, `status`,
//! `code`, `path`, `retryable`, `message`. Messages are written here or carry a
//! provider's own message; they never carry a credential.

use std::fmt;

pub use crate::providers::Provider;

/// Where it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Bad argument or option; nothing was sent.
    InvalidInput,
    /// A non-2xx answer without the provider's error shape.
    Http,
    /// The provider answered with its own error shape.
    Api,
    /// A 2xx answer that is not JSON or does not match the types.
    InvalidResponse,
    /// An attempt ran out of time.
    Timeout,
    /// The caller's signal aborted the call.
    Aborted,
    /// The request did not get an answer (connection refused, reset, DNS…).
    Network,
    /// A create may have reached the server but its answer was lost.
    UnknownOutcome,
}

impl ErrorKind {
    /// The contract's name for it (`invalid_input`, `http`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Http => "http",
            ErrorKind::Api => "api",
            ErrorKind::InvalidResponse => "invalid_response",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Network => "network",
            ErrorKind::UnknownOutcome => "unknown_outcome",
        }
    }
}

/// A provider code worth passing on: 1 to 64 ASCII letters, digits, `_`, `-`,
/// `.` or `:`, starting with a letter or digit.
pub fn is_plain_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    (1..=64).contains(&bytes.len())
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// An error's `code` as it may leave: `None` when it holds any of `secrets`.
pub fn code_without(code: Option<&str>, secrets: &[&str]) -> Option<String> {
    let code = code?;
    let clean = secrets
        .iter()
        .all(|s| crate::redact::secret(code, s) == code);
    clean.then(|| code.to_owned())
}

/// HTTP statuses worth trying again later.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// A failed call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Error {
    /// Where it failed.
    pub kind: ErrorKind,
    /// Which API.
    pub provider: Provider,
    /// The HTTP status, where there was one.
    pub status: Option<u16>,
    /// The provider's own code, where it gave one (Namefi `NOT_FOUND`, …).
    pub code: Option<String>,
    /// For `InvalidResponse`: the JSON path of the first bad field.
    pub path: Option<String>,
    /// Whether trying again later can help.
    pub retryable: bool,
    /// One line a person can act on.
    pub message: String,
    /// The server's `Retry-After`, in milliseconds, when it sent one.
    pub retry_after_ms: Option<u64>,
}

impl Error {
    fn new(kind: ErrorKind, provider: Provider, message: impl Into<String>) -> Self {
        let retryable = matches!(kind, ErrorKind::Timeout | ErrorKind::Network);
        Error {
            kind,
            provider,
            status: None,
            code: None,
            path: None,
            retryable,
            message: message.into(),
            retry_after_ms: None,
        }
    }

    /// Bad input; nothing was sent.
    pub fn invalid_input(provider: Provider, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput, provider, message)
    }

    /// The provider's own error shape. A `code` that is not a plain identifier
    /// (`NOT_FOUND`, `Unauthorized`) is dropped: an upstream may put anything
    /// there, an echoed key included, and callers match codes, not prose.
    pub fn api(
        provider: Provider,
        status: u16,
        code: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        let code = code.filter(|c| is_plain_code(c));
        Error {
            status: Some(status),
            code,
            retryable: is_retryable_status(status),
            ..Error::new(ErrorKind::Api, provider, message)
        }
    }

    /// A non-2xx answer without the provider's error shape.
    pub fn http(provider: Provider, status: u16, message: impl Into<String>) -> Self {
        Error {
            status: Some(status),
            retryable: is_retryable_status(status),
            ..Error::new(ErrorKind::Http, provider, message)
        }
    }

    /// A 2xx answer that did not decode.
    pub fn invalid_response(
        provider: Provider,
        status: u16,
        path: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Error {
            status: Some(status),
            path,
            ..Error::new(ErrorKind::InvalidResponse, provider, message)
        }
    }

    /// The same error, carrying the server's `Retry-After`.
    pub fn with_retry_after(mut self, retry_after_ms: Option<u64>) -> Self {
        self.retry_after_ms = retry_after_ms;
        self
    }

    /// Any other kind, built by the network layer.
    pub fn other(kind: ErrorKind, provider: Provider, message: impl Into<String>) -> Self {
        Error::new(kind, provider, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
