//! Building blocks shared by every provider's models: the `wire_struct!` and
//! `wire_enum!` macros and the checked scalar types.
//!
//! Why a macro rather than `#[serde(flatten)]` for unknown fields: flatten
//! buffers the whole object before typing it, which loses the JSON path of a
//! bad field (serde_path_to_error sees only the buffer) and costs an extra copy.
//! The macro types known keys as they stream past and keeps the rest as raw JSON.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

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
                                            return Err(::serde::de::Error::duplicate_field($wire));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                other => {
                                    let value: ::serde_json::Value = map.next_value()?;
                                    if extra.insert(other.to_owned(), value).is_some() {
                                        return Err(::serde::de::Error::custom(
                                            format_args!("duplicate field `{}`", other),
                                        ));
                                    }
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

        impl $crate::models::wire::Check for $name {
            fn check<'de, D: ::serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
                struct CheckVisitor;
                impl<'de> ::serde::de::Visitor<'de> for CheckVisitor {
                    type Value = ();
                    fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
                        const WIRES: &[&str] = &[$($wire),*];
                        const REQUIRED: &[bool] = &[$(wire_struct!(@required $presence)),*];
                        let checks: &[$crate::models::wire::FieldCheck<'de, A>] = &[$(
                            |m: &mut A| m.next_value::<wire_struct!(@check_ty $presence $ty)>().map(|_| ())
                        ),*];
                        $crate::models::wire::check_fields(map, WIRES, REQUIRED, checks)
                    }
                }
                d.deserialize_map(CheckVisitor)
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
    (@ts raw $ty:ty, $wire:literal) => {
        format!("  {}?: unknown;\n", $crate::models::wire::ts_key($wire))
    };

    (@check_ty required $ty:ty) => { $crate::models::wire::Checked<$ty> };
    (@check_ty nullable $ty:ty) => { Option<$crate::models::wire::Checked<$ty>> };
    (@check_ty optional $ty:ty) => { $crate::models::wire::Checked<$ty> };
    (@check_ty raw $ty:ty) => { ::serde::de::IgnoredAny };

    (@required required) => { true };
    (@required nullable) => { true };
    (@required optional) => { false };
    (@required raw) => { false };

    (@field_ty required $ty:ty) => { $ty };
    (@field_ty nullable $ty:ty) => { Option<$ty> };
    (@field_ty optional $ty:ty) => { Option<$ty> };
    (@field_ty raw $ty:ty) => { Option<$ty> };

    (@slot_ty required $ty:ty) => { $ty };
    (@slot_ty nullable $ty:ty) => { Option<$ty> };
    (@slot_ty optional $ty:ty) => { $ty };
    (@slot_ty raw $ty:ty) => { $ty };

    (@finish required $field:ident $wire:literal) => {
        $field.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish nullable $field:ident $wire:literal) => {
        $field.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish optional $field:ident $wire:literal) => { $field };
    (@finish raw $field:ident $wire:literal) => { $field };

    (@emit required $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit nullable $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit optional $map:ident $value:expr, $wire:literal) => {
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
            fn check<'de, D: ::serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
                <$crate::models::wire::Key as ::serde::Deserialize>::deserialize(d).map(|_| ())
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

/// Validation without building the value: accepts exactly what `Deserialize`
/// accepts, allocating nothing for well-formed input (strings are borrowed,
/// raw JSON is skipped). The fast path checks with this; only a failure is
/// decoded again, to name the path of the bad field.
pub trait Check {
    /// Consumes one value from `d`, failing where deserializing `Self` would.
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error>;
}

/// One step of the path to a bad field, recorded only while an error unwinds.
#[derive(Debug)]
pub(crate) enum Segment {
    Field(&'static str),
    Key(String),
    Index(usize),
}

thread_local! {
    // Innermost first. Written only on the error path, so a valid body costs nothing.
    static ERROR_PATH: std::cell::RefCell<Vec<Segment>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub(crate) fn at<E>(segment: Segment, error: E) -> E {
    ERROR_PATH.with(|p| p.borrow_mut().push(segment));
    error
}

/// A deserializer over a body validated as UTF-8 once up front: parsing from
/// `&str` then skips serde_json's per-string validation, a fifth of the work.
pub(crate) fn json_deserializer(bytes: &[u8]) -> Result<serde_json::Deserializer<serde_json::de::StrRead<'_>>, serde_json::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(serde_json::Deserializer::from_str(text)),
        // Let serde_json describe the bad byte (with its position) as it would.
        Err(_) => {
            Err(serde_json::from_slice::<de::IgnoredAny>(bytes).err().unwrap_or_else(|| de::Error::custom("the body is not valid UTF-8")))
        }
    }
}

/// Forgets any recorded path; every check starts with this.
pub(crate) fn clear_error_path() {
    ERROR_PATH.with(|p| p.borrow_mut().clear());
}

/// The path of the last check failure (`orders[1].orderItems[0].listing.priceWei`,
/// `$` for the root), in the notation serde_path_to_error uses.
pub fn take_error_path() -> String {
    let segments = ERROR_PATH.with(|p| std::mem::take(&mut *p.borrow_mut()));
    let mut path = String::new();
    for segment in segments.iter().rev() {
        match segment {
            Segment::Index(i) => path.push_str(&format!("[{i}]")),
            Segment::Field(name) => push_name(&mut path, name),
            Segment::Key(name) => push_name(&mut path, name),
        }
    }
    if path.is_empty() {
        path.push('$');
    }
    path
}

fn push_name(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// Checks the value of one known field.
pub type FieldCheck<'de, A> = fn(&mut A) -> Result<(), <A as de::MapAccess<'de>>::Error>;

/// Checks the fields of one object. `wires` are the known keys in documented
/// order; since providers send them in that order, the expected next key is
/// tried first, making dispatch one comparison per key in the usual case.
pub fn check_fields<'de, A: de::MapAccess<'de>>(
    mut map: A,
    wires: &[&'static str],
    required: &[bool],
    checks: &[FieldCheck<'de, A>],
) -> Result<(), A::Error> {
    debug_assert!(wires.len() <= 64 && wires.len() == checks.len());
    let mut seen = 0u64;
    let mut next = 0;
    // Unknown keys seen, to refuse repeats exactly as decoding does.
    let mut unknown: Vec<Key<'de>> = Vec::new();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        let name = key.as_str();
        let found = if wires.get(next).is_some_and(|w| *w == name) { Some(next) } else { wires.iter().position(|w| *w == name) };
        match found {
            Some(i) => {
                let bit = 1u64 << i;
                if seen & bit != 0 {
                    return Err(at(Segment::Field(wires[i]), de::Error::duplicate_field(wires[i])));
                }
                seen |= bit;
                checks[i](&mut map).map_err(|e| at(Segment::Field(wires[i]), e))?;
                next = i + 1;
            }
            None => {
                if unknown.iter().any(|u| u.as_str() == name) {
                    let error = de::Error::custom(format_args!("duplicate field `{name}`"));
                    return Err(at(Segment::Key(name.to_owned()), error));
                }
                map.next_value::<de::IgnoredAny>().map_err(|e| at(Segment::Key(name.to_owned()), e))?;
                unknown.push(key);
            }
        }
    }
    match required.iter().zip(wires).enumerate().find(|(i, (req, _))| **req && seen & (1u64 << i) == 0) {
        Some((_, (_, wire))) => Err(at(Segment::Field(wire), de::Error::missing_field(wire))),
        None => Ok(()),
    }
}

/// Deserializes by checking `T`; holds nothing.
#[derive(Debug)]
pub struct Checked<T>(std::marker::PhantomData<T>);

impl<'de, T: Check> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::check(d).map(|()| Checked(std::marker::PhantomData))
    }
}

/// Checks a whole JSON document against `T`; after an error,
/// [`take_error_path`] says where.
pub fn check_slice<T: Check>(bytes: &[u8]) -> Result<(), serde_json::Error> {
    clear_error_path();
    let mut de = json_deserializer(bytes)?;
    T::check(&mut de)?;
    de.end()
}

macro_rules! check_by_deserialize {
    ($($ty:ty),*) => {
        $( impl Check for $ty {
            fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
                <$ty>::deserialize(d).map(|_| ())
            }
        } )*
    };
}

// Scalars that allocate nothing when deserialized.
check_by_deserialize!(bool, i32, u16, SafeInt);

impl Check for String {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        Key::deserialize(d).map(|_| ())
    }
}

impl Check for serde_json::Value {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        de::IgnoredAny::deserialize(d).map(|_| ())
    }
}

impl Check for serde_json::Number {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        serde_json::Number::deserialize(d).map(|_| ())
    }
}

impl Check for DecimalString {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let key = Key::deserialize(d)?;
        if is_decimal(key.as_str()) {
            Ok(())
        } else {
            Err(de::Error::invalid_value(de::Unexpected::Str(key.as_str()), &"a decimal string such as \"13.42\""))
        }
    }
}

impl<T: Check> Check for Vec<T> {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        struct SeqVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Check> Visitor<'de> for SeqVisitor<T> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                let mut index = 0;
                while seq.next_element::<Checked<T>>().map_err(|e| at(Segment::Index(index), e))?.is_some() {
                    index += 1;
                }
                Ok(())
            }
        }
        d.deserialize_seq(SeqVisitor::<T>(std::marker::PhantomData))
    }
}

impl<T: Check> Check for std::collections::BTreeMap<String, T> {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        // Decoding into a map keeps the last of repeated keys; so does this.
        struct MapVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Check> Visitor<'de> for MapVisitor<T> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    map.next_value::<Checked<T>>().map_err(|e| at(Segment::Key(key.as_str().to_owned()), e))?;
                }
                Ok(())
            }
        }
        d.deserialize_map(MapVisitor::<T>(std::marker::PhantomData))
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
    serde_json::Number => "number",
    serde_json::Value => "unknown",
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
    let lines: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
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
    let plain = wire.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
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
        (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&value).then_some(SafeInt(value))
    }
    /// The value.
    pub fn get(self) -> i64 {
        self.0
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
            de::Error::invalid_value(de::Unexpected::Signed(value), &"an integer within the JavaScript safe range (|n| <= 2^53 - 1)")
        })
    }
}

impl Serialize for SafeInt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
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
        is_decimal(&value).then_some(DecimalString(value))
    }
    /// The decimal text, exactly as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_decimal(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
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
        if is_decimal(text) {
            Ok(DecimalString(text.to_owned()))
        } else {
            Err(de::Error::invalid_value(de::Unexpected::Str(text), &"a decimal string such as \"13.42\""))
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
        for ok in ["0", "13", "-1.5", "13422818791946309000", "13.422818791946309"] {
            assert!(DecimalString::new(ok).is_some(), "{ok}");
        }
        for bad in ["", "-", "1.", ".5", "1e5", "1,5", " 1", "NaN", "0x10", "1.2.3"] {
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
