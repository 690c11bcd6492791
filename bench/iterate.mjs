// Memory of reading many License.rocks orders, run by bench.mjs in a fresh
// Node process (node --expose-gc bench/iterate.mjs iter|all COUNT): the RSS and
// reachable heap growth (sampled after a collection), at their peak, of iterExternalOrders (one order at a time, a few
// batches in memory) or of getExternalOrders (every order at once) over COUNT
// distinct ids, against an in-memory fetch that builds each reply afresh, as a
// server sends it. Prints JSON.
import { getExternalOrders, iterExternalOrders } from "../pkg/node.js";
import { GENERATED, seedWorld } from "../sim/data.mjs";

const [mode, countText] = process.argv.slice(2);
const count = Number(countText);
const { bulkOrder } = seedWorld().licenseRocks;
const fetch = async (url) => {
  const ids = new URL(url).pathname.slice("/api/externalOrders/".length).split(",").map(Number);
  const body = JSON.stringify({ orders: ids.map(bulkOrder), error: null });
  return new Response(body, { headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } });
};
const options = { apiToken: "bench-token", instanceUrl: "https://hub.example.com", fetch };
const ids = Array.from({ length: count }, (_, i) => GENERATED.licenseRocksBulkFirstOrderId + i);

globalThis.gc();
const before = process.memoryUsage();
let peakRss = 0;
let peakLive = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss - before.rss);
};
// What is still reachable, garbage collected first: what the reader holds.
const live = () => {
  globalThis.gc();
  const now = process.memoryUsage();
  peakLive = Math.max(peakLive, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
};
const timer = setInterval(sample, 5);
const started = performance.now();
let orders = 0;
let cents = 0;
if (mode === "iter") {
  for await (const order of iterExternalOrders(ids, options)) {
    cents += order.totalPriceCents;
    if (++orders % 2000 === 0) live();
  }
} else {
  const all = await getExternalOrders(ids, options);
  live();
  for (const order of all) cents += order.totalPriceCents;
  orders = all.length;
}
const ms = performance.now() - started;
clearInterval(timer);
sample();
const mib = (bytes) => bytes / 2 ** 20;
console.log(JSON.stringify({ orders, cents, ms, rssMiB: mib(peakRss), liveMiB: mib(peakLive) }));
