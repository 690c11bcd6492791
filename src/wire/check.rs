//! Checking bytes against a model without building it: what the wasm runs.

use super::scalars::is_decimal;
use super::{DecimalString, JsNumber, SafeInt};
use crate::json::{read_fields, FieldValues, JsonError, KeyTable, Reader, Segment, UnknownKeys};

/// Validation without building the value: accepts exactly what `Deserialize`
/// accepts (the native agreement tests hold the two together), allocating
/// nothing for well-formed input. This is what the wasm build runs; serde's
/// decoding is for Rust callers and for those tests.
pub trait Check {
    /// Reads one value from `r`, failing where deserializing `Self` would.
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError>;
}

/// A field's check.
pub type CheckFn = crate::json::ValueCheck;

/// A `wire_struct!` object's field table, in documented order.
pub trait Fields {
    /// How a type error names it: `an object (ExternalOrder)`.
    const EXPECTED: &'static str;
    /// Wire names in documented order, and which are required.
    const KEYS: KeyTable;
    /// Whether keys the table does not name are kept or refused (`strict`).
    const UNKNOWN: UnknownKeys;
    /// The check of each field's value.
    const CHECKS: &'static [CheckFn];
}

/// Checks one object of type `T`: known fields typed, unknown ones skipped
/// (or refused, for a strict object).
pub fn check_object<T: Fields>(r: &mut Reader<'_>) -> Result<(), JsonError> {
    read_fields(
        r,
        T::EXPECTED,
        &T::KEYS,
        T::UNKNOWN,
        FieldValues::Checks(T::CHECKS),
    )
}

/// `null` or a `T`.
pub fn check_nullable<T: Check>(r: &mut Reader<'_>) -> Result<(), JsonError> {
    if r.null()? {
        return Ok(());
    }
    T::check(r)
}

/// Checks a whole JSON document against `T`.
pub fn check_bytes<T: Check>(bytes: &[u8]) -> Result<(), JsonError> {
    let mut r = Reader::new(bytes);
    T::check(&mut r)?;
    r.end()
}

impl Check for bool {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.boolean().map(drop)
    }
}

impl Check for i32 {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.integer(i32::MIN.into(), i32::MAX.into(), "a 32-bit integer")
            .map(drop)
    }
}

impl Check for u16 {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.integer(0, u16::MAX.into(), "an integer from 0 to 65535")
            .map(drop)
    }
}

impl Check for SafeInt {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        SafeInt::read(r).map(drop)
    }
}

impl Check for String {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.skip_string("a string")
    }
}

impl Check for serde_json::Value {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.skip()
    }
}

impl Check for JsNumber {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.finite_number(JsNumber::EXPECTED)
    }
}

impl Check for DecimalString {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        let text = r.string("a decimal string such as \"13.42\"")?;
        let ok = if text.has_escapes() {
            is_decimal(text.value().as_bytes())
        } else {
            is_decimal(text.raw())
        };
        match ok {
            true => Ok(()),
            // The value is not echoed: it could be anything, secrets included.
            false => Err(JsonError::data(
                r.offset(),
                "expected a decimal string such as \"13.42\", found another string",
            )),
        }
    }
}

impl<T: Check> Check for Vec<T> {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        r.begin_array("an array")?;
        let mut index = 0;
        while r.next_element(index == 0)? {
            T::check(r).map_err(|e| e.within(Segment::Index(index)))?;
            index += 1;
        }
        Ok(())
    }
}

impl<T: Check> Check for std::collections::BTreeMap<String, T> {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        // Decoding into a map keeps the last of repeated keys; so does this.
        r.begin_object("a map")?;
        let mut first = true;
        while let Some(key) = r.next_key(first)? {
            first = false;
            r.colon()?;
            T::check(r).map_err(|e| e.within(Segment::Key(key.value().into_owned())))?;
        }
        Ok(())
    }
}
