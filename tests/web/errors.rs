//! Provider errors, bad bodies and redirects become typed errors.

use super::support::*;

#[wasm_bindgen_test]
async fn provider_error_shapes_become_api_errors() {
    let s = Scope::new();
    let e = get_namefi_order("00000000-0000-4000-a000-000000000000".into(), s.namefi(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(404),
            Some("NOT_FOUND".into()),
            None,
            false
        )
    );
    // Namefi's owner check answers 401, not 403.
    let e = get_namefi_order(
        NAMEFI_ORDER.into(),
        s.namefi(r#","token":"sim-namefi-token-other""#),
    )
    .await
    .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(401),
            Some("UNAUTHORIZED".into()),
            None,
            false
        )
    );
    assert!(
        message(&e).contains("not authorized to access this order"),
        "{}",
        message(&e)
    );
    let e = get_external_orders(ids(&[1, 3]), s.lr(""))
        .await
        .unwrap_err();
    assert_eq!(fields(&e), ("api".into(), Some(400), None, None, false));
    assert!(message(&e).contains("Order with ID 3 does not exist."));
    let e = get_external_orders(ids(&[1]), s.lr(r#","apiToken":"wrong-token""#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).1, Some(401));
    let e = query_capture_order(CAPTURE_ORDER.into(), s.capture(r#","apiKey":"wrong-key""#))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(401),
            Some("Unauthorized".into()),
            None,
            false
        )
    );
    assert!(
        message(&e).contains("Invalid or expired token"),
        "{}",
        message(&e)
    );
    assert!(!message(&e).contains("wrong-key"));
}

#[wasm_bindgen_test]
async fn each_namefi_credential_goes_in_its_own_header_alone() {
    let s = Scope::new();
    let cases = [
        ("token", "sim-namefi-token", "authorization"),
        (
            "siweToken",
            "sim-namefi-siwe-session",
            "x-namefi-siwe-token",
        ),
        ("apiKey", "nfk_sim_namefi_api_key", "x-api-key"),
    ];
    for (option, value, _) in cases {
        let options = options(
            &format!(
                r#"{{"{option}":"{value}","baseUrl":"{}/v-next"}}"#,
                s.base()
            ),
            option == "apiKey",
        );
        let details = get_namefi_order(NAMEFI_ORDER.into(), options)
            .await
            .unwrap_or_else(|e| panic!("{option}: {}", message(&e)));
        assert_eq!(
            get(&get(&details, "order"), "id").as_string().as_deref(),
            Some(NAMEFI_ORDER)
        );
    }
    let logged = s.headers().await;
    assert_eq!(logged.len(), 3);
    for ((option, _, header), sent) in cases.iter().zip(&logged) {
        for (_, _, other) in cases {
            let expected = if other == *header {
                Some("[redacted]")
            } else {
                None
            };
            assert_eq!(sent[other].as_str(), expected, "{option}: header {other}");
        }
    }
}

#[wasm_bindgen_test]
async fn a_namefi_api_key_is_refused_in_a_browser_page_without_the_opt_in() {
    let s = Scope::new();
    let key = "nfk_sim_namefi_api_key";
    let plain = JSON::parse(&format!(
        r#"{{"apiKey":"{key}","baseUrl":"{}/v-next"}}"#,
        s.base()
    ))
    .unwrap();
    let session = JSON::parse(&format!(
        r#"{{"siweToken":"sim-namefi-siwe-session","baseUrl":"{}/v-next"}}"#,
        s.base()
    ))
    .unwrap();
    assert!(
        get_namefi_order(NAMEFI_ORDER.into(), session).await.is_ok(),
        "a user's SIWE session is fine anywhere"
    );
    let result = get_namefi_order(NAMEFI_ORDER.into(), plain.clone()).await;
    if IN_BROWSER {
        let error = result.unwrap_err();
        assert_eq!(fields(&error).0, "invalid_input");
        assert!(
            message(&error).contains("apiKey is a secret")
                && message(&error).contains("dangerouslyAllowBrowser"),
            "{}",
            message(&error)
        );
        assert!(!message(&error).contains(key));
        assert_eq!(s.count("GET").await, 1, "nothing sent for the refused call");
        let allowed = with(&plain, "dangerouslyAllowBrowser", &true.into());
        assert!(get_namefi_order(NAMEFI_ORDER.into(), allowed).await.is_ok());
    } else {
        assert!(result.is_ok(), "Node is not a browser");
    }
}

#[wasm_bindgen_test]
async fn namefi_rate_limit_refusals_are_api_errors_with_the_servers_wait() {
    // The rate limiter's own body, with Retry-After.
    let s = Scope::new();
    s.fault(r#"{"status":429,"body":{"error":"Too Many Requests"},"headers":{"retry-after":"7","ratelimit-limit":"60","ratelimit-remaining":"0","ratelimit-reset":"7"}}"#).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","maxRetries":0"#))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(429),
            Some("TOO_MANY_REQUESTS".into()),
            None,
            true
        )
    );
    assert_eq!(message(&e), "namefi: Too Many Requests");
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(7000.0));
    // Without Retry-After, RateLimit-Reset (seconds) is the wait.
    s.fault(r#"{"status":429,"body":{"error":"Too Many Requests"},"headers":{"ratelimit-limit":"60","ratelimit-remaining":"0","ratelimit-reset":"42"}}"#).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","maxRetries":0"#))
        .await
        .unwrap_err();
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(42000.0));
    // The simulator's own limiter, lowered to one request a minute.
    let t = Scope::new();
    t.namefi_rate_limit(r#"{"limit":1}"#).await;
    get_namefi_order(NAMEFI_ORDER.into(), t.namefi(""))
        .await
        .unwrap();
    let e = get_namefi_order(NAMEFI_ORDER.into(), t.namefi(r#","maxRetries":0"#))
        .await
        .unwrap_err();
    assert_eq!(
        (fields(&e).1, fields(&e).2.as_deref()),
        (Some(429), Some("TOO_MANY_REQUESTS"))
    );
    let wait = get(&e, "retryAfterMs").as_f64().unwrap();
    assert!((1000.0..=60000.0).contains(&wait), "waited {wait}");
}

#[wasm_bindgen_test]
async fn namefi_validation_and_payment_errors_keep_their_code_and_are_not_retried() {
    let s = Scope::new();
    let validation = r#"{"defined":false,"code":"INPUT_VALIDATION_FAILED","status":422,"message":"Input validation failed","data":{"formErrors":[],"fieldErrors":{"orderId":["Invalid uuid"]}}}"#;
    s.fault(&format!(r#"{{"status":422,"body":{validation}}}"#))
        .await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(422),
            Some("INPUT_VALIDATION_FAILED".into()),
            None,
            false
        )
    );
    assert!(message(&e).contains("Input validation failed"));
    assert_eq!(s.count("GET").await, 1, "a 422 is not retried");
    let x402 = r#"{"x402Version":1,"error":"X-PAYMENT header is required","accepts":[{"scheme":"exact","network":"base","maxAmountRequired":"1000"}]}"#;
    s.fault(&format!(r#"{{"status":402,"body":{x402}}}"#)).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(402),
            Some("PAYMENT_REQUIRED".into()),
            None,
            false
        )
    );
    assert_eq!(message(&e), "namefi: X-PAYMENT header is required");
    // An error that echoes the caller's credential, in its code and its message.
    let echo = r#"{"defined":false,"code":"BAD_TOKEN_sim-namefi-token","status":401,"message":"token sim-namefi-token is not valid"}"#;
    s.fault(&format!(r#"{{"status":401,"body":{echo}}}"#)).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e).2,
        None,
        "a code holding the credential is dropped"
    );
    assert_eq!(
        message(&e),
        "namefi: token [redacted] is not valid (BAD_TOKEN_[redacted])"
    );
    let orpc = r#"{"defined":true,"code":"PAYMENT_REQUIRED","status":402,"message":"Payment Required","data":null}"#;
    s.fault(&format!(r#"{{"status":402,"body":{orpc}}}"#)).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).2.as_deref(), Some("PAYMENT_REQUIRED"));
}

#[wasm_bindgen_test]
async fn capture_errors_in_bubbles_shapes_are_api_errors_without_the_key() {
    let s = Scope::new();
    let key = "sim-capture-key";
    // Missing data, Bubble's nested shape.
    let e = query_capture_order(CAPTURE_ORDER.into(), s.capture("")).await;
    assert!(e.is_ok());
    s.fault(r#"{"status":400,"body":{"statusCode":400,"body":{"status":"MISSING_DATA","message":"Missing parameter for workflow queryOrder: parameter order_id"}}}"#).await;
    let e = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "api".into(),
            Some(400),
            Some("MISSING_DATA".into()),
            None,
            false
        )
    );
    assert_eq!(
        message(&e),
        "capture: Missing parameter for workflow queryOrder: parameter order_id"
    );
    // A token error: the text is in `translation`, `message` is null; one that echoes the key.
    let token_error = format!(
        r#"{{"error_class":"Unauthorized {key}","args":{{"code":"1700000000000x1"}},"message":null,"translation":"Invalid or expired token {key}"}}"#
    );
    for status in [401, 200] {
        s.fault(&format!(r#"{{"status":{status},"body":{token_error}}}"#))
            .await;
        let e = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
            .await
            .unwrap_err();
        let (kind, got, code, ..) = fields(&e);
        assert_eq!((kind.as_str(), got), ("api", Some(status)));
        assert_eq!(
            code, None,
            "a code that is not a plain identifier is dropped"
        );
        assert_eq!(message(&e), "capture: Invalid or expired token [redacted]");
    }
    // Through the simulator: a missing key gets Bubble's token error.
    let e = query_capture_order(
        CAPTURE_ORDER.into(),
        s.capture(r#","apiKey":"not-the-key""#),
    )
    .await
    .unwrap_err();
    assert_eq!(fields(&e).2.as_deref(), Some("Unauthorized"));
}

#[wasm_bindgen_test]
async fn real_capture_and_license_rocks_data_is_read() {
    let s = Scope::new();
    // A paid order whose result is not there yet, with a decimal cost.
    let body = r#"{"status":"success","response":{"nid":"bafyx","blockchain":"polygon","payment_token":"NUM","cost":0.05,"gas":0.125,"network_app_id":"a","network_app_name":"b","order_id":"59210ee0-1a4e-451c-b048-c493d9e001ff","status":"paid"}}"#;
    s.fault(&format!(r#"{{"status":200,"body":{body}}}"#)).await;
    let order = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap();
    assert_eq!(get(&order, "cost").as_f64(), Some(0.05));
    assert_eq!(get(&order, "status").as_string().as_deref(), Some("paid"));
    assert!(get(&order, "result_url").is_undefined());
    // Generated License.rocks orders carry the status real orders have.
    let orders = get_external_orders(ids(&[1000]), s.lr("")).await.unwrap();
    assert_eq!(
        get(&Array::from(&orders).get(0), "status")
            .as_string()
            .as_deref(),
        Some("paid")
    );
}

#[wasm_bindgen_test]
async fn capture_status_other_than_success_is_an_api_error_with_its_message() {
    let s = Scope::new();
    s.fault(r#"{"status":200,"body":{"status":"error","message":"order is being processed"}}"#)
        .await;
    let e = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "api");
    assert!(message(&e).contains("order is being processed"));
}

#[wasm_bindgen_test]
async fn a_proxy_page_is_an_http_error() {
    let s = Scope::new();
    s.fault(r#"{"nonJson":true,"status":502}"#).await;
    let e = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(r#","maxRetries":0"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e), ("http".into(), Some(502), None, None, true));
}

#[wasm_bindgen_test]
async fn bad_bodies_are_invalid_responses_naming_the_path() {
    let s = Scope::new();
    s.fault(r#"{"nonJson":true}"#).await;
    let e = get_external_orders(ids(&[1]), s.lr("")).await.unwrap_err();
    assert_eq!(fields(&e).0, "invalid_response");
    s.fault(r#"{"truncate":true}"#).await;
    let e = get_external_orders(ids(&[1]), s.lr("")).await.unwrap_err();
    assert_eq!(fields(&e).0, "invalid_response");
    let body = r#"{"status":"success","response":{"nid":"x","blockchain":"polygon","payment_token":"NUM","cost":"2","gas":0,"network_app_id":"a","network_app_name":"b","order_id":"c","result_url":"","status":"completed"}}"#;
    s.fault(&format!(r#"{{"status":200,"body":{body}}}"#)).await;
    let e = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap_err();
    assert_eq!(
        fields(&e),
        (
            "invalid_response".into(),
            Some(200),
            None,
            Some("response.cost".into()),
            false
        )
    );
    assert!(message(&e).contains("capture"));
}

#[wasm_bindgen_test]
async fn a_body_over_the_cap_is_refused() {
    let s = Scope::new();
    let e = get_external_orders(ids(&[1, 2]), s.lr(r#","maxResponseBytes":1000"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "invalid_response");
    assert!(message(&e).contains("maxResponseBytes"));
}

#[wasm_bindgen_test]
async fn redirects_are_errors_and_never_followed() {
    let s = Scope::new();
    let target = Scope::new();
    s.fault(&format!(
        r#"{{"redirect":"{}/api/externalOrders/1"}}"#,
        target.base()
    ))
    .await;
    let e = get_external_orders(ids(&[1]), s.lr(r#","maxRetries":0"#))
        .await
        .unwrap_err();
    assert_eq!(fields(&e).0, "http");
    assert!(message(&e).contains("redirect"));
    assert!(
        target.requests().await.is_empty(),
        "the redirect target was contacted"
    );
}

// A reply about another order than the one asked for (a cache or proxy mixing
// answers up) is not an answer: its status would be taken for this order's.
#[wasm_bindgen_test]
async fn a_reply_about_another_order_is_invalid_response() {
    let s = Scope::new();
    let other = "00000000-0000-4000-a000-000000000000";
    let capture = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap();
    Reflect::set(&capture, &"order_id".into(), &other.into()).unwrap();
    let capture = JSON::stringify(&capture).unwrap().as_string().unwrap();
    s.fault(&format!(
        r#"{{"body":{{"status":"success","response":{capture}}}}}"#
    ))
    .await;
    let error = query_capture_order(CAPTURE_ORDER.into(), s.capture(""))
        .await
        .unwrap_err();
    let (kind, status, _, path, retryable) = fields(&error);
    assert_eq!(
        (kind.as_str(), status, path.as_deref(), retryable),
        (
            "invalid_response",
            Some(200),
            Some("response.order_id"),
            false
        ),
        "{}",
        message(&error)
    );
    assert!(
        message(&error).contains(CAPTURE_ORDER),
        "{}",
        message(&error)
    );
    assert!(
        !message(&error).contains(other),
        "the reply's value is not echoed: {}",
        message(&error)
    );

    let namefi = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap();
    Reflect::set(&get(&namefi, "order"), &"id".into(), &other.into()).unwrap();
    let namefi = JSON::stringify(&namefi).unwrap().as_string().unwrap();
    s.fault(&format!(r#"{{"body":{namefi}}}"#)).await;
    let error = get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .unwrap_err();
    let (kind, status, _, path, retryable) = fields(&error);
    assert_eq!(
        (kind.as_str(), status, path.as_deref(), retryable),
        ("invalid_response", Some(200), Some("order.id"), false),
        "{}",
        message(&error)
    );
    // The same order again is fine.
    assert!(get_namefi_order(NAMEFI_ORDER.into(), s.namefi(""))
        .await
        .is_ok());
}
