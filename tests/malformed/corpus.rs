//! The shape of a corpus case, and the mutations cases are built with.

use serde_json::Value;
use web3_orders::Provider;

#[derive(Debug)]
pub enum Expect {
    /// Decodes; re-encoding gives back exactly the mutated input.
    RoundTrips,
    /// `invalid_response` with this path.
    BadAt(&'static str),
    /// `invalid_response` that is not about a field (not JSON, truncated, too deep).
    NotJson,
    /// The provider's own error shape.
    Api(Option<&'static str>),
    /// A non-2xx without the provider's shape.
    Http,
}

pub enum Body {
    /// A fixture with a mutation applied.
    Mutated(&'static str, fn(&mut Value)),
    /// Raw bytes.
    Raw(Vec<u8>),
}

pub struct Case {
    pub name: &'static str,
    pub provider: Provider,
    pub status: u16,
    pub body: Body,
    pub expect: Expect,
}

/// Replaces the value at `pointer`, or adds the key when its parent is an object.
pub fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(map) => {
            map.insert(key.to_owned(), new);
        }
        other => {
            *other
                .pointer_mut(&format!("/{key}"))
                .unwrap_or_else(|| panic!("no {pointer}")) = new
        }
    }
}

pub fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .expect("key to remove");
}

/// A nested value `depth` levels deep.
pub fn nested(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// The documented GET reply with one NFT payload nested 100,000 levels deep.
pub fn deeply_nested_payload() -> Vec<u8> {
    let text =
        String::from_utf8(crate::common::fixture("license-rocks/get-orders.200.json")).unwrap();
    let at = text.find("\"payload\": {").unwrap() + "\"payload\": ".len();
    format!(
        "{}{{\"deep\":{}, {}",
        &text[..at],
        nested(100_000),
        &text[at + 1..]
    )
    .into_bytes()
}

/// A 200 reply's case.
pub fn case(name: &'static str, provider: Provider, body: Body, expect: Expect) -> Case {
    Case {
        name,
        provider,
        status: 200,
        body,
        expect,
    }
}

/// A case of raw bytes with their status.
pub fn raw(
    name: &'static str,
    provider: Provider,
    status: u16,
    body: &[u8],
    expect: Expect,
) -> Case {
    Case {
        name,
        provider,
        status,
        body: Body::Raw(body.to_vec()),
        expect,
    }
}
