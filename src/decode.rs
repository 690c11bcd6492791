//! Response bytes to a verdict ([`check`], what the wasm runs) or to typed
//! values ([`decode`], for Rust callers), failing with the JSON path of the
//! first bad field.

use serde::de::DeserializeOwned;

use crate::error::{Error, Provider};
use crate::json::{Class, JsonError};
use crate::wire::{check_bytes, take_missing_field, Check};

/// Validates a whole JSON body against `T` without building it: the same
/// verdict and path as [`decode`], nothing allocated on success.
pub fn check<T: Check>(provider: Provider, status: u16, body: &[u8]) -> Result<(), Error> {
    check_bytes::<T>(body).map_err(|e| check_error(provider, status, body, &e))
}

/// The error for a failed check of `body`.
pub(crate) fn check_error(provider: Provider, status: u16, body: &[u8], e: &JsonError) -> Error {
    let detail = e.describe(body);
    match e.class() {
        Class::Data => shape_error(provider, status, e.path(), &detail),
        Class::Eof => not_json(provider, status, "a truncated JSON body", &detail),
        Class::Syntax => not_json(provider, status, "a body that is not valid JSON", &detail),
    }
}

/// Decodes a whole JSON body into `T`.
///
/// Never panics: non-JSON, truncated, too deeply nested (serde_json's limit of
/// 128 levels), trailing garbage and type mismatches all come back as an
/// `InvalidResponse` error naming the provider and, for type errors, the path
/// (`orders[1].orderItems[0].listing.priceWei`).
///
/// serde_json's arbitrary-precision mode cannot tell an object keyed
/// `$serde_json::private::Number` from a number, so for a body with that key
/// the byte-level check's verdict stands.
pub fn decode<T: DeserializeOwned + Check>(
    provider: Provider,
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    take_missing_field();
    let mut de = serde_json::Deserializer::from_slice(body);
    let decoded = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| path_error::<T>(provider, status, body, e))
        .and_then(|value| {
            de.end()
                .map(|()| value)
                .map_err(|e| json_error(provider, status, &e))
        });
    // The key starts with `$`, or its escape.
    let maybe = body.contains(&b'$') || body.windows(6).any(|w| w == b"\\u0024");
    if maybe && crate::json::has_reserved_key(body) {
        check::<T>(provider, status, body)?;
    }
    decoded
}

fn path_error<T: Check>(
    provider: Provider,
    status: u16,
    body: &[u8],
    e: serde_path_to_error::Error<serde_json::Error>,
) -> Error {
    let inner = e.inner();
    let mut path = e.path().to_string();
    if !inner.is_data() {
        return match out_of_range::<T>(body, &path) {
            Some(found) => shape_error(provider, status, found, &inner.to_string()),
            None => json_error(provider, status, inner),
        };
    }
    let detail = inner.to_string();
    // serde reports a missing key at its parent object; the contract wants the
    // field itself, which the models noted when they raised the error.
    if let Some(field) = take_missing_field() {
        path = if path == "." {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
    }
    if path == "." || path.is_empty() {
        path = "$".to_owned();
    }
    shape_error(provider, status, path, &detail)
}

/// serde_json calls a number too large for a double a syntax error, where
/// RFC 8259 sets no limit: a valid number out of its field's range is a shape
/// error. It is one when the check refuses a valid number token at the very
/// place serde stopped (`serde_path`); returns the check's path then.
fn out_of_range<T: Check>(body: &[u8], serde_path: &str) -> Option<String> {
    let e = check_bytes::<T>(body).err()?;
    let serde_path = if serde_path == "." { "$" } else { serde_path };
    let at_number = crate::json::Reader::new(&body[e.offset()..])
        .number()
        .is_ok();
    (e.class() == Class::Data && e.path() == serde_path && at_number).then(|| e.path())
}

fn shape_error(provider: Provider, status: u16, path: String, detail: &str) -> Error {
    let message = format!(
        "{} sent a response that does not match its documented shape at `{path}`: {detail}",
        provider.as_str()
    );
    Error::invalid_response(provider, status, Some(path), message)
}

fn json_error(provider: Provider, status: u16, e: &serde_json::Error) -> Error {
    let what = if e.is_eof() {
        "a truncated JSON body"
    } else {
        "a body that is not valid JSON"
    };
    not_json(provider, status, what, &e.to_string())
}

fn not_json(provider: Provider, status: u16, what: &str, detail: &str) -> Error {
    Error::invalid_response(
        provider,
        status,
        None,
        format!("{} sent {what} ({detail})", provider.as_str()),
    )
}
