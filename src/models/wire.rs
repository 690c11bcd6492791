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
use serde::{Deserialize, Serialize, Serializer};

use crate::json::{read_fields, FieldValues, JsonError, KeyTable, Reader, Segment, UnknownKeys};

/// Unknown fields of an object, kept verbatim so a provider's additive change
/// breaks nothing and re-encoding gives back what came in.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// An object key, borrowed from the input when it has no escapes.
pub(crate) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Defines a provider object: known fields typed, unknown fields kept in `extra`.
///
/// Each field is declared `presence name: Type = "wireName"`, where presence is
/// - `required`: the key must be there and must not be `null`; Rust type `T`;
/// - `nullable`: the key must be there, `null` allowed (the docs show it null); `Option<T>`;
/// - `optional`: the key may be absent, but when present it is a `T`; `Option<T>`;
/// - `optional_nullable`: the key may be absent or `null`; `Option<Option<T>>`
///   (outer: whether the key came, so re-encoding gives back what came in);
/// - `raw`: the docs only ever show `null`, so the type is unknown: any JSON,
///   kept as it came, key may be absent; `Option<serde_json::Value>`.
macro_rules! wire_struct {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $presence:ident $field:ident : $ty:ty = $wire:literal
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                #[doc = concat!("\n\nWire name: `", $wire, "`.")]
                pub $field: wire_struct!(@field_ty $presence $ty),
            )*
            /// Fields the docs do not mention, kept verbatim.
            pub extra: $crate::models::wire::Extra,
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct FieldsVisitor;
                impl<'de> ::serde::de::Visitor<'de> for FieldsVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    #[allow(non_snake_case)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $( let mut $field: Option<wire_struct!(@slot_ty $presence $ty)> = None; )*
                        let mut extra = $crate::models::wire::Extra::new();
                        while let Some(key) = map.next_key::<$crate::models::wire::Key<'de>>()? {
                            match key.as_str() {
                                $(
                                    $wire => {
                                        if $field.is_some() {
                                            return Err($crate::models::wire::duplicate(&mut map, $wire));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                other => {
                                    if extra.contains_key(other) {
                                        return Err($crate::models::wire::duplicate(&mut map, other));
                                    }
                                    let value: ::serde_json::Value = map.next_value()?;
                                    extra.insert(other.to_owned(), value);
                                }
                            }
                        }
                        Ok($name {
                            $( $field: wire_struct!(@finish $presence $field $wire), )*
                            extra,
                        })
                    }
                }
                d.deserialize_map(FieldsVisitor)
            }
        }

        impl $crate::models::wire::Fields for $name {
            const EXPECTED: &'static str = concat!("an object (", stringify!($name), ")");
            const KEYS: $crate::json::KeyTable = $crate::json::KeyTable::new(
                &[$($wire),*],
                $crate::json::required_mask(&[$(wire_struct!(@required $presence)),*]),
            );
            const CHECKS: &'static [$crate::models::wire::CheckFn] = &[$(wire_struct!(@check $presence $ty)),*];
        }

        impl $crate::models::wire::Check for $name {
            fn check(r: &mut $crate::json::Reader<'_>) -> Result<(), $crate::json::JsonError> {
                $crate::models::wire::check_object::<Self>(r)
            }
        }

        impl $crate::models::wire::TsType for $name {
            fn ts_ref() -> String {
                stringify!($name).to_owned()
            }
            fn ts_declaration() -> Option<String> {
                let mut out = $crate::models::wire::ts_doc("", &[$($doc),*]);
                out.push_str(concat!("export interface ", stringify!($name), " {\n"));
                $(
                    out.push_str(&$crate::models::wire::ts_doc("  ", &[$($fdoc),*]));
                    out.push_str(&wire_struct!(@ts $presence $ty, $wire));
                )*
                out.push_str("  /** Fields the provider's docs do not mention, kept as sent. */\n  [field: string]: unknown;\n}\n");
                Some(out)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $( wire_struct!(@emit $presence map self.$field, $wire); )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    };

    (@ts required $ty:ty, $wire:literal) => {
        format!("  {}: {};\n", $crate::models::wire::ts_key($wire), <$ty as $crate::models::wire::TsType>::ts_ref())
    };
    (@ts nullable $ty:ty, $wire:literal) => {
        format!("  {}: {} | null;\n", $crate::models::wire::ts_key($wire), <$ty as $crate::models::wire::TsType>::ts_ref())
    };
    (@ts optional $ty:ty, $wire:literal) => {
        format!("  {}?: {};\n", $crate::models::wire::ts_key($wire), <$ty as $crate::models::wire::TsType>::ts_ref())
    };
    (@ts optional_nullable $ty:ty, $wire:literal) => {
        format!("  {}?: {} | null;\n", $crate::models::wire::ts_key($wire), <$ty as $crate::models::wire::TsType>::ts_ref())
    };
    (@ts raw $ty:ty, $wire:literal) => {
        format!("  {}?: unknown;\n", $crate::models::wire::ts_key($wire))
    };

    (@check required $ty:ty) => { <$ty as $crate::models::wire::Check>::check };
    (@check nullable $ty:ty) => { $crate::models::wire::check_nullable::<$ty> };
    (@check optional $ty:ty) => { <$ty as $crate::models::wire::Check>::check };
    (@check optional_nullable $ty:ty) => { $crate::models::wire::check_nullable::<$ty> };
    (@check raw $ty:ty) => { <$ty as $crate::models::wire::Check>::check };

    (@required required) => { true };
    (@required nullable) => { true };
    (@required optional) => { false };
    (@required optional_nullable) => { false };
    (@required raw) => { false };

    (@field_ty required $ty:ty) => { $ty };
    (@field_ty nullable $ty:ty) => { Option<$ty> };
    (@field_ty optional $ty:ty) => { Option<$ty> };
    (@field_ty optional_nullable $ty:ty) => { Option<Option<$ty>> };
    (@field_ty raw $ty:ty) => { Option<$ty> };

    (@slot_ty required $ty:ty) => { $ty };
    (@slot_ty nullable $ty:ty) => { Option<$ty> };
    (@slot_ty optional $ty:ty) => { $ty };
    (@slot_ty optional_nullable $ty:ty) => { Option<$ty> };
    (@slot_ty raw $ty:ty) => { $ty };

    (@finish required $field:ident $wire:literal) => {
        $field.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish nullable $field:ident $wire:literal) => {
        $field.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish optional $field:ident $wire:literal) => { $field };
    (@finish optional_nullable $field:ident $wire:literal) => { $field };
    (@finish raw $field:ident $wire:literal) => { $field };

    (@emit required $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit nullable $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit optional $map:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $map.serialize_entry($wire, v)?; }
    };
    (@emit optional_nullable $map:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $map.serialize_entry($wire, v)?; }
    };
    (@emit raw $map:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $map.serialize_entry($wire, v)?; }
    };
}

/// Defines an enum-like string: known values typed, anything else kept in `Unknown`.
macro_rules! wire_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("`\"", $wire, "\"`")] $variant, )*
            /// A value the docs do not list, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(other) => other,
                }
            }
        }

        impl $crate::models::wire::TsType for $name {
            fn ts_ref() -> String {
                stringify!($name).to_owned()
            }
            fn ts_declaration() -> Option<String> {
                let mut out = $crate::models::wire::ts_doc("", &[$($doc,)* " Values the docs do not list come through as plain strings."]);
                out.push_str(concat!("export type ", stringify!($name), " = "));
                $( out.push_str(concat!("\"", $wire, "\" | ")); )*
                out.push_str("(string & {});\n");
                Some(out)
            }
        }

        impl $crate::models::wire::Check for $name {
            fn check(r: &mut $crate::json::Reader<'_>) -> Result<(), $crate::json::JsonError> {
                r.string("a string").map(drop)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = $crate::models::wire::Key::deserialize(d)?;
                Ok($name::from(key.as_str()))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use {wire_enum, wire_struct};

/// The error for a repeated `key`, raised while its value is read so the path
/// names the key itself (serde reports a map's own errors at the map).
pub fn duplicate<'de, A: de::MapAccess<'de>>(map: &mut A, key: &str) -> A::Error {
    struct Refuse<'k>(&'k str);
    impl<'de> de::DeserializeSeed<'de> for Refuse<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
            Err(de::Error::custom(format_args!(
                "duplicate field `{}`",
                self.0
            )))
        }
    }
    match map.next_value_seed(Refuse(key)) {
        Err(error) => error,
        Ok(()) => de::Error::custom(format_args!("duplicate field `{key}`")),
    }
}

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
    /// The check of each field's value.
    const CHECKS: &'static [CheckFn];
}

/// Checks one object of type `T`: known fields typed, unknown ones skipped.
pub fn check_object<T: Fields>(r: &mut Reader<'_>) -> Result<(), JsonError> {
    read_fields(
        r,
        T::EXPECTED,
        &T::KEYS,
        UnknownKeys::Keep,
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
        r.string("a string").map(drop)
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

/// How a Rust type is written in the TypeScript declarations (`index.d.ts`).
pub trait TsType {
    /// The type as a field or argument refers to it.
    fn ts_ref() -> String;
    /// The declaration of a named type; `None` for scalars and containers.
    fn ts_declaration() -> Option<String> {
        None
    }
}

macro_rules! ts_scalar {
    ($($ty:ty => $ts:literal),* $(,)?) => {
        $( impl TsType for $ty { fn ts_ref() -> String { $ts.to_owned() } } )*
    };
}

ts_scalar! {
    String => "string",
    bool => "boolean",
    i32 => "number",
    u16 => "number",
    SafeInt => "number",
    DecimalString => "string",
    JsNumber => "number",
    serde_json::Value => "JsonValue",
}

impl<T: TsType> TsType for Vec<T> {
    fn ts_ref() -> String {
        format!("{}[]", T::ts_ref())
    }
}

impl<T: TsType> TsType for std::collections::BTreeMap<String, T> {
    fn ts_ref() -> String {
        format!("Record<string, {}>", T::ts_ref())
    }
}

/// A JSDoc block from `///` lines (each starts with a space).
pub fn ts_doc(indent: &str, lines: &[&str]) -> String {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let body: String = many.iter().map(|l| format!("{indent} * {l}\n")).collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// A property name, quoted when it is not a plain identifier.
pub fn ts_key(wire: &str) -> String {
    let plain = wire
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && wire.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        wire.to_owned()
    } else {
        format!("{wire:?}")
    }
}

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// An integer that survives the trip into a JavaScript number exactly
/// (|n| <= 2^53 - 1). Ids, cents and quantities use it; a larger value is a
/// decode error rather than a silently rounded id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SafeInt(i64);

impl SafeInt {
    /// `Some` when `value` is within the JavaScript safe range.
    pub fn new(value: i64) -> Option<Self> {
        (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER)
            .contains(&value)
            .then_some(SafeInt(value))
    }
    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }

    /// Reads one from `r`: an integer literal within the safe range.
    pub fn read(r: &mut Reader<'_>) -> Result<SafeInt, JsonError> {
        const EXPECTED: &str = "an integer within the JavaScript safe range (|n| <= 2^53 - 1)";
        r.integer(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER, EXPECTED)
            .map(SafeInt)
    }
}

impl fmt::Display for SafeInt {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for SafeInt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        SafeInt::new(value).ok_or_else(|| {
            de::Error::invalid_value(
                de::Unexpected::Signed(value),
                &"an integer within the JavaScript safe range (|n| <= 2^53 - 1)",
            )
        })
    }
}

impl Serialize for SafeInt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

/// A number as the provider sent it (`0.05`, `2`), exact in Rust, a number in
/// JavaScript; one that would overflow to `Infinity` there is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsNumber(serde_json::Number);

impl JsNumber {
    const EXPECTED: &'static str = "a number within JavaScript's range";

    /// The number, exactly as sent.
    pub fn as_number(&self) -> &serde_json::Number {
        &self.0
    }
}

impl fmt::Display for JsNumber {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for JsNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // serde_json's arbitrary precision hands a number over as a one-key map
        // (its reserved key, the text). Any other map is refused at the map,
        // before its first value, as the byte-level check refuses it.
        struct NumberVisitor;
        impl<'de> Visitor<'de> for NumberVisitor {
            type Value = serde_json::Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(JsNumber::EXPECTED)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(v.into())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(v.into())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                serde_json::Number::from_f64(v)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                match map.next_key::<Key<'de>>()? {
                    Some(key) if key.as_str() == crate::json::RESERVED_KEY => {
                        let text = map.next_value::<Key<'de>>()?;
                        text.as_str().parse().map_err(|_| {
                            de::Error::invalid_value(de::Unexpected::Str(text.as_str()), &self)
                        })
                    }
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
        let number = d.deserialize_any(NumberVisitor)?;
        if crate::json::is_finite_in_js(number.to_string().as_bytes()) {
            Ok(JsNumber(number))
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Other("a number that overflows to Infinity in JavaScript"),
                &JsNumber::EXPECTED,
            ))
        }
    }
}

impl Serialize for JsNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// A decimal number carried as a string (`"13.422818791946309"`,
/// `"13422818791946309000"`): ETH and wei amounts that must never pass through a float.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DecimalString(String);

impl DecimalString {
    /// `Some` when `value` is an optional `-`, digits, and an optional `.digits`.
    pub fn new(value: impl Into<String>) -> Option<Self> {
        let value = value.into();
        is_decimal(value.as_bytes()).then_some(DecimalString(value))
    }
    /// The decimal text, exactly as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_decimal(s: &[u8]) -> bool {
    let digits = s.strip_prefix(b"-").unwrap_or(s);
    let (whole, fraction) = match digits.iter().position(|b| *b == b'.') {
        Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
        None => (digits, None),
    };
    let all_digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    all_digits(whole) && fraction.map_or(true, all_digits)
}

impl fmt::Display for DecimalString {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DecimalString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        let text = key.as_str();
        if is_decimal(text.as_bytes()) {
            Ok(DecimalString(text.to_owned()))
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Str(text),
                &"a decimal string such as \"13.42\"",
            ))
        }
    }
}

impl Serialize for DecimalString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_strings_accept_only_plain_decimals() {
        for ok in [
            "0",
            "13",
            "-1.5",
            "13422818791946309000",
            "13.422818791946309",
        ] {
            assert!(DecimalString::new(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "-", "1.", ".5", "1e5", "1,5", " 1", "NaN", "0x10", "1.2.3",
        ] {
            assert!(DecimalString::new(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn safe_int_bounds_are_the_javascript_ones() {
        assert!(SafeInt::new(MAX_SAFE_INTEGER).is_some());
        assert!(SafeInt::new(-MAX_SAFE_INTEGER).is_some());
        assert!(SafeInt::new(MAX_SAFE_INTEGER + 1).is_none());
    }
}
