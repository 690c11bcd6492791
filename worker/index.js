// The edge Worker's entry: a thin shim. Routing, auth, CORS, redaction and
// idempotency are in Rust (src/worker/), built into pkg-worker/.

import { idempotentCreate, initSync, workerFetch } from "../pkg-worker/web3_orders.js";
import wasmModule from "../pkg-worker/web3_orders_bg.wasm";

initSync({ module: wasmModule });

export default {
  fetch(request, env) {
    return workerFetch(request, env);
  },
};

// One instance per Idempotency-Key; holds that key's record for 24 hours.
export class IdempotencyStore {
  constructor(state, env) {
    this.storage = state.storage;
    this.env = env;
  }
  fetch(request) {
    return idempotentCreate(request, this.storage, this.env);
  }
  async alarm() {
    await this.storage.deleteAll();
  }
}
