//! Reading a few fields of an object without a model, for error bodies.

use super::{Peeked, Reader};

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

/// The raw JSON text of field `key` of the object `bytes` (its last
/// occurrence, as `JSON.parse` reads it); `None` when absent or not an object.
pub fn raw_field<'a>(bytes: &'a [u8], key: &str) -> Option<&'a [u8]> {
    let mut r = Reader::new(bytes);
    r.begin_object("an object").ok()?;
    let (mut first, mut found) = (true, None);
    while let Some(name) = r.next_key(first).ok()? {
        first = false;
        r.colon().ok()?;
        r.peek();
        let start = r.offset();
        r.skip().ok()?;
        if name.is(key) {
            found = Some(r.since(start));
        }
    }
    r.end().ok()?;
    found
}

/// The raw JSON text of each element of the array `bytes`; `None` when it is
/// not one array.
pub fn raw_elements(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut r = Reader::new(bytes);
    r.begin_array("an array").ok()?;
    let (mut first, mut items) = (true, Vec::new());
    while r.next_element(first).ok()? {
        first = false;
        r.peek();
        let start = r.offset();
        r.skip().ok()?;
        items.push(r.since(start));
    }
    r.end().ok()?;
    Some(items)
}
