//! The malformed-response corpus: mutations of the documented examples, each with
//! the outcome it must have. Type errors must name the provider and the JSON path.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::fixture_value;
use serde_json::{json, Value};
use web3_orders::providers::{capture, license_rocks, namefi};
use web3_orders::{Error, ErrorKind, Provider};

#[derive(Debug)]
enum Expect {
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

enum Body {
    /// A fixture with a mutation applied.
    Mutated(&'static str, fn(&mut Value)),
    /// Raw bytes.
    Raw(Vec<u8>),
}

struct Case {
    name: &'static str,
    provider: Provider,
    status: u16,
    body: Body,
    expect: Expect,
}

/// Replaces the value at `pointer`, or adds the key when its parent is an object.
fn set(v: &mut Value, pointer: &str, new: Value) {
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

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .expect("key to remove");
}

/// A nested value `depth` levels deep.
fn nested(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// The documented GET reply with one NFT payload nested 100,000 levels deep.
fn deeply_nested_payload() -> Vec<u8> {
    let text = String::from_utf8(common::fixture("license-rocks/get-orders.200.json")).unwrap();
    let at = text.find("\"payload\": {").unwrap() + "\"payload\": ".len();
    format!(
        "{}{{\"deep\":{}, {}",
        &text[..at],
        nested(100_000),
        &text[at + 1..]
    )
    .into_bytes()
}

fn cases() -> Vec<Case> {
    use Body::{Mutated, Raw};
    use Expect::*;
    use Provider::*;
    const LR: &str = "license-rocks/get-orders.200.json";
    const LR_NEW: &str = "license-rocks/create-orders.200.json";
    const NF: &str = "namefi/get-order.200.json";
    const CP: &str = "capture/query-order.200.json";
    let case = |name, provider, body, expect| Case {
        name,
        provider,
        status: 200,
        body,
        expect,
    };
    let mut cases = vec![
        // License.rocks: wrong types.
        case(
            "priceWei as a number",
            LicenseRocks,
            Mutated(LR, |v| {
                set(
                    v,
                    "/orders/1/orderItems/0/listing/priceWei",
                    json!(13422818791946309000u64),
                )
            }),
            BadAt("orders[1].orderItems[0].listing.priceWei"),
        ),
        case(
            "priceWei not decimal",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/1/orderItems/0/listing/priceWei", json!("13e18"))
            }),
            BadAt("orders[1].orderItems[0].listing.priceWei"),
        ),
        case(
            "priceEths with a comma",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/priceEths", json!("13,42"))
            }),
            BadAt("orders[0].orderItems[0].priceEths"),
        ),
        case(
            "totalPriceEth as a float",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/totalPriceEth", json!(13.42))),
            BadAt("orders[0].totalPriceEth"),
        ),
        case(
            "id as a string",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/id", json!("1"))),
            BadAt("orders[0].id"),
        ),
        case(
            "id as a float",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/id", json!(1.5))),
            BadAt("orders[0].id"),
        ),
        case(
            "id beyond 2^53",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/id", json!(9007199254740993u64))),
            BadAt("orders[0].id"),
        ),
        case(
            "cents beyond i64",
            LicenseRocks,
            Mutated(LR, |v| {
                set(
                    v,
                    "/orders/1/totalPriceCents",
                    serde_json::from_str("100000000000000000000000000000").unwrap(),
                )
            }),
            BadAt("orders[1].totalPriceCents"),
        ),
        case(
            "cents as a float",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/priceCents", json!(20.5))
            }),
            BadAt("orders[0].orderItems[0].priceCents"),
        ),
        case(
            "bool as a string",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/listing/active", json!("true"))
            }),
            BadAt("orders[0].orderItems[0].listing.active"),
        ),
        case(
            "orderItems as an object",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/orderItems", json!({}))),
            BadAt("orders[0].orderItems"),
        ),
        case(
            "orders as an object",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders", json!({"1": {}}))),
            BadAt("orders"),
        ),
        case(
            "enum as a number",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/listing/type", json!(1))
            }),
            BadAt("orders[0].orderItems[0].listing.type"),
        ),
        case(
            "nullable amount as a string",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/listing/amount", json!("5"))
            }),
            BadAt("orders[0].orderItems[0].listing.amount"),
        ),
        case(
            "secretPhrase as a number",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/nft/secretPhrase", json!(5))
            }),
            BadAt("orders[0].orderItems[0].nft.secretPhrase"),
        ),
        // License.rocks: missing fields and nulls where not allowed.
        case(
            "missing buyer email",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders/0/buyer/email")),
            BadAt("orders[0].buyer.email"),
        ),
        case(
            "missing nft payload",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders/1/orderItems/0/nft/payload")),
            BadAt("orders[1].orderItems[0].nft.payload"),
        ),
        case(
            "missing ProductType",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders/0/ProductType")),
            BadAt("orders[0].ProductType"),
        ),
        case(
            "missing nullable key",
            LicenseRocks,
            Mutated(LR, |v| {
                remove(v, "/orders/0/orderItems/0/listing/activeTill")
            }),
            BadAt("orders[0].orderItems[0].listing.activeTill"),
        ),
        case(
            "missing orders key",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders")),
            BadAt("orders"),
        ),
        case(
            "null cents",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/totalPriceCents", Value::Null)),
            BadAt("orders[0].totalPriceCents"),
        ),
        case(
            "null buyer",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/buyer", Value::Null)),
            BadAt("orders[0].buyer"),
        ),
        case(
            "null listing",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/1/orderItems/0/listing", Value::Null)
            }),
            BadAt("orders[1].orderItems[0].listing"),
        ),
        case(
            "top level an array",
            LicenseRocks,
            Mutated(LR, |v| *v = json!([1, 2])),
            BadAt("$"),
        ),
        case(
            "orders and error both null",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders", Value::Null)),
            BadAt("orders"),
        ),
        // License.rocks: what must be accepted and kept.
        case(
            "unknown listing type",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/listing/type", json!("dutch"))
            }),
            RoundTrips,
        ),
        case(
            "extra field on order",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/newField", json!({"a": [1, 2.5]}))),
            RoundTrips,
        ),
        case(
            "extra field on listing",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/1/orderItems/0/listing/extra", json!("x"))
            }),
            RoundTrips,
        ),
        case(
            "buyer absent",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders/0/buyer")),
            RoundTrips,
        ),
        case(
            "null-only field now an object",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/orders/0/failReason", json!({"code": 7}))),
            RoundTrips,
        ),
        case(
            "null-only field absent",
            LicenseRocks,
            Mutated(LR, |v| remove(v, "/orders/0/failReason")),
            RoundTrips,
        ),
        case(
            "listing amount null",
            LicenseRocks,
            Mutated(LR, |v| {
                set(v, "/orders/0/orderItems/0/listing/amount", Value::Null)
            }),
            RoundTrips,
        ),
        case(
            "huge number in payload kept exactly",
            LicenseRocks,
            Mutated(LR, |v| {
                set(
                    v,
                    "/orders/0/orderItems/0/nft/payload/big",
                    serde_json::from_str("1e400").unwrap(),
                )
            }),
            RoundTrips,
        ),
        case(
            "create reply with new status",
            LicenseRocks,
            Mutated(LR_NEW, |v| set(v, "/orders/0/status", json!("paid"))),
            RoundTrips,
        ),
        case(
            "error string with 200",
            LicenseRocks,
            Mutated(LR, |v| set(v, "/error", json!("Something broke"))),
            Api(None),
        ),
        // Namefi.
        case(
            "int32 overflow",
            Namefi,
            Mutated(NF, |v| {
                set(v, "/order/amountInUSDCents", json!(2147483648u64))
            }),
            BadAt("order.amountInUSDCents"),
        ),
        case(
            "cents as a float",
            Namefi,
            Mutated(NF, |v| set(v, "/items/0/amountInUSDCents", json!(9.99))),
            BadAt("items[0].amountInUSDCents"),
        ),
        case(
            "mint tx hash as a number",
            Namefi,
            Mutated(NF, |v| {
                set(
                    v,
                    "/order/metadata/mintTransactions/property2/txHash",
                    json!(7),
                )
            }),
            BadAt("order.metadata.mintTransactions.property2.txHash"),
        ),
        case(
            "missing payment status",
            Namefi,
            Mutated(NF, |v| remove(v, "/payments/0/status")),
            BadAt("payments[0].status"),
        ),
        case(
            "null user",
            Namefi,
            Mutated(NF, |v| set(v, "/user", Value::Null)),
            BadAt("user"),
        ),
        case(
            "items null",
            Namefi,
            Mutated(NF, |v| set(v, "/items", Value::Null)),
            BadAt("items"),
        ),
        case(
            "metadata freeClaim as a string",
            Namefi,
            Mutated(NF, |v| set(v, "/items/0/metadata/freeClaim", json!("yes"))),
            BadAt("items[0].metadata.freeClaim"),
        ),
        case(
            "unknown item type",
            Namefi,
            Mutated(NF, |v| set(v, "/items/0/type", json!("TRANSFER"))),
            RoundTrips,
        ),
        case(
            "new item metadata keys",
            Namefi,
            Mutated(NF, |v| {
                set(v, "/items/0/metadata/kyc", json!({"kind": "KYC"}))
            }),
            RoundTrips,
        ),
        case(
            "requiredAction as an object",
            Namefi,
            Mutated(NF, |v| {
                set(
                    v,
                    "/items/0/metadata/requiredAction",
                    json!({"kind": "KYC"}),
                )
            }),
            BadAt("items[0].metadata.requiredAction"),
        ),
        case(
            "failureDetails without resolution",
            Namefi,
            Mutated(NF, |v| {
                set(
                    v,
                    "/items/0/metadata/failureDetails",
                    json!({"requiredAction": "EPP_UNLOCK_REQUIRED", "recordedAt": "2026-01-01T00:00:00Z"}),
                )
            }),
            BadAt("items[0].metadata.failureDetails.resolution"),
        ),
        case(
            "metadata without known keys",
            Namefi,
            Mutated(NF, |v| {
                set(v, "/order/metadata", json!({"anything": [null]}))
            }),
            RoundTrips,
        ),
        case(
            "unknown payment provider",
            Namefi,
            Mutated(NF, |v| {
                set(v, "/payments/0/paymentProvider", json!("PAYPAL"))
            }),
            RoundTrips,
        ),
        // Namefi: what the production schema allows and the docs' example hides.
        case(
            "an unpaid Stripe order",
            Namefi,
            Mutated(NF, |v| {
                set(v, "/order/nftWalletAddress", Value::Null);
                set(v, "/order/nftChainId", Value::Null);
                set(v, "/order/metadata", Value::Null);
                set(v, "/order/startedAt", Value::Null);
                set(v, "/order/finishedAt", Value::Null);
                set(v, "/items/0/encryptionKeyId", Value::Null);
                set(v, "/items/0/encryptedEppAuthorizationCode", Value::Null);
                set(v, "/items/0/status", Value::Null);
                remove(v, "/items/0/metadata");
                set(v, "/payments/0/paymentProvider", json!("STRIPE"));
                set(v, "/payments/0/paymentProviderReferenceId", Value::Null);
                set(v, "/payments/0/nfscPaymentDetails", Value::Null);
                set(
                    v,
                    "/payments/0/stripePaymentDetails",
                    json!({"paymentMethodId": "pm_1"}),
                );
                set(v, "/payments/0/metadata", Value::Null);
                set(v, "/payments/0/x402PaymentDetails", Value::Null);
                set(v, "/user/primaryEmail", Value::Null);
                set(v, "/user/stripeCustomerId", Value::Null);
                set(v, "/user/lastSignInAt", Value::Null);
            }),
            RoundTrips,
        ),
        case(
            "an NFSC top-up without items",
            Namefi,
            Mutated(NF, |v| set(v, "/items", json!([]))),
            RoundTrips,
        ),
        case(
            "null order id",
            Namefi,
            Mutated(NF, |v| set(v, "/order/id", Value::Null)),
            BadAt("order.id"),
        ),
        case(
            "null order status",
            Namefi,
            Mutated(NF, |v| set(v, "/order/status", Value::Null)),
            BadAt("order.status"),
        ),
        case(
            "null item type",
            Namefi,
            Mutated(NF, |v| set(v, "/items/0/type", Value::Null)),
            BadAt("items[0].type"),
        ),
        case(
            "missing nftWalletAddress",
            Namefi,
            Mutated(NF, |v| remove(v, "/order/nftWalletAddress")),
            BadAt("order.nftWalletAddress"),
        ),
        case(
            "missing item status",
            Namefi,
            Mutated(NF, |v| remove(v, "/items/0/status")),
            BadAt("items[0].status"),
        ),
        case(
            "startedAt as a number",
            Namefi,
            Mutated(NF, |v| set(v, "/payments/0/startedAt", json!(1))),
            BadAt("payments[0].startedAt"),
        ),
        case(
            "null privyUserId",
            Namefi,
            Mutated(NF, |v| set(v, "/user/privyUserId", Value::Null)),
            BadAt("user.privyUserId"),
        ),
        case(
            "null payment amount",
            Namefi,
            Mutated(NF, |v| set(v, "/payments/0/amountInUSDCents", Value::Null)),
            BadAt("payments[0].amountInUSDCents"),
        ),
        case(
            "nftChainId as a string",
            Namefi,
            Mutated(NF, |v| set(v, "/order/nftChainId", json!("8453"))),
            BadAt("order.nftChainId"),
        ),
        // Capture.
        case(
            "a paid order without result_url",
            Capture,
            Mutated(CP, |v| {
                set(v, "/response/status", json!("paid"));
                remove(v, "/response/result_url");
            }),
            RoundTrips,
        ),
        case(
            "a null result_url",
            Capture,
            Mutated(CP, |v| set(v, "/response/result_url", Value::Null)),
            RoundTrips,
        ),
        case(
            "a decimal cost",
            Capture,
            Mutated(CP, |v| set(v, "/response/cost", json!(0.05))),
            RoundTrips,
        ),
        case(
            "result_url as a number",
            Capture,
            Mutated(CP, |v| set(v, "/response/result_url", json!(1))),
            BadAt("response.result_url"),
        ),
        case(
            "cost as a string",
            Capture,
            Mutated(CP, |v| set(v, "/response/cost", json!("2"))),
            BadAt("response.cost"),
        ),
        case(
            "missing nid",
            Capture,
            Mutated(CP, |v| remove(v, "/response/nid")),
            BadAt("response.nid"),
        ),
        case(
            "missing response",
            Capture,
            Mutated(CP, |v| remove(v, "/response")),
            BadAt("response"),
        ),
        case(
            "status as a number",
            Capture,
            Mutated(CP, |v| set(v, "/status", json!(1))),
            BadAt("status"),
        ),
        case(
            "fractional cost kept exactly",
            Capture,
            Mutated(CP, |v| {
                set(
                    v,
                    "/response/cost",
                    serde_json::from_str("0.1000000000000000055511").unwrap(),
                )
            }),
            RoundTrips,
        ),
        case(
            "unknown order status",
            Capture,
            Mutated(CP, |v| set(v, "/response/status", json!("pending"))),
            RoundTrips,
        ),
        case(
            "error status with message",
            Capture,
            Mutated(CP, |v| {
                *v = json!({"status": "error", "message": "Order not found"})
            }),
            Api(Some("error")),
        ),
    ];
    // Bodies that are not JSON at all.
    let raw = |name, provider, status, body: &[u8], expect| Case {
        name,
        provider,
        status,
        body: Raw(body.to_vec()),
        expect,
    };
    let full = common::fixture(LR);
    cases.extend([
        raw(
            "truncated body",
            LicenseRocks,
            200,
            &full[..full.len() / 2],
            NotJson,
        ),
        raw(
            "HTML body",
            LicenseRocks,
            200,
            b"<html><body>Bad gateway</body></html>",
            NotJson,
        ),
        raw("empty body", Namefi, 200, b"", NotJson),
        raw(
            "trailing garbage",
            Capture,
            200,
            &[&common::fixture(CP)[..], b"}"].concat(),
            NotJson,
        ),
        raw(
            "invalid UTF-8 in a string",
            Capture,
            200,
            b"{\"status\":\"succ\xff\xfe\"}",
            NotJson,
        ),
        raw(
            "deep nesting",
            LicenseRocks,
            200,
            &deeply_nested_payload(),
            NotJson,
        ),
        raw(
            "duplicate key",
            LicenseRocks,
            200,
            b"{\"orders\":[],\"orders\":[],\"error\":null}",
            BadAt("orders"),
        ),
        raw(
            "NaN literal",
            Capture,
            200,
            b"{\"status\":\"success\",\"response\":{\"cost\":NaN}}",
            NotJson,
        ),
        raw(
            "proxy 502 HTML",
            Namefi,
            502,
            b"<html>502 Bad Gateway</html>",
            Http,
        ),
        raw("proxy 503 empty", LicenseRocks, 503, b"", Http),
        raw("capture 500 text", Capture, 500, b"Internal error", Http),
        raw(
            "namefi 404 oRPC",
            Namefi,
            404,
            &common::fixture("namefi/error.404.json"),
            Api(Some("NOT_FOUND")),
        ),
        raw(
            "license.rocks 400",
            LicenseRocks,
            400,
            &common::fixture("license-rocks/get-orders.400.missing.json"),
            Api(None),
        ),
        raw("redirect", Namefi, 302, b"", Http),
    ]);
    // Numbers that JSON.parse would turn into Infinity; the largest finite ones pass.
    let capture = String::from_utf8(common::fixture(CP)).unwrap();
    let cost = |value: &str| {
        capture
            .replace("\"cost\": 2,", &format!("\"cost\": {value},"))
            .into_bytes()
    };
    for (name, value) in [
        ("cost overflowing to Infinity", "1e400"),
        ("negative cost overflowing", "-1.8e308"),
    ] {
        cases.push(Case {
            name,
            provider: Capture,
            status: 200,
            body: Raw(cost(value)),
            expect: BadAt("response.cost"),
        });
    }
    for (name, value) in [
        ("the largest finite cost", "1.7976931348623157e308"),
        ("a 30-digit cost", "123456789012345678901234567890"),
    ] {
        cases.push(Case {
            name,
            provider: Capture,
            status: 200,
            body: Raw(cost(value)),
            expect: RoundTrips,
        });
    }
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
