//! Writing a reply as it may leave the Worker, straight from the upstream's
//! bytes: one pass of the JSON reader, no tree. Kept fields are copied as they
//! came (numbers and strings byte for byte, whitespace dropped); a string is
//! decoded and written anew only when it holds one of the secrets.

use super::{secret, Class, Exposure, Shape};
use crate::json::{quote, JsonError, Reader, Str};

/// Builds one response body from parts of upstream replies.
#[derive(Debug)]
pub struct Redactor<'s> {
    exposure: Exposure,
    secrets: &'s [String],
    /// Whether a secret may stand unescaped in the value being written: when
    /// not, only strings with escapes need decoding to be checked.
    suspect: bool,
    out: Vec<u8>,
}

impl<'s> Redactor<'s> {
    /// A body of at most about `capacity` bytes; `secrets` are taken out of
    /// every string and key written.
    pub fn new(exposure: Exposure, secrets: &'s [String], capacity: usize) -> Self {
        Redactor {
            exposure,
            secrets,
            suspect: false,
            out: Vec::with_capacity(capacity),
        }
    }

    /// Appends the Worker's own JSON text (the envelope around the values).
    pub fn push_raw(&mut self, text: &[u8]) {
        self.out.extend_from_slice(text);
    }

    /// Appends `value` (one JSON value) as `shape` lets it leave: documented
    /// public fields always, personal and secret ones only with
    /// `exposure.personal`, anything undocumented only with `exposure.unknown`.
    /// `false` (and nothing written) when nothing of it may leave.
    pub fn write(&mut self, value: &[u8], shape: &Shape) -> Result<bool, JsonError> {
        self.suspect = self.may_hold_secret(value);
        let mut reader = Reader::new(value);
        let kept = self.value(&mut reader, Some(shape))?;
        reader.end()?;
        Ok(kept)
    }

    /// Appends `value` whole, only the secrets taken out.
    pub fn write_whole(&mut self, value: &[u8]) -> Result<(), JsonError> {
        self.suspect = self.may_hold_secret(value);
        let mut reader = Reader::new(value);
        self.value(&mut reader, None)?;
        reader.end()
    }

    /// Appends a JSON array of `values` (each one JSON value), each as
    /// [`Redactor::write`] would; a value nothing of which may leave is left out.
    pub fn write_list<'v>(
        &mut self,
        values: impl IntoIterator<Item = &'v [u8]>,
        shape: &Shape,
    ) -> Result<(), JsonError> {
        self.out.push(b'[');
        let mut wrote = false;
        for value in values {
            let mark = self.out.len();
            if wrote {
                self.out.push(b',');
            }
            if self.write(value, shape)? {
                wrote = true;
            } else {
                self.out.truncate(mark);
            }
        }
        self.out.push(b']');
        Ok(())
    }

    /// The body written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    fn may_hold_secret(&self, bytes: &[u8]) -> bool {
        self.secrets
            .iter()
            .any(|s| !s.is_empty() && contains(bytes, s.as_bytes()))
    }

    /// One value; `shape` `None` keeps all of it.
    fn value(&mut self, r: &mut Reader, shape: Option<&Shape>) -> Result<bool, JsonError> {
        let next = r.peek();
        match (shape, next) {
            (Some(Shape::Object(fields)), Some(b'{')) => self.object(r, Some(fields)),
            (Some(Shape::List(item)), Some(b'[')) => self.array(r, Some(item)),
            (None, Some(b'{')) => self.object(r, None),
            (None, Some(b'[')) => self.array(r, None),
            // An object or list where the docs show a scalar or another shape.
            (Some(_), Some(b'{' | b'[')) if self.exposure.unknown => self.value(r, None),
            (Some(_), Some(b'{' | b'[')) => {
                r.skip()?;
                Ok(false)
            }
            (_, Some(b'"')) => {
                let text = r.string("a string")?;
                self.string(text);
                Ok(true)
            }
            _ => {
                let start = r.offset();
                r.skip()?;
                self.out.extend_from_slice(r.since(start));
                Ok(true)
            }
        }
    }

    fn object(
        &mut self,
        r: &mut Reader,
        fields: Option<&[super::Field]>,
    ) -> Result<bool, JsonError> {
        r.begin_object("an object")?;
        self.out.push(b'{');
        let (mut first, mut wrote) = (true, false);
        // Providers send fields in their documented order: look from the last match on.
        let mut hint = 0;
        while let Some(key) = r.next_key(first)? {
            first = false;
            r.colon()?;
            let shape = match fields {
                None => Some(None),
                Some(fields) => match find_field(fields, &key, &mut hint) {
                    Some((_, class, shape))
                        if *class == Class::Public || self.exposure.personal =>
                    {
                        Some(Some(shape))
                    }
                    Some(_) => None,
                    None if self.exposure.unknown => Some(None),
                    None => None,
                },
            };
            let Some(shape) = shape else {
                r.skip()?;
                continue;
            };
            let mark = self.out.len();
            if wrote {
                self.out.push(b',');
            }
            self.string(key);
            self.out.push(b':');
            if self.value(r, shape)? {
                wrote = true;
            } else {
                self.out.truncate(mark);
            }
        }
        self.out.push(b'}');
        Ok(true)
    }

    fn array(&mut self, r: &mut Reader, item: Option<&Shape>) -> Result<bool, JsonError> {
        r.begin_array("an array")?;
        self.out.push(b'[');
        let (mut first, mut wrote) = (true, false);
        while r.next_element(first)? {
            first = false;
            let mark = self.out.len();
            if wrote {
                self.out.push(b',');
            }
            if self.value(r, item)? {
                wrote = true;
            } else {
                self.out.truncate(mark);
            }
        }
        self.out.push(b']');
        Ok(true)
    }

    /// A string or key: as it came, unless it holds a secret.
    fn string(&mut self, text: Str) {
        if self.suspect || text.has_escapes() {
            let value = text.value();
            let hit = self
                .secrets
                .iter()
                .any(|s| !s.is_empty() && contains(value.as_bytes(), s.as_bytes()));
            if hit {
                let scrubbed = self
                    .secrets
                    .iter()
                    .fold(value.into_owned(), |t, s| secret(&t, s));
                self.out.extend_from_slice(quote(&scrubbed).as_bytes());
                return;
            }
        }
        self.out.push(b'"');
        self.out.extend_from_slice(text.raw());
        self.out.push(b'"');
    }
}

fn find_field<'f>(
    fields: &'f [super::Field],
    key: &Str,
    hint: &mut usize,
) -> Option<&'f super::Field> {
    let n = fields.len();
    let start = *hint;
    let i = (0..n)
        .map(|k| (start + k) % n)
        .find(|i| key.is(fields[*i].0))?;
    *hint = i + 1;
    Some(&fields[i])
}

/// Whether `needle` (not empty) occurs in `hay`: the first and last bytes are
/// looked for eight positions at a time, and only where both match are the
/// bytes between compared.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let m = needle.len();
    if m == 0 || hay.len() < m {
        return m == 0;
    }
    let (first, last) = (ONES * needle[0] as u64, ONES * needle[m - 1] as u64);
    let word = |at: usize| {
        hay.get(at..at + 8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
    };
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let last_start = hay.len() - m;
    let mut i = 0;
    while i + 8 <= last_start + 1 {
        let (Some(a), Some(b)) = (word(i), word(i + m - 1)) else {
            break;
        };
        // A borrow can mark a false hit; the comparison weeds it out.
        let mut hits = zero_bytes(a ^ first) & zero_bytes(b ^ last);
        while hits != 0 {
            let at = i + (hits.trailing_zeros() / 8) as usize;
            if hay[at..at + m] == *needle {
                return true;
            }
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..=last_start).any(|at| hay[at..at + m] == *needle)
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn finds_a_needle_wherever_it_stands() {
        let hay = b"0123456789abcdefghijklmnopqrstuvwxyz";
        for start in 0..hay.len() {
            for end in start + 1..=hay.len() {
                assert!(contains(hay, &hay[start..end]), "{start}..{end}");
            }
        }
        assert!(!contains(hay, b"abd"));
        assert!(!contains(b"short", b"longer than it"));
        assert!(contains(b"aaaaaaaaaaaaaaaaaab", b"aab"));
        assert!(!contains(b"aaaaaaaaaaaaaaaaaaa", b"aab"));
        // Bytes with the high bit set do not fake a match.
        assert!(!contains("ü€ü€ü€ü€ü€ü€".as_bytes(), b"\x80\x80"));
        assert!(contains("xxxxxxxxxxxxxxxxxxü".as_bytes(), "ü".as_bytes()));
    }
}
