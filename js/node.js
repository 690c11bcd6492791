// Node (>= 20, ESM): the wasm is read from disk and instantiated on import, so
// no init call is needed.
import { readFileSync } from "node:fs";
import { initSync } from "../pkg/web3_orders.js";

initSync({ module: readFileSync(new URL("../pkg/web3_orders_bg.wasm", import.meta.url)) });

export { createExternalOrders, getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../pkg/web3_orders.js";
export { isOrderApiError } from "./errors.js";
/** Already initialised on import; kept so code can call it in every runtime. */
export async function init() {}
