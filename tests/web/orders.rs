//! Reading and creating orders: results keep the providers' wire names, License.rocks orders come once each in the order asked.

use super::support::*;

#[wasm_bindgen_test]
async fn capture_order_is_the_response_object() {
    let s = Scope::new();
    let order = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap();
    assert_eq!(
        get(&order, "order_id").as_string().as_deref(),
        Some(CAPTURE_ORDER)
    );
    assert_eq!(get(&order, "cost").as_f64(), Some(2.0));
    assert_eq!(
        get(&order, "payment_token").as_string().as_deref(),
        Some("NUM")
    );
}

#[wasm_bindgen_test]
async fn namefi_order_details_keep_wire_names() {
    let s = Scope::new();
    let details = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap();
    let order = get(&details, "order");
    assert_eq!(
        get(&order, "amountInUSDCents").as_f64(),
        Some(-2147483648.0)
    );
    assert_eq!(Array::from(&get(&details, "items")).length(), 1);
    assert!(get(&details, "user").is_object());
}

#[wasm_bindgen_test]
async fn external_orders_come_once_each_in_the_order_asked() {
    let s = Scope::new();
    let list: JsValue = [
        JsValue::from(2),
        "1".into(),
        JsValue::from(2),
        "0002".into(),
    ]
    .iter()
    .collect::<Array>()
    .into();
    let orders = get_external_orders(list, s.lr("")).await.unwrap();
    assert_eq!(order_ids(&orders), [2, 1]);
    let listing = get(
        &get(
            &Array::from(&get(&Array::from(&orders).get(0), "orderItems")).get(0),
            "listing",
        ),
        "priceWei",
    );
    assert_eq!(
        listing.as_string().as_deref(),
        Some("13422818791946309000"),
        "big decimal strings stay strings"
    );
}

#[wasm_bindgen_test]
async fn a_reply_in_many_chunks_is_read_whole() {
    let s = Scope::new();
    // The real reply, streamed back seven bytes a chunk without a Content-Length,
    // so every runtime reads it chunk by chunk.
    let rechunked = Function::new_with_args(
        "url, init",
        "return fetch(url, init).then(async (r) => {
           const bytes = new Uint8Array(await r.arrayBuffer());
           const body = new ReadableStream({ start(c) {
             for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
             c.close();
           } });
           const headers = new Headers(r.headers);
           headers.delete('content-length');
           return new Response(body, { status: r.status, headers });
         });",
    );
    let whole = get_external_orders(ids(&[1, 2]), s.lr("")).await.unwrap();
    let chunked = get_external_orders(ids(&[1, 2]), with(&s.lr(""), "fetch", &rechunked))
        .await
        .unwrap();
    assert_eq!(order_ids(&chunked), [1, 2]);
    assert_eq!(
        JSON::stringify(&chunked).unwrap(),
        JSON::stringify(&whole).unwrap()
    );
}

#[wasm_bindgen_test]
async fn orders_are_placed_by_id_the_first_of_repeats_winning() {
    let s = Scope::new();
    let url = format!("{}/api/externalOrders/1,2", s.base());
    let real = Request::get(&url)
        .header("authorization", LR_TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let real: serde_json::Value = serde_json::from_str(&real).unwrap();
    let (one, two) = (real["orders"][0].clone(), real["orders"][1].clone());
    let mut late_two = two.clone();
    late_two["buyerId"] = 999.into();
    // Out of order, with a repeat and an order nobody asked for.
    let mut three = one.clone();
    three["id"] = 3.into();
    let body = serde_json::json!({"orders": [two, three, late_two, one], "error": null});
    s.fault(&serde_json::json!({"status": 200, "body": body}).to_string())
        .await;
    let orders = get_external_orders(ids(&[1, 2]), s.lr("")).await.unwrap();
    assert_eq!(order_ids(&orders), [1, 2]);
    let buyer = get(&Array::from(&orders).get(1), "buyerId").as_f64();
    assert_ne!(buyer, Some(999.0), "the first of repeated ids wins");
}

#[wasm_bindgen_test]
async fn an_empty_id_list_sends_nothing() {
    let s = Scope::new();
    let orders = get_external_orders(Array::new().into(), s.lr(""))
        .await
        .unwrap();
    assert_eq!(Array::from(&orders).length(), 0);
    assert_eq!(s.count("GET").await, 0);
}

#[wasm_bindgen_test]
async fn created_orders_are_returned_and_readable() {
    let s = Scope::new();
    let created = create_external_orders(new_order(), s.lr("")).await.unwrap();
    let ids = order_ids(&created);
    assert_eq!(ids.len(), 1);
    let again = get_external_orders(self::ids(&ids), s.lr(""))
        .await
        .unwrap();
    assert_eq!(order_ids(&again), ids);
    assert_eq!(s.count("POST").await, 1);
}

#[wasm_bindgen_test]
async fn fifteen_hundred_ids_are_split_into_bounded_requests_and_merged_in_order() {
    let s = Scope::new();
    let wanted: Vec<u64> = (0..1500u64).map(|i| 1000 + (i * 7) % 1500).collect();
    let orders = get_external_orders(ids(&wanted), s.lr("")).await.unwrap();
    assert_eq!(order_ids(&orders), wanted);
    let gets = s.requests().await;
    assert!(gets.len() >= 4, "{} requests", gets.len());
    let total: usize = gets
        .iter()
        .map(|(_, path, _)| path.rsplit('/').next().unwrap().split(',').count())
        .sum();
    assert_eq!(total, 1500, "each id asked once");
    for (_, path, outcome) in &gets {
        assert!(
            s.base().len() + path.len() <= 2000,
            "URL too long: {}",
            path.len()
        );
        assert_eq!(outcome, "200");
    }
}

#[wasm_bindgen_test]
async fn a_failed_batch_stops_the_others_and_later_calls_get_their_own_answers() {
    let s = Scope::new();
    let wanted: Vec<u64> = (1000..2500u64).collect();
    // The second request fails at once; the others answer only when aborted,
    // and settle after the call has ended.
    let seen = Array::new();
    let fetch = Function::new_with_args(
        "seen, url, init",
        "const n = seen.push(init.signal) - 1; \
         if (n === 1) return Promise.resolve(new Response('{}', { status: 400 })); \
         return new Promise((_, reject) => init.signal.addEventListener('abort', () => \
           setTimeout(() => reject(new Error('aborted late')), 5)));",
    )
    .bind1(&JsValue::NULL, &seen);
    let e = get_external_orders(
        ids(&wanted),
        with(&s.lr(r#","maxRetries":0"#), "fetch", &fetch),
    )
    .await
    .unwrap_err();
    assert_eq!(fields(&e).1, Some(400), "{}", message(&e));
    assert!(seen.length() >= 2);
    for (n, signal) in seen.iter().enumerate().filter(|(n, _)| *n != 1) {
        let aborted = get(&signal, "aborted").as_bool();
        assert_eq!(aborted, Some(true), "request {n} was left running");
    }
    // While those late answers arrive, calls in flight at once and one after
    // another each get exactly what they asked for.
    let first: Vec<u64> = (1000..1040).collect();
    let second: Vec<u64> = (1100..1150).rev().collect();
    let both = js_sys::Promise::all(&Array::of2(
        &wasm_bindgen_futures::future_to_promise(get_external_orders(ids(&first), s.lr(""))),
        &wasm_bindgen_futures::future_to_promise(get_external_orders(ids(&second), s.lr(""))),
    ));
    let both: Array = JsFuture::from(both).await.unwrap().unchecked_into();
    assert_eq!(order_ids(&both.get(0)), first);
    assert_eq!(order_ids(&both.get(1)), second);
    let orders = get_external_orders(ids(&wanted), s.lr("")).await.unwrap();
    assert_eq!(order_ids(&orders), wanted);
}
