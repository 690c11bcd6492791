//! GETs are retried when that can help, waiting as the server asks.

use super::support::*;

#[wasm_bindgen_test]
async fn gets_are_retried_on_retryable_statuses_and_network_errors() {
    let s = Scope::new();
    s.fault(r#"[{"status":503},{"reset":true}]"#).await;
    let orders = get_external_orders(ids(&[1]), s.lr("")).await.unwrap();
    assert_eq!(order_ids(&orders), [1]);
    assert_eq!(s.count("GET").await, 3);
}

#[wasm_bindgen_test]
async fn retries_stop_at_max_retries_and_skip_non_retryable_statuses() {
    let s = Scope::new();
    s.fault(r#"{"status":500,"times":5}"#).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","maxRetries":1"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).1, Some(500));
    assert_eq!(s.count("GET").await, 2);
    let t = Scope::new();
    let _ = get_namefi_order(NAMEFI_ORDER.into(), t.namefi(r#","token":"nobody""#))
        .await
        .unwrap_err();
    assert_eq!(t.count("GET").await, 1, "401 is not retried");
}

#[wasm_bindgen_test]
async fn retry_after_in_seconds_is_waited_for() {
    let s = Scope::new();
    s.fault(r#"{"retryAfter":1}"#).await;
    let started = now();
    get_external_orders(ids(&[1]), s.lr("")).await.unwrap();
    assert!(
        now() - started >= 950.0,
        "waited only {} ms",
        now() - started
    );
    assert_eq!(s.count("GET").await, 2);
}

#[wasm_bindgen_test]
async fn retry_after_as_an_http_date_is_waited_for() {
    let s = Scope::new();
    let at = js_sys::Date::new(&JsValue::from_f64(now() + 2000.0)).to_utc_string();
    s.fault(&format!(
        r#"{{"status":503,"retryAfter":"{}"}}"#,
        String::from(at)
    ))
    .await;
    let started = now();
    get_external_orders(ids(&[1]), s.lr("")).await.unwrap();
    // HTTP dates have one-second resolution.
    assert!(
        now() - started >= 900.0,
        "waited only {} ms",
        now() - started
    );
}

#[wasm_bindgen_test]
async fn a_retry_after_beyond_the_cap_is_returned_at_once() {
    let s = Scope::new();
    s.fault(r#"{"retryAfter":3600}"#).await;
    let started = now();
    let e = get_external_orders(ids(&[1]), s.lr("")).await.unwrap_err();
    assert!(now() - started < 2000.0);
    assert_eq!(fields(&e).1, Some(429));
    assert!(fields(&e).4, "429 is retryable later");
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(3_600_000.0));
    assert_eq!(s.count("GET").await, 1);
}
