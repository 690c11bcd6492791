// Two builds of the edge Worker against each other in workerd: the way to tell
// a change of a few percent, which the Worker table of `npm run bench` (ours
// against the plain-JS Worker, whose rounds span ±15%) cannot. Each build is a
// folder holding `wrangler.toml`, `worker/` and a built `pkg-worker/` (copy
// them from a checkout after `bash scripts/build-worker.sh`). Both are bundled
// by wrangler and run by Miniflare, each in its own workerd process, answering
// from one upstream; CPU is each process's, all threads, over blocks of
// requests taken in turns, fifteen rounds, each round starting with the other.
//   node bench/worker-ab.mjs BEFORE_DIR AFTER_DIR [capture|lr2|lr200]
// Prints µs of CPU per request for each and the median ratio after / before,
// with the 3rd lowest and 3rd highest round's ratio in brackets. Run it both
// ways round: the same build against itself gives ~1.00 [0.97-1.04].
import assert from "node:assert/strict";
import { join, resolve } from "node:path";

import { bundledWorker, startBundledWorker } from "../scripts/local-worker.mjs";
import { world } from "./bodies.mjs";
import { cpuNs, startUpstream, workerdChildren } from "./workerd-cpu.mjs";

const [before, after, which = "capture"] = process.argv.slice(2);
assert.ok(before && after, "usage: node bench/worker-ab.mjs BEFORE_DIR AFTER_DIR [capture|lr2|lr200]");
const { SECRETS, ORIGIN, upstream, bindings, ratelimits } = await startUpstream();

async function start(dir) {
  const known = workerdChildren();
  const mf = await startBundledWorker(bundledWorker(join(resolve(dir), "wrangler.toml")), {
    bindings,
    ratelimits,
    durableObjects: { IDEMPOTENCY: "IdempotencyStore" },
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
  });
  const pid = [...workerdChildren()].find((p) => !known.has(p));
  assert.ok(pid, `the workerd process of ${dir}`);
  return { mf, pid, url: String(await mf.ready).replace(/\/$/, "") };
}
const builds = [await start(before), await start(after)];

const lrIds = [...world.licenseRocks.orders.keys()];
const [captureId] = world.capture.keys();
const path =
  which === "capture"
    ? `/v1/capture/orders/${captureId}?nid=${world.capture.get(captureId).nid}`
    : `/v1/license-rocks/orders?ids=${lrIds.slice(0, which === "lr200" ? 200 : 2)}`;
const headers = { authorization: `Bearer ${SECRETS.ACCESS_TOKEN}`, origin: ORIGIN };
async function get(build) {
  const response = await fetch(build.url + path, { headers });
  const text = await response.text();
  assert.equal(response.status, 200, text.slice(0, 200));
  return text;
}

assert.equal(await get(builds[1]), await get(builds[0]), "both builds answer alike");
for (const build of builds) for (let i = 0; i < 50; i++) await get(build);
const perBlock = which === "lr200" ? 20 : 100;
const ROUNDS = 15;
const samples = [[], []];
for (let round = 0; round < ROUNDS; round++) {
  for (const i of round % 2 ? [0, 1] : [1, 0]) {
    const start = cpuNs(builds[i].pid);
    for (let k = 0; k < perBlock; k++) await get(builds[i]);
    samples[i].push((cpuNs(builds[i].pid) - start) / perBlock / 1000);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ratios = samples[1].map((t, i) => t / samples[0][i]).sort((a, b) => a - b);
console.log(
  `${which}: before ${median(samples[0]).toFixed(1)} µs, after ${median(samples[1]).toFixed(1)} µs a request; ` +
    `after / before ${median(ratios).toFixed(3)} [${ratios[2].toFixed(3)}-${ratios[ROUNDS - 3].toFixed(3)}]`,
);
for (const build of builds) await build.mf.dispose();
upstream.close();
