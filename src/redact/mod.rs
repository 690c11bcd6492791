//! What is kept from view: credentials in error messages and bodies
//! ([`secret`]), and what the Worker returns of an order ([`Redactor`],
//! [`allow_list`]): built from an allow-list of the fields the providers document,
//! so a field that is personal or secret, or that nobody documented (a
//! `SecretPhrase`, a `buyer.ip_address`, a new `customer` object), never reaches
//! a browser unless the operator asks for it.

mod allow_list;
mod writer;

pub use allow_list::{CAPTURE_ORDER, EXTERNAL_ORDER};
pub use writer::Redactor;

/// What a documented field holds, for the allow-list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Neither personal nor secret: always returned.
    Public,
    /// Identifies or reaches a person, or ties them to a payment provider.
    Personal,
    /// A secret a browser must not see (an NFT's secret phrase, a webhook token).
    Secret,
}

/// The shape of a documented value.
#[derive(Debug)]
pub enum Shape {
    /// A scalar; an object or array in its place is not documented.
    Scalar,
    /// An object with these fields.
    Object(&'static [Field]),
    /// An array of values of one shape.
    List(&'static Shape),
}

/// One documented field: its wire name, what it holds, and its shape.
pub type Field = (&'static str, Class, Shape);

/// What the operator lets through beyond the public, documented fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exposure {
    /// Personal data and secrets (`EXPOSE_BUYER_PII`).
    pub personal: bool,
    /// Fields and objects nobody documented (`EXPOSE_UNKNOWN_FIELDS`).
    pub unknown: bool,
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
    // A secret sharing letters with the marker can be formed anew where a
    // marker meets the text (`cted]x` from `[redacted]` + `x`): replace until
    // nothing changes, and past a few rounds give up the text altogether.
    // A secret the marker itself holds gets another marker.
    let marker = if replace_secret(MARKER, secret, "") != MARKER {
        "[removed]"
    } else {
        MARKER
    };
    let mut out = replace_secret(text, secret, marker);
    for _ in 0..4 {
        let again = replace_secret(&out, secret, marker);
        if again == out {
            return out;
        }
        out = again;
    }
    marker.to_owned()
}

const MARKER: &str = "[redacted]";

fn replace_secret(text: &str, secret: &str, marker: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    let (text, secret) = (text.as_bytes(), secret.as_bytes());
    let word =
        |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let whole_word = || {
            !word(i.checked_sub(1).and_then(|j| text.get(j))) && !word(text.get(i + secret.len()))
        };
        if text[i..].starts_with(secret) && (secret.len() >= SHORT_SECRET || whole_word()) {
            out.extend_from_slice(marker.as_bytes());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_replaced_and_short_ones_only_as_words() {
        let long = "sim-license-rocks-token";
        assert_eq!(
            secret(&format!("bad token {long}!{long}x"), long),
            "bad token [redacted]![redacted]x"
        );
        assert_eq!(
            secret("licenseRocks sent a truncated JSON body", "t"),
            "licenseRocks sent a truncated JSON body"
        );
        assert_eq!(
            secret("bad token t, try t.", "t"),
            "bad token [redacted], try [redacted]."
        );
        assert_eq!(secret("t", "t"), "[redacted]");
        assert_eq!(
            secret("key=abc;abcd abc_1 -abc", "abc"),
            "key=[redacted];abcd abc_1 -abc"
        );
        assert_eq!(secret("nothing here", ""), "nothing here");
        // Multi-byte text and secrets stay whole.
        assert_eq!(secret("grüße ü grün", "ü"), "grüße [redacted] grün");
        assert_eq!(
            secret("Schlüssel-äöü-Schlüssel", "Schlüssel-äöü"),
            "[redacted]-Schlüssel"
        );
        // Not formed anew where the marker meets the text.
        let tricky = "cted]abcd";
        assert!(!secret(&format!("{tricky}abcd"), tricky).contains(tricky));
        assert_eq!(secret("key [redacted]!", "[redacted]"), "key [removed]!");
    }

    use serde_json::Value;

    /// `value` through a [`Redactor`], read back; `None` when nothing may leave.
    fn redacted(
        value: &Value,
        shape: &Shape,
        exposure: Exposure,
        secrets: &[String],
    ) -> Option<Value> {
        let mut redactor = Redactor::new(exposure, secrets, 0);
        let kept = redactor.write(value.to_string().as_bytes(), shape).unwrap();
        kept.then(|| serde_json::from_slice(&redactor.into_bytes()).unwrap())
    }

    fn redacted_fixture(exposure: Exposure) -> String {
        let text = include_str!("../../tests/fixtures/license-rocks/get-orders.200.json");
        let reply: Value = serde_json::from_str(text).unwrap();
        let orders: Vec<Value> = reply["orders"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| redacted(o, &EXTERNAL_ORDER, exposure, &[]))
            .collect();
        Value::Array(orders).to_string()
    }

    #[test]
    fn leaves_out_personal_data_and_secrets_at_any_depth() {
        let out = redacted_fixture(Exposure::default());
        for gone in [
            "adam@licenserocks.de",
            "::ffff:127.0.0.1",
            "Geheimbotschaft",
            "a6a08c57-9fb3-4eb1-b569-c8450355cd3c",
            "\"email\"",
            "\"ipAddress\"",
            "\"walletNonce\"",
            "\"name\"",
            "secupay",
            "secretPhrase",
            "providerId",
            "downloadableAsset",
        ] {
            assert!(!out.contains(gone), "{gone} is still there");
        }
        assert!(!out.contains("0xBA53a45AaeaD689dD74eB7Cf338c5e9206A660f8"));
        // What is not personal stays.
        assert!(out.contains("\"buyerId\":24"));
        assert!(out.contains("13422818791946309000"));
        assert!(out.contains("\"cover\":[{"));
        // With the operator's opt-in, all of it.
        let open = redacted_fixture(Exposure {
            personal: true,
            unknown: false,
        });
        assert!(open.contains("adam@licenserocks.de") && open.contains("Geheimbotschaft"));
    }

    #[test]
    fn undocumented_fields_and_objects_are_dropped_unless_asked_for() {
        let order = serde_json::json!({
            "id": 1, "email": "top@example.org",
            "customer": {"email": "c@example.org", "ipAddress": "192.0.2.1"},
            "buyer": {"id": 2, "Email": "b@example.org", "IPAddress": "192.0.2.2", "ip_address": "192.0.2.3"},
            "orderItems": [{"id": 3, "buyer": {"email": "i@example.org", "stripeConnectId": "acct_1"},
                "nft": {"SecretPhrase": "s1", "payload": {"secret_phrase": "s2", "title": "T"}, "chainTx": {"hash": "0x1"}}}],
            "status": ["odd"]
        });
        let out = redacted(&order, &EXTERNAL_ORDER, Exposure::default(), &[]).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"id": 1, "buyer": {"id": 2}, "orderItems": [{"id": 3, "nft": {"payload": {"title": "T"}}}]})
        );
        let open = Exposure {
            personal: false,
            unknown: true,
        };
        let open = redacted(&order, &EXTERNAL_ORDER, open, &[]).unwrap();
        assert_eq!(open["customer"]["email"], "c@example.org");
        assert_eq!(open["orderItems"][0]["nft"]["chainTx"]["hash"], "0x1");
        assert_eq!(open["status"], serde_json::json!(["odd"]));
    }

    #[test]
    fn lists_keep_scalars_and_drop_what_is_not_their_shape() {
        let order = serde_json::json!({"orderItems": [null, [1], {"id": 3}, 7], "buyer": null});
        let out = redacted(&order, &EXTERNAL_ORDER, Exposure::default(), &[]).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"orderItems": [null, {"id": 3}, 7], "buyer": null})
        );
        assert_eq!(
            redacted(
                &serde_json::json!([1]),
                &EXTERNAL_ORDER,
                Exposure::default(),
                &[]
            ),
            None
        );
        assert_eq!(
            redacted(
                &serde_json::json!(5),
                &EXTERNAL_ORDER,
                Exposure::default(),
                &[]
            ),
            Some(5.into())
        );
    }

    #[test]
    fn kept_values_are_copied_as_they_came() {
        let raw = br#" { "id" : 1.50e3 , "failReason" : "caf\u00e9 \/ \"q\"" , "status":"ok" } "#;
        let mut redactor = Redactor::new(Exposure::default(), &[], 0);
        assert!(redactor.write(raw, &EXTERNAL_ORDER).unwrap());
        assert_eq!(
            redactor.into_bytes(),
            br#"{"id":1.50e3,"failReason":"caf\u00e9 \/ \"q\"","status":"ok"}"#
        );
    }

    #[test]
    fn secrets_are_scrubbed_from_every_string_and_key() {
        let token = "sim-license-rocks-token".to_owned();
        let body = serde_json::json!({"a": "token sim-license-rocks-token", "sim-license-rocks-token": [1, "x sim-license-rocks-token"]});
        let mut redactor = Redactor::new(Exposure::default(), std::slice::from_ref(&token), 0);
        redactor.write_whole(body.to_string().as_bytes()).unwrap();
        let out: Value = serde_json::from_slice(&redactor.into_bytes()).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"a": "token [redacted]", "[redacted]": [1, "x [redacted]"]})
        );
        // Escapes do not hide one: `\u0073` is `s`, `\/` is `/`.
        let hidden = br#"{"id":1,"failReason":"\u0073im-license-rocks-token","status":"a\/b"}"#;
        let secrets = [token, "a/b".to_owned()];
        let mut redactor = Redactor::new(Exposure::default(), &secrets, 0);
        assert!(redactor.write(hidden, &EXTERNAL_ORDER).unwrap());
        let out = String::from_utf8(redactor.into_bytes()).unwrap();
        assert_eq!(
            out,
            r#"{"id":1,"failReason":"[redacted]","status":"[redacted]"}"#
        );
    }
}
