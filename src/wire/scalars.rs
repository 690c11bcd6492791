//! Checked scalars: numbers that stay exact on their way into JavaScript.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::ObjectKey;
use crate::json::{JsonError, Reader};

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
    pub(super) const EXPECTED: &'static str = "a number within JavaScript's range";

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
                match map.next_key::<ObjectKey<'de>>()? {
                    Some(key) if key.as_str() == crate::json::RESERVED_KEY => {
                        let text = map.next_value::<ObjectKey<'de>>()?;
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

pub(super) fn is_decimal(s: &[u8]) -> bool {
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
        let key = ObjectKey::deserialize(d)?;
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
