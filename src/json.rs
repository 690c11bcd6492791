//! A byte-level JSON reader: what every check walks a response with, and what
//! reads create input and error bodies.
//!
//! Why not serde_json here: a check needs verdicts, not values, and serde_json
//! with serde's error machinery was most of the shipped wasm and most of the
//! time spent. This reader accepts exactly RFC 8259 JSON in UTF-8 and refuses
//! what the owned decoder refuses (lone surrogates, nesting of 128 levels),
//! so a body that checks is one `JSON.parse` reads the same way. It allocates
//! nothing for a valid body; a failure carries its class, its byte offset and,
//! for a wrong type, the path of the field.

use std::borrow::Cow;

/// Containers nested this deep are refused (serde_json's limit, so checking and
/// decoding agree).
pub const MAX_DEPTH: usize = 128;

/// What kind of failure: not JSON, cut short, or JSON of the wrong shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Not JSON.
    Syntax,
    /// The input ended inside a value.
    Eof,
    /// Valid JSON that does not match the expected shape.
    Data,
}

/// One step of the path to a bad field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A known field.
    Field(&'static str),
    /// A key the model does not name (open maps, unknown fields).
    Key(String),
    /// An array element.
    Index(usize),
}

/// The key serde_json's arbitrary-precision mode reads as a number: with it,
/// `{"$serde_json::private::Number": "12"}` would come back from a decode (and
/// go out of the Worker) as `12`. Refused wherever it is a key.
pub const RESERVED_KEY: &str = "$serde_json::private::Number";

/// Whether [`RESERVED_KEY`] is a key anywhere in `bytes`, as far as they are JSON.
pub fn has_reserved_key(bytes: &[u8]) -> bool {
    Reader::new(bytes)
        .skip()
        .is_err_and(|e| e.is_reserved_key())
}

/// A reading failure. Boxed so a `Result<(), JsonError>` stays one word on the hot path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(Box<Failure>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure {
    class: Class,
    /// The object has [`RESERVED_KEY`] as a key.
    reserved_key: bool,
    offset: usize,
    message: Cow<'static, str>,
    /// Innermost first; pushed while the error unwinds, so success costs nothing.
    path: Vec<Segment>,
}

impl JsonError {
    fn new(class: Class, offset: usize, message: impl Into<Cow<'static, str>>) -> Self {
        JsonError(Box::new(Failure {
            class,
            offset,
            message: message.into(),
            path: Vec::new(),
            reserved_key: false,
        }))
    }

    fn reserved_key(offset: usize) -> Self {
        let mut error =
            JsonError::data(offset, "the key `$serde_json::private::Number` is reserved (serde_json reads such an object as a number)");
        error.0.reserved_key = true;
        error
    }

    /// Whether the failure is a [`RESERVED_KEY`], which no serde decoder can see.
    pub fn is_reserved_key(&self) -> bool {
        self.0.reserved_key
    }

    /// A shape failure at `offset`, for checks above the reader (missing fields, bad values).
    pub fn data(offset: usize, message: impl Into<Cow<'static, str>>) -> Self {
        JsonError::new(Class::Data, offset, message)
    }

    /// Where in the input it failed.
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// The failure class.
    pub fn class(&self) -> Class {
        self.0.class
    }

    /// Adds the segment the failure happened under.
    pub fn within(mut self, segment: Segment) -> Self {
        self.0.path.push(segment);
        self
    }

    /// The path (`orders[1].orderItems[0].listing.priceWei`; `$` for the root).
    pub fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.0.path.iter().rev() {
            match segment {
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
                Segment::Field(name) => push_name(&mut path, name),
                Segment::Key(name) => push_name(&mut path, name),
            }
        }
        if path.is_empty() {
            path.push('$');
        }
        path
    }

    /// The message with where it happened in `input`: `expected a boolean, found a string at line 1 column 57`.
    pub fn describe(&self, input: &[u8]) -> String {
        let before = &input[..self.0.offset.min(input.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.len()
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        format!("{} at line {line} column {column}", self.0.message)
    }

    /// The message alone.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

fn push_name(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// The text of a string as it appears between the quotes, escapes and all.
#[derive(Debug, Clone, Copy)]
pub struct Str<'a> {
    raw: &'a [u8],
    escaped: bool,
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

fn hex4(bytes: &[u8]) -> Option<u16> {
    let digits = bytes.get(..4)?;
    let mut value = 0u16;
    for b in digits {
        value = value << 4 | (*b as char).to_digit(16)? as u16;
    }
    Some(value)
}

/// A key read by [`Reader::next_key_expecting`].
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    /// The key that was expected.
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
}

type Result<T> = std::result::Result<T, JsonError>;

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
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

    #[inline]
    fn peek(&mut self) -> Option<u8> {
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

    /// After the opening quote's position: the string, its UTF-8 and escapes checked.
    #[inline]
    fn string_body(&mut self) -> Result<Str<'a>> {
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.pos = find_special(self.bytes, self.pos);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    let raw = &self.bytes[start..self.pos];
                    self.pos += 1;
                    return Ok(Str { raw, escaped });
                }
                Some(b'\\') => {
                    escaped = true;
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
            Some(Key::Other(key)) => Ok(Some(key)),
            _ => Ok(None),
        }
    }

    /// [`Reader::next_key`], answering [`Key::Expected`] without scanning the
    /// key when it is exactly `expected` (a name with nothing to escape): the
    /// common case, since providers send keys in their documented order.
    #[inline]
    pub fn next_key_expecting(
        &mut self,
        first: bool,
        expected: Option<&str>,
    ) -> Result<Option<Key<'a>>> {
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
                return Ok(Some(Key::Expected));
            }
        }
        let at = self.pos;
        let key = self.string_body()?;
        if key.raw.first().is_some_and(|b| matches!(b, b'$' | b'\\')) && key.is(RESERVED_KEY) {
            return Err(JsonError::reserved_key(at));
        }
        Ok(Some(Key::Other(key)))
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
            Some(b'"') => self.string_body().map(drop),
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

/// What to do with a key an object's field table does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownKeys {
    /// Check it is JSON and move on (provider replies: additive changes must not break us).
    Keep,
    /// Refuse it (our own input: a misspelt field must not be silently dropped).
    Refuse,
}

/// An object's known keys for [`read_fields`]: their documented order, the
/// same sorted by bytes (some replies list an object's keys alphabetically),
/// and which are required. Built at compile time.
#[derive(Debug)]
pub struct KeyTable {
    /// Wire names in documented order (at most 64).
    pub wires: &'static [&'static str],
    /// Bit i set when `wires[i]` must be present.
    pub required: u64,
    /// Indices of `wires` in byte order of the names.
    sorted: [u8; 64],
    /// `rank[i]`: where `wires[i]` is in `sorted`.
    rank: [u8; 64],
}

impl KeyTable {
    /// The table of `wires` (documented order) with `required` as a bit mask.
    pub const fn new(wires: &'static [&'static str], required: u64) -> KeyTable {
        assert!(wires.len() <= 64, "a field table holds at most 64 keys");
        let mut sorted = [0u8; 64];
        let mut i = 0;
        while i < wires.len() {
            sorted[i] = i as u8;
            i += 1;
        }
        // Insertion sort: const fn, and tables are small.
        let mut i = 1;
        while i < wires.len() {
            let mut j = i;
            while j > 0
                && bytes_less(
                    wires[sorted[j] as usize].as_bytes(),
                    wires[sorted[j - 1] as usize].as_bytes(),
                )
            {
                let moved = sorted[j];
                sorted[j] = sorted[j - 1];
                sorted[j - 1] = moved;
                j -= 1;
            }
            i += 1;
        }
        let mut rank = [0u8; 64];
        let mut k = 0;
        while k < wires.len() {
            rank[sorted[k] as usize] = k as u8;
            k += 1;
        }
        KeyTable {
            wires,
            required,
            sorted,
            rank,
        }
    }

    /// The key after `wires[i]` in byte order, if any.
    fn sorted_after(&self, i: usize) -> Option<usize> {
        let next = self.rank[i] as usize + 1;
        (next < self.wires.len()).then(|| self.sorted[next] as usize)
    }
}

const fn bytes_less(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Checks one JSON value, leaving the reader after it.
pub type ValueCheck = fn(&mut Reader<'_>) -> Result<()>;

/// How [`read_fields`] reads the value of a known key `i`.
pub enum FieldValues<'f, 'a> {
    /// With `checks[i]`: one plain call a field, where a closure around the
    /// table would cost two indirect calls (a model's fields are most keys read).
    Checks(&'static [ValueCheck]),
    /// With `read(r, i)`, for callers that keep what they read.
    Read(&'f mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>),
}

impl std::fmt::Debug for FieldValues<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FieldValues::Checks(_) => "FieldValues::Checks",
            FieldValues::Read(_) => "FieldValues::Read",
        })
    }
}

/// Walks one object against a field table. Providers send an object's keys in
/// its documented order, or sorted: the next key in either order is tried
/// first, so dispatch is one or two comparisons per key, not a search.
/// `values` reads the value of `keys.wires[i]`. Repeated keys are
/// refused, and so is a missing required key (the first in table order).
pub fn read_fields<'a>(
    r: &mut Reader<'a>,
    expected: &str,
    keys: &KeyTable,
    unknown: UnknownKeys,
    // Not generic: one copy of this loop in the wasm rather than one per model.
    mut values: FieldValues<'_, 'a>,
) -> Result<()> {
    let wires = keys.wires;
    r.begin_object(expected)?;
    let mut seen = 0u64;
    let mut next = 0;
    // The key expected next if the object is sorted (first: the least).
    let mut next_sorted = (!wires.is_empty()).then_some(keys.sorted[0] as usize);
    // Unknown keys seen so far, to refuse repeats as decoding does; a tree, so
    // an object of many keys costs n log n, not n squared.
    let mut others: Option<std::collections::BTreeSet<Cow<'a, str>>> = None;
    let mut first = true;
    while let Some(key) = r.next_key_expecting(first, wires.get(next).copied())? {
        first = false;
        let known = match key {
            Key::Expected => Ok(next),
            Key::Other(key) => match next_sorted.filter(|i| key.is(wires[*i])) {
                Some(i) => Ok(i),
                None => wires.iter().position(|wire| key.is(wire)).ok_or(key),
            },
        };
        let key = match known {
            Err(unknown_key) => unknown_key,
            Ok(i) => {
                let bit = 1u64 << i;
                // A repeat is refused after its `:`, before its value, as decoding does.
                r.colon()?;
                if seen & bit != 0 {
                    let error =
                        JsonError::data(r.offset(), format!("duplicate field `{}`", wires[i]));
                    return Err(error.within(Segment::Field(wires[i])));
                }
                seen |= bit;
                let read = match &mut values {
                    FieldValues::Checks(checks) => checks[i](r),
                    FieldValues::Read(read) => read(r, i),
                };
                read.map_err(|e| e.within(Segment::Field(wires[i])))?;
                next = i + 1;
                next_sorted = keys.sorted_after(i);
                continue;
            }
        };
        let name = key.value();
        if unknown == UnknownKeys::Refuse {
            let error = JsonError::data(
                r.offset(),
                format!("unknown field `{name}`, expected one of {}", list(wires)),
            );
            return Err(error.within(Segment::Key(name.into_owned())));
        }
        r.colon()?;
        if !others
            .get_or_insert_with(Default::default)
            .insert(name.clone())
        {
            let error = JsonError::data(r.offset(), format!("duplicate field `{name}`"));
            return Err(error.within(Segment::Key(name.into_owned())));
        }
        r.skip()
            .map_err(|e| e.within(Segment::Key(name.into_owned())))?;
    }
    let missing = keys.required & !seen;
    if missing != 0 {
        let wire = wires[missing.trailing_zeros() as usize];
        return Err(
            JsonError::data(r.offset(), format!("missing field `{wire}`"))
                .within(Segment::Field(wire)),
        );
    }
    Ok(())
}

/// `a, b, c`: names for a message.
pub fn list<'s>(names: impl IntoIterator<Item = &'s &'s str>) -> String {
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}

/// The bit mask of `required` (bit i for field i), for [`read_fields`].
pub const fn required_mask(required: &[bool]) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < required.len() {
        if required[i] {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
}

/// Equal bytes, eight at a time: keys are short, and a call to `memcmp` would
/// cost more than the comparison.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], i: usize| {
        s.get(i..i + 8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
    };
    let mut i = 0;
    while let (Some(x), Some(y)) = (word(a, i), word(b, i)) {
        if x != y {
            return false;
        }
        i += 8;
    }
    a[i..].iter().zip(&b[i..]).all(|(x, y)| x == y)
}

/// The first byte from `i` that ends a plain run inside a string: a quote, a
/// backslash, a control character or a non-ASCII byte. Eight bytes a step.
#[inline]
fn find_special(bytes: &[u8], mut i: usize) -> usize {
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

/// What a field of a peeked object held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Peeked<'a> {
    /// The key was not there.
    Absent,
    /// A string, escapes resolved.
    Text(String),
    /// An object, as its raw JSON text.
    Object(&'a [u8]),
    /// Any other value.
    Other,
}

/// The smallest magnitude that rounds to infinity as an IEEE double,
/// 2^1024 - 2^970 (the midpoint above `f64::MAX`; ties go to even, which is up).
const F64_OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether the JSON number `text` (grammar already checked) stays finite as a
/// double, as `JSON.parse` reads it; from its digits alone, with no float
/// parsing (which would add kilobytes of wasm).
pub fn is_finite_in_js(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"-").unwrap_or(text);
    let (mantissa, exponent) = match text.iter().position(|b| matches!(b, b'e' | b'E')) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, &b""[..]),
    };
    let (whole, fraction) = match mantissa.iter().position(|b| *b == b'.') {
        Some(at) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, &b""[..]),
    };
    // Saturating: beyond ±10^15 the verdict no longer changes.
    let (sign, digits) = match exponent.first() {
        Some(b'-') => (-1i64, &exponent[1..]),
        Some(b'+') => (1, &exponent[1..]),
        _ => (1, exponent),
    };
    let exp = sign
        * digits.iter().fold(0i64, |n, d| {
            (n * 10 + (d - b'0') as i64).min(1_000_000_000_000_000)
        });
    let significant: Vec<u8> = whole
        .iter()
        .chain(fraction)
        .copied()
        .skip_while(|d| *d == b'0')
        .collect();
    if significant.is_empty() {
        return true;
    }
    let leading_zeros = whole
        .iter()
        .chain(fraction)
        .take_while(|d| **d == b'0')
        .count() as i64;
    // The decimal exponent of the first significant digit.
    let first = whole.len() as i64 - 1 - leading_zeros + exp;
    match first {
        ..=307 => true,
        309.. => false,
        _ => {
            for i in 0..significant.len().max(F64_OVERFLOW_DIGITS.len()) {
                let (ours, limit) = (
                    significant.get(i).unwrap_or(&b'0'),
                    F64_OVERFLOW_DIGITS.get(i).unwrap_or(&b'0'),
                );
                if ours != limit {
                    return ours < limit;
                }
            }
            false
        }
    }
}

/// Reads `bytes` as one JSON object and returns what each of `keys` held.
/// `None` when the body is not exactly one object or repeats one of `keys`:
/// for reading error bodies, where anything else means "not this shape".
pub fn peek_fields<'a>(bytes: &'a [u8], keys: &[&str]) -> Option<Vec<Peeked<'a>>> {
    let mut found = vec![Peeked::Absent; keys.len()];
    let mut r = Reader::new(bytes);
    r.begin_object("an object").ok()?;
    let mut first = true;
    while let Some(key) = r.next_key(first).ok()? {
        first = false;
        r.colon().ok()?;
        let Some(i) = keys.iter().position(|k| key.is(k)) else {
            r.skip().ok()?;
            continue;
        };
        if found[i] != Peeked::Absent {
            return None;
        }
        let next = r.peek();
        let start = r.offset();
        found[i] = match next {
            Some(b'"') => Peeked::Text(r.string_body().ok()?.value().into_owned()),
            Some(b'{') => {
                r.skip().ok()?;
                Peeked::Object(r.since(start))
            }
            _ => {
                r.skip().ok()?;
                Peeked::Other
            }
        };
    }
    r.end().ok()?;
    Some(found)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(text: &[u8]) -> Result<()> {
        let mut r = Reader::new(text);
        r.skip()?;
        r.end()
    }

    #[test]
    fn accepts_what_serde_json_accepts() {
        let cases: &[&[u8]] = &[
            b"{}",
            b" [ 1 , -0 , 0.5 , 1e5 , 1E-5 , -12.5e+3 ] ",
            b"\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"",
            "\"h\u{e9}llo \u{1F600} \u{7FF} \u{FFFF}\"".as_bytes(),
            b"{\"a\":{\"b\":[true,false,null]}}",
            b"\"0123456789abcdefghij\\\"klmnop\"",
        ];
        for case in cases {
            let ours = skip_all(case).is_ok();
            let theirs = serde_json::from_slice::<serde_json::Value>(case).is_ok();
            assert!(ours && theirs, "{}", String::from_utf8_lossy(case));
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses_with_the_same_class() {
        let cases: &[&[u8]] = &[
            b"",
            b"{",
            b"[1,]",
            b"{\"a\":1,}",
            b"{\"a\" 1}",
            b"{1:1}",
            b"01",
            b"1.",
            b"-",
            b"1e",
            b".5",
            b"NaN",
            b"nul",
            b"tru",
            b"[1 2]",
            b"\"abc",
            b"\"a\x01b\"",
            b"\"\\x\"",
            b"\"\\u12\"",
            b"\"\\ud800\"",
            b"\"\\udc00\"",
            b"\"\\ud800\\u0041\"",
            b"\"\xff\"",
            b"\"\xc0\xaf\"",
            b"\"\xed\xa0\x80\"",
            b"\"\xe2\x82\"",
            b"{} x",
            b"[\"\xf0\x9f\x98\"]",
        ];
        for case in cases {
            let ours = skip_all(case).unwrap_err();
            let theirs = serde_json::from_slice::<serde_json::Value>(case).unwrap_err();
            let class = if theirs.is_eof() {
                Class::Eof
            } else {
                Class::Syntax
            };
            assert_eq!(
                ours.class(),
                class,
                "{} ({ours:?} vs {theirs})",
                String::from_utf8_lossy(case)
            );
        }
    }

    #[test]
    fn nesting_stops_where_decoding_does() {
        for depth in [126, 127, 128, 129] {
            let text = "[".repeat(depth) + &"]".repeat(depth);
            let ours = skip_all(text.as_bytes()).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(ours, theirs, "depth {depth}");
        }
    }

    #[test]
    fn special_bytes_are_found_in_every_lane() {
        for at in 0..20 {
            for special in [b'"', b'\\', 0x1F, 0x80, 0xFF] {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = special;
                assert_eq!(find_special(&bytes, 0), at);
            }
        }
        assert_eq!(find_special(b"abcdefghijk", 0), 11);
        assert_eq!(
            find_special(&[0x20, 0x7F, b'!', b'#', b'[', b']', 0x21, 0x5B, 0x5D], 0),
            9
        );
    }

    #[test]
    fn numbers_that_overflow_a_double_are_told_apart_exactly() {
        for finite in [
            "0",
            "-0",
            "1e308",
            "1.7976931348623157e308",
            "17976931348623158e292",
            "0.0000e99999",
            "1e-99999",
            "-1.5",
            "123456789012345678901234567890",
        ] {
            assert!(is_finite_in_js(finite.as_bytes()), "{finite}");
        }
        for infinite in ["1e309", "1e400", "-1e400", "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "0.1e310", "1e99999999999999999999999"] {
            assert!(!is_finite_in_js(infinite.as_bytes()), "{infinite}");
        }
        // One below the midpoint rounds down to f64::MAX.
        assert!(is_finite_in_js(b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791"));
        for n in [
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2e308",
            "0.5e309",
        ] {
            assert_eq!(
                is_finite_in_js(n.as_bytes()),
                n.parse::<f64>().unwrap().is_finite(),
                "{n}"
            );
        }
    }

    #[test]
    fn integers_keep_their_range_exact() {
        let int = |text: &str| Reader::new(text.as_bytes()).integer(-9, 9_007_199_254_740_991, "n");
        assert_eq!(int("9007199254740991").unwrap(), 9_007_199_254_740_991);
        assert_eq!(int("0").unwrap(), 0);
        // -0 is no integer to serde (it reads a float), nor to JSON.parse's sign.
        for bad in [
            "9007199254740992",
            "1.0",
            "1e2",
            "-10",
            "99999999999999999999999",
            "\"1\"",
            "true",
            "-0",
        ] {
            assert_eq!(int(bad).unwrap_err().class(), Class::Data, "{bad}");
        }
        // RFC 8259 allows no leading zeros.
        for bad in ["01", "-01", "00"] {
            assert_eq!(int(bad).unwrap_err().class(), Class::Syntax, "{bad}");
        }
    }

    #[test]
    fn strings_unescape_and_compare() {
        let s = Reader::new(br#""i\u0064""#).string("s").unwrap();
        assert!(s.is("id") && s.has_escapes());
        let s = Reader::new(br#""\ud83d\ude00 \n\"""#).string("s").unwrap();
        assert_eq!(s.value(), "\u{1F600} \n\"");
    }

    #[test]
    fn peeks_fields_of_an_object() {
        let found = peek_fields(
            br#"{"a":"x","b":{"c":1},"c":5,"z":[1]}"#,
            &["a", "b", "c", "d"],
        )
        .unwrap();
        assert_eq!(
            found,
            [
                Peeked::Text("x".into()),
                Peeked::Object(br#"{"c":1}"#),
                Peeked::Other,
                Peeked::Absent
            ]
        );
        assert!(peek_fields(br#"{"a":1,"a":2}"#, &["a"]).is_none());
        assert!(peek_fields(b"[1]", &["a"]).is_none());
        assert!(peek_fields(b"{} x", &["a"]).is_none());
    }

    #[test]
    fn key_tables_sort_by_bytes_at_compile_time() {
        const KEYS: KeyTable = KeyTable::new(&["b", "C", "a", "ab"], 0b1111);
        assert_eq!(KEYS.sorted[..4], [1, 2, 3, 0]); // "C" < "a" < "ab" < "b"
        assert_eq!(KEYS.rank[..4], [3, 0, 1, 2]);
        assert_eq!(KEYS.sorted_after(1), Some(2));
        assert_eq!(KEYS.sorted_after(0), None);
    }

    #[test]
    fn fields_dispatch_the_same_in_any_key_order() {
        const KEYS: KeyTable = KeyTable::new(&["b", "C", "a", "ab"], 0b0111);
        let read = |text: &[u8]| {
            let mut got = Vec::new();
            let mut r = Reader::new(text);
            read_fields(
                &mut r,
                "an object",
                &KEYS,
                UnknownKeys::Keep,
                FieldValues::Read(&mut |r, i| {
                    got.push((i, r.integer(0, 9, "a digit")?));
                    Ok(())
                }),
            )
            .map(|()| got)
        };
        let documented = read(br#"{"b":0,"C":1,"a":2,"ab":3}"#).unwrap();
        assert_eq!(documented, [(0, 0), (1, 1), (2, 2), (3, 3)]);
        assert_eq!(
            read(br#"{"C":1,"a":2,"ab":3,"b":0}"#).unwrap(),
            [(1, 1), (2, 2), (3, 3), (0, 0)]
        );
        assert_eq!(
            read(br#"{"a":2,"x":5,"b":0,"C":1}"#).unwrap(),
            [(2, 2), (0, 0), (1, 1)]
        );
        assert_eq!(
            read(br#"{"C":1,"a":2,"a":2,"b":0}"#).unwrap_err().path(),
            "a"
        );
        assert_eq!(
            read(br#"{"C":1,"ab":3,"b":0}"#).unwrap_err().message(),
            "missing field `a`"
        );
    }

    #[test]
    fn quoted_strings_read_back() {
        for text in [
            "plain",
            "quote \" and \\ back",
            "line\nbreak\ttab\u{1}\u{1F}",
            "h\u{e9}llo \u{1F600}",
        ] {
            assert_eq!(serde_json::from_str::<String>(&quote(text)).unwrap(), text);
        }
    }
}
