//! Redaction: a credential never survives in a message (a short one never as a
//! word), and an order built from the allow-list holds only its public,
//! documented fields, whatever came in. Nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use web3_orders::redact::{allowed, secret, Class, Exposure, Shape, CAPTURE_ORDER, EXTERNAL_ORDER};

/// Every key of `value` is a public field of `shape` at its place.
fn only_public(value: &Value, shape: &Shape) {
    match (shape, value) {
        (Shape::Object(fields), Value::Object(map)) => {
            for (key, item) in map {
                let field = fields.iter().find(|(name, ..)| name == key);
                let (_, class, inner) =
                    field.unwrap_or_else(|| panic!("undocumented `{key}` came out"));
                assert_eq!(*class, Class::Public, "`{key}` came out");
                only_public(item, inner);
            }
        }
        (Shape::List(item), Value::Array(items)) => items.iter().for_each(|i| only_public(i, item)),
        (_, Value::Object(_) | Value::Array(_)) => panic!("an undocumented object came out"),
        _ => {}
    }
}

fuzz_target!(|body: &[u8]| {
    let text = String::from_utf8_lossy(body);
    // The first line is the credential, the rest the message.
    let (credential, message) = text.split_once('\n').unwrap_or((&text, ""));
    let out = secret(message, credential);
    if credential.len() >= 8 {
        assert!(
            !out.contains(credential),
            "{credential:?} survives in {out:?}"
        );
    } else if !credential.is_empty() {
        assert_eq!(
            secret(&out, credential),
            out,
            "{credential:?} survives as a word in {out:?}"
        );
    }
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        for shape in [&EXTERNAL_ORDER, &CAPTURE_ORDER] {
            if let Some(kept) = allowed(&value, shape, Exposure::default()) {
                only_public(&kept, shape);
            }
        }
    }
});
