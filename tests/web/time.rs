//! Deadlines, aborts and injected fetches.

use super::support::*;

#[wasm_bindgen_test]
async fn a_slow_answer_times_out() {
    let s = Scope::new();
    s.fault(r#"{"delayMs":1500}"#).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","timeoutMs":300"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e), ("timeout".into(), None, None, None, true));
}

#[wasm_bindgen_test]
async fn a_body_that_stalls_times_out() {
    let s = Scope::new();
    s.fault(r#"{"midBodyDelayMs":1500}"#).await;
    let e = get_external_orders(ids(&[1]), s.lr(r#","timeoutMs":400"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "timeout");
}

#[wasm_bindgen_test]
async fn an_aborted_signal_stops_the_call() {
    let s = Scope::new();
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let e = get_external_orders(ids(&[1]), with(&s.lr(""), "signal", &controller.signal()))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "aborted");
    assert_eq!(s.count("GET").await, 0, "nothing sent after abort");

    s.fault(r#"{"delayMs":3000}"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    let abort = Function::new_no_args("this.abort()").bind0(&controller);
    set_timeout(&abort, 200);
    let started = now();
    let e = get_external_orders(ids(&[1]), with(&s.lr(""), "signal", &controller.signal()))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "aborted");
    assert!(now() - started < 2000.0);
}

/// A signal the options check accepts (`aborted` a boolean, `addEventListener`
/// a function) that then throws: its `aborted` from the second read on, or
/// whenever it is listened to.
fn signal_that_throws(on: &str) -> JsValue {
    Function::new_with_args(
        "on",
        "let reads = 0; return { \
           get aborted() { if (on === 'read' && reads++ > 0) throw new Error('no state for you'); return false; }, \
           addEventListener() { if (on === 'listen') throw new Error('no listeners for you'); }, \
           removeEventListener() { throw new Error('no listeners for you'); } }",
    )
    .call1(&JsValue::NULL, &on.into())
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_signal_that_throws_counts_as_aborted() {
    let s = Scope::new();
    for on in ["read", "listen"] {
        let e = get_external_orders(
            ids(&[1]),
            with(&s.lr(""), "signal", &signal_that_throws(on)),
        )
        .await
        .unwrap_err();
        assert_eq!(fields(&e).0, "aborted", "{on}: {}", message(&e));
        assert!(
            message(&e).contains("aborted by its signal"),
            "{on}: {}",
            message(&e)
        );
        // Capture hands the caller's signal to the attempt itself.
        let e = query_capture_order(
            CAPTURE_ORDER.into(),
            with(&s.capture(""), "signal", &signal_that_throws(on)),
        )
        .await
        .unwrap_err();
        assert_eq!(fields(&e).0, "aborted", "{on}: {}", message(&e));
    }
    assert_eq!(s.count("GET").await, 0, "nothing sent");
}

#[wasm_bindgen_test]
async fn an_abort_during_backoff_stops_the_retries() {
    let s = Scope::new();
    s.fault(r#"{"retryAfter":30}"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    set_timeout(
        &Function::new_no_args("this.abort()").bind0(&controller),
        300,
    );
    let started = now();
    let e = get_external_orders(ids(&[1]), with(&s.lr(""), "signal", &controller.signal()))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "aborted");
    assert!(now() - started < 5000.0);
    assert_eq!(s.count("GET").await, 1);
}

#[wasm_bindgen_test]
async fn an_injected_fetch_is_used() {
    let s = Scope::new();
    let calls = Array::new();
    let fetch = Function::new_with_args(
        "calls, url, init",
        "calls.push(url); return fetch(url, init);",
    );
    let bound = fetch.bind1(&JsValue::NULL, &calls);
    get_external_orders(ids(&[1]), with(&s.lr(""), "fetch", &bound))
        .await
        .unwrap();
    assert_eq!(calls.length(), 1);
    assert!(calls
        .get(0)
        .as_string()
        .unwrap()
        .ends_with("/api/externalOrders/1"));
}

#[wasm_bindgen_test]
async fn an_injected_fetch_that_misbehaves_is_a_network_error() {
    let s = Scope::new();
    let cases = [
        ("throw new Error('boom')", "the injected fetch threw: boom"),
        ("return 42", "the injected fetch did not return a Promise"),
        ("return Promise.resolve({})", "fetch resolved to something that is not a Response"),
        ("return Promise.reject(new TypeError('offline', { cause: new Error('ECONNRESET') }))", "offline: ECONNRESET"),
        // A body is read as a web stream, known length or not; one that is not
        // a web stream (a polyfill's) in one go, only when its length is known.
        ("return Promise.resolve({ status: 200, headers: new Headers(), body: { getReader() { throw new Error('gone') } } })", "the body was cut off (gone)"),
        ("return Promise.resolve({ status: 200, headers: new Headers({ 'content-length': '9' }), body: { getReader() { throw new Error('gone') } } })", "the body was cut off (gone)"),
        ("return Promise.resolve({ status: 200, headers: new Headers({ 'content-length': '9' }), arrayBuffer: () => Promise.reject(new Error('reset')) })", "the body was cut off (reset)"),
        ("return Promise.resolve({ status: 200, headers: new Headers(), body: { pipe() {} }, arrayBuffer: () => Promise.resolve(new ArrayBuffer(9)) })", "the body is not a readable stream and no plain Content-Length bounds it"),
    ];
    for (body, expected) in cases {
        let fetch = Function::new_with_args("url, init", body);
        let e = get_external_orders(
            ids(&[1]),
            with(&s.lr(r#","maxRetries":0"#), "fetch", &fetch),
        )
        .await
        .unwrap_err();
        assert_eq!(fields(&e).0, "network", "{body}: {}", message(&e));
        assert!(message(&e).contains(expected), "{body}: {}", message(&e));
    }
    // A polyfill's Response is not an instance of the global class: duck-typed.
    let wrapped = Function::new_with_args(
        "url, init",
        "return fetch(url, init).then(r => ({ status: r.status, headers: r.headers, body: r.body, arrayBuffer: () => r.arrayBuffer() }))",
    );
    let orders = get_external_orders(ids(&[1]), with(&s.lr(""), "fetch", &wrapped))
        .await
        .unwrap();
    assert_eq!(order_ids(&orders), [1]);
    // node-fetch 2 style: the body is a Node stream, not a web one; its Content-Length is trusted.
    let node_stream = Function::new_with_args(
        "url, init",
        "return fetch(url, init).then(async r => { const b = await r.arrayBuffer(); \
         return { status: r.status, headers: new Headers({ 'content-length': String(b.byteLength) }), body: { pipe() {} }, arrayBuffer: async () => b }; })",
    );
    let orders = get_external_orders(ids(&[1]), with(&s.lr(""), "fetch", &node_stream))
        .await
        .unwrap();
    assert_eq!(order_ids(&orders), [1]);
}
