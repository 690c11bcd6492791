//! The field walker: one object read against a compile-time table of its
//! known keys, in any order.

use std::borrow::Cow;

use super::{JsonError, KeyMatch, Reader, Result, Segment};

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
    pub(super) sorted: [u8; 64],
    /// `rank[i]`: where `wires[i]` is in `sorted`.
    pub(super) rank: [u8; 64],
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

    /// The key after `wires[i]` in byte order (the least after none), if any.
    pub(super) fn sorted_after(&self, i: Option<usize>) -> Option<usize> {
        let next = i.map_or(0, |i| self.rank[i] as usize + 1);
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
    // The known key read last: the next in byte order is tried second, for
    // objects whose keys come sorted.
    let mut last: Option<usize> = None;
    // Unknown keys seen so far, to refuse repeats as decoding does; a tree, so
    // an object of many keys costs n log n, not n squared.
    let mut others: Option<std::collections::BTreeSet<Cow<'a, str>>> = None;
    let mut first = true;
    loop {
        let expected = wires.get(next).copied();
        let key = match expected {
            Some(name) if r.expected_key(first, name) => KeyMatch::Expected,
            _ => match r.next_key_expecting(first, expected)? {
                Some(key) => key,
                None => break,
            },
        };
        first = false;
        let known = match key {
            KeyMatch::Expected => Ok(next),
            KeyMatch::Other(key) => match keys
                .sorted_after(last)
                .filter(|i| key.is(wires[*i]))
                .or_else(|| wires.iter().position(|wire| key.is(wire)))
            {
                Some(i) => {
                    r.colon()?;
                    Ok(i)
                }
                None => Err(key),
            },
        };
        let key = match known {
            Err(unknown_key) => unknown_key,
            Ok(i) => {
                let bit = 1u64 << i;
                // A repeat is refused after its `:`, before its value, as decoding does.
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
                last = Some(i);
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
