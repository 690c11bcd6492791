//! Building blocks shared by every provider's models: the `wire_struct!` and
//! `wire_enum!` macros and the checked scalar types.
//!
//! Why a macro rather than `#[serde(flatten)]` for unknown fields: flatten
//! buffers the whole object before typing it, which loses the JSON path of a
//! bad field (serde_path_to_error sees only the buffer) and costs an extra copy.
//! The macro types known keys as they stream past and keeps the rest as raw JSON.
//!
//! Each model is read two ways from the same field table: `Deserialize` (serde,
//! for Rust callers and as the oracle in native tests) and `Check` (the
//! byte-level reader in [`crate::json`], what the wasm runs). Native tests hold
//! the two to the same verdict and path on every corpus case and on ~100,000
//! broken bodies.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

mod check;
mod macros;
mod scalars;
mod strict;
mod ts;

pub use check::{check_bytes, check_nullable, check_object, Check, CheckFn, Fields};
pub(crate) use macros::{wire_enum, wire_struct};
pub use scalars::{DecimalString, JsNumber, SafeInt, MAX_SAFE_INTEGER};
pub use strict::{read_nullable, write_entry, Read, WriteJson};
pub use ts::{ts_doc, ts_key, TsDeclarations, TsType};

/// Unknown fields of an object, kept verbatim so a provider's additive change
/// breaks nothing and re-encoding gives back what came in.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// An object key, borrowed from the input when it has no escapes.
pub(crate) enum ObjectKey<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl ObjectKey<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            ObjectKey::Borrowed(s) => s,
            ObjectKey::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for ObjectKey<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = ObjectKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ObjectKey::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ObjectKey::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(ObjectKey::Owned(v))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// The error for a repeated `key`, raised while its value is read so the path
/// names the key itself (serde reports a map's own errors at the map).
pub fn duplicate<'de, A: de::MapAccess<'de>>(map: &mut A, key: &str) -> A::Error {
    refuse_value(map, format!("duplicate field `{key}`"))
}

thread_local! {
    static MISSING_FIELD: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// serde's error for a missing required `field`, noted so the decoder can name
/// the field in the error's path: serde reports it at the parent object, and
/// the error itself carries the name only in its English message.
pub fn missing_field<E: de::Error>(field: &'static str) -> E {
    MISSING_FIELD.with(|noted| noted.set(Some(field)));
    E::missing_field(field)
}

/// The field of the last [`missing_field`] error since the last call, if any.
/// Decoding stops at its first error, so after a failed decode it names the
/// field of that error when the error is a missing field.
pub fn take_missing_field() -> Option<&'static str> {
    MISSING_FIELD.with(|noted| noted.take())
}

/// The error for a key a strict object does not name, raised like
/// [`duplicate`] so the path names the key, with the check's message.
pub fn refuse_unknown<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    key: &str,
    known: &[&str],
) -> A::Error {
    let message = format!(
        "unknown field `{key}`, expected one of {}",
        crate::json::list(known)
    );
    refuse_value(map, message)
}

fn refuse_value<'de, A: de::MapAccess<'de>>(map: &mut A, message: String) -> A::Error {
    struct Refuse<'m>(&'m str);
    impl<'de> de::DeserializeSeed<'de> for Refuse<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
            Err(de::Error::custom(self.0))
        }
    }
    match map.next_value_seed(Refuse(&message)) {
        Err(error) => error,
        Ok(()) => de::Error::custom(message),
    }
}
