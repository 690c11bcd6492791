// Cloudflare Workers (workerd): the .wasm is imported statically, which the
// runtime hands over as a compiled WebAssembly.Module; compiling from bytes at
// run time is forbidden there.

import * as wasm from "../pkg/web3_orders.js";
import wasmModule from "../pkg/web3_orders_bg.wasm";
import { workflows } from "./workflows.js";

wasm.initSync({ module: wasmModule });

export { createExternalOrders, getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../pkg/web3_orders.js";
export { isOrderApiError } from "./errors.js";
export const { waitForNamefiOrder, waitForCaptureOrder, iterExternalOrders } = workflows(wasm, () => undefined);
/** Already initialised on import; kept so code can call it in every runtime. */
export async function init() {}
