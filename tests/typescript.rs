//! `index.d.ts`, `js/spec.js` and the benchmark's copy of the Worker's
//! allow-list (`bench/worker/allow-list.json`) are generated from the Rust
//! types; this fails while a committed file is stale. `UPDATE_TYPES=1 cargo test --test typescript`
//! (or `npm run types`) rewrites them.

#![cfg(not(target_arch = "wasm32"))]

/// Fails while the committed `file` differs from `generated`; rewrites it with UPDATE_TYPES.
fn assert_fresh(file: &str, generated: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{file} is stale: run `npm run types`"
    );
}

#[test]
fn index_d_ts_matches_the_rust_types() {
    let generated = web3_orders::typescript::declarations();
    assert_fresh("index.d.ts", &generated);
    for name in [
        "export interface ExternalOrder",
        "export interface NamefiOrderDetails",
        "export interface CaptureOrder",
        "priceWei: string;",
        "buyer?: Buyer;",
        "amount: number | null;",
    ] {
        assert!(generated.contains(name), "{name}");
    }
    assert!(!generated.contains(": any"), "no `any` in the declarations");
}

#[test]
fn workflow_spec_matches_the_rust_policy() {
    let generated = web3_orders::typescript::workflow_spec();
    assert_fresh("js/spec.js", &generated);
    for text in [
        r#"settled: ["SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"]"#,
        r#"settled: ["completed", "failed", "payment_failed"]"#,
        r#"statusAt: ["order", "status"]"#,
        "intervalMs: 3000",
    ] {
        assert!(generated.contains(text), "{text}");
    }
    assert!(
        !generated.contains("licenseRocks"),
        "its orders do not move"
    );
}

/// A redaction shape as JSON: `"scalar"`, `{"list": shape}`, or
/// `{"object": {field: ["public" | "personal" | "secret", shape]}}`.
fn shape_json(shape: &web3_orders::redact::Shape) -> String {
    use web3_orders::redact::{Class, Shape};
    match shape {
        Shape::Scalar => "\"scalar\"".to_owned(),
        Shape::List(item) => format!("{{\"list\":{}}}", shape_json(item)),
        Shape::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(name, class, shape)| {
                    let class = match class {
                        Class::Public => "public",
                        Class::Personal => "personal",
                        Class::Secret => "secret",
                    };
                    format!("\"{name}\":[\"{class}\",{}]", shape_json(shape))
                })
                .collect();
            format!("{{\"object\":{{{}}}}}", fields.join(","))
        }
    }
}

/// The plain-JS Worker in `npm run bench` redacts with exactly the Worker's allow-list.
#[test]
fn bench_allow_list_matches_the_worker() {
    let generated = format!(
        "{{\"externalOrder\":{},\"captureOrder\":{}}}\n",
        shape_json(&web3_orders::redact::EXTERNAL_ORDER),
        shape_json(&web3_orders::redact::CAPTURE_ORDER)
    );
    assert_fresh("bench/worker/allow-list.json", &generated);
    assert!(generated.contains("\"secupayWebhookToken\":[\"secret\""));
}
