// Every fault knob of the simulator, over real HTTP, plus the per-scope request log.

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";

import { CREDS, startSim } from "./helpers.mjs";

let sim;
before(async () => (sim = await startSim()));
after(() => sim.close());

const auth = { authorization: CREDS.licenseRocksApiToken };
const ordersPath = "/api/externalOrders/1";

/** A raw request, so resets, stalls and short bodies can be observed exactly. */
function raw(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const req = http.request(url, { method, headers: { ...auth, ...headers } }, (res) => {
      const chunks = [];
      const firstByteMs = Date.now() - started;
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
          firstByteMs,
          totalMs: Date.now() - started,
          complete: res.complete,
        }),
      );
      res.on("error", (error) => resolve({ status: res.statusCode, error, partial: Buffer.concat(chunks).toString() }));
      res.on("aborted", () => resolve({ status: res.statusCode, error: new Error("aborted"), partial: Buffer.concat(chunks).toString() }));
    });
    req.on("error", (error) => resolve({ error, totalMs: Date.now() - started }));
    req.end(body);
  });
}

test("status with a body replaces the answer", async () => {
  const s = sim.scope();
  await s.fault({ status: 503, body: { orders: null, error: "maintenance" } });
  const res = await raw(s.base + ordersPath);
  assert.equal(res.status, 503);
  assert.deepEqual(JSON.parse(res.text), { orders: null, error: "maintenance" });
  assert.equal((await raw(s.base + ordersPath)).status, 200, "a fault applies once by default");
});

test("retryAfter sends Retry-After, in seconds or as an HTTP date", async () => {
  const s = sim.scope();
  const date = new Date(Date.now() + 3000).toUTCString();
  await s.fault([{ retryAfter: 2 }, { status: 503, retryAfter: date }]);
  const first = await raw(s.base + ordersPath);
  assert.deepEqual([first.status, first.headers["retry-after"]], [429, "2"]);
  const second = await raw(s.base + ordersPath);
  assert.deepEqual([second.status, second.headers["retry-after"]], [503, date]);
});

test("delayMs holds the status line back", async () => {
  const s = sim.scope();
  await s.fault({ delayMs: 300 });
  const res = await raw(s.base + ordersPath);
  assert.equal(res.status, 200);
  assert.ok(res.firstByteMs >= 280, `first byte after ${res.firstByteMs} ms`);
});

test("midBodyDelayMs stalls after half the body", async () => {
  const s = sim.scope();
  await s.fault({ midBodyDelayMs: 300 });
  const res = await raw(s.base + ordersPath);
  assert.equal(res.status, 200);
  assert.ok(res.firstByteMs < 200, `headers came after ${res.firstByteMs} ms`);
  assert.ok(res.totalMs >= 280, `body done after ${res.totalMs} ms`);
  assert.equal(JSON.parse(res.text).orders[0].id, 1);
});

test("truncate ends the body cleanly halfway; truncate abort cuts the connection", async () => {
  const s = sim.scope();
  await s.fault([{ truncate: true }, { truncate: "abort" }]);
  const short = await raw(s.base + ordersPath);
  assert.equal(short.status, 200);
  assert.throws(() => JSON.parse(short.text));
  assert.ok(short.text.length > 100);
  const cut = await raw(s.base + ordersPath);
  assert.ok(cut.error || !cut.complete, "the body must not complete");
});

test("nonJson answers an HTML page", async () => {
  const s = sim.scope();
  await s.fault({ nonJson: true, status: 502 });
  const res = await raw(s.base + ordersPath);
  assert.equal(res.status, 502);
  assert.match(res.headers["content-type"], /text\/html/);
  assert.match(res.text, /<html>/);
});

test("reset destroys the connection without an answer", async () => {
  const s = sim.scope();
  await s.fault({ reset: true });
  const res = await raw(s.base + ordersPath);
  assert.ok(res.error, "expected a socket error");
  assert.equal(res.status, undefined);
});

test("redirect answers 302 with a Location", async () => {
  const s = sim.scope();
  await s.fault({ redirect: "http://127.0.0.2:9/steal" });
  const res = await raw(s.base + ordersPath);
  assert.deepEqual([res.status, res.headers.location], [302, "http://127.0.0.2:9/steal"]);
});

test("match and times pick which requests a fault hits", async () => {
  const s = sim.scope();
  await s.fault({ status: 500, times: 2, match: { method: "GET", path: "/api/externalOrders/2" } });
  assert.equal((await raw(s.base + ordersPath)).status, 200);
  assert.equal((await raw(`${s.base}/api/externalOrders/2`)).status, 500);
  assert.equal((await raw(`${s.base}/api/externalOrders/2`)).status, 500);
  assert.equal((await raw(`${s.base}/api/externalOrders/2`)).status, 200);
});

test("afterHandler runs the POST first: the order exists though the connection was reset", async () => {
  const s = sim.scope();
  await s.fault({ reset: true, afterHandler: true, match: { method: "POST" } });
  const body = JSON.stringify([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 }]);
  const res = await raw(`${s.base}/api/externalOrders`, { method: "POST", headers: { "content-type": "application/json" }, body });
  assert.ok(res.error, "the client sees no answer");
  const log = await s.requests();
  assert.equal(log.filter((r) => r.method === "POST").length, 1, "sent exactly once");
  assert.equal(log[0].outcome, "reset");
  // The order was created: the next id after it is taken.
  const next = await raw(`${s.base}/api/externalOrders`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const createdId = JSON.parse(next.text).orders[0].id;
  assert.equal((await raw(`${s.base}/api/externalOrders/${createdId - 1}`)).status, 200);
});

test("x-sim-fault applies a one-off fault from a header", async () => {
  const res = await raw(sim.base + ordersPath, { headers: { "x-sim-fault": JSON.stringify({ status: 418, body: "teapot" }) } });
  assert.deepEqual([res.status, res.text], [418, "teapot"]);
});

test("bad fault specs are refused", async () => {
  const s = sim.scope();
  await assert.rejects(s.fault({ explode: true }), /unknown fault option/);
  await assert.rejects(s.fault({ delayMs: -1 }), /non-negative/);
  await assert.rejects(s.fault({ status: 99 }), /HTTP status/);
});

test("the request log is per scope, redacts authorization and records bodies and outcomes", async () => {
  const a = sim.scope();
  const b = sim.scope();
  await raw(a.base + ordersPath);
  await raw(`${a.base}/api/externalOrders`, { method: "POST", headers: { "content-type": "application/json" }, body: "[]" });
  const log = await a.requests();
  assert.deepEqual(
    log.map((r) => [r.method, r.path, r.outcome]),
    [
      ["GET", ordersPath, 200],
      ["POST", "/api/externalOrders", 400],
    ],
  );
  assert.equal(log[1].body, "[]");
  assert.equal(log[0].headers.authorization, "[redacted]");
  assert.ok(!JSON.stringify(log).includes(CREDS.licenseRocksApiToken));
  assert.deepEqual(await b.requests(), []);
});

test("headers and contentType shape a replacement answer", async () => {
  const s = sim.scope();
  await s.fault({ status: 503, body: "down", contentType: "text/plain", headers: { "x-upstream": "proxy-7" } });
  const res = await raw(s.base + ordersPath);
  assert.deepEqual([res.status, res.text, res.headers["content-type"], res.headers["x-upstream"]], [503, "down", "text/plain", "proxy-7"]);
});

test("POST /__sim/reset restores the seed data and forgets every scope", async () => {
  const s = sim.scope();
  await s.fault({ status: 500, times: 5 });
  const body = JSON.stringify([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 }]);
  const created = await raw(`${sim.base}/api/externalOrders`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const id = JSON.parse(created.text).orders[0].id;
  assert.equal((await raw(`${sim.base}/api/externalOrders/${id}`)).status, 200);
  const reset = await fetch(`${sim.base}/__sim/reset`, { method: "POST" });
  assert.equal(reset.status, 200);
  assert.equal((await raw(`${sim.base}/api/externalOrders/${id}`)).status, 400, "the created order is gone");
  assert.equal((await raw(s.base + ordersPath)).status, 200, "the scope's faults are gone");
  const log = await s.requests();
  assert.deepEqual(
    log.map((r) => [r.method, r.path, r.outcome]),
    [["GET", ordersPath, 200]],
    "the log restarted with that one request",
  );
});
