//! Typed, validated clients for three web3 order APIs: Numbers Protocol Capture,
//! Namefi and License.rocks Creators Hub instances.
//!
//! - [`models`]: what the APIs send and accept, plain serde types with no I/O.
//! - [`json`] and [`decode`]: bytes checked against those types (or decoded into
//!   them), failing with the JSON path of the first bad field.
//! - [`apis`]: per provider, how a reply (status + body) becomes a result or an [`Error`].
#![deny(missing_docs, missing_debug_implementations)]

pub mod apis;
#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod decode;
pub mod error;
pub mod ids;
pub mod json;
pub mod models;
pub mod policy;
pub mod redact;
#[cfg(target_arch = "wasm32")]
pub mod transport;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
pub mod worker;

pub use error::{Error, ErrorKind, Provider};
