// Cloudflare Workers (workerd): the .wasm is imported statically, which the
// runtime hands over as a compiled WebAssembly.Module; compiling from bytes at
// run time is forbidden there.
import wasmModule from "../pkg/web3_orders_bg.wasm";
import { initSync } from "../pkg/web3_orders.js";

initSync({ module: wasmModule });

export { queryCaptureOrder, getNamefiOrder, getExternalOrders, createExternalOrders } from "../pkg/web3_orders.js";
export { isOrderApiError } from "./errors.js";
/** Already initialised on import; kept so code can call it in every runtime. */
export async function init() {}
