//! The malformed-response corpus: mutations of the documented examples, each with
//! the outcome it must have. Type errors must name the provider and the JSON path.

#![cfg(not(target_arch = "wasm32"))]

#[path = "malformed/capture.rs"]
mod capture_cases;
mod common;
#[path = "malformed/corpus.rs"]
mod corpus;
#[path = "malformed/license_rocks.rs"]
mod license_rocks_cases;
#[path = "malformed/namefi.rs"]
mod namefi_cases;
#[path = "malformed/raw.rs"]
mod raw_cases;

use common::fixture_value;
use corpus::{Body, Case, Expect};
use serde_json::{json, Value};
use web3_orders::providers::{capture, license_rocks, namefi};
use web3_orders::{Error, ErrorKind, Provider};

/// Every case: per provider, then bodies that are not JSON.
fn cases() -> Vec<Case> {
    let mut cases = license_rocks_cases::cases();
    cases.extend(namefi_cases::cases());
    cases.extend(capture_cases::cases());
    cases.extend(raw_cases::cases());
    cases
}

fn interpret(provider: Provider, status: u16, body: &[u8]) -> Result<Value, Error> {
    match provider {
        Provider::Capture => capture::interpret_reply(status, body)
            .map(|o| json!({"status": "success", "response": o})),
        Provider::Namefi => {
            namefi::interpret_reply(status, body).map(|o| serde_json::to_value(o).unwrap())
        }
        Provider::LicenseRocks => license_rocks::interpret_reply(status, body)
            .map(|o| json!({"orders": o, "error": null})),
    }
}

#[test]
fn the_corpus_is_large_enough() {
    assert!(cases().len() >= 40, "{}", cases().len());
}

#[test]
fn every_malformed_variant_has_its_expected_outcome() {
    let mut failures = Vec::new();
    for case in cases() {
        let (bytes, input) = match &case.body {
            Body::Mutated(name, mutate) => {
                let mut v = fixture_value(name);
                mutate(&mut v);
                (serde_json::to_vec(&v).unwrap(), Some(v))
            }
            Body::Raw(bytes) => (bytes.clone(), serde_json::from_slice(bytes).ok()),
        };
        let outcome = interpret(case.provider, case.status, &bytes);
        let ok = match (&case.expect, &outcome) {
            (Expect::RoundTrips, Ok(v)) => Some(v) == input.as_ref(),
            (Expect::BadAt(path), Err(e)) => {
                e.kind == ErrorKind::InvalidResponse
                    && e.path.as_deref() == Some(*path)
                    && e.message.contains(path)
                    && e.message.starts_with(case.provider.as_str())
                    && !e.retryable
            }
            (Expect::NotJson, Err(e)) => e.kind == ErrorKind::InvalidResponse && e.path.is_none(),
            (Expect::Api(code), Err(e)) => e.kind == ErrorKind::Api && e.code.as_deref() == *code,
            (Expect::Http, Err(e)) => e.kind == ErrorKind::Http && e.status == Some(case.status),
            _ => false,
        };
        let provider_ok = outcome
            .as_ref()
            .err()
            .map_or(true, |e| e.provider == case.provider);
        if !ok || !provider_ok {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name,
                case.expect,
                outcome.map(|_| "Ok")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn retryable_follows_the_status() {
    let e = namefi::interpret_reply(503, b"<html/>").unwrap_err();
    assert!(e.retryable);
    let e = namefi::interpret_reply(401, &common::fixture("namefi/error.401.json")).unwrap_err();
    assert!(!e.retryable);
}

/// The fast path (check in place, decode only on failure) must give the same
/// outcome as decoding, error kind and path included, on every case.
#[test]
fn the_check_pass_agrees_with_decoding_on_every_case() {
    let mut compared = 0;
    for case in cases() {
        let bytes = match &case.body {
            Body::Mutated(name, mutate) => {
                let mut v = fixture_value(name);
                mutate(&mut v);
                serde_json::to_vec(&v).unwrap()
            }
            Body::Raw(bytes) => bytes.clone(),
        };
        let (checked, decoded) = match case.provider {
            Provider::LicenseRocks => (
                license_rocks::check_reply(case.status, &bytes).map(|_| ()),
                license_rocks::interpret_reply(case.status, &bytes).map(|_| ()),
            ),
            Provider::Namefi => (
                namefi::check_reply(case.status, &bytes),
                namefi::interpret_reply(case.status, &bytes).map(|_| ()),
            ),
            Provider::Capture => (
                capture::check_reply(case.status, &bytes),
                capture::interpret_reply(case.status, &bytes).map(|_| ()),
            ),
        };
        let summary = |r: &Result<(), Error>| {
            r.as_ref()
                .map_err(|e| (e.kind, e.path.clone(), e.status, e.code.clone()))
                .err()
        };
        assert_eq!(summary(&checked), summary(&decoded), "{}", case.name);
        compared += 1;
    }
    assert!(compared > 40, "{compared}");
}

/// What a caller sees of a failure: kind, path, status, code.
type Summary = Option<(ErrorKind, Option<String>, Option<u16>, Option<String>)>;

/// Check and decode, summarised.
fn both(provider: Provider, body: &[u8]) -> [Summary; 2] {
    let (checked, decoded) = match provider {
        Provider::LicenseRocks => (
            license_rocks::check_reply(200, body).map(|_| ()),
            license_rocks::interpret_reply(200, body).map(|_| ()),
        ),
        Provider::Namefi => (
            namefi::check_reply(200, body),
            namefi::interpret_reply(200, body).map(|_| ()),
        ),
        Provider::Capture => (
            capture::check_reply(200, body),
            capture::interpret_reply(200, body).map(|_| ()),
        ),
    };
    let summary = |r: Result<(), Error>| r.map_err(|e| (e.kind, e.path, e.status, e.code)).err();
    [summary(checked), summary(decoded)]
}

/// The byte-level reader against serde_json on thousands of broken bodies:
/// every truncation of every documented reply, and at every position a byte
/// swapped for one that breaks syntax, types or UTF-8 in a different way.
#[test]
fn the_check_pass_agrees_with_decoding_byte_by_byte() {
    let fixtures = [
        (Provider::LicenseRocks, "license-rocks/get-orders.200.json"),
        (
            Provider::LicenseRocks,
            "license-rocks/create-orders.200.json",
        ),
        (Provider::Namefi, "namefi/get-order.200.json"),
        (Provider::Capture, "capture/query-order.200.json"),
    ];
    let swaps: &[&[u8]] = &[
        b"x", b"\"", b"1", b"-", b"{", b"]", b",", b"\\", b"\x01", b"\xff", b"\xc3", b" ", b"n",
        b"\\u", b"0.5", b"}",
    ];
    let mut compared = 0;
    for (provider, name) in fixtures {
        let body = common::fixture(name);
        let mut bodies: Vec<Vec<u8>> = (0..body.len()).map(|n| body[..n].to_vec()).collect();
        // Four swaps a position, rotating, so every swap meets every kind of position.
        for at in 0..body.len() {
            for k in 0..4 {
                let swap = swaps[(at * 4 + k) % swaps.len()];
                bodies.push([&body[..at], swap, &body[at + 1..]].concat());
            }
        }
        for broken in bodies {
            let [checked, decoded] = both(provider, &broken);
            // The one known difference: with arbitrary_precision, serde_json reads an
            // object in a Number field looking for its private number key, so a broken
            // object there is a syntax error to it; the check refuses the object at once.
            let number_field = |s: &Summary| {
                s.as_ref()
                    .and_then(|s| s.1.as_deref())
                    .is_some_and(|p| p == "response.cost" || p == "response.gas")
            };
            if provider == Provider::Capture
                && number_field(&checked)
                && decoded.as_ref().is_some_and(|d| d.1.is_none())
            {
                continue;
            }
            let tail =
                String::from_utf8_lossy(&broken[broken.len().saturating_sub(60)..]).into_owned();
            assert_eq!(checked, decoded, "{name} (len {}): …{tail}", broken.len());
            compared += 1;
        }
    }
    assert!(compared > 80_000, "{compared}");
}
