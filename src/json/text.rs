//! JSON strings: the text between the quotes as the reader found it, and
//! text written back as a literal.

use std::borrow::Cow;

/// The text of a string as it appears between the quotes, escapes and all.
#[derive(Debug, Clone, Copy)]
pub struct Str<'a> {
    pub(super) raw: &'a [u8],
    pub(super) escaped: bool,
}

impl<'a> Str<'a> {
    /// `true` when the string's value is `text`.
    pub fn is(&self, text: &str) -> bool {
        if self.escaped {
            self.value() == text
        } else {
            self.raw == text.as_bytes()
        }
    }

    /// The string's value, escapes resolved; borrowed when it has none.
    pub fn value(&self) -> Cow<'a, str> {
        if !self.escaped {
            return Cow::Borrowed(text(self.raw));
        }
        let mut out = String::with_capacity(self.raw.len());
        let mut rest = self.raw;
        while let Some(i) = rest.iter().position(|b| *b == b'\\') {
            out.push_str(text(&rest[..i]));
            let (ch, used) = unescape(&rest[i + 1..]);
            out.push(ch);
            rest = &rest[i + 1 + used..];
        }
        out.push_str(text(rest));
        Cow::Owned(out)
    }

    /// The raw bytes between the quotes (no escapes when [`Str::has_escapes`] is false).
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the raw text has escapes.
    pub fn has_escapes(&self) -> bool {
        self.escaped
    }
}

/// Bytes the reader validated as UTF-8 (the empty fallback never runs).
fn text(raw: &[u8]) -> &str {
    std::str::from_utf8(raw).unwrap_or_default()
}

/// One escape (after its backslash), already validated by the reader:
/// the character and how many bytes it took.
fn unescape(bytes: &[u8]) -> (char, usize) {
    let simple = match bytes.first() {
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let unit = hex4(&bytes[1..]).unwrap_or(0xFFFD);
            if (0xD800..0xDC00).contains(&unit) {
                let low = bytes
                    .get(5..7)
                    .filter(|s| *s == b"\\u")
                    .and_then(|_| hex4(&bytes[7..]))
                    .unwrap_or(0xDC00);
                let code = 0x10000 + ((unit as u32 - 0xD800) << 10) + (low as u32 - 0xDC00);
                return (char::from_u32(code).unwrap_or('\u{FFFD}'), 11);
            }
            return (char::from_u32(unit as u32).unwrap_or('\u{FFFD}'), 5);
        }
        Some(other) => *other as char,
        None => '\u{FFFD}',
    };
    (simple, 1)
}

pub(super) fn hex4(bytes: &[u8]) -> Option<u16> {
    let digits = bytes.get(..4)?;
    let mut value = 0u16;
    for b in digits {
        value = value << 4 | (*b as char).to_digit(16)? as u16;
    }
    Some(value)
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Short forms, as serde_json writes them.
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xF] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
