//! `index.d.ts` and `js/spec.js` are generated from the Rust types; this fails
//! while a committed file is stale. `UPDATE_TYPES=1 cargo test --test typescript`
//! (or `npm run types`) rewrites them.

#![cfg(not(target_arch = "wasm32"))]

#[test]
fn index_d_ts_matches_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.d.ts");
    let generated = web3_orders::typescript::declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "index.d.ts is stale: run `npm run types`"
    );
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
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("js/spec.js");
    let generated = web3_orders::typescript::workflow_spec();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "js/spec.js is stale: run `npm run types`"
    );
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
