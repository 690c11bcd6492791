//! What every section of the wasm tests uses: the simulator, its scopes, and
//! building options and reading errors as JavaScript would.

pub use gloo_net::http::Request;
pub use js_sys::{Array, Function, Object, Reflect, JSON};
pub use wasm_bindgen::prelude::*;
pub use wasm_bindgen::JsCast;
pub use wasm_bindgen_futures::JsFuture;
pub use wasm_bindgen_test::wasm_bindgen_test;

/// The exports as JS calls them: each returns a promise run by the crate's own executor.
macro_rules! awaited {
    ($($name:ident),*) => {$(
        pub async fn $name(first: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
            JsFuture::from(web3_orders::bindings::$name(first, options)).await
        }
    )*};
}
awaited!(
    create_external_orders,
    get_external_orders,
    get_namefi_order,
    query_capture_order
);

pub(crate) use crate::IN_BROWSER;

pub const SIM: &str = match option_env!("SIM_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8790",
};
pub const CAPTURE_ORDER: &str = "59210ee0-1a4e-451c-b048-c493d9e001ff";
pub const NAMEFI_ORDER: &str = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
pub const LR_TOKEN: &str = "sim-license-rocks-token";

/// A simulator scope of this test's own: its faults and request log.
pub struct Scope {
    name: String,
}

impl Scope {
    pub fn new() -> Scope {
        Scope {
            name: format!("w{}", (js_sys::Math::random() * 1e15) as u64),
        }
    }
    pub fn base(&self) -> String {
        format!("{SIM}/s/{}", self.name)
    }
    pub async fn fault(&self, json: &str) {
        let res = Request::post(&format!("{SIM}/__sim/scopes/{}/faults", self.name))
            .body(json)
            .unwrap()
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            200,
            "fault refused: {}",
            res.text().await.unwrap()
        );
    }
    /// (method, path, outcome) of every request the simulator saw in this scope.
    pub async fn requests(&self) -> Vec<(String, String, String)> {
        let res = Request::get(&format!("{SIM}/__sim/scopes/{}/requests", self.name))
            .send()
            .await
            .unwrap();
        let log: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        log["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["method"].as_str().unwrap().to_owned(),
                    r["path"].as_str().unwrap().to_owned(),
                    r["outcome"].to_string(),
                )
            })
            .collect()
    }
    /// The request headers the simulator logged (credentials as `[redacted]`).
    pub async fn headers(&self) -> Vec<serde_json::Value> {
        let res = Request::get(&format!("{SIM}/__sim/scopes/{}/requests", self.name))
            .send()
            .await
            .unwrap();
        let log: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        log["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["headers"].clone())
            .collect()
    }
    /// Sets this scope's Namefi rate limit (`{"limit": n}`, `{"limit": null}` lifts it).
    pub async fn namefi_rate_limit(&self, json: &str) {
        let url = format!("{SIM}/__sim/scopes/{}/namefi-rate-limit", self.name);
        let res = Request::post(&url)
            .body(json)
            .unwrap()
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            200,
            "rate limit refused: {}",
            res.text().await.unwrap()
        );
    }
    pub async fn count(&self, method: &str) -> usize {
        self.requests()
            .await
            .iter()
            .filter(|(m, _, _)| m == method)
            .count()
    }
    pub fn capture(&self, extra: &str) -> JsValue {
        options(
            &format!(
                r#"{{"apiKey":"sim-capture-key","baseUrl":"{}"{extra}}}"#,
                self.base()
            ),
            true,
        )
    }
    pub fn namefi(&self, extra: &str) -> JsValue {
        options(
            &format!(
                r#"{{"token":"sim-namefi-token","baseUrl":"{}/v-next"{extra}}}"#,
                self.base()
            ),
            false,
        )
    }
    pub fn lr(&self, extra: &str) -> JsValue {
        options(
            &format!(
                r#"{{"apiToken":"{LR_TOKEN}","instanceUrl":"{}"{extra}}}"#,
                self.base()
            ),
            true,
        )
    }
}

/// Options from JSON; partner secrets in a browser need the explicit opt-in.
pub fn options(json: &str, partner_secret: bool) -> JsValue {
    let value = JSON::parse(json).unwrap();
    if IN_BROWSER && partner_secret {
        Reflect::set(&value, &"dangerouslyAllowBrowser".into(), &true.into()).unwrap();
    }
    value
}

pub fn with(options: &JsValue, key: &str, value: &JsValue) -> JsValue {
    Reflect::set(options, &key.into(), value).unwrap();
    options.clone()
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

pub fn ids(list: &[u64]) -> JsValue {
    list.iter()
        .map(|&n| JsValue::from_f64(n as f64))
        .collect::<Array>()
        .into()
}

pub fn order_ids(result: &JsValue) -> Vec<u64> {
    Array::from(result)
        .iter()
        .map(|o| get(&o, "id").as_f64().unwrap() as u64)
        .collect()
}

/// The OrderApiError's fields: (kind, status, code, path, retryable).
pub fn fields(error: &JsValue) -> (String, Option<u16>, Option<String>, Option<String>, bool) {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    assert_eq!(
        get(error, "name").as_string().as_deref(),
        Some("OrderApiError")
    );
    assert!(get(error, "message")
        .as_string()
        .is_some_and(|m| !m.is_empty()));
    (
        get(error, "kind").as_string().unwrap(),
        get(error, "status").as_f64().map(|s| s as u16),
        get(error, "code").as_string(),
        get(error, "path").as_string(),
        get(error, "retryable").as_bool().unwrap(),
    )
}

pub fn message(error: &JsValue) -> String {
    get(error, "message").as_string().unwrap()
}

/// An object whose keys cannot be listed: a Proxy whose `ownKeys` throws `message`.
pub fn keys_that_throw(message: &str) -> JsValue {
    Function::new_with_args(
        "message",
        "return new Proxy({}, { ownKeys() { throw new Error(message); } })",
    )
    .call1(&JsValue::NULL, &message.into())
    .unwrap()
}

pub fn new_order() -> JsValue {
    JSON::parse(r#"[{"nftId":405,"listingId":2,"quantity":1,"buyerUserId":5}]"#).unwrap()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

pub fn set_timeout(callback: &Function, ms: i32) {
    let global = js_sys::global();
    let set: Function = Reflect::get(&global, &"setTimeout".into())
        .unwrap()
        .unchecked_into();
    set.call2(&global, callback, &ms.into()).unwrap();
}

#[allow(dead_code)]
pub async fn tick() {
    JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
}
