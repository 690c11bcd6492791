//! Helpers shared by the native test binaries.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repo's copy of the seed docs' JSON examples.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Raw bytes of a fixture, e.g. `fixture("namefi/get-order.200.json")`.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A fixture parsed as loose JSON, for mutation.
pub fn fixture_value(name: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(name)).unwrap()
}
