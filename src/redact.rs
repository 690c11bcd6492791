//! What is kept from view: credentials in error messages and bodies
//! ([`secret`], [`scrub_strings`]), and what the Worker returns of an order
//! ([`allowed`]): built from an allow-list of the fields the providers document,
//! so a field that is personal or secret, or that nobody documented (a
//! `SecretPhrase`, a `buyer.ip_address`, a new `customer` object), never reaches
//! a browser unless the operator asks for it.

use serde_json::{Map, Value};

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

/// `value` as it may leave, built from `shape`: documented public fields
/// always, personal and secret ones only with `exposure.personal`, anything
/// undocumented only with `exposure.unknown`. `None`: nothing of it may leave.
pub fn allowed(value: &Value, shape: &Shape, exposure: Exposure) -> Option<Value> {
    match (shape, value) {
        (Shape::Object(fields), Value::Object(map)) => {
            let mut out = Map::new();
            for (key, item) in map {
                let kept = match fields.iter().find(|(name, ..)| name == key) {
                    Some((_, class, shape)) if *class == Class::Public || exposure.personal => {
                        allowed(item, shape, exposure)
                    }
                    Some(_) => None,
                    None if exposure.unknown => Some(item.clone()),
                    None => None,
                };
                if let Some(kept) = kept {
                    out.insert(key.clone(), kept);
                }
            }
            Some(Value::Object(out))
        }
        (Shape::List(item), Value::Array(items)) => Some(Value::Array(
            items
                .iter()
                .filter_map(|i| allowed(i, item, exposure))
                .collect(),
        )),
        // A documented null or scalar where an object or list may be.
        (_, Value::Object(_) | Value::Array(_)) if exposure.unknown => Some(value.clone()),
        (_, Value::Object(_) | Value::Array(_)) => None,
        (_, scalar) => Some(scalar.clone()),
    }
}

/// Replaces every occurrence of each of `secrets` in the strings and keys of
/// `value` (an upstream that echoes a key in a 200 body must not hand it on).
pub fn scrub_strings(value: &mut Value, secrets: &[String]) {
    let scrub = |text: &str| secrets.iter().fold(text.to_owned(), |t, s| secret(&t, s));
    match value {
        Value::String(text) => *text = scrub(text),
        Value::Array(items) => items.iter_mut().for_each(|i| scrub_strings(i, secrets)),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                scrub_strings(&mut item, secrets);
                map.insert(scrub(&key), item);
            }
        }
        _ => {}
    }
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

/// A License.rocks order as the Worker may return it (docs/worker.md
/// lists these fields).
pub const EXTERNAL_ORDER: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("buyerId", Class::Public, Shape::Scalar),
    ("billingAddressId", Class::Public, Shape::Scalar),
    ("paymentMethod", Class::Public, Shape::Scalar),
    ("provider", Class::Public, Shape::Scalar),
    ("providerId", Class::Personal, Shape::Scalar),
    ("secupayStxTransactionId", Class::Secret, Shape::Scalar),
    ("secupayPciTransactionId", Class::Secret, Shape::Scalar),
    ("secupayWebhookToken", Class::Secret, Shape::Scalar),
    ("totalPriceCents", Class::Public, Shape::Scalar),
    ("totalPriceCurrency", Class::Public, Shape::Scalar),
    ("totalPriceEth", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("failReason", Class::Public, Shape::Scalar),
    ("feesCollectedAt", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ProductType", Class::Public, Shape::Scalar),
    ("buyer", Class::Public, BUYER),
    ("orderItems", Class::Public, Shape::List(&ORDER_ITEM)),
]);

/// The buyer: its ids and flags are public; whatever identifies or reaches the
/// person is personal (the wallet address too: License.rocks' docs count it as
/// personal data, and it links the person to everything on chain).
const BUYER: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("approved", Class::Public, Shape::Scalar),
    ("companyUser", Class::Public, Shape::Scalar),
    ("email", Class::Personal, Shape::Scalar),
    ("ethereumPublicAddr", Class::Personal, Shape::Scalar),
    ("name", Class::Personal, Shape::Scalar),
    ("provider", Class::Public, Shape::Scalar),
    ("discordId", Class::Personal, Shape::Scalar),
    ("roleId", Class::Public, Shape::Scalar),
    ("username", Class::Personal, Shape::Scalar),
    ("viewMode", Class::Public, Shape::Scalar),
    ("walletNonce", Class::Secret, Shape::Scalar),
    ("stripeConnectId", Class::Personal, Shape::Scalar),
    ("secupayExternalId", Class::Personal, Shape::Scalar),
    ("simplexId", Class::Personal, Shape::Scalar),
    ("newsletterAgreement", Class::Public, Shape::Scalar),
    ("locale", Class::Public, Shape::Scalar),
    ("approvedAt", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("lastAccessAt", Class::Public, Shape::Scalar),
    ("onboardedAt", Class::Public, Shape::Scalar),
    ("removedAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ipAddress", Class::Personal, Shape::Scalar),
]);

const ORDER_ITEM: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("orderId", Class::Public, Shape::Scalar),
    ("nftId", Class::Public, Shape::Scalar),
    ("listingId", Class::Public, Shape::Scalar),
    ("quantity", Class::Public, Shape::Scalar),
    ("priceCents", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    // The wallet the buyer's ETH went to or came from.
    ("ethRecipient", Class::Personal, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("txId", Class::Public, Shape::Scalar),
    ("paymentProvider", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ProductType", Class::Public, Shape::Scalar),
    ("nft", Class::Public, NFT),
    ("listing", Class::Public, LISTING),
]);

const NFT: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("amount", Class::Public, Shape::Scalar),
    ("availableAmount", Class::Public, Shape::Scalar),
    ("approved", Class::Public, Shape::Scalar),
    ("arweaveTx", Class::Public, Shape::Scalar),
    ("chainTx", Class::Public, Shape::Scalar),
    ("creatorPublicAddr", Class::Public, Shape::Scalar),
    ("contractAddr", Class::Public, Shape::Scalar),
    ("contractName", Class::Public, Shape::Scalar),
    ("contractNetwork", Class::Public, Shape::Scalar),
    ("coverKey", Class::Public, Shape::Scalar),
    ("category", Class::Public, Shape::Scalar),
    ("secretPhrase", Class::Secret, Shape::Scalar),
    ("fee", Class::Public, Shape::Scalar),
    ("feeRecipient", Class::Public, Shape::Scalar),
    ("payload", Class::Public, NFT_PAYLOAD),
    ("price", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("priceType", Class::Public, Shape::Scalar),
    ("downloadable", Class::Public, Shape::Scalar),
    ("title", Class::Public, Shape::Scalar),
    ("creatorId", Class::Public, Shape::Scalar),
    ("useCaseId", Class::Public, Shape::Scalar),
    ("upgradeable", Class::Public, Shape::Scalar),
    ("tokenId", Class::Public, Shape::Scalar),
    ("newTokenId", Class::Public, Shape::Scalar),
    ("oldTokenId", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("releaseAt", Class::Public, Shape::Scalar),
    ("biddingEnabled", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("deletedAt", Class::Public, Shape::Scalar),
    ("fractionalized", Class::Public, Shape::Scalar),
    ("redeemable", Class::Public, Shape::Scalar),
    ("qrcodePrintfileId", Class::Public, Shape::Scalar),
    ("salesContractUrl", Class::Public, Shape::Scalar),
]);

/// A file of the NFT's listing page (cover, audio preview).
const MEDIA: Shape = Shape::Object(&[
    ("path", Class::Public, Shape::Scalar),
    ("altName", Class::Public, Shape::Scalar),
    ("preview", Class::Public, Shape::Scalar),
]);

/// The NFT's free-form payload, as far as the docs show it. The secret phrase
/// and the downloadable assets are what the buyer paid for.
const NFT_PAYLOAD: Shape = Shape::Object(&[
    ("title", Class::Public, Shape::Scalar),
    ("description", Class::Public, Shape::Scalar),
    ("cover", Class::Public, Shape::List(&MEDIA)),
    ("audio", Class::Public, Shape::List(&MEDIA)),
    ("amount", Class::Public, Shape::Scalar),
    ("amountType", Class::Public, Shape::Scalar),
    ("currency", Class::Public, Shape::Scalar),
    ("startingPrice", Class::Public, Shape::Scalar),
    ("licenseType", Class::Public, Shape::Scalar),
    ("useCaseId", Class::Public, Shape::Scalar),
    ("owner", Class::Public, Shape::Scalar),
    ("terms", Class::Public, Shape::Scalar),
    ("storageOption", Class::Public, Shape::Scalar),
    ("nftToUpgrade", Class::Public, Shape::Scalar),
    ("biddingEnabled", Class::Public, Shape::Scalar),
    ("bonusMediaEnabled", Class::Public, Shape::Scalar),
    ("salesContractEnabled", Class::Public, Shape::Scalar),
    (
        "initialSalesFees",
        Class::Public,
        Shape::List(&Shape::Scalar),
    ),
    (
        "secondarySalesFees",
        Class::Public,
        Shape::List(&Shape::Scalar),
    ),
    ("secretPhrase", Class::Secret, Shape::Scalar),
    ("downloadableAsset", Class::Secret, Shape::List(&MEDIA)),
]);

const LISTING: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("priceCents", Class::Public, Shape::Scalar),
    ("amount", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    ("priceWei", Class::Public, Shape::Scalar),
    ("activeTill", Class::Public, Shape::Scalar),
    ("active", Class::Public, Shape::Scalar),
    ("type", Class::Public, Shape::Scalar),
    ("txHash", Class::Public, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("sellerId", Class::Public, Shape::Scalar),
    ("nftId", Class::Public, Shape::Scalar),
    ("captureCronId", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
]);

/// A Capture order: every documented field is public.
pub const CAPTURE_ORDER: Shape = Shape::Object(&[
    ("nid", Class::Public, Shape::Scalar),
    ("blockchain", Class::Public, Shape::Scalar),
    ("payment_token", Class::Public, Shape::Scalar),
    ("cost", Class::Public, Shape::Scalar),
    ("gas", Class::Public, Shape::Scalar),
    ("network_app_id", Class::Public, Shape::Scalar),
    ("network_app_name", Class::Public, Shape::Scalar),
    ("order_id", Class::Public, Shape::Scalar),
    ("result_url", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
]);

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

    fn redacted_fixture(exposure: Exposure) -> String {
        let text = include_str!("../tests/fixtures/license-rocks/get-orders.200.json");
        let reply: Value = serde_json::from_str(text).unwrap();
        let orders: Vec<Value> = reply["orders"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| allowed(o, &EXTERNAL_ORDER, exposure))
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
        let out = allowed(&order, &EXTERNAL_ORDER, Exposure::default()).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"id": 1, "buyer": {"id": 2}, "orderItems": [{"id": 3, "nft": {"payload": {"title": "T"}}}]})
        );
        let open = allowed(
            &order,
            &EXTERNAL_ORDER,
            Exposure {
                personal: false,
                unknown: true,
            },
        )
        .unwrap();
        assert_eq!(open["customer"]["email"], "c@example.org");
        assert_eq!(open["orderItems"][0]["nft"]["chainTx"]["hash"], "0x1");
    }

    #[test]
    fn secrets_are_scrubbed_from_every_string_and_key() {
        let mut body = serde_json::json!({"a": "token sim-license-rocks-token", "sim-license-rocks-token": [1, "x sim-license-rocks-token"]});
        scrub_strings(&mut body, &["sim-license-rocks-token".to_owned()]);
        assert_eq!(
            body,
            serde_json::json!({"a": "token [redacted]", "[redacted]": [1, "x [redacted]"]})
        );
    }
}
