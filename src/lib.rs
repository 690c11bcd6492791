//! Typed, validated clients for three web3 order APIs: Numbers Protocol Capture,
//! Namefi and License.rocks Creators Hub instances.
//!
//! - [`providers`]: one module per provider, holding everything about it: its
//!   models (plain data, no I/O), its endpoints and credentials, and how a reply
//!   (status + body) becomes a result or an [`Error`].
//! - [`wire`]: the model macros and checked scalars the providers' models use.
//! - [`json`] and [`decode`]: bytes checked against those models (or decoded
//!   into them), failing with the JSON path of the first bad field.
#![deny(missing_docs, missing_debug_implementations)]

// talc in place of Rust's default dlmalloc: ~2.8 KB less gzip, and less code
// for V8 to compile on the first call (docs/performance.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod checks;
pub mod decode;
pub mod error;
pub mod json;
pub mod policy;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod promise;
pub mod providers;
pub mod redact;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod task;
#[cfg(target_arch = "wasm32")]
pub mod transport;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
pub mod wire;
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
pub mod worker;

pub use error::{Error, ErrorKind, Provider};
