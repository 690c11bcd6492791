//! Namefi replies, including what the production schema allows and the docs' example hides.

use super::corpus::*;
#[allow(unused_imports)]
use serde_json::{json, Value};
use web3_orders::Provider::*;
use Body::Mutated;
use Expect::*;

const NF: &str = "namefi/get-order.200.json";

pub fn cases() -> Vec<Case> {
    vec![
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
    ]
}
