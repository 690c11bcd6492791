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
//!
//! - [`reader`]: the grammar, a cursor over one document;
//! - [`fields`]: an object walked against a table of its known keys;
//! - [`peek`]: a few fields of an error body, without a model;
//! - [`text`] and [`number`]: strings and numbers as JSON and JavaScript read them.

mod error;
mod fields;
mod number;
mod peek;
mod reader;
#[cfg(test)]
mod tests;
mod text;

pub use error::JsonError;
pub use fields::{
    list, read_fields, required_mask, FieldValues, KeyTable, UnknownKeys, ValueCheck,
};
pub use number::is_finite_in_js;
pub use peek::{peek_fields, raw_elements, raw_field};
pub use reader::{KeyMatch, Reader};
pub use text::{quote, Str};

type Result<T> = std::result::Result<T, JsonError>;

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
