// The edge Worker's CPU time per request in workerd (Miniflare), against a
// plain-JS Worker doing the same job (bench/worker/plain.js: fetch, JSON.parse,
// the same allow-list redaction, JSON.stringify) and a pass-through Worker
// (the runtime's own cost of two HTTP exchanges). All three are bundled by
// `wrangler deploy --dry-run` and run by Miniflare, each in its own workerd
// process; the upstream is a Node server in this process answering with
// prepared bodies. CPU time is that workerd process's, all threads
// (/proc/<pid>/task/*/schedstat), over requests sent one at a time, the three
// Workers taking turns in blocks of requests within each round.
//
// Prints one JSON object: { rows: [{ label, requests, ours, plain, floor,
// ratios, netRatios }] } with µs of CPU per request (medians over rounds).
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { bundledWorker, startBundledWorker, startLocalWorker } from "../scripts/local-worker.mjs";
import { world } from "./bodies.mjs";
import { cpuNs, startUpstream, workerdChildren } from "./workerd-cpu.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const QUICK = process.env.BENCH_QUICK === "1";
const ROUNDS = QUICK ? 1 : 7;
const { SECRETS, ORIGIN, upstream, bindings, ratelimits } = await startUpstream();

async function start(name, launch) {
  const before = workerdChildren();
  const mf = await launch();
  const pid = [...workerdChildren()].find((p) => !before.has(p));
  assert.ok(pid, `the workerd process of ${name}`);
  return { name, mf, pid, url: String(await mf.ready).replace(/\/$/, "") };
}
// Log lines are read and dropped: an unread pipe fills and stalls workerd's console.log.
const quiet = {
  handleRuntimeStdio(stdout, stderr) {
    stdout.resume();
    stderr.resume();
  },
};
const workers = [
  await start("ours", () => startLocalWorker({ bindings, ratelimits, ...quiet })),
  await start("plain", () =>
    startBundledWorker(bundledWorker(`${here}worker/wrangler-plain.toml`), { bindings, ratelimits, ...quiet }, "plain.js"),
  ),
  await start("floor", () =>
    startBundledWorker(bundledWorker(`${here}worker/wrangler-passthrough.toml`), { bindings, ...quiet }, "passthrough.js"),
  ),
];

const headers = { authorization: `Bearer ${SECRETS.ACCESS_TOKEN}`, origin: ORIGIN };
const lrIds = [...world.licenseRocks.orders.keys()];
const [captureId] = world.capture.keys();
const cases = [
  { label: "License.rocks GET, 2 orders, redacted", path: `/v1/license-rocks/orders?ids=${lrIds.slice(0, 2)}`, requests: 300 },
  { label: "License.rocks GET, 200 orders, redacted", path: `/v1/license-rocks/orders?ids=${lrIds.slice(0, 200)}`, requests: 40 },
  {
    label: "Capture order with the nid check",
    path: `/v1/capture/orders/${captureId}?nid=${world.capture.get(captureId).nid}`,
    requests: 300,
  },
];

async function get(worker, path) {
  let text;
  let response;
  try {
    response = await fetch(worker.url + path, { headers, signal: AbortSignal.timeout(30_000) });
    text = await response.text();
  } catch (error) {
    throw new Error(`${worker.name} ${path}: ${error.message} (${error.cause?.message ?? "no cause"})`);
  }
  assert.equal(response.status, 200, `${worker.name} ${path}: ${text.slice(0, 200)}`);
  return text;
}

// The plain-JS Worker must do the same job: the same orders, redacted the same way.
for (const c of cases) {
  const [ours, plain] = [await get(workers[0], c.path), await get(workers[1], c.path)];
  assert.deepStrictEqual(JSON.parse(plain), JSON.parse(ours), `${c.label}: the plain Worker answers as ours does`);
  for (const secret of Object.values(SECRETS)) assert.ok(!ours.includes(secret));
}

/** ns of workerd CPU over `count` sequential requests (after one warm-up request). */
async function cpuOver(worker, path, count) {
  await get(worker, path);
  const start = cpuNs(worker.pid);
  for (let i = 0; i < count; i++) await get(worker, path);
  return cpuNs(worker.pid) - start;
}

// A round's requests go in blocks, the Workers taking turns block by block
// (each round starting with another one), so the host's drift within a round
// falls on all three alike instead of on whichever ran last.
const BLOCKS = QUICK ? 1 : 10;

/** µs of workerd CPU per request for each Worker over one round of `count` requests each. */
async function round(index, path, count) {
  const order = workers.map((_, i) => workers[(i + index) % workers.length]);
  const ns = new Map(workers.map((w) => [w.name, 0]));
  const per = Math.ceil(count / BLOCKS);
  for (let block = 0; block < BLOCKS; block++) {
    for (const worker of order) ns.set(worker.name, ns.get(worker.name) + (await cpuOver(worker, path, per)));
  }
  return new Map([...ns].map(([name, total]) => [name, total / (per * BLOCKS) / 1000]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
for (const c of cases) {
  const count = QUICK ? 10 : c.requests;
  const samples = { ours: [], plain: [], floor: [] };
  for (const worker of workers) for (let i = 0; i < 5; i++) await get(worker, c.path);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, us] of await round(r, c.path, count)) samples[name].push(us);
  }
  const ratios = samples.ours.map((t, i) => t / samples.plain[i]).sort((a, b) => a - b);
  const netRatios = samples.ours.map((t, i) => (t - samples.floor[i]) / (samples.plain[i] - samples.floor[i])).sort((a, b) => a - b);
  rows.push({
    label: c.label,
    requests: Math.ceil(count / BLOCKS) * BLOCKS,
    ours: median(samples.ours),
    plain: median(samples.plain),
    floor: median(samples.floor),
    ratios,
    netRatios,
  });
}

for (const worker of workers) await worker.mf.dispose();
upstream.close();
console.log(JSON.stringify({ rounds: ROUNDS, rows }));
