//! Redaction: a credential never survives in a message (a short one never as a
//! word), and a body the Worker writes from any upstream bytes is JSON that
//! holds only the public, documented fields and none of the credential in any
//! string or key, however it was escaped. Nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use web3_orders::redact::{
    secret, Class, Exposure, Redactor, Shape, CAPTURE_ORDER, EXTERNAL_ORDER,
};

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

/// `credential` stands in no string or key of `value`, as `secret` judges it.
fn scrubbed(value: &Value, credential: &str) {
    let check = |text: &str| {
        if credential.len() >= 8 {
            assert!(
                !text.contains(credential),
                "{credential:?} survives in {text:?}"
            );
        } else {
            assert_eq!(
                secret(text, credential),
                text,
                "{credential:?} survives as a word in {text:?}"
            );
        }
    };
    match value {
        Value::String(text) => check(text),
        Value::Array(items) => items.iter().for_each(|item| scrubbed(item, credential)),
        Value::Object(map) => map.iter().for_each(|(key, item)| {
            check(key);
            scrubbed(item, credential);
        }),
        _ => {}
    }
}

fuzz_target!(|body: &[u8]| {
    let text = String::from_utf8_lossy(body);
    // The first line is the credential, the rest the message (and the reply).
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

    let secrets = if credential.is_empty() {
        vec![]
    } else {
        vec![credential.to_owned()]
    };
    let reply = message.as_bytes();
    for shape in [&EXTERNAL_ORDER, &CAPTURE_ORDER] {
        let mut redactor = Redactor::new(Exposure::default(), &secrets, reply.len());
        if let Ok(true) = redactor.write(reply, shape) {
            let written = redactor.into_bytes();
            let value: Value = serde_json::from_slice(&written).unwrap_or_else(|e| {
                panic!(
                    "wrote {:?}, not JSON: {e}",
                    String::from_utf8_lossy(&written)
                )
            });
            only_public(&value, shape);
            scrubbed(&value, credential);
        }
    }
    let mut whole = Redactor::new(
        Exposure {
            personal: true,
            unknown: true,
        },
        &secrets,
        reply.len(),
    );
    if whole.write_whole(reply).is_ok() {
        let written = whole.into_bytes();
        let value: Value = serde_json::from_slice(&written).unwrap_or_else(|e| {
            panic!(
                "wrote {:?}, not JSON: {e}",
                String::from_utf8_lossy(&written)
            )
        });
        scrubbed(&value, credential);
    }
});
