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
