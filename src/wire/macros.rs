//! The model macros: one declaration of a provider object or string enum
//! gives its Rust type, its serde decoding and encoding, its byte-level
//! check and its TypeScript declaration.

/// Defines an object: known fields typed, and unknown fields kept in `extra`
/// (a provider's reply, where an additive change must break nothing) or, with
/// `strict` before the struct, refused (input we send, where a misspelt field
/// must not be silently dropped). A strict object can also be read into its
/// value and written as JSON without serde_json ([`Read`], [`WriteJson`]),
/// which keeps serde_json out of the wasm.
///
/// Each field is declared `presence name: Type = "wireName"`, where presence is
/// - `required`: the key must be there and must not be `null`; Rust type `T`;
/// - `nullable`: the key must be there, `null` allowed (the docs show it null); `Option<T>`;
/// - `optional`: the key may be absent, but when present it is a `T`; `Option<T>`;
/// - `optional_nullable`: the key may be absent or `null`; `Option<Option<T>>`
///   (outer: whether the key came, so re-encoding gives back what came in);
/// - `omittable`: the key may be absent or `null`, both read as absent (caller
///   input, where `null` means "not given"); `Option<T>`, written only when set;
/// - `raw`: the docs only ever show `null`, so the type is unknown: any JSON,
///   kept as it came, key may be absent; `Option<serde_json::Value>`.
///
/// [`Read`]: crate::wire::Read
/// [`WriteJson`]: crate::wire::WriteJson
macro_rules! wire_struct {
    (strict $($body:tt)*) => { wire_struct!(@define [] $($body)*); };
    ($(#[doc = $doc:literal])* pub struct $($body:tt)*) => {
        wire_struct!(@define [extra] $(#[doc = $doc])* pub struct $($body)*);
    };

    // `[extra]` for an open object, `[]` for a strict one.
    (
        @define [$($extra:ident)?]
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
            $(
                /// Fields the docs do not mention, kept verbatim.
                pub $extra: $crate::wire::Extra,
            )?
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct FieldsVisitor;
                impl<'de> ::serde::de::Visitor<'de> for FieldsVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    #[allow(non_snake_case, unused_mut)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $( let mut $field: Option<wire_struct!(@slot_ty $presence $ty)> = None; )*
                        let mut extra = $crate::wire::Extra::new();
                        while let Some(key) = map.next_key::<$crate::wire::ObjectKey<'de>>()? {
                            match key.as_str() {
                                $(
                                    $wire => {
                                        if $field.is_some() {
                                            return Err($crate::wire::duplicate(&mut map, $wire));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                other => wire_struct!(@other [$($extra)?] map extra other [$($wire),*]),
                            }
                        }
                        Ok($name {
                            $( $field: wire_struct!(@finish $presence $field $wire), )*
                            $( $extra: extra, )?
                        })
                    }
                }
                d.deserialize_map(FieldsVisitor)
            }
        }

        impl $crate::wire::Fields for $name {
            const EXPECTED: &'static str = concat!("an object (", stringify!($name), ")");
            const KEYS: $crate::json::KeyTable = $crate::json::KeyTable::new(
                &[$($wire),*],
                $crate::json::required_mask(&[$(wire_struct!(@required $presence)),*]),
            );
            const UNKNOWN: $crate::json::UnknownKeys = wire_struct!(@unknown_keys [$($extra)?]);
            const CHECKS: &'static [$crate::wire::CheckFn] = &[$(wire_struct!(@check $presence $ty)),*];
        }

        impl $crate::wire::Check for $name {
            fn check(r: &mut $crate::json::Reader<'_>) -> Result<(), $crate::json::JsonError> {
                $crate::wire::check_object::<Self>(r)
            }
        }

        impl $crate::wire::TsType for $name {
            fn ts_ref() -> String {
                stringify!($name).to_owned()
            }
            fn ts_declaration() -> Option<String> {
                let mut out = $crate::wire::ts_doc("", &[$($doc),*]);
                out.push_str(concat!("export interface ", stringify!($name), " {\n"));
                $(
                    out.push_str(&$crate::wire::ts_doc("  ", &[$($fdoc),*]));
                    out.push_str(&wire_struct!(@ts $presence $ty, $wire));
                )*
                $(
                    let _ = stringify!($extra);
                    out.push_str("  /** Fields the provider's docs do not mention, kept as sent. */\n  [field: string]: unknown;\n");
                )?
                out.push_str("}\n");
                Some(out)
            }
            fn ts_collect(out: &mut $crate::wire::TsDeclarations) {
                let declaration = <Self as $crate::wire::TsType>::ts_declaration().unwrap_or_default();
                if out.insert(stringify!($name), &declaration) {
                    $( <$ty as $crate::wire::TsType>::ts_collect(out); )*
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $( wire_struct!(@emit $presence map self.$field, $wire); )*
                $(
                    for (key, value) in &self.$extra {
                        map.serialize_entry(key, value)?;
                    }
                )?
                map.end()
            }
        }

        wire_struct!(@strict_io [$($extra)?] $name { $( $presence $field : $ty = $wire ),* });
    };

    (@other [extra] $map:ident $extra:ident $other:ident [$($wire:literal),*]) => {{
        if $extra.contains_key($other) {
            return Err($crate::wire::duplicate(&mut $map, $other));
        }
        let value: ::serde_json::Value = $map.next_value()?;
        $extra.insert($other.to_owned(), value);
    }};
    (@other [] $map:ident $extra:ident $other:ident [$($wire:literal),*]) => {{
        let _ = &$extra;
        return Err($crate::wire::refuse_unknown(&mut $map, $other, &[$($wire),*]));
    }};

    (@unknown_keys [extra]) => { $crate::json::UnknownKeys::Keep };
    (@unknown_keys []) => { $crate::json::UnknownKeys::Refuse };

    // An open object holds arbitrary JSON, so only serde builds it.
    (@strict_io [extra] $($rest:tt)*) => {};
    (@strict_io [] $name:ident { $( $presence:ident $field:ident : $ty:ty = $wire:literal ),* }) => {
        impl $crate::wire::Read for $name {
            #[allow(non_snake_case)]
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::JsonError> {
                $( let mut $field: Option<wire_struct!(@slot_ty $presence $ty)> = None; )*
                $crate::json::read_fields(
                    r,
                    <Self as $crate::wire::Fields>::EXPECTED,
                    &<Self as $crate::wire::Fields>::KEYS,
                    $crate::json::UnknownKeys::Refuse,
                    $crate::json::FieldValues::Read(&mut |r, i| {
                        let mut at = 0usize;
                        $(
                            if i == at {
                                $field = Some(wire_struct!(@read $presence $ty, r)?);
                                return Ok(());
                            }
                            at += 1;
                        )*
                        let _ = at;
                        Ok(())
                    }),
                )?;
                Ok($name {
                    $( $field: wire_struct!(@read_finish $presence $field $wire, r), )*
                })
            }
        }

        impl $crate::wire::WriteJson for $name {
            fn write_json(&self, out: &mut String) {
                let mut first = true;
                out.push('{');
                $( wire_struct!(@write $presence out first self.$field, $wire); )*
                let _ = first;
                out.push('}');
            }
        }
    };

    (@read required $ty:ty, $r:ident) => { <$ty as $crate::wire::Read>::read($r) };
    (@read optional $ty:ty, $r:ident) => { <$ty as $crate::wire::Read>::read($r) };
    (@read nullable $ty:ty, $r:ident) => { $crate::wire::read_nullable::<$ty>($r) };
    (@read optional_nullable $ty:ty, $r:ident) => { $crate::wire::read_nullable::<$ty>($r) };
    (@read omittable $ty:ty, $r:ident) => { $crate::wire::read_nullable::<$ty>($r) };

    // read_fields has refused an object without a required key: the error
    // here never happens, and is an error rather than a panic.
    (@read_finish required $field:ident $wire:literal, $r:ident) => {
        $field.ok_or_else(|| {
            $crate::json::JsonError::data($r.offset(), concat!("missing field `", $wire, "`"))
        })?
    };
    (@read_finish nullable $field:ident $wire:literal, $r:ident) => {
        $field.ok_or_else(|| {
            $crate::json::JsonError::data($r.offset(), concat!("missing field `", $wire, "`"))
        })?
    };
    (@read_finish optional $field:ident $wire:literal, $r:ident) => { $field };
    (@read_finish optional_nullable $field:ident $wire:literal, $r:ident) => { $field };
    (@read_finish omittable $field:ident $wire:literal, $r:ident) => { $field.flatten() };

    (@write required $out:ident $first:ident $value:expr, $wire:literal) => {
        $crate::wire::write_entry($out, &mut $first, $wire, &$value);
    };
    (@write nullable $out:ident $first:ident $value:expr, $wire:literal) => {
        $crate::wire::write_entry($out, &mut $first, $wire, &$value);
    };
    (@write optional $out:ident $first:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $crate::wire::write_entry($out, &mut $first, $wire, v); }
    };
    (@write optional_nullable $out:ident $first:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $crate::wire::write_entry($out, &mut $first, $wire, v); }
    };
    (@write omittable $out:ident $first:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $crate::wire::write_entry($out, &mut $first, $wire, v); }
    };

    (@ts required $ty:ty, $wire:literal) => {
        format!("  {}: {};\n", $crate::wire::ts_key($wire), <$ty as $crate::wire::TsType>::ts_ref())
    };
    (@ts nullable $ty:ty, $wire:literal) => {
        format!("  {}: {} | null;\n", $crate::wire::ts_key($wire), <$ty as $crate::wire::TsType>::ts_ref())
    };
    (@ts optional $ty:ty, $wire:literal) => {
        format!("  {}?: {};\n", $crate::wire::ts_key($wire), <$ty as $crate::wire::TsType>::ts_ref())
    };
    (@ts optional_nullable $ty:ty, $wire:literal) => {
        format!("  {}?: {} | null;\n", $crate::wire::ts_key($wire), <$ty as $crate::wire::TsType>::ts_ref())
    };
    (@ts omittable $ty:ty, $wire:literal) => {
        format!("  {}?: {} | null;\n", $crate::wire::ts_key($wire), <$ty as $crate::wire::TsType>::ts_ref())
    };
    (@ts raw $ty:ty, $wire:literal) => {
        format!("  {}?: unknown;\n", $crate::wire::ts_key($wire))
    };

    (@check required $ty:ty) => { <$ty as $crate::wire::Check>::check };
    (@check nullable $ty:ty) => { $crate::wire::check_nullable::<$ty> };
    (@check optional $ty:ty) => { <$ty as $crate::wire::Check>::check };
    (@check optional_nullable $ty:ty) => { $crate::wire::check_nullable::<$ty> };
    (@check omittable $ty:ty) => { $crate::wire::check_nullable::<$ty> };
    (@check raw $ty:ty) => { <$ty as $crate::wire::Check>::check };

    (@required required) => { true };
    (@required nullable) => { true };
    (@required optional) => { false };
    (@required optional_nullable) => { false };
    (@required omittable) => { false };
    (@required raw) => { false };

    (@field_ty required $ty:ty) => { $ty };
    (@field_ty nullable $ty:ty) => { Option<$ty> };
    (@field_ty optional $ty:ty) => { Option<$ty> };
    (@field_ty optional_nullable $ty:ty) => { Option<Option<$ty>> };
    (@field_ty omittable $ty:ty) => { Option<$ty> };
    (@field_ty raw $ty:ty) => { Option<$ty> };

    (@slot_ty required $ty:ty) => { $ty };
    (@slot_ty nullable $ty:ty) => { Option<$ty> };
    (@slot_ty optional $ty:ty) => { $ty };
    (@slot_ty optional_nullable $ty:ty) => { Option<$ty> };
    (@slot_ty omittable $ty:ty) => { Option<$ty> };
    (@slot_ty raw $ty:ty) => { $ty };

    (@finish required $field:ident $wire:literal) => {
        $field.ok_or_else(|| $crate::wire::missing_field($wire))?
    };
    (@finish nullable $field:ident $wire:literal) => {
        $field.ok_or_else(|| $crate::wire::missing_field($wire))?
    };
    (@finish optional $field:ident $wire:literal) => { $field };
    (@finish optional_nullable $field:ident $wire:literal) => { $field };
    (@finish omittable $field:ident $wire:literal) => { $field.flatten() };
    (@finish raw $field:ident $wire:literal) => { $field };

    (@emit required $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit nullable $map:ident $value:expr, $wire:literal) => { $map.serialize_entry($wire, &$value)?; };
    (@emit optional $map:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $map.serialize_entry($wire, v)?; }
    };
    (@emit optional_nullable $map:ident $value:expr, $wire:literal) => {
        if let Some(v) = &$value { $map.serialize_entry($wire, v)?; }
    };
    (@emit omittable $map:ident $value:expr, $wire:literal) => {
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
            /// Every value the docs list, as it appears on the wire.
            pub const WIRE: &'static [&'static str] = &[$($wire),*];

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(other) => other,
                }
            }
        }

        impl $crate::wire::TsType for $name {
            fn ts_ref() -> String {
                stringify!($name).to_owned()
            }
            fn ts_declaration() -> Option<String> {
                let mut out = $crate::wire::ts_doc("", &[$($doc,)* " Values the docs do not list come through as plain strings."]);
                out.push_str(concat!("export type ", stringify!($name), " = "));
                $( out.push_str(concat!("\"", $wire, "\" | ")); )*
                out.push_str("(string & {});\n");
                Some(out)
            }
            fn ts_collect(out: &mut $crate::wire::TsDeclarations) {
                let declaration = <Self as $crate::wire::TsType>::ts_declaration().unwrap_or_default();
                out.insert(stringify!($name), &declaration);
            }
        }

        impl $crate::wire::Check for $name {
            fn check(r: &mut $crate::json::Reader<'_>) -> Result<(), $crate::json::JsonError> {
                r.skip_string("a string")
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
                let key = $crate::wire::ObjectKey::deserialize(d)?;
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
