//! License.rocks replies: wrong types, missing fields and nulls, and what must be kept.

use super::corpus::*;
#[allow(unused_imports)]
use serde_json::{json, Value};
use web3_orders::Provider::*;
use Body::Mutated;
use Expect::*;

const LR: &str = "license-rocks/get-orders.200.json";
const LR_NEW: &str = "license-rocks/create-orders.200.json";

pub fn cases() -> Vec<Case> {
    vec![
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
    ]
}
