//! The grammar: a cursor that checks one document's bytes as it moves.

use super::text::{hex4, Str};
use super::{is_finite_in_js, Class, JsonError, Result, MAX_DEPTH, RESERVED_KEY};

/// A key read by [`Reader::next_key_expecting`].
#[derive(Debug, Clone, Copy)]
pub enum KeyMatch<'a> {
    /// The key that was expected, and the `:` after it.
    Expected,
    /// Another key.
    Other(Str<'a>),
}

/// An integer literal, or why a number is not one.
enum Integer {
    Value(i64),
    /// Has a fraction or an exponent.
    NotWhole,
    /// Whole, but beyond i64.
    Huge,
    /// `-0`.
    NegativeZero,
}

/// A cursor over one JSON document.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Whether the string scanned last had escapes.
    escaped: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
            escaped: false,
        }
    }

    /// Byte offset of the cursor.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The input bytes from `start` to the cursor.
    pub fn since(&self, start: usize) -> &'a [u8] {
        &self.bytes[start.min(self.pos)..self.pos]
    }

    /// Only whitespace may follow the document.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing characters")),
        }
    }

    fn syntax(&self, message: &'static str) -> JsonError {
        JsonError::new(Class::Syntax, self.pos, message)
    }

    /// A syntax error, or an end-of-input one when the input ran out.
    fn unexpected(&self, message: &'static str) -> JsonError {
        if self.pos >= self.bytes.len() {
            JsonError::new(Class::Eof, self.pos, "EOF while parsing a value")
        } else {
            self.syntax(message)
        }
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    #[inline]
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.pos).copied()
    }

    /// A value of another type than `expected` is next: reads it (so a malformed
    /// one is a syntax error first, as when decoding) and names what it was.
    fn mismatch(&mut self, expected: &str) -> JsonError {
        let next = self.peek();
        let start = self.pos;
        let found = match next {
            Some(b'"') => self.string_body().map(|_| "a string"),
            Some(b'-' | b'0'..=b'9') => self.number().map(|_| "a number"),
            Some(b't' | b'f') => self.boolean().map(|_| "a boolean"),
            Some(b'n') => self.literal(b"null").map(|_| "null"),
            Some(b'[') => Ok("an array"),
            Some(b'{') => Ok("an object"),
            _ => Err(self.unexpected("expected a value")),
        };
        match found {
            Ok(found) => JsonError::data(start, format!("expected {expected}, found {found}")),
            Err(e) => e,
        }
    }

    #[inline]
    fn literal(&mut self, word: &'static [u8]) -> Result<()> {
        match self.bytes.get(self.pos..self.pos + word.len()) {
            Some(found) if same(found, word) => {
                self.pos += word.len();
                Ok(())
            }
            _ => {
                let have = self.bytes.len() - self.pos;
                if have < word.len() && self.bytes[self.pos..] == word[..have] {
                    self.pos = self.bytes.len();
                }
                Err(self.unexpected("expected ident"))
            }
        }
    }

    /// Consumes `null` when it is next.
    #[inline]
    pub fn null(&mut self) -> Result<bool> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// A boolean.
    pub fn boolean(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't') => self.literal(b"true").map(|()| true),
            Some(b'f') => self.literal(b"false").map(|()| false),
            _ => Err(self.mismatch("a boolean")),
        }
    }

    /// A string; `expected` names it in the error for another type.
    #[inline]
    pub fn string(&mut self, expected: &str) -> Result<Str<'a>> {
        if self.peek() == Some(b'"') {
            self.string_body()
        } else {
            Err(self.mismatch(expected))
        }
    }

    /// A string, checked and passed over; `expected` names it in the error for
    /// another type. Cheaper than [`Reader::string`] when the value is not kept.
    #[inline]
    pub fn skip_string(&mut self, expected: &str) -> Result<()> {
        if self.peek() == Some(b'"') {
            self.scan_string()
        } else {
            Err(self.mismatch(expected))
        }
    }

    /// After the opening quote's position: the string, its UTF-8 and escapes checked.
    #[inline]
    pub(super) fn string_body(&mut self) -> Result<Str<'a>> {
        let start = self.pos + 1;
        self.scan_string()?;
        Ok(Str {
            raw: &self.bytes[start..self.pos - 1],
            escaped: self.escaped,
        })
    }

    /// Moves past a string from its opening quote, its UTF-8 and escapes
    /// checked; notes in `escaped` whether it had any. One word returned, where
    /// the string itself would be returned through memory.
    fn scan_string(&mut self) -> Result<()> {
        self.pos += 1;
        self.escaped = false;
        loop {
            self.pos = find_special(self.bytes, self.pos);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.escaped = true;
                    self.pos += 1;
                    self.escape()?;
                }
                Some(b) if *b < 0x20 => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
                Some(_) => self.utf8_sequence()?,
                None => {
                    return Err(JsonError::new(
                        Class::Eof,
                        self.pos,
                        "EOF while parsing a string",
                    ))
                }
            }
        }
    }

    fn escape(&mut self) -> Result<()> {
        match self.bytes.get(self.pos) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex_escape()?;
                if (0xDC00..0xE000).contains(&unit) {
                    return Err(self.syntax("lone trailing surrogate in hex escape"));
                }
                if (0xD800..0xDC00).contains(&unit) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.unexpected("lone leading surrogate in hex escape"));
                    }
                    self.pos += 2;
                    if !(0xDC00..0xE000).contains(&self.hex_escape()?) {
                        return Err(self.syntax("lone leading surrogate in hex escape"));
                    }
                }
                Ok(())
            }
            Some(_) => Err(self.syntax("invalid escape")),
            None => Err(JsonError::new(
                Class::Eof,
                self.pos,
                "EOF while parsing a string",
            )),
        }
    }

    fn hex_escape(&mut self) -> Result<u16> {
        match hex4(&self.bytes[self.pos..]) {
            Some(unit) => {
                self.pos += 4;
                Ok(unit)
            }
            // serde_json takes four bytes before looking at them; so does this.
            None if self.bytes.len() - self.pos < 4 => Err(JsonError::new(
                Class::Eof,
                self.bytes.len(),
                "EOF while parsing a string",
            )),
            None => Err(self.syntax("invalid escape")),
        }
    }

    /// One multi-byte UTF-8 character (Unicode table 3-7: no overlongs, no surrogates).
    fn utf8_sequence(&mut self) -> Result<()> {
        let lead = self.bytes[self.pos];
        let (len, second) = match lead {
            0xC2..=0xDF => (2, 0x80..=0xBF),
            0xE0 => (3, 0xA0..=0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80..=0xBF),
            0xED => (3, 0x80..=0x9F),
            0xF0 => (4, 0x90..=0xBF),
            0xF1..=0xF3 => (4, 0x80..=0xBF),
            0xF4 => (4, 0x80..=0x8F),
            _ => return Err(self.syntax("invalid UTF-8")),
        };
        let Some(tail) = self.bytes.get(self.pos + 1..self.pos + len) else {
            return Err(JsonError::new(
                Class::Eof,
                self.bytes.len(),
                "EOF while parsing a string",
            ));
        };
        if !second.contains(&tail[0]) || !tail[1..].iter().all(|b| (0x80..=0xBF).contains(b)) {
            return Err(self.syntax("invalid UTF-8"));
        }
        self.pos += len;
        Ok(())
    }

    /// Any number.
    pub fn number(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number_text().map(drop),
            _ => Err(self.mismatch("a number")),
        }
    }

    /// A number a JavaScript number holds without overflowing to `Infinity`.
    pub fn finite_number(&mut self, expected: &str) -> Result<()> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.mismatch(expected)),
        }
        let start = self.pos;
        self.number_text()?;
        if is_finite_in_js(&self.bytes[start..self.pos]) {
            Ok(())
        } else {
            Err(JsonError::data(
                start,
                format!(
                    "expected {expected}, found a number that overflows to Infinity in JavaScript"
                ),
            ))
        }
    }

    /// An integer in `min..=max`; `expected` names the range in errors.
    #[inline]
    pub fn integer(&mut self, min: i64, max: i64, expected: &str) -> Result<i64> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.mismatch(expected)),
        }
        let start = self.pos;
        match self.number_text()? {
            Integer::Value(v) if (min..=max).contains(&v) => Ok(v),
            Integer::Value(_) | Integer::Huge => Err(JsonError::data(
                start,
                format!("expected {expected}, found a number out of range"),
            )),
            Integer::NotWhole => Err(JsonError::data(
                start,
                format!("expected {expected}, found a fractional number"),
            )),
            Integer::NegativeZero => Err(JsonError::data(
                start,
                format!("expected {expected}, found -0"),
            )),
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at the cursor.
    fn number_text(&mut self) -> Result<Integer> {
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        // Up to 18 digits always fit an i64, so no overflow checks (each would
        // cost a 128-bit multiply call in wasm32); longer is beyond every range
        // a model asks for (2^53 at most) and counts as out of range.
        let digits_start = self.pos;
        let mut magnitude: u64 = 0;
        match self.bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                // RFC 8259: no leading zeros (`01` is not a number).
                if let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
                    return Err(self.unexpected("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.bytes.get(self.pos) {
                    magnitude = magnitude.wrapping_mul(10).wrapping_add((d - b'0') as u64);
                    self.pos += 1;
                }
            }
            _ => return Err(self.unexpected("invalid number")),
        }
        let fits = self.pos - digits_start <= 18;
        let mut whole = true;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.digits()?;
            whole = false;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            self.digits()?;
            whole = false;
        }
        Ok(match (whole, fits) {
            (false, _) => Integer::NotWhole,
            // JSON.parse keeps the sign, and serde reads it as a float.
            (true, true) if negative && magnitude == 0 => Integer::NegativeZero,
            (true, true) => Integer::Value(if negative {
                -(magnitude as i64)
            } else {
                magnitude as i64
            }),
            (true, false) => Integer::Huge,
        })
    }

    fn digits(&mut self) -> Result<()> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.unexpected("invalid number"));
        }
        Ok(())
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.pos += 1;
        Ok(())
    }

    /// Opens an object; `expected` names it in the error for another type.
    #[inline]
    pub fn begin_object(&mut self, expected: &str) -> Result<()> {
        match self.peek() {
            Some(b'{') => self.enter(),
            _ => Err(self.mismatch(expected)),
        }
    }

    /// The next key of an open object (`first` for the first call), or `None`
    /// after its closing brace. The `:` after it is left for [`Reader::colon`].
    #[inline]
    pub fn next_key(&mut self, first: bool) -> Result<Option<Str<'a>>> {
        match self.next_key_expecting(first, None)? {
            Some(KeyMatch::Other(key)) => Ok(Some(key)),
            _ => Ok(None),
        }
    }

    /// Reads `,"name":` (`"name":` for the first key) when it is right at the
    /// cursor: in compact JSON, the expected key and its colon in one comparison,
    /// answered without the general path's result in memory. `false` moves nothing.
    #[inline]
    pub fn expected_key(&mut self, first: bool, name: &str) -> bool {
        // Where the key's opening quote is in `run`: after the comma, if any.
        let quote = usize::from(!first);
        let end = quote + 1 + name.len();
        let Some(run) = self.bytes.get(self.pos..self.pos + end + 2) else {
            return false;
        };
        let found = (first || run[0] == b',')
            && run[quote] == b'"'
            && same(&run[quote + 1..end], name.as_bytes())
            && run[end..] == *b"\":";
        if found {
            self.pos += run.len();
        }
        found
    }

    /// [`Reader::next_key`], answering [`KeyMatch::Expected`] (the key and its
    /// `:` read) without scanning the key when it is exactly `expected` (a name
    /// with nothing to escape): the common case, since providers send keys in
    /// their documented order. [`Reader::expected_key`] tries that first.
    #[inline]
    pub fn next_key_expecting(
        &mut self,
        first: bool,
        expected: Option<&str>,
    ) -> Result<Option<KeyMatch<'a>>> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_whitespace();
            }
            Some(b'"') if first => {}
            _ if first => return Err(self.unexpected("key must be a string")),
            _ => return Err(self.unexpected("expected `,` or `}`")),
        }
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.unexpected("key must be a string"));
        }
        if let Some(name) = expected {
            let end = self.pos + 1 + name.len();
            if self.bytes.get(end) == Some(&b'"')
                && same(&self.bytes[self.pos + 1..end], name.as_bytes())
            {
                self.pos = end + 1;
                self.colon()?;
                return Ok(Some(KeyMatch::Expected));
            }
        }
        let at = self.pos;
        let key = self.string_body()?;
        if key.raw.first().is_some_and(|b| matches!(b, b'$' | b'\\')) && key.is(RESERVED_KEY) {
            return Err(JsonError::reserved_key(at));
        }
        Ok(Some(KeyMatch::Other(key)))
    }

    /// The `:` between a key and its value.
    #[inline]
    pub fn colon(&mut self) -> Result<()> {
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.unexpected("expected `:`")),
        }
    }

    /// Opens an array; `expected` names it in the error for another type.
    #[inline]
    pub fn begin_array(&mut self, expected: &str) -> Result<()> {
        match self.peek() {
            Some(b'[') => self.enter(),
            _ => Err(self.mismatch(expected)),
        }
    }

    /// Whether another element follows in an open array (`first` for the first
    /// call); `false` after its closing bracket.
    #[inline]
    pub fn next_element(&mut self, first: bool) -> Result<bool> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                match self.peek() {
                    Some(b']') => Err(self.syntax("trailing comma")),
                    _ => Ok(true),
                }
            }
            _ if first => Ok(true),
            _ => Err(self.unexpected("expected `,` or `]`")),
        }
    }

    /// Any one value, checked and skipped (recursion bounded by [`MAX_DEPTH`]).
    pub fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.scan_string(),
            Some(b'-' | b'0'..=b'9') => self.number_text().map(drop),
            Some(b't' | b'f') => self.boolean().map(drop),
            Some(b'n') => self.literal(b"null"),
            Some(b'[') => {
                self.enter()?;
                let mut first = true;
                while self.next_element(first)? {
                    self.skip()?;
                    first = false;
                }
                Ok(())
            }
            Some(b'{') => {
                self.enter()?;
                let mut first = true;
                while self.next_key(first)?.is_some() {
                    self.colon()?;
                    self.skip()?;
                    first = false;
                }
                Ok(())
            }
            _ => Err(self.unexpected("expected a value")),
        }
    }
}

/// Equal bytes, in at most a few word comparisons: keys are short, and a call
/// to `memcmp` would cost more than the comparison. A tail is compared as the
/// last word, overlapping the one before.
#[inline]
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().unwrap_or([0; 8]));
    let half = |s: &[u8], i: usize| u32::from_le_bytes(s[i..i + 4].try_into().unwrap_or([0; 4]));
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// The first byte from `i` that ends a plain run inside a string: a quote, a
/// backslash, a control character or a non-ASCII byte. Eight bytes a step.
#[inline]
pub(super) fn find_special(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let quote = word ^ (ONES * b'"' as u64);
        let backslash = word ^ (ONES * b'\\' as u64);
        // A zero byte in `quote`/`backslash`, a byte below 0x20, or a high bit;
        // borrows can only mark bytes after a real hit, and the first hit is taken.
        let hits = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word)
            | word)
            & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b) {
            break;
        }
        i += 1;
    }
    i
}
