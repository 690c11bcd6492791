// Settling a promise into Rust through one long-lived callback: wasm-bindgen's
// own future makes two closures per await, each registered with a
// FinalizationRegistry and torn down again (src/promise.rs).
export function settleInto(promise, id, settle) {
  promise.then(
    (value) => guarded(settle, id, value, true),
    (error) => guarded(settle, id, error, false),
  );
}

// The id that hands back an exception thrown through a poll (src/promise.rs).
const CUT_OFF = 0xffffffff;

// A poll the callback runs may be cut off by an exception thrown through the
// wasm (a trap is a bug). It is handed back, so that the task it cut off is
// rejected with it and the other tasks go on (src/task.rs).
function guarded(settle, id, value, fulfilled) {
  try {
    settle(id, value, fulfilled);
  } catch (error) {
    guarded(settle, CUT_OFF, error, false);
  }
}
