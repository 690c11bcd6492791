//! What the three APIs send and accept: plain serde types, no I/O.
//!
//! Field names in Rust are snake_case; on the wire (and so in JavaScript) they
//! keep the provider's own names.

pub mod wire;

pub mod capture;
pub mod license_rocks;
pub mod namefi;

pub use wire::{
    check_bytes, Check, DecimalString, Extra, Fields, JsNumber, SafeInt, TsType, MAX_SAFE_INTEGER,
};
