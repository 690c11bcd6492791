//! Typed bindings for the Workers runtime objects the idempotency store uses:
//! a Durable Object namespace and stub, the object's storage, and Web Crypto.
//! Each call is `catch`: an object of the wrong shape (a misconfigured binding)
//! is an error, never a throw through the wasm.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{RequestInit, Response};

use crate::promise::settled;

#[wasm_bindgen]
extern "C" {
    /// `env.IDEMPOTENCY`: a Durable Object namespace binding.
    pub type Namespace;
    #[wasm_bindgen(method, catch, js_name = idFromName)]
    fn id_from_name(this: &Namespace, name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = get)]
    fn stub(this: &Namespace, id: &JsValue) -> Result<Stub, JsValue>;

    type Stub;
    #[wasm_bindgen(method, catch)]
    fn fetch(this: &Stub, url: &str, init: &RequestInit) -> Result<Promise, JsValue>;

    /// `state.storage` of a Durable Object.
    pub type Storage;
    #[wasm_bindgen(method, catch, js_name = get)]
    fn get_value(this: &Storage, key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = put)]
    fn put_value(this: &Storage, key: &str, value: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = delete)]
    fn delete_value(this: &Storage, key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setAlarm)]
    fn set_alarm_at(this: &Storage, at_ms: f64) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["crypto", "subtle"], js_name = digest)]
    fn digest(algorithm: &str, data: &[u8]) -> Result<Promise, JsValue>;
}

/// What a runtime call failed with; the details stay inside (they may name
/// bindings or keys, and the answer is a plain 500).
#[derive(Debug)]
pub struct RuntimeError;

async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, RuntimeError> {
    settled(&promise.map_err(|_| RuntimeError)?)
        .await
        .map_err(|_| RuntimeError)
}

impl Namespace {
    /// The binding `name` of `env`, when it is an object.
    pub fn from_env(env: &JsValue, name: &str) -> Option<Namespace> {
        js_sys::Reflect::get(env, &name.into())
            .ok()
            .filter(|n| n.is_object())
            .map(JsCast::unchecked_into)
    }

    /// POSTs `body` to `url` on the object named `name`.
    pub async fn post(&self, name: &str, url: &str, body: &str) -> Result<Response, RuntimeError> {
        let id = self.id_from_name(name).map_err(|_| RuntimeError)?;
        let stub = self.stub(&id).map_err(|_| RuntimeError)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body.into());
        let response = settle(stub.fetch(url, &init)).await?;
        response.dyn_into().map_err(|_| RuntimeError)
    }
}

impl Storage {
    /// The string stored under `key`, if any.
    pub async fn get_text(&self, key: &str) -> Result<Option<String>, RuntimeError> {
        Ok(settle(self.get_value(key)).await?.as_string())
    }

    /// Stores `value` under `key`.
    pub async fn put_text(&self, key: &str, value: &str) -> Result<(), RuntimeError> {
        settle(self.put_value(key, value)).await.map(drop)
    }

    /// Forgets `key`.
    pub async fn delete(&self, key: &str) -> Result<(), RuntimeError> {
        settle(self.delete_value(key)).await.map(drop)
    }

    /// Asks the runtime to run the object's alarm at `at_ms` (not awaited:
    /// the alarm only tidies up, and a later put moves it).
    pub fn set_alarm(&self, at_ms: f64) {
        let _ = self.set_alarm_at(at_ms);
    }
}

/// The SHA-256 of `bytes`, as lowercase hex.
pub async fn sha256_hex(bytes: &[u8]) -> Result<String, RuntimeError> {
    let digest = js_sys::Uint8Array::new(&settle(digest("SHA-256", bytes)).await?);
    Ok(digest.to_vec().iter().map(|b| format!("{b:02x}")).collect())
}
