//! A reading failure: its class, where it happened, and the path to the field.

use std::borrow::Cow;

use super::{Class, Segment};

/// A reading failure. Boxed so a `Result<(), JsonError>` stays one word on the hot path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    class: Class,
    /// The object has [`RESERVED_KEY`] as a key.
    reserved_key: bool,
    offset: usize,
    message: Cow<'static, str>,
    /// Innermost first; pushed while the error unwinds, so success costs nothing.
    path: Vec<Segment>,
}

impl JsonError {
    pub(super) fn new(class: Class, offset: usize, message: impl Into<Cow<'static, str>>) -> Self {
        JsonError(Box::new(Details {
            class,
            offset,
            message: message.into(),
            path: Vec::new(),
            reserved_key: false,
        }))
    }

    pub(super) fn reserved_key(offset: usize) -> Self {
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
