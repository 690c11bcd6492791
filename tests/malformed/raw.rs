//! Bodies that are not JSON at all, cut short or nested too deep, and error
//! statuses with and without the provider's shape.

use super::corpus::*;
#[allow(unused_imports)]
use serde_json::{json, Value};
use web3_orders::Provider::*;
use Expect::*;

const LR: &str = "license-rocks/get-orders.200.json";
const CP: &str = "capture/query-order.200.json";

pub fn cases() -> Vec<Case> {
    // Bodies that are not JSON at all.
    let full = crate::common::fixture(LR);
    vec![
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
            &[&crate::common::fixture(CP)[..], b"}"].concat(),
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
            &crate::common::fixture("namefi/error.404.json"),
            Api(Some("NOT_FOUND")),
        ),
        raw(
            "license.rocks 400",
            LicenseRocks,
            400,
            &crate::common::fixture("license-rocks/get-orders.400.missing.json"),
            Api(None),
        ),
        raw("redirect", Namefi, 302, b"", Http),
    ]
}
