//! What the Worker leaves out of License.rocks orders unless `EXPOSE_BUYER_PII`
//! is `"true"`: buyer personal data and every secret a browser must not see.

use serde_json::Value;

/// Buyer fields that identify or reach the person, or tie them to a payment
/// provider. The wallet address is on the list too: PROVIDERS.md counts it as
/// personal data, and it links the person to everything on chain.
const BUYER_FIELDS: [&str; 7] =
    ["email", "ipAddress", "ethereumPublicAddr", "walletNonce", "stripeConnectId", "secupayExternalId", "simplexId"];
/// Order fields naming the payment provider's own records.
const ORDER_FIELDS: [&str; 1] = ["providerId"];

/// Removes, in place: the buyer fields above; the order's payment-provider id;
/// every `secupay*` key and every `secretPhrase` key at any depth (the NFT's
/// and the copies inside its free-form payload).
pub fn order(order: &mut Value) {
    if let Some(buyer) = order.get_mut("buyer").and_then(Value::as_object_mut) {
        for field in BUYER_FIELDS {
            buyer.remove(field);
        }
    }
    if let Some(object) = order.as_object_mut() {
        for field in ORDER_FIELDS {
            object.remove(field);
        }
    }
    strip_everywhere(order);
}

fn strip_everywhere(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| key != "secretPhrase" && !key.starts_with("secupay"));
            map.values_mut().for_each(strip_everywhere);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_everywhere),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_out_personal_data_and_secrets_at_any_depth() {
        let text = include_str!("../tests/fixtures/license-rocks/get-orders.200.json");
        let mut reply: Value = serde_json::from_str(text).unwrap();
        for o in reply["orders"].as_array_mut().unwrap() {
            order(o);
        }
        let out = reply.to_string();
        for gone in [
            "adam@licenserocks.de",
            "::ffff:127.0.0.1",
            "Geheimbotschaft",
            "a6a08c57-9fb3-4eb1-b569-c8450355cd3c",
            "\"email\"",
            "\"ipAddress\"",
            "\"walletNonce\"",
            "secupay",
            "secretPhrase",
            "providerId",
        ] {
            assert!(!out.contains(gone), "{gone} is still there");
        }
        assert!(!out.contains("0xBA53a45AaeaD689dD74eB7Cf338c5e9206A660f8"));
        // What is not personal stays.
        assert!(out.contains("\"buyerId\":24"));
        assert!(out.contains("13422818791946309000"));
    }
}
