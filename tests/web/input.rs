//! Bad input of every kind is refused before any request is sent.

use super::support::*;

/// An array whose elements cannot be read: a Proxy whose `get` throws.
fn array_that_throws() -> JsValue {
    Function::new_no_args(
        "return new Proxy([1], { get() { throw new Error('no elements for you') } })",
    )
    .call0(&JsValue::NULL)
    .unwrap()
}

/// A revoked Proxy: even `Array.isArray` throws on it.
fn revoked_proxy() -> JsValue {
    Function::new_no_args(
        "const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return proxy",
    )
    .call0(&JsValue::NULL)
    .unwrap()
}

#[wasm_bindgen_test]
async fn invalid_input_is_refused_before_any_request() {
    let s = Scope::new();
    let cases: Vec<(JsValue, &str)> = vec![
        (query_capture_order("not-a-uuid".into(), s.capture("")).await.unwrap_err(), "UUID"),
        (query_capture_order(JsValue::from(5), s.capture("")).await.unwrap_err(), "orderId"),
        (
            query_capture_order(CAPTURE_ORDER.into(), options(&format!(r#"{{"baseUrl":"{}"}}"#, s.base()), true)).await.unwrap_err(),
            "apiKey",
        ),
        (query_capture_order(CAPTURE_ORDER.into(), s.capture(r#","baseUrl":"http://example.com""#)).await.unwrap_err(), "https"),
        (query_capture_order(CAPTURE_ORDER.into(), s.capture(r#","timeoutMs":-5"#)).await.unwrap_err(), "timeoutMs"),
        (query_capture_order(CAPTURE_ORDER.into(), s.capture(r#","maxRetries":1.5"#)).await.unwrap_err(), "maxRetries"),
        (query_capture_order(CAPTURE_ORDER.into(), s.capture(r#","timeout":5"#)).await.unwrap_err(), "unknown option"),
        (query_capture_order(CAPTURE_ORDER.into(), JsValue::NULL).await.unwrap_err(), "options"),
        (query_capture_order(CAPTURE_ORDER.into(), keys_that_throw("no keys for you")).await.unwrap_err(), "options could not be read"),
        (query_capture_order(CAPTURE_ORDER.into(), revoked_proxy()).await.unwrap_err(), "options could not be read"),
        (get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","apiKey":"k""#)).await.unwrap_err(), "not both token and apiKey"),
        (get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","siweToken":"k""#)).await.unwrap_err(), "not both token and siweToken"),
        (
            get_namefi_order(NAMEFI_ORDER.into(), options(&format!(r#"{{"baseUrl":"{}/v-next"}}"#, s.base()), false)).await.unwrap_err(),
            "exactly one of token, siweToken, apiKey is required",
        ),
        (get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","key":"k""#)).await.unwrap_err(), "unknown option \"key\""),
        (get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","key":"k""#)).await.unwrap_err(), "known options: token, siweToken, apiKey, baseUrl, timeoutMs, maxRetries, signal"),
        (get_external_orders(ids(&[1]), s.lr(r#","token":"t""#)).await.unwrap_err(), "unknown option \"token\""),
        (get_external_orders(array_that_throws(), s.lr("")).await.unwrap_err(), "ids could not be read"),
        (create_external_orders(array_that_throws(), s.lr("")).await.unwrap_err(), "orders could not be read"),
        (get_external_orders(revoked_proxy(), s.lr("")).await.unwrap_err(), "ids could not be read"),
        (create_external_orders(revoked_proxy(), s.lr("")).await.unwrap_err(), "orders could not be read"),
        (get_external_orders(Array::new_with_length(1 << 30).into(), s.lr("")).await.unwrap_err(), "at most 100000"),
        (get_namefi_order("../../admin".into(), s.namefi("")).await.unwrap_err(), "UUID"),
        (get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","token":"has space""#)).await.unwrap_err(), "token"),
        (get_external_orders(ids(&[1, 0]), s.lr("")).await.unwrap_err(), "ids[1]"),
        (get_external_orders(JSON::parse(r#"[1,"2a"]"#).unwrap(), s.lr("")).await.unwrap_err(), "ids[1]"),
        (get_external_orders(JSON::parse("[1.5]").unwrap(), s.lr("")).await.unwrap_err(), "ids[0]"),
        (get_external_orders(JSON::parse("[1,{}]").unwrap(), s.lr("")).await.unwrap_err(), "ids[1] is an object;"),
        (get_external_orders(JSON::parse("[1,null]").unwrap(), s.lr("")).await.unwrap_err(), "ids[1] is null;"),
        (get_external_orders(JSON::parse("[true]").unwrap(), s.lr("")).await.unwrap_err(), "ids[0] is a boolean;"),
        (get_external_orders(JSON::parse("[9007199254740992]").unwrap(), s.lr("")).await.unwrap_err(), "ids[0]"),
        (get_external_orders("1,2".into(), s.lr("")).await.unwrap_err(), "array"),
        (get_external_orders(ids(&[1]), options(&format!(r#"{{"apiToken":"{LR_TOKEN}"}}"#), true)).await.unwrap_err(), "instanceUrl"),
        (get_external_orders(ids(&[1]), s.lr(r#","instanceUrl":"https://user:pw@hub.example""#)).await.unwrap_err(), "credentials"),
        (create_external_orders(Array::new().into(), s.lr("")).await.unwrap_err(), "non-empty"),
        (
            create_external_orders(JSON::parse(r#"[{"nftId":405,"listingId":2,"quantity":1}]"#).unwrap(), s.lr("")).await.unwrap_err(),
            "buyerUserId",
        ),
        (
            create_external_orders(JSON::parse(r#"[{"nftId":405,"listingId":2,"quantity":0,"buyerUserId":5}]"#).unwrap(), s.lr(""))
                .await
                .unwrap_err(),
            "orders[0].quantity",
        ),
        (
            create_external_orders(JSON::parse(r#"[{"nftId":"405","listingId":2,"quantity":1,"buyerUserId":5}]"#).unwrap(), s.lr(""))
                .await
                .unwrap_err(),
            "orders[0].nftId",
        ),
        (
            create_external_orders(
                JSON::parse(r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5,"buyerBilingData":{}}]"#).unwrap(),
                s.lr(""),
            )
            .await
            .unwrap_err(),
            "buyerBilingData",
        ),
        (
            create_external_orders(
                JSON::parse(r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5,"buyerBillingData":{"city":7}}]"#).unwrap(),
                s.lr(""),
            )
            .await
            .unwrap_err(),
            "buyerBillingData.city",
        ),
    ];
    for (error, needle) in &cases {
        let (kind, status, ..) = fields(error);
        assert_eq!(
            (kind.as_str(), status),
            ("invalid_input", None),
            "{}",
            message(error)
        );
        assert!(
            message(error).contains(needle),
            "{:?} not in {:?}",
            needle,
            message(error)
        );
        assert!(
            !message(error).contains("Error: "),
            "a JS error prefix leaked into {:?}",
            message(error)
        );
    }
    assert!(s.requests().await.is_empty(), "nothing may be sent");
}

/// `options` with `key` replaced by an enumerable getter that throws.
fn throwing_getter(options: &JsValue, key: &str) -> JsValue {
    Function::new_with_args(
        "options, key",
        "return Object.defineProperty({ ...options }, key, { enumerable: true, get() { throw new Error('no ' + key) } })",
    )
    .call2(&JsValue::NULL, options, &key.into())
    .unwrap()
}

// An option present but unreadable is not absent: read as absent, a throwing
// `fetch` would send a real request, a throwing `signal` would not cancel, and a
// throwing `baseUrl` would reach the production API.
#[wasm_bindgen_test]
async fn an_option_that_throws_when_read_is_refused_by_name() {
    let s = Scope::new();
    let mut cases: Vec<(JsValue, &str)> = Vec::new();
    for key in [
        "apiKey",
        "baseUrl",
        "fetch",
        "signal",
        "timeoutMs",
        "maxRetries",
        "maxResponseBytes",
        "onRequest",
        "onError",
    ] {
        cases.push((
            query_capture_order(CAPTURE_ORDER.into(), throwing_getter(&s.capture(""), key))
                .await
                .unwrap_err(),
            key,
        ));
    }
    for key in ["token", "baseUrl", "dangerouslyAllowBrowser"] {
        cases.push((
            get_namefi_order(NAMEFI_ORDER.into(), throwing_getter(&s.namefi(""), key))
                .await
                .unwrap_err(),
            key,
        ));
    }
    for key in ["apiToken", "instanceUrl", "onResponse"] {
        cases.push((
            get_external_orders(ids(&[1]), throwing_getter(&s.lr(""), key))
                .await
                .unwrap_err(),
            key,
        ));
        cases.push((
            create_external_orders(new_order(), throwing_getter(&s.lr(""), key))
                .await
                .unwrap_err(),
            key,
        ));
    }
    for (error, key) in &cases {
        let (kind, status, ..) = fields(error);
        assert_eq!(
            (kind.as_str(), status),
            ("invalid_input", None),
            "{key}: {}",
            message(error)
        );
        assert!(
            message(error).ends_with(&format!(": {key} could not be read (reading it threw)")),
            "{key}: {}",
            message(error)
        );
    }
    assert!(s.requests().await.is_empty(), "nothing may be sent");
}

#[wasm_bindgen_test]
async fn partner_secrets_are_refused_in_a_browser_page_without_the_opt_in() {
    let s = Scope::new();
    let plain = JSON::parse(&format!(
        r#"{{"apiToken":"{LR_TOKEN}","instanceUrl":"{}"}}"#,
        s.base()
    ))
    .unwrap();
    let result = get_external_orders(ids(&[1]), plain).await;
    let namefi = get_namefi_order(NAMEFI_ORDER.into(), s.namefi("")).await;
    assert!(namefi.is_ok(), "the Namefi user token is fine anywhere");
    if IN_BROWSER {
        let error = result.unwrap_err();
        assert_eq!(fields(&error).0, "invalid_input");
        assert!(message(&error).contains("dangerouslyAllowBrowser"));
        assert!(!message(&error).contains(LR_TOKEN));
    } else {
        assert!(result.is_ok(), "Node is not a browser");
    }
}
