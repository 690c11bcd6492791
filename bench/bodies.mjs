// The replies the benchmark's upstreams send, built from the simulator's seed
// orders once per URL (the in-memory fetch of bench.mjs and the HTTP upstream
// of worker.mjs answer with the same bytes).
import { seedWorld } from "../sim/data.mjs";

export const world = seedWorld();
const bodies = new Map();

/** The JSON body for `url` (a License.rocks, Namefi or Capture request). */
export function replyBody(url) {
  let body = bodies.get(url);
  if (body === undefined) {
    const { pathname, searchParams } = new URL(url, "http://upstream");
    if (pathname.startsWith("/api/externalOrders/")) {
      const ids = pathname.slice("/api/externalOrders/".length).split(",").map(Number);
      body = JSON.stringify({ orders: ids.map((id) => world.licenseRocks.orders.get(id)), error: null });
    } else if (pathname.startsWith("/v-next/orders/")) {
      body = JSON.stringify(world.namefi.get(pathname.slice("/v-next/orders/".length)));
    } else {
      body = JSON.stringify({ status: "success", response: world.capture.get(searchParams.get("order_id")) });
    }
    bodies.set(url, body);
  }
  return body;
}
