//! The JavaScript surface (the contract in README "API"): every
//! `#[wasm_bindgen]` export, a few lines each. Options are checked in
//! [`options`], arguments and results converted in [`convert`]; what is sent
//! and how replies are read is the provider's own module.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::error::Provider;
use crate::providers::license_rocks::ids::{distinct_ids, license_rocks_ids};
use crate::providers::{capture, license_rocks, namefi};

mod convert;
mod options;

use convert::string_arg;
use convert::{capture_response, id_inputs, id_inputs_part, new_orders, orders_array};
use convert::{parse_json, placed_orders};
use options::Call;

/// Queries a Capture network-action order; resolves to the reply's `response` object.
#[wasm_bindgen(js_name = queryCaptureOrder)]
pub fn query_capture_order(order_id: JsValue, options: JsValue) -> Promise {
    crate::task::spawn(async move {
        let provider = Provider::Capture;
        let call = Call::new(provider, &options)?;
        let run = async {
            let base = call.api_url()?;
            let order_id = string_arg(provider, "orderId", &order_id)?;
            let body =
                capture::query_order(&call.transport, &base, &call.credential.value, &order_id)
                    .await?;
            capture_response(&body)
        };
        call.finish(run.await)
    })
}

/// Gets a Namefi order with its items, payments and user, for the order's owner
/// (exactly one of `token`, `siweToken` and `apiKey`).
#[wasm_bindgen(js_name = getNamefiOrder)]
pub fn get_namefi_order(order_id: JsValue, options: JsValue) -> Promise {
    crate::task::spawn(async move {
        let provider = Provider::Namefi;
        let call = Call::new(provider, &options)?;
        let run = async {
            let base = call.api_url()?;
            let order_id = string_arg(provider, "orderId", &order_id)?;
            let body =
                namefi::get_order(&call.transport, &base, &call.credential, &order_id).await?;
            parse_json(provider, &body)
        };
        call.finish(run.await)
    })
}

/// Reads License.rocks orders: one per distinct id, in the order first asked for.
#[wasm_bindgen(js_name = getExternalOrders)]
pub fn get_external_orders(ids: JsValue, options: JsValue) -> Promise {
    crate::task::spawn(async move {
        let call = Call::new(Provider::LicenseRocks, &options)?;
        let run = async {
            let instance = call.api_url()?;
            let ids = license_rocks_ids(&id_inputs(&ids)?)?;
            if ids.is_empty() {
                return Ok(js_sys::Array::new().into());
            }
            let batches =
                license_rocks::get_orders(&call.transport, &instance, &call.credential.value, &ids)
                    .await?;
            Ok(placed_orders(&ids, &batches)?.into())
        };
        call.finish(run.await)
    })
}

/// For `iterExternalOrders` (js/workflows.js), not exported by the package:
/// checks the options and the ids from index `from` on (as `getExternalOrders`
/// checks them, up to `MAX_ITERATED_IDS` in all) and returns that part's
/// distinct ids, `MAX_IDS` of them at most, in the order first asked for.
#[wasm_bindgen(js_name = distinctExternalOrderIds)]
pub fn distinct_external_order_ids(
    ids: JsValue,
    from: u32,
    options: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let call = Call::new(Provider::LicenseRocks, &options)?;
    let run = || {
        call.api_url()?;
        let part = distinct_ids(&id_inputs_part(&ids, from)?, from as usize)?;
        Ok(part.into_iter().map(|id| id as f64).collect())
    };
    call.finish(run())
}

/// Creates License.rocks orders (marks them paid and starts the NFT transfer).
/// Sent once, never retried.
#[wasm_bindgen(js_name = createExternalOrders)]
pub fn create_external_orders(orders: JsValue, options: JsValue) -> Promise {
    crate::task::spawn(async move {
        let provider = Provider::LicenseRocks;
        let call = Call::new(provider, &options)?;
        let run = async {
            let instance = call.api_url()?;
            let orders = new_orders(&orders)?;
            let body = license_rocks::create_orders(
                &call.transport,
                &instance,
                &call.credential.value,
                &orders,
            )
            .await?;
            Ok(orders_array(provider, &body)?.into())
        };
        call.finish(run.await)
    })
}
