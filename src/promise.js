// Settling a promise into Rust through one long-lived callback: wasm-bindgen's
// own future makes two closures per await, each registered with a
// FinalizationRegistry and torn down again (src/promise.rs).
export function settleInto(promise, id, settle) {
  promise.then(
    (value) => settle(id, value, true),
    (error) => settle(id, error, false),
  );
}
