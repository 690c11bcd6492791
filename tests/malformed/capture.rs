//! Capture replies, and numbers JSON.parse would turn into Infinity (the
//! largest finite ones pass).

use super::corpus::*;
#[allow(unused_imports)]
use serde_json::{json, Value};
use web3_orders::Provider::*;
use Body::{Mutated, Raw};
use Expect::*;

const CP: &str = "capture/query-order.200.json";

pub fn cases() -> Vec<Case> {
    let mut cases = vec![
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
    // Numbers that JSON.parse would turn into Infinity; the largest finite ones pass.
    let capture = String::from_utf8(crate::common::fixture(CP)).unwrap();
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
