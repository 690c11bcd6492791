// `npm run bench`: client cost with the transport taken out. Every contender
// gets the same in-memory fetch, in one process, so the figures compare what
// happens after the bytes arrive: reading, parsing, validating, merging.
//
// Contenders per License.rocks size (2, 200, 2,000 orders; the client splits the
// big ones into several GETs and the baselines parse exactly those chunks):
//   json       response.json() alone (the floor)
//   json+zod   response.json() + a zod 4 schema covering every field we check
//   json+ajv   response.json() + ajv's compiled validator for zod's JSON Schema
//              export of that schema (the same checks; both held to our verdicts)
//   ours       getExternalOrders(), which validates every field in wasm
//   io         plain JS doing the client's own I/O per request and no checks:
//              an AbortController and timer (the per-attempt timeout), fetch with
//              a signal, the body read through a stream reader, JSON.parse. The
//              part of ours that design costs before any validation or wasm.
// Plus one Namefi and one Capture call for per-call overhead, the gzip size of
// what ships, the cold time of import + first call in a fresh Node process, the
// memory of reading 20,000 orders as a stream against all at once, the edge
// Worker's CPU per request in workerd against a plain-JS Worker (bench/worker.mjs),
// and each target of docs/performance.md with its figure.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { measure } from "mitata";

import { getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../pkg/node.js";
import * as ajvSchemas from "./ajv-schemas.mjs";
import { replyBody, world } from "./bodies.mjs";
import { captureReply, externalOrdersReply, namefiOrderDetails } from "./zod-schemas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const BASE = "https://hub.example.com";
const lrOrders = world.licenseRocks.orders;
const allIds = [...lrOrders.keys()];

// One body per URL, built and encoded once; the fetch only streams it in a new
// Response the way Node's fetch delivers a reply from a socket (64 KiB reads),
// with the headers a server sends (Content-Length too: which read path a client
// takes can depend on it).
const encoded = new Map();
const SOCKET_READ = 64 * 1024;
const memFetch = async (input) => {
  const url = String(input);
  let bytes = encoded.get(url);
  if (bytes === undefined) {
    bytes = new TextEncoder().encode(replyBody(url));
    encoded.set(url, bytes);
  }
  const body = new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += SOCKET_READ) controller.enqueue(bytes.slice(at, at + SOCKET_READ));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/json", "content-length": String(bytes.length) } });
};
const lr = { apiToken: "bench-token", instanceUrl: BASE, fetch: memFetch };

/** What the client does per request, in plain JS, without validating anything. */
const utf8 = new TextDecoder();
async function sameIo(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await memFetch(url, {
      method: "GET",
      redirect: "manual",
      signal: controller.signal,
      headers: { authorization: "Bearer bench-token" },
    });
    const reader = response.body.getReader();
    const chunks = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    return { status: response.status, value: JSON.parse(utf8.decode(bytes)) };
  } finally {
    clearTimeout(timer);
  }
}

/** The URLs the client requests for these ids (recorded once). */
async function chunkUrls(ids) {
  const urls = [];
  const recording = (url, init) => {
    urls.push(url);
    return memFetch(url, init);
  };
  await getExternalOrders(ids, { ...lr, fetch: recording });
  return urls;
}

// BENCH_QUICK=1: one short round and one cold run, so `npm test` can check
// the benchmark still runs end to end; its figures mean nothing.
const QUICK = process.env.BENCH_QUICK === "1";
const ROUNDS = QUICK ? 1 : 7;
const SAMPLING = QUICK ? { min_samples: 2, warmup_samples: 1, min_cpu_time: 1e6 } : {};

/**
 * ROUNDS interleaved rounds of each contender (this host is a shared VM whose
 * speed drifts): the median time of each, and per round the ratios of
 * contenders measured back to back, so drift between rounds does not skew a ratio.
 */
async function rounds(contenders, opts = {}) {
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      // Start every measurement from a clean heap, so no contender pays for another's garbage.
      globalThis.gc?.();
      samples[name].push((await measure(fn, { ...SAMPLING, ...opts })).p50);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ratios = (a, b) => samples[a].map((t, i) => t / samples[b][i]).sort((x, y) => x - y);
  return {
    ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    ratios: {
      oursZod: ratios("ours", "zod"),
      oursAjv: ratios("ours", "ajv"),
      oursJson: ratios("ours", "json"),
      ioZod: ratios("io", "zod"),
    },
  };
}

const fmt = (ns) => (ns / 1e6).toFixed(ns < 1e6 ? 3 : 2);
const rows = [];
async function compare(label, ids, ours) {
  const urls = await chunkUrls(ids);
  const json = () => Promise.all(urls.map(async (u) => (await memFetch(u)).json()));
  const zod = () => Promise.all(urls.map(async (u) => externalOrdersReply.parse(await (await memFetch(u)).json())));
  const ajv = () => Promise.all(urls.map(async (u) => ajvSchemas.externalOrdersReply.parse(await (await memFetch(u)).json())));
  const io = () => Promise.all(urls.map(sameIo));
  // Sanity: every contender sees the same data, and the schemas accept it.
  await zod();
  await ajv();
  rows.push({ label, requests: urls.length, ...(await rounds({ json, zod, ajv, io, ours })) });
}

for (const n of [2, 200, 2000]) {
  const ids = allIds.slice(0, n);
  await compare(`License.rocks GET, ${n} orders`, ids, () => getExternalOrders(ids, lr));
}
const namefiId = [...world.namefi.keys()][0];
{
  const url = `${BASE}/v-next/orders/${namefiId}`;
  const medians = await rounds({
    json: async () => (await memFetch(url)).json(),
    zod: async () => namefiOrderDetails.parse(await (await memFetch(url)).json()),
    ajv: async () => ajvSchemas.namefiOrderDetails.parse(await (await memFetch(url)).json()),
    io: () => sameIo(url),
    ours: () => getNamefiOrder(namefiId, { token: "t", baseUrl: `${BASE}/v-next`, fetch: memFetch }),
  });
  rows.push({ label: "Namefi order (1 call)", requests: 1, ...medians });
}
{
  const orderId = [...world.capture.keys()][0];
  const url = `${BASE}/api/1.1/wf/queryOrder?order_id=${orderId}`;
  const medians = await rounds({
    json: async () => (await memFetch(url)).json(),
    zod: async () => captureReply.parse(await (await memFetch(url)).json()),
    ajv: async () => ajvSchemas.captureReply.parse(await (await memFetch(url)).json()),
    io: () => sameIo(url),
    ours: () => queryCaptureOrder(orderId, { apiKey: "k", baseUrl: BASE, fetch: memFetch }),
  });
  rows.push({ label: "Capture order (1 call)", requests: 1, ...medians });
}

if (QUICK) console.log("\nBENCH_QUICK: a smoke run, one short round; the figures are not measurements");
console.log(`\nms per call: median of ${ROUNDS} interleaved mitata p50s, Node ${process.version}, in-memory fetch;`);
console.log(`ratios: median of the ${ROUNDS} rounds' own ratios [lowest-highest]\n`);
console.log(
  "| case | requests | json() | json()+zod 4 | json()+ajv | same I/O, no checks | web3-orders | ours / json+zod | ours / json+ajv | ours / json | io / json+zod |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const x = (rs) => `${rs[rs.length >> 1].toFixed(2)}x [${rs[0].toFixed(2)}-${rs[rs.length - 1].toFixed(2)}]`;
  const { oursZod, oursAjv, oursJson, ioZod } = r.ratios;
  console.log(
    `| ${r.label} | ${r.requests} | ${fmt(r.json)} | ${fmt(r.zod)} | ${fmt(r.ajv)} | ${fmt(r.io)} | ${fmt(r.ours)} | ${x(oursZod)} | ${x(oursAjv)} | ${x(oursJson)} | ${x(ioZod)} |`,
  );
}

const gz = (file) => gzipSync(readFileSync(root + file), { level: 9 }).length;
const wasmGz = gz("pkg/web3_orders_bg.wasm");
const snippets = readdirSync(`${root}pkg/snippets`, { recursive: true })
  .filter((f) => f.endsWith(".js"))
  .map((f) => `pkg/snippets/${f}`);
const glueGz = ["pkg/web3_orders.js", ...snippets, "js/node.js", "js/browser.js", "js/workerd.js", "js/errors.js"].reduce(
  (sum, f) => sum + gz(f),
  0,
);
console.log(
  `\nshipped .wasm: ${readFileSync(`${root}pkg/web3_orders_bg.wasm`).length} bytes, ${wasmGz} gzip (${(wasmGz / 1024).toFixed(1)} KiB)`,
);
console.log(`JS glue and entries: ${glueGz} bytes gzip; Node's entry bundled with them (pkg/node.js): ${gz("pkg/node.js")} gzip`);

// Cold: a fresh Node process imports the package and makes one call
// (bench/cold.mjs; median of COLD_RUNS by total).
const COLD_RUNS = QUICK ? 1 : 7;
const coldBody = JSON.stringify({ orders: [lrOrders.get(1), lrOrders.get(2)], error: null });
function cold(args, nodeFlags = []) {
  const runs = Array.from({ length: COLD_RUNS }, () =>
    JSON.parse(
      execFileSync(process.execPath, [...nodeFlags, `${root}bench/cold.mjs`, ...args], {
        encoding: "utf8",
        cwd: root,
        env: { ...process.env, BENCH_BODY: coldBody },
      }),
    ),
  );
  runs.sort((a, b) => a.totalMs - b.totalMs);
  return { ...runs[COLD_RUNS >> 1], lowestMs: runs[0].totalMs, highestMs: runs[COLD_RUNS - 1].totalMs };
}
const coldFmt = (r) => `${r.totalMs.toFixed(1)} ms (import ${r.importMs.toFixed(1)} + first call ${r.firstCallMs.toFixed(1)})`;
const coldOurs = cold(["ours", "warm"]);
console.log(
  `cold import + first call, fresh Node process, median of ${COLD_RUNS}: ${coldFmt(coldOurs)};` +
    ` ${cold(["ours"]).totalMs.toFixed(1)} ms counting Node's own first-Response setup;` +
    ` json()+zod 4 the same way: ${coldFmt(cold(["zod", "warm"]))}`,
);
// V8 compiles each wasm function on its first call; compiling them all up front
// shows how much of the first call that is (a diagnostic, not an option users set).
console.log(
  `the same with every wasm function compiled at import (node --no-wasm-lazy-compilation): ${coldFmt(cold(["ours", "warm"], ["--no-wasm-lazy-compilation"]))}`,
);

// Memory of reading many orders (bench/iterate.mjs, a fresh process each):
// iterExternalOrders holds a few batches whatever the count; getExternalOrders
// holds every order at once. Growth over the process before the first request.
const memory = (mode, count) =>
  JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", `${root}bench/iterate.mjs`, mode, String(count)], { encoding: "utf8", cwd: root }),
  );
const memFmt = (r) =>
  `${r.orders} orders in ${(r.ms / 1000).toFixed(1)} s, RSS growth at peak ${r.rssMiB.toFixed(1)} MiB, reachable heap at peak ${r.liveMiB.toFixed(1)} MiB`;
console.log("\nmemory, License.rocks orders read through an in-memory fetch (fresh Node process each):");
for (const count of QUICK ? [20_000] : [20_000, 100_000]) {
  console.log(`  iterExternalOrders, ${count} ids: ${memFmt(memory("iter", count))}`);
}
console.log(`  getExternalOrders, 20000 ids at once: ${memFmt(memory("all", 20_000))}`);

// The edge Worker in workerd (bench/worker.mjs, its own processes): CPU time
// per request against a plain-JS Worker doing the same job, and the floor of
// a Worker that only passes the upstream's reply on.
const edge = JSON.parse(execFileSync(process.execPath, [`${root}bench/worker.mjs`], { encoding: "utf8", cwd: root }));
const us = (x) => x.toFixed(0);
const range = (rs) => `${rs[rs.length >> 1].toFixed(2)}x [${rs[0].toFixed(2)}-${rs[rs.length - 1].toFixed(2)}]`;
console.log(
  `\nedge Worker, µs of workerd CPU per request (all its threads), Miniflare, each Worker bundled by wrangler;` +
    ` median of ${edge.rounds} interleaved rounds [lowest-highest ratio]:\n`,
);
console.log(
  "| case | requests per round | web3-orders Worker | plain-JS Worker | pass-through floor | ours / plain | above the floor, ours / plain |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of edge.rows) {
  console.log(
    `| ${r.label} | ${r.requests} | ${us(r.ours)} | ${us(r.plain)} | ${us(r.floor)} | ${range(r.ratios)} | ${range(r.netRatios)} |`,
  );
}

// Each target of docs/performance.md with its figure: the median, and the
// range over rounds that decides whether it holds in every round.
const verdict = (rs, limit, strict = false) => {
  const all = rs[rs.length - 1];
  const mid = rs[rs.length >> 1];
  const ok = (x) => (strict ? x < limit : x <= limit);
  return ok(all) ? "met in every round" : ok(mid) ? "met at the median, not in every round" : "missed";
};
const target = (what, rs, limit, strict) =>
  console.log(`  ${what}: ${range(rs)}, target ${strict ? "<" : "≤"} ${limit.toFixed(2)}x: ${verdict(rs, limit, strict)}`);
console.log("\ntargets:");
for (const r of rows.filter((r) => / (200|2000) orders/.test(r.label))) {
  target(`${r.label}, ours / json+ajv`, r.ratios.oursAjv, 1.25);
  target(`${r.label}, ours / json`, r.ratios.oursJson, 1.3);
}
for (const r of rows) target(`${r.label}, ours / json+zod`, r.ratios.oursZod, 1, true);
console.log(
  `  cold import + first call: ${coldOurs.totalMs.toFixed(1)} ms [${coldOurs.lowestMs.toFixed(1)}-${coldOurs.highestMs.toFixed(1)}], target ≤ 10 ms: ${
    coldOurs.highestMs <= 10 ? "met in every run" : coldOurs.totalMs <= 10 ? "met at the median, not in every run" : "missed"
  }`,
);
console.log(`  shipped .wasm: ${wasmGz} bytes gzip, target ≤ 65536: ${wasmGz <= 65536 ? "met" : "missed"}`);
for (const r of edge.rows) target(`Worker, ${r.label}, ours / plain`, r.ratios, 1.2);
