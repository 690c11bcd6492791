//! Strict objects (caller input) read into their values and written back as
//! JSON with the byte-level reader and plain string writes: what the wasm and
//! the Worker do with create input, without linking serde_json.

use crate::json::{quote, JsonError, Reader};

/// Reads one value of `Self` from `r`, refusing what its check refuses.
pub trait Read: Sized {
    /// The value at the cursor, the cursor left after it.
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError>;
}

/// `null` as `None`, or a `T`.
pub fn read_nullable<T: Read>(r: &mut Reader<'_>) -> Result<Option<T>, JsonError> {
    if r.null()? {
        return Ok(None);
    }
    T::read(r).map(Some)
}

impl Read for String {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        Ok(r.string("a string")?.value().into_owned())
    }
}

/// Writes `Self` as compact JSON, exactly as serde_json writes its
/// `Serialize` form (a native test holds the two together).
pub trait WriteJson {
    /// Appends the JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// Appends `"key":value` to an object being written, with a comma unless it
/// is the object's `first` entry.
pub fn write_entry<T: WriteJson + ?Sized>(
    out: &mut String,
    first: &mut bool,
    key: &str,
    value: &T,
) {
    if !std::mem::take(first) {
        out.push(',');
    }
    out.push_str(&quote(key));
    out.push(':');
    value.write_json(out);
}

impl WriteJson for String {
    fn write_json(&self, out: &mut String) {
        out.push_str(&quote(self));
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, value) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            value.write_json(out);
        }
        out.push(']');
    }
}
