//! Every reply model: the byte-level check (what the wasm runs) and the serde
//! decoder agree on the verdict (accepted, not JSON, or refused at one path);
//! an accepted body re-encodes to exactly what came; the reader's grammar is
//! serde_json's. Nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use web3_orders::decode::{check, decode};
use web3_orders::providers::capture::CaptureReply;
use web3_orders::providers::license_rocks::ExternalOrdersReply;
use web3_orders::providers::namefi::NamefiOrderDetails;
use web3_orders::wire::{check_bytes, Check};
use web3_orders::{Error, ErrorKind, Provider};

#[derive(Debug, PartialEq)]
enum Verdict {
    Ok,
    NotJson,
    BadAt(String),
}

fn verdict<T>(result: &Result<T, Error>) -> Verdict {
    match result {
        Ok(_) => Verdict::Ok,
        Err(e) => {
            assert_eq!(e.kind, ErrorKind::InvalidResponse, "{e:?}");
            e.path.clone().map_or(Verdict::NotJson, Verdict::BadAt)
        }
    }
}

fn agree<T: Check + DeserializeOwned + Serialize>(
    provider: Provider,
    body: &[u8],
    parsed: Option<&Value>,
) {
    let checked = check::<T>(provider, 200, body);
    let decoded = decode::<T>(provider, 200, body);
    let (c, d) = (verdict(&checked), verdict(&decoded));
    // serde_json reads an object in a number field looking for its private
    // number key, so a broken object there is a syntax error to it; the check
    // refuses the object at once (tests/malformed.rs lists this too).
    let number_object = matches!(&c, Verdict::BadAt(p) if p.ends_with(".cost") || p.ends_with(".gas") || p.ends_with(".chainId"))
        && d == Verdict::NotJson;
    if !number_object {
        assert_eq!(c, d, "check and decode disagree");
    }
    if let Ok(typed) = decoded {
        let again = serde_json::to_value(&typed).expect("re-encodes");
        assert_eq!(
            Some(&again),
            parsed,
            "an accepted body re-encodes to what came"
        );
    }
}

fuzz_target!(|body: &[u8]| {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let ours = check_bytes::<Value>(body).is_ok();
    // The one key serde_json reads as a number is refused by the reader.
    if !web3_orders::json::has_reserved_key(body) {
        assert_eq!(
            ours,
            parsed.is_some(),
            "the reader's grammar differs from serde_json's"
        );
    } else {
        assert!(!ours);
    }
    agree::<CaptureReply>(Provider::Capture, body, parsed.as_ref());
    agree::<NamefiOrderDetails>(Provider::Namefi, body, parsed.as_ref());
    agree::<ExternalOrdersReply>(Provider::LicenseRocks, body, parsed.as_ref());
});
