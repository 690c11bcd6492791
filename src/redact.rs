//! What is kept from view: credentials in error messages ([`secret`]), and what
//! the Worker leaves out of License.rocks orders unless `EXPOSE_BUYER_PII` is
//! `"true"` ([`order`]): buyer personal data and every secret a browser must not see.

use serde_json::Value;

/// Buyer fields that identify or reach the person, or tie them to a payment
/// provider. The wallet address is on the list too: License.rocks' docs count it as
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

/// Below this length a credential is a placeholder (`"t"`, `"key"`), and
/// replacing it wherever its letters occur would garble the message.
const SHORT_SECRET: usize = 8;

/// `text` with every occurrence of `secret` replaced by `[redacted]`. A secret
/// shorter than 8 bytes is replaced only where it stands as a whole word (no
/// letter, digit, `-` or `_` touching it), so a test token `"t"` leaves
/// "truncated" alone yet is still taken out of "bad token t". Byte-wise:
/// `str::replace` would bring ~3 KB of substring-search code into the wasm.
/// An empty secret replaces nothing.
pub fn secret(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    let (text, secret) = (text.as_bytes(), secret.as_bytes());
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let whole_word = || !word(i.checked_sub(1).and_then(|j| text.get(j))) && !word(text.get(i + secret.len()));
        if text[i..].starts_with(secret) && (secret.len() >= SHORT_SECRET || whole_word()) {
            out.extend_from_slice(b"[redacted]");
            i += secret.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    // Whole UTF-8 sequences were replaced or kept (a secret is itself UTF-8, so
    // it matches at a char boundary or not at all): this never falls back.
    String::from_utf8(out).unwrap_or_default()
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
    fn secrets_are_replaced_and_short_ones_only_as_words() {
        let long = "sim-license-rocks-token";
        assert_eq!(secret(&format!("bad token {long}!{long}x"), long), "bad token [redacted]![redacted]x");
        assert_eq!(secret("licenseRocks sent a truncated JSON body", "t"), "licenseRocks sent a truncated JSON body");
        assert_eq!(secret("bad token t, try t.", "t"), "bad token [redacted], try [redacted].");
        assert_eq!(secret("t", "t"), "[redacted]");
        assert_eq!(secret("key=abc;abcd abc_1 -abc", "abc"), "key=[redacted];abcd abc_1 -abc");
        assert_eq!(secret("nothing here", ""), "nothing here");
        // Multi-byte text and secrets stay whole.
        assert_eq!(secret("grüße ü grün", "ü"), "grüße [redacted] grün");
        assert_eq!(secret("Schlüssel-äöü-Schlüssel", "Schlüssel-äöü"), "[redacted]-Schlüssel");
    }

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
