// Browsers, with a bundler (Vite…) or without one. The .wasm is fetched next to
// this file (`new URL(…, import.meta.url)`, which bundlers understand) on the
// first call; `init()` starts that early, or takes your own URL/Response/Module.
import initWasm, * as wasm from "../pkg/web3_orders.js";
import { workflows } from "./workflows.js";

let ready;
/** Loads the wasm once; later calls return the same promise. */
export function init(moduleOrPath) {
  ready ??= initWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => undefined);
  return ready;
}

export async function queryCaptureOrder(orderId, options) {
  await init();
  return wasm.queryCaptureOrder(orderId, options);
}
export async function getNamefiOrder(orderId, options) {
  await init();
  return wasm.getNamefiOrder(orderId, options);
}
export async function getExternalOrders(ids, options) {
  await init();
  return wasm.getExternalOrders(ids, options);
}
export async function createExternalOrders(orders, options) {
  await init();
  return wasm.createExternalOrders(orders, options);
}
export { isOrderApiError } from "./errors.js";
export const { waitForNamefiOrder, waitForCaptureOrder, iterExternalOrders } = workflows(wasm, init);
