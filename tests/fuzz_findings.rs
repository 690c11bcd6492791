//! Inputs a coverage-guided fuzzer found on which the readers disagreed
//! (`tests/fixtures/fuzz-findings/`, and `tests/fuzz-regressions/` for what
//! this project's own fuzz targets found), kept as regression cases: the
//! byte-level check, the serde decoder and serde_json's own grammar must give
//! each the verdict RFC 8259 and the typing rules call for.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use web3_orders::decode::{check, decode};
use web3_orders::providers::capture::CaptureReply;
use web3_orders::providers::license_rocks::{
    new_orders_from_json, new_orders_json, ExternalOrdersReply, NewExternalOrder,
};
use web3_orders::providers::namefi::NamefiOrderDetails;
use web3_orders::{Error, ErrorKind, Provider};

/// What a reader says of a body: accepted, or refused as not JSON, or refused at a path.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Ok,
    NotJson,
    BadAt(String),
}

fn verdict<T>(result: Result<T, Error>) -> Verdict {
    match result {
        Ok(_) => Verdict::Ok,
        Err(e) if e.kind == ErrorKind::InvalidResponse && e.path.is_none() => Verdict::NotJson,
        Err(e) if e.kind == ErrorKind::InvalidResponse => Verdict::BadAt(e.path.unwrap()),
        Err(e) => panic!("unexpected error {e:?}"),
    }
}

/// Check and decode of one model, which must agree.
fn both<T: web3_orders::wire::Check + serde::de::DeserializeOwned>(
    provider: Provider,
    body: &[u8],
) -> Verdict {
    let checked = verdict(check::<T>(provider, 200, body));
    let decoded = verdict(decode::<T>(provider, 200, body));
    assert_eq!(
        checked,
        decoded,
        "check and decode disagree on {}",
        String::from_utf8_lossy(body)
    );
    checked
}

/// serde_json's grammar alone (`IgnoredAny` would skip strings without checking their UTF-8).
fn grammar(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok()
}

/// Our reader's grammar alone.
fn our_grammar(body: &[u8]) -> bool {
    web3_orders::wire::check_bytes::<serde_json::Value>(body).is_ok()
}

fn finding(name: &str) -> Vec<u8> {
    common::fixture(&format!("fuzz-findings/{name}"))
}

fn bad_at(path: &str) -> Verdict {
    Verdict::BadAt(path.to_owned())
}

#[test]
fn a_leading_zero_is_not_json() {
    assert_eq!(
        both::<CaptureReply>(Provider::Capture, &finding("leading-zero/min-capture.json")),
        Verdict::NotJson
    );
    assert_eq!(
        both::<ExternalOrdersReply>(
            Provider::LicenseRocks,
            &finding("leading-zero/min-license-rocks.json")
        ),
        Verdict::NotJson
    );
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &finding("leading-zero/min-namefi.json")),
        Verdict::NotJson
    );
}

#[test]
fn a_number_past_a_fields_range_is_refused_at_its_path() {
    let lr = finding("float-out-of-range/min-license-rocks.json");
    assert!(
        grammar(&lr) && our_grammar(&lr),
        "1e400 is valid JSON (RFC 8259 sets no range)"
    );
    assert_eq!(
        both::<ExternalOrdersReply>(Provider::LicenseRocks, &lr),
        bad_at("orders[0].id")
    );
    let namefi = finding("float-out-of-range/min-namefi.json");
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &namefi),
        bad_at("order.amountInUSDCents")
    );
    let create = String::from_utf8(finding("float-out-of-range/min-new-orders.json")).unwrap();
    let message = new_orders_from_json(&create).unwrap_err();
    assert!(message.starts_with("orders[0].nftId:"), "{message}");
}

#[test]
fn negative_zero_in_an_integer_field_is_refused_at_its_path() {
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &finding("neg-zero/min-namefi.json")),
        bad_at("order.amountInUSDCents")
    );
}

#[test]
fn strings_cut_off_inside_a_sequence_are_not_json() {
    for name in [
        "utf8-eof/min-grammar.bin",
        "utf8-truncated-lead/min-grammar.bin",
        "surrogate-eof/min-grammar.json",
    ] {
        let body = finding(name);
        assert!(!grammar(&body) && !our_grammar(&body), "{name}");
    }
    for name in [
        "utf8-eof/min-namefi.bin",
        "utf8-truncated-lead/min-namefi.bin",
        "surrogate-eof/min-namefi.json",
    ] {
        assert_eq!(
            both::<NamefiOrderDetails>(Provider::Namefi, &finding(name)),
            Verdict::NotJson,
            "{name}"
        );
    }
}

#[test]
fn serde_jsons_private_number_key_is_refused() {
    // serde_json's arbitrary-precision mode reads this object as the number 12.
    let grammar_case = finding("magic-number/min-grammar.json");
    assert!(!our_grammar(&grammar_case));
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &finding("magic-number/min-namefi.json")),
        bad_at("order")
    );
    let capture = finding("capture-number-object/capture-cost-object-accepted-by-decode.json");
    assert_eq!(
        both::<CaptureReply>(Provider::Capture, &capture),
        bad_at("response.cost")
    );
    assert_eq!(
        both::<CaptureReply>(
            Provider::Capture,
            &finding("capture-number-object/min.json")
        ),
        bad_at("response.cost")
    );
}

#[test]
fn repeated_keys_are_refused_at_the_key() {
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &finding("backtick-key/min-nested.json")),
        bad_at("order.`")
    );
    // A repeated empty key at the root: the path can only say the root.
    assert_eq!(
        both::<NamefiOrderDetails>(Provider::Namefi, &finding("root-empty-key/min.json")),
        bad_at("$")
    );
}

fn regression(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz-regressions")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_first_error_in_the_document_is_the_one_reported() {
    // A number past its field's range, then a key that is not UTF-8: the range comes first.
    let body = regression("range-then-bad-utf8.json");
    assert_eq!(
        both::<ExternalOrdersReply>(Provider::LicenseRocks, &body),
        bad_at("orders[0].id")
    );
}

#[test]
fn an_order_to_create_is_an_object_not_an_array_of_its_fields() {
    // serde's derive would read this as {nftId: 5, listingId: 44, quantity: 4, buyerUserId: 5}.
    let body = String::from_utf8(regression("create-order-as-array.json")).unwrap();
    let message = new_orders_from_json(&body).unwrap_err();
    assert!(
        message.starts_with("orders[0]: expected an object"),
        "{message}"
    );
}

#[test]
fn an_order_to_create_is_written_as_serde_json_writes_it_control_characters_included() {
    // A billing street holding a backspace (`\b`): serde_json writes `\b` and `\f` short.
    let body = String::from_utf8(regression("create-backspace-in-string.json")).unwrap();
    let ours = new_orders_from_json(&body).unwrap();
    let serde: Vec<NewExternalOrder> = serde_json::from_str(&body).unwrap();
    assert_eq!(ours, serde);
    assert_eq!(
        new_orders_json(&ours),
        serde_json::to_string(&serde).unwrap()
    );
    let every_control: String = (0u8..0x20).map(char::from).collect();
    let body = format!(
        r#"[{{"nftId":1,"listingId":1,"quantity":1,"buyerUserId":1,"buyerBillingData":{{"street":{}}}}}]"#,
        serde_json::to_string(&every_control).unwrap()
    );
    let ours = new_orders_from_json(&body).unwrap();
    let serde: Vec<NewExternalOrder> = serde_json::from_str(&body).unwrap();
    assert_eq!(
        new_orders_json(&ours),
        serde_json::to_string(&serde).unwrap()
    );
}
