//! The crate's own executor (src/task.rs): calls started inside another
//! call's poll, and polls cut off by an exception thrown through the wasm.

use super::support::*;
use js_sys::Promise;

// Built at run time, not with `inline_js`: one more snippet module made the
// test runner's page hang at random while loading its scripts in Chromium.

/// What `f` threw.
fn caught(f: &Function) -> JsValue {
    Function::new_with_args("f", "try { f(); } catch (e) { return e; }")
        .call1(&JsValue::NULL, f)
        .unwrap()
}

/// Throws through every wasm frame between here and the JS that called in:
/// js-sys's `Object.keys` has no `catch`.
fn throw_now(message: &str) {
    Object::keys(keys_that_throw(message).unchecked_ref::<Object>());
}

/// `promise`, or a rejection once `ms` have passed.
fn within(promise: &Promise, ms: u32) -> Promise {
    Function::new_with_args(
        "promise, ms",
        "const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)); \
         return Promise.race([promise, late]);",
    )
    .call2(&JsValue::NULL, promise, &ms.into())
    .unwrap()
    .unchecked_into()
}

/// A call made after the executor was cut off still gets its answer.
async fn a_call_still_answers(s: &Scope) {
    let call = web3_orders::bindings::query_capture_order(CAPTURE_ORDER.into(), s.capture(""));
    let order = JsFuture::from(within(&call, 5000)).await.unwrap();
    assert_eq!(
        get(&order, "order_id").as_string().as_deref(),
        Some(CAPTURE_ORDER)
    );
}

#[wasm_bindgen_test]
async fn a_call_made_while_another_runs_gets_its_own_answer() {
    let s = Scope::new();
    // The inner call starts inside the outer one's fetch, so while the
    // crate's executor is polling the outer call.
    let inner_options = s.capture("");
    let inner = Closure::<dyn Fn() -> Promise>::new(move || {
        let call =
            web3_orders::bindings::query_capture_order(CAPTURE_ORDER.into(), inner_options.clone());
        within(&call, 5000)
    });
    let seen = Array::new();
    let fetch = Function::new_with_args(
        "seen, inner, url, init",
        "seen.push(url); \
         return inner().then((order) => { seen.push(order); return fetch(url, init); });",
    )
    .bind2(&JsValue::NULL, &seen, inner.as_ref());
    let outer = web3_orders::bindings::query_capture_order(
        CAPTURE_ORDER.into(),
        with(&s.capture(""), "fetch", &fetch),
    );
    // Its first poll ran at once, up to the fetch, as a JS async function's would.
    assert_eq!(seen.length(), 1);
    let order = JsFuture::from(outer).await.unwrap();
    let inner_order = seen.get(1);
    assert_eq!(
        get(&inner_order, "order_id").as_string().as_deref(),
        Some(CAPTURE_ORDER)
    );
    assert_eq!(
        get(&order, "order_id").as_string().as_deref(),
        Some(CAPTURE_ORDER)
    );
    assert_eq!(
        get(&order, "nid").as_string(),
        get(&inner_order, "nid").as_string()
    );
}

#[wasm_bindgen_test]
async fn a_first_poll_cut_off_throws_to_its_caller_and_later_calls_run() {
    let s = Scope::new();
    let cut = Closure::<dyn Fn()>::new(|| {
        let _ = web3_orders::task::spawn(async {
            throw_now("thrown through the first poll");
            Ok(JsValue::UNDEFINED)
        });
    });
    let thrown = caught(cut.as_ref().unchecked_ref());
    assert_eq!(message(&thrown), "thrown through the first poll");
    a_call_still_answers(&s).await;
    a_call_still_answers(&s).await;
}

#[wasm_bindgen_test]
async fn a_later_poll_cut_off_rejects_its_call_and_later_calls_run() {
    let s = Scope::new();
    let cut = web3_orders::task::spawn(async {
        let _ = web3_orders::promise::settled(&Promise::resolve(&JsValue::NULL)).await;
        throw_now("thrown through a later poll");
        Ok(JsValue::UNDEFINED)
    });
    let error = JsFuture::from(within(&cut, 5000)).await.unwrap_err();
    assert_eq!(message(&error), "thrown through a later poll");
    a_call_still_answers(&s).await;
}
