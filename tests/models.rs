//! Every documented example decodes into the typed models and re-encodes to the same JSON.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{fixture, fixture_value};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use web3_orders::providers::capture::{CaptureOrderStatus, CaptureReply};
use web3_orders::providers::license_rocks::{ExternalOrdersReply, ListingType, NewExternalOrder};
use web3_orders::providers::namefi::{NamefiError, NamefiOrderDetails, NamefiOrderItemType};
use web3_orders::providers::{capture, license_rocks, namefi};
use web3_orders::{ErrorKind, Provider};

fn round_trips<T: DeserializeOwned + Serialize + web3_orders::wire::Check>(name: &str) -> T {
    let bytes = fixture(name);
    let typed: T = web3_orders::decode::decode(Provider::Capture, 200, &bytes)
        .unwrap_or_else(|e| panic!("{name} does not decode: {e}"));
    let again = serde_json::to_value(&typed).unwrap();
    assert_eq!(again, fixture_value(name), "{name} does not round-trip");
    typed
}

#[test]
fn capture_order_decodes_and_round_trips() {
    let reply: CaptureReply = round_trips("capture/query-order.200.json");
    assert_eq!(
        reply.response.order_id,
        "59210ee0-1a4e-451c-b048-c493d9e001ff"
    );
    assert_eq!(reply.response.cost.to_string(), "2");
    assert_eq!(reply.response.status, CaptureOrderStatus::Completed);
    let order = capture::interpret_reply(200, &fixture("capture/query-order.200.json")).unwrap();
    assert_eq!(order, reply.response);
}

#[test]
fn namefi_order_decodes_and_round_trips() {
    let details: NamefiOrderDetails = round_trips("namefi/get-order.200.json");
    assert_eq!(details.order.amount_in_usd_cents, i32::MIN);
    assert_eq!(details.items[0].item_type, NamefiOrderItemType::Register);
    let metadata = details.order.metadata.clone().flatten().unwrap();
    let mints = metadata.mint_transactions.as_ref().unwrap();
    assert_eq!(mints.len(), 2);
    // `property1: null` is an arbitrary metadata key, kept verbatim.
    assert_eq!(metadata.extra.get("property1"), Some(&Value::Null));
    // The docs' example predates `startedAt`/`finishedAt`: absent, not null.
    assert_eq!(details.order.started_at, None);
    assert_eq!(
        namefi::interpret_reply(200, &fixture("namefi/get-order.200.json")).unwrap(),
        details
    );
}

#[test]
fn namefi_error_fixtures_become_api_errors_with_their_code() {
    for status in [400u16, 401, 403, 404, 406, 408, 409, 412, 429, 500] {
        let name = format!("namefi/error.{status}.json");
        let body: NamefiError = round_trips(&name);
        let err = namefi::interpret_reply(status, &fixture(&name)).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Api, "{name}");
        assert_eq!(err.status, Some(status));
        assert_eq!(err.code.as_deref(), Some(body.code.as_str()));
        assert!(err.message.contains(&body.message), "{}", err.message);
        assert_eq!(err.retryable, matches!(status, 408 | 429 | 500), "{name}");
    }
}

#[test]
fn license_rocks_get_reply_decodes_and_round_trips() {
    let reply: ExternalOrdersReply = round_trips("license-rocks/get-orders.200.json");
    let orders = reply.orders.unwrap();
    assert_eq!(orders.len(), 2);
    let listing = &orders[0].order_items[0].listing;
    assert_eq!(listing.price_wei.as_str(), "13422818791946309000");
    assert_eq!(listing.listing_type, ListingType::Auction);
    assert_eq!(
        orders[0].buyer.as_ref().unwrap().email,
        "adam@licenserocks.de"
    );
    assert_eq!(
        orders[0].order_items[0].nft.secret_phrase.as_deref(),
        Some("Geheimbotschaft")
    );
    let via_reply =
        license_rocks::interpret_reply(200, &fixture("license-rocks/get-orders.200.json")).unwrap();
    assert_eq!(via_reply, orders);
}

#[test]
fn license_rocks_create_reply_has_no_buyer_and_round_trips() {
    let reply: ExternalOrdersReply = round_trips("license-rocks/create-orders.200.json");
    let orders = reply.orders.unwrap();
    assert_eq!(
        orders.iter().map(|o| o.id.get()).collect::<Vec<_>>(),
        [42, 43]
    );
    assert!(orders.iter().all(|o| o.buyer.is_none()));
    assert_eq!(orders[1].order_items[0].listing.tx_hash, None);
}

#[test]
fn license_rocks_error_fixtures_become_api_errors() {
    for (name, text) in [
        (
            "license-rocks/get-orders.400.missing.json",
            "Order with ID 3 does not exist.",
        ),
        (
            "license-rocks/get-orders.400.not-a-number.json",
            "One or more IDs are not a number type.",
        ),
    ] {
        let reply: ExternalOrdersReply = round_trips(name);
        assert!(reply.orders.is_none());
        let err = license_rocks::interpret_reply(400, &fixture(name)).unwrap_err();
        assert_eq!(
            (err.kind, err.status, err.retryable),
            (ErrorKind::Api, Some(400), false)
        );
        assert!(err.message.contains(text), "{}", err.message);
    }
}

#[test]
fn license_rocks_create_request_decodes_and_round_trips() {
    let name = "license-rocks/create-orders.request.json";
    let orders: Vec<NewExternalOrder> = serde_json::from_slice(&fixture(name)).unwrap();
    assert_eq!(
        serde_json::to_value(&orders).unwrap(),
        fixture_value(name),
        "{name} does not round-trip"
    );
    assert_eq!(orders.len(), 2);
    assert!(orders
        .iter()
        .all(|o| o.buyer_billing_data.as_ref().unwrap().is_complete()));
    assert_eq!(orders[0].buyer_user_id.get(), 50000);
}

#[test]
fn the_check_pass_accepts_every_documented_example() {
    use web3_orders::wire::check_bytes;
    check_bytes::<CaptureReply>(&fixture("capture/query-order.200.json")).unwrap();
    check_bytes::<NamefiOrderDetails>(&fixture("namefi/get-order.200.json")).unwrap();
    check_bytes::<ExternalOrdersReply>(&fixture("license-rocks/get-orders.200.json")).unwrap();
    check_bytes::<ExternalOrdersReply>(&fixture("license-rocks/create-orders.200.json")).unwrap();
    license_rocks::check_reply(200, &fixture("license-rocks/get-orders.200.json")).unwrap();
    namefi::check_reply(200, &fixture("namefi/get-order.200.json")).unwrap();
}

#[test]
fn create_input_is_read_strictly_with_paths() {
    use web3_orders::providers::license_rocks::new_orders_from_json;
    let text = std::str::from_utf8(&fixture("license-rocks/create-orders.request.json"))
        .unwrap()
        .to_owned();
    assert_eq!(new_orders_from_json(&text).unwrap().len(), 2);
    // What is sent is what serde_json writes for the same orders.
    use web3_orders::providers::license_rocks::new_orders_json;
    let partial = r#"[{"nftId":1,"listingId":2,"quantity":3,"buyerUserId":4,"buyerBillingData":{"street":"A \"B\" \\ \n\u0001 \u00e9","city":null}},
        {"nftId":9007199254740991,"listingId":2,"quantity":3,"buyerUserId":4,"buyerBillingData":null}]"#;
    for input in [text.as_str(), partial] {
        let orders = new_orders_from_json(input).unwrap();
        assert_eq!(
            new_orders_json(&orders),
            serde_json::to_string(&orders).unwrap()
        );
        let via_serde: Vec<NewExternalOrder> = serde_json::from_str(input).unwrap();
        assert_eq!(orders, via_serde);
    }
    let bad = [
        (
            r#"[{"nftId":405,"listingId":2,"quantity":0,"buyerUserId":5}]"#,
            "orders[0].quantity: expected a positive integer",
        ),
        (
            r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5,"buyerBilingData":{}}]"#,
            "unknown field `buyerBilingData`",
        ),
        (
            r#"[{"nftId":405,"listingId":2,"quantity":1}]"#,
            "missing field `buyerUserId`",
        ),
        (
            r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5,"buyerBillingData":{"city":7}}]"#,
            "orders[0].buyerBillingData.city",
        ),
        ("[]", "non-empty"),
        ("{}", "orders: expected an array"),
        (
            r#"[{"nftId":405,"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5}]"#,
            "orders[0].nftId: duplicate field",
        ),
        (
            r#"[{"nftId":405.5,"listingId":2,"quantity":1,"buyerUserId":5}]"#,
            "orders[0].nftId: expected a positive integer",
        ),
        (
            r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5,"buyerBillingData":{"town":"x"}}]"#,
            "unknown field `town`",
        ),
        ("[] []", "not one JSON array"),
    ];
    for (input, needle) in bad {
        let message = new_orders_from_json(input).unwrap_err();
        assert!(message.contains(needle), "{input}: {message}");
        assert!(!message.contains("Error: "), "{message}");
    }
}

/// A 2xx that is not a typed reply with `status: "success"` is read for
/// Bubble's error shapes, whose error wins over the typed pass's.
#[test]
fn capture_error_shapes_in_a_2xx_are_api_errors() {
    let ok = fixture("capture/query-order.200.json");
    let order = r#"{"status":"success","response":{"order_id":1}}"#;
    // The typed pass keeps an unknown status value, as it keeps every enum's,
    // so an error status on a well-formed order is the shapes' to refuse.
    let valid = String::from_utf8(ok.clone()).unwrap();
    let other_status = valid.replacen(r#""success""#, r#""x""#, 1);
    assert_ne!(other_status, valid);
    let cases: [(&[u8], ErrorKind, Option<&str>, &str); 7] = [
        (
            other_status.as_bytes(),
            ErrorKind::Api,
            Some("x"),
            r#"capture answered status "x" (HTTP 200) without a message"#,
        ),
        (
            br#"{"status":"error","message":"Order not found"}"#,
            ErrorKind::Api,
            Some("error"),
            "capture: Order not found",
        ),
        (
            br#"{"statusCode":400,"body":{"status":"MISSING_DATA","message":"Missing order_id"}}"#,
            ErrorKind::InvalidResponse,
            None,
            "",
        ),
        (
            br#"{"error_class":"Unauthorized","args":{},"message":null,"translation":"Invalid token"}"#,
            ErrorKind::Api,
            Some("Unauthorized"),
            "capture: Invalid token",
        ),
        // Not an error shape: the typed pass's own error, naming the path.
        (order.as_bytes(), ErrorKind::InvalidResponse, None, ""),
        // A repeated `status` is no shape either: the typed pass refuses it.
        (
            br#"{"status":"error","status":"success","response":{}}"#,
            ErrorKind::InvalidResponse,
            None,
            "",
        ),
        (b"not json", ErrorKind::InvalidResponse, None, ""),
    ];
    for (body, kind, code, message) in cases {
        let text = String::from_utf8_lossy(body);
        let checked = capture::check_reply(200, body).unwrap_err();
        let decoded = capture::interpret_reply(200, body).unwrap_err();
        assert_eq!((checked.kind, decoded.kind), (kind, kind), "{text}");
        assert_eq!(checked.code.as_deref(), code, "{text}");
        assert_eq!(decoded.code, checked.code, "{text}");
        if kind == ErrorKind::Api {
            assert_eq!(checked.message, message, "{text}");
            assert_eq!(decoded.message, checked.message, "{text}");
        } else {
            assert_eq!(decoded.path, checked.path, "{text}");
        }
    }
    assert!(capture::check_reply(200, &ok).is_ok());
    // Another status reads the shapes, never the typed pass.
    let e = capture::check_reply(404, br#"{"status":"error","message":"gone"}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ErrorKind::Api, "capture: gone")
    );
    let e = capture::check_reply(502, &ok).unwrap_err();
    assert_eq!((e.kind, e.status), (ErrorKind::Http, Some(502)));
}
