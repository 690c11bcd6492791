// Node (>= 20, ESM): the wasm is read from disk and instantiated on import, so
// no init call is needed.
import { readFileSync } from "node:fs";
import * as wasm from "../pkg/web3_orders.js";
import { workflows } from "./workflows.js";

wasm.initSync({ module: readFileSync(new URL("../pkg/web3_orders_bg.wasm", import.meta.url)) });

export { createExternalOrders, getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../pkg/web3_orders.js";
export { isOrderApiError } from "./errors.js";
export const { waitForNamefiOrder, waitForCaptureOrder, iterExternalOrders } = workflows(wasm, () => undefined);
/** Already initialised on import; kept so code can call it in every runtime. */
export async function init() {}
