//! Conversions at the JS boundary: arguments into Rust values, checked bodies
//! into JS values, failures into `OrderApiError`s.
//!
//! Results are built by `JSON.parse` of the body that was just checked against
//! the typed models: one native parse instead of thousands of boundary
//! crossings, and the models round-trip exactly, so nothing is lost.

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, Provider};
use crate::providers::license_rocks::ids::{self, IdInput};
use crate::providers::license_rocks::{self, new_orders_from_json, Batch, NewExternalOrder};

#[wasm_bindgen]
extern "C" {
    type ParsedReply;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn response(this: &ParsedReply) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn orders(this: &ParsedReply) -> Result<JsValue, JsValue>;

}

#[wasm_bindgen]
extern "C" {
    // Likewise for an array argument: its length, and a copy made here, where
    // a throwing element or length getter (a Proxy) is caught.
    type ArrayArgument;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn length(this: &ArrayArgument) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_copy(array: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn slice(this: &ArrayArgument, start: u32, end: u32) -> Result<Array, JsValue>;
    // js-sys's `Array::is_array` does not catch, and `Array.isArray` throws
    // for a revoked Proxy: that would throw through the wasm, not fail as input.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;
}

/// Whether `value` is an array; `None` when asking threw (a revoked Proxy).
pub(super) fn is_array(value: &JsValue) -> Option<bool> {
    is_array_or_throw(value).ok()
}

/// The length of an array argument; `None` when reading it threw.
fn array_length(array: &JsValue) -> Option<f64> {
    array
        .unchecked_ref::<ArrayArgument>()
        .length()
        .ok()
        .and_then(|n| n.as_f64())
}

pub(super) fn string_arg(provider: Provider, name: &str, value: &JsValue) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid_input(
            provider,
            format!("{}: {name} must be a string", provider.as_str()),
        )
    })
}

/// The ids of a `getExternalOrders` call, at most [`ids::MAX_IDS`].
pub(super) fn id_inputs(ids: &JsValue) -> Result<Vec<IdInput>, Error> {
    read_ids(ids, ids::check_id_count, array_copy)
}

/// The ids of an iteration (at most [`ids::MAX_ITERATED_IDS`]) from index
/// `from`, [`ids::MAX_IDS`] of them at most: wasm memory holds one part at a time.
pub(super) fn id_inputs_part(ids: &JsValue, from: u32) -> Result<Vec<IdInput>, Error> {
    read_ids(ids, ids::check_iterated_id_count, |ids| {
        let part = ids.unchecked_ref::<ArrayArgument>();
        part.slice(from, from.saturating_add(ids::MAX_IDS as u32))
    })
}

fn read_ids(
    ids: &JsValue,
    check_count: fn(usize) -> Result<(), Error>,
    copy: impl Fn(&JsValue) -> Result<Array, JsValue>,
) -> Result<Vec<IdInput>, Error> {
    let unreadable = || {
        Error::invalid_input(
            Provider::LicenseRocks,
            "licenseRocks: ids could not be read (the array threw)",
        )
    };
    if !is_array(ids).ok_or_else(unreadable)? {
        return Err(Error::invalid_input(
            Provider::LicenseRocks,
            "licenseRocks: ids must be an array of numbers or digit strings",
        ));
    }
    // Checked before the copy: a huge sparse array must not be copied.
    // (`as` saturates: an array's length is a whole number up to 2^32 - 1.)
    check_count(array_length(ids).ok_or_else(unreadable)? as usize)?;
    let ids = copy(ids).map_err(|_| unreadable())?;
    Ok(ids
        .iter()
        .map(|id| match (id.as_f64(), id.as_string()) {
            (Some(n), _) => IdInput::Number(n),
            (_, Some(s)) => IdInput::Text(s),
            _ if id.is_null() => IdInput::Other("null"),
            _ if id.is_undefined() => IdInput::Other("undefined"),
            _ if id.as_bool().is_some() => IdInput::Other("a boolean"),
            _ if id.is_bigint() => IdInput::Other("a bigint"),
            _ if id.is_symbol() => IdInput::Other("a symbol"),
            _ if id.is_function() => IdInput::Other("a function"),
            _ => IdInput::Other("an object"),
        })
        .collect())
}

/// Create input goes through `JSON.stringify`, so it is read exactly as the
/// Worker reads a request body: unknown fields refused, types checked, paths
/// named. (`undefined` fields are dropped by it, as an absent optional should be.)
pub(super) fn new_orders(orders: &JsValue) -> Result<Vec<NewExternalOrder>, Error> {
    let provider = Provider::LicenseRocks;
    let unreadable = || {
        Error::invalid_input(
            provider,
            "licenseRocks: orders could not be read (the array threw)",
        )
    };
    if !is_array(orders).ok_or_else(unreadable)?
        || array_length(orders).ok_or_else(unreadable)? == 0.0
    {
        return Err(Error::invalid_input(
            provider,
            "licenseRocks: orders must be a non-empty array of {nftId, listingId, quantity, buyerUserId, buyerBillingData?}",
        ));
    }
    let text = JSON::stringify(orders)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            Error::invalid_input(
                provider,
                "licenseRocks: orders must be plain data (JSON.stringify could not write them)",
            )
        })?;
    new_orders_from_json(&text)
        .map_err(|message| Error::invalid_input(provider, format!("licenseRocks: {message}")))
}

/// `JSON.parse` of a checked body. The check proved it UTF-8, and the bytes go
/// to the decoder as a view of wasm memory: nothing is validated or copied twice.
pub(super) fn parse_json(provider: Provider, body: &[u8]) -> Result<JsValue, Error> {
    thread_local!(static DECODER: Option<Utf8Decoder> = Utf8Decoder::new().ok());
    let text = DECODER.with(|d| d.as_ref().and_then(|d| d.decode(body).ok()));
    parse_js_string(&text.ok_or_else(|| unreadable(provider))?).map_err(|_| unreadable(provider))
}

// web-sys's TextDecoder and js-sys's JSON.parse both go through a Rust String,
// which would copy the body back into wasm and out again.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf8Decoder;
    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new() -> Result<Utf8Decoder, JsValue>;
    #[wasm_bindgen(method, js_class = "TextDecoder", js_name = decode, catch)]
    fn decode(this: &Utf8Decoder, bytes: &[u8]) -> Result<js_sys::JsString, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js_string(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

pub(super) fn orders_array(provider: Provider, body: &[u8]) -> Result<Array, Error> {
    let orders = parse_json(provider, body)?
        .unchecked_into::<ParsedReply>()
        .orders()
        .map_err(|_| unreadable(provider))?;
    orders.dyn_into::<Array>().map_err(|_| unreadable(provider))
}

/// Should not happen: the body was checked before. Kept as an error, never a panic.
fn unreadable(provider: Provider) -> Error {
    Error::invalid_response(
        provider,
        200,
        None,
        format!(
            "{}: the checked body could not be read back",
            provider.as_str()
        ),
    )
}

/// An `Error` named `OrderApiError` with the contract's fields; secrets scrubbed
/// from the message whatever put them there.
pub(super) fn to_js_error(error: &Error, secrets: &[&str]) -> JsValue {
    let mut message = error.message.clone();
    for secret in secrets {
        message = crate::redact::secret(&message, secret);
    }
    let js = js_sys::Error::new(&message);
    js.set_name("OrderApiError");
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&js, &key.into(), &value);
    };
    set("kind", error.kind.as_str().into());
    set("provider", error.provider.as_str().into());
    if let Some(status) = error.status {
        set("status", status.into());
    }
    if let Some(code) = crate::error::code_without(error.code.as_deref(), secrets) {
        set("code", code.into());
    }
    if let Some(path) = &error.path {
        // A path names keys of the reply, which an upstream chooses.
        let path = secrets
            .iter()
            .fold(path.clone(), |p, s| crate::redact::secret(&p, s));
        set("path", path.into());
    }
    set("retryable", error.retryable.into());
    if let Some(ms) = error.retry_after_ms {
        set("retryAfterMs", (ms as f64).into());
    }
    js.into()
}

/// The `response` object of a checked Capture reply.
pub(super) fn capture_response(body: &[u8]) -> Result<JsValue, Error> {
    let provider = Provider::Capture;
    parse_json(provider, body)?
        .unchecked_into::<ParsedReply>()
        .response()
        .map_err(|_| unreadable(provider))
}

/// The orders of `batches`, one per id of `ids`, in that order.
pub(super) fn placed_orders(ids: &[u64], batches: &[Batch]) -> Result<Array, Error> {
    let provider = Provider::LicenseRocks;
    // The usual case: one reply holding exactly what was asked, in that order.
    if let [batch] = batches {
        let same = batch.returned.len() == ids.len()
            && batch.returned.iter().zip(ids).all(|(r, a)| *r == *a as i64);
        if same {
            return orders_array(provider, &batch.body);
        }
    }
    // Otherwise each order by its id (known from the check, so no property reads here).
    let returned: Vec<&[i64]> = batches.iter().map(|b| b.returned.as_slice()).collect();
    let places = license_rocks::place_by_id(ids, &returned)?;
    let arrays = batches
        .iter()
        .map(|b| orders_array(provider, &b.body))
        .collect::<Result<Vec<_>, _>>()?;
    let placed = Array::new_with_length(ids.len() as u32);
    for (slot, (batch, index)) in places.into_iter().enumerate() {
        placed.set(slot as u32, arrays[batch].get(index as u32));
    }
    Ok(placed)
}
