// The edge Worker in real workerd (Miniflare), against the simulator over HTTP:
// every route, the error mapping, the nid check, redaction, auth, CORS,
// idempotency, injection attempts, and no secret in any response or log line.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { startSim } from "../sim/helpers.mjs";
import { SECRETS, startWorker, wranglerRateLimits } from "./harness.mjs";

const ORDER = "59210ee0-1a4e-451c-b048-c493d9e001ff";
const NID = "bafybeievahpgtr3wzoquvtwvcrjcw5pdo53dxjqrxym2hxrwep736rwuka";
const NAMEFI_ORDER = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const auth = { authorization: `Bearer ${SECRETS.ACCESS_TOKEN}` };
const newOrder = [{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 }];

let sim;
let scope;
let worker;
const seen = []; // every response text, for the secret check at the end
let keyCounter = 0;
const key = () => `key-${process.pid}-${++keyCounter}`;

async function call(path, init, via = worker) {
  const res = await via.fetch(path, init);
  seen.push(res.text, JSON.stringify([...res.headers]));
  return res;
}
const post = (body, headers = {}, via = worker) =>
  call(
    "/v1/license-rocks/orders",
    {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
    via,
  );
const posts = async () => (await scope.requests()).filter((r) => r.method === "POST").length;

before(async () => {
  sim = await startSim();
  scope = sim.scope(`worker-${process.pid}`);
  // Lifted for the shared Worker: most tests make Capture calls; one below holds wrangler.toml's limit.
  worker = await startWorker(scope.base, {}, { ratelimits: { CAPTURE_RATE_LIMITER: { simple: { limit: 10000, period: 60 } } } });
});
after(async () => {
  await worker?.dispose();
  await sim?.close();
});

function assertErrorShape(res, status, kind) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(Object.keys(res.body.error).sort(), ["code", "kind", "message", "provider", "status"]);
  if (kind) assert.equal(res.body.error.kind, kind);
  assert.match(res.headers.get("content-type"), /application\/json/);
}

describe("routes", () => {
  test("healthz, unknown routes and wrong methods", async () => {
    assert.deepEqual((await call("/healthz")).body, { ok: true });
    assertErrorShape(await call("/nope"), 404, "not_found");
    assertErrorShape(await call("/v1/capture/orders"), 404, "not_found");
    const wrong = await call("/healthz", { method: "POST" });
    assertErrorShape(wrong, 405, "method_not_allowed");
    assert.equal(wrong.headers.get("allow"), "GET, HEAD");
    assertErrorShape(await call("/v1/license-rocks/orders", { method: "DELETE", headers: auth }), 405);
  });
});

describe("HEAD", () => {
  test("is answered on GET routes as the GET, without a body", async () => {
    const health = await call("/healthz", { method: "HEAD" });
    assert.deepEqual([health.status, health.text], [200, ""]);
    assert.match(health.headers.get("content-type"), /application\/json/);
    const orders = await call("/v1/license-rocks/orders?ids=1", { method: "HEAD", headers: auth });
    assert.deepEqual([orders.status, orders.text], [200, ""]);
    const denied = await call("/v1/license-rocks/orders?ids=1", { method: "HEAD" });
    assert.deepEqual([denied.status, denied.text], [401, ""]);
    assert.equal((await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, { method: "HEAD" })).status, 200);
  });
});

describe("Capture rate limit", () => {
  test("each client address gets wrangler.toml's budget of lookups; past it 429 with Retry-After and no upstream call", async () => {
    const capture = sim.scope(`worker-capture-limit-${process.pid}`);
    const via = await startWorker(capture.base);
    try {
      const { limit, period } = wranglerRateLimits().CAPTURE_RATE_LIMITER.simple;
      // Miniflare counts in fixed windows of `period`; start well inside one, so the count is exact.
      const into = Date.now() % (period * 1000);
      if (into > period * 1000 - 15_000) await new Promise((resolve) => setTimeout(resolve, period * 1000 - into + 100));
      const statuses = [];
      for (let i = 0; i < limit + 20; i++) {
        const id = `00000000-0000-4000-a000-${String(i).padStart(12, "0")}`;
        const res = await call(`/v1/capture/orders/${id}?nid=${NID}`, { headers: { "cf-connecting-ip": "203.0.113.9" } }, via);
        statuses.push(res.status);
        if (res.status === 429) {
          assertErrorShape(res, 429, "rate_limited");
          assert.equal(res.headers.get("retry-after"), String(period));
        }
      }
      assert.deepEqual(statuses, [...Array(limit).fill(404), ...Array(20).fill(429)]);
      assert.equal((await capture.requests()).length, limit, "refused lookups spend nothing upstream");
      const other = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, { headers: { "cf-connecting-ip": "198.51.100.7" } }, via);
      assert.equal(other.status, 200, "another address has its own budget");
    } finally {
      await via.dispose();
    }
  });
  test("without the binding the route is closed, not open to anyone", async () => {
    const via = await startWorker(scope.base, {}, { ratelimits: {} });
    try {
      const res = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, {}, via);
      assertErrorShape(res, 500, "config");
      assert.match(res.body.error.message, /CAPTURE_RATE_LIMITER/);
    } finally {
      await via.dispose();
    }
  });
});

describe("Capture", () => {
  test("answers when the nid matches", async () => {
    const res = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.order_id, ORDER);
    assert.equal(res.body.nid, NID);
  });
  test("a wrong nid and an unknown order get the very same 404", async () => {
    const wrongNid = await call(`/v1/capture/orders/${ORDER}?nid=bafyother`);
    const unknown = await call(`/v1/capture/orders/00000000-0000-4000-a000-000000000000?nid=${NID}`);
    assertErrorShape(wrongNid, 404);
    assert.equal(wrongNid.text, unknown.text);
    assert.equal(unknown.status, 404);
  });
  test("needs a nid and a UUID", async () => {
    assertErrorShape(await call(`/v1/capture/orders/${ORDER}`), 400, "invalid_input");
    assertErrorShape(await call(`/v1/capture/orders/not-an-id?nid=${NID}`), 400, "invalid_input");
  });
});

describe("Namefi", () => {
  const path = `/v1/namefi/orders/${NAMEFI_ORDER}`;
  test("forwards the caller's own JWT or SIWE session, in its own header", async () => {
    const namefi = sim.scope(`worker-namefi-${process.pid}`);
    const via = await startWorker(namefi.base);
    try {
      for (const headers of [{ authorization: "Bearer sim-namefi-token" }, { "x-namefi-siwe-token": "sim-namefi-siwe-session" }]) {
        const res = await call(path, { headers }, via);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.order.id, NAMEFI_ORDER);
      }
      const [jwt, siwe] = (await namefi.requests()).map((r) => r.headers);
      assert.deepEqual([jwt.authorization, jwt["x-namefi-siwe-token"]], ["[redacted]", undefined]);
      assert.deepEqual([siwe.authorization, siwe["x-namefi-siwe-token"]], [undefined, "[redacted]"]);
      assert.ok(!("x-api-key" in jwt) && !("x-api-key" in siwe));
    } finally {
      await via.dispose();
    }
  });
  test("refuses a Namefi API key from a caller, and two credentials at once, sending nothing", async () => {
    const namefi = sim.scope(`worker-namefi-key-${process.pid}`);
    const via = await startWorker(namefi.base);
    try {
      const key = await call(path, { headers: { "x-api-key": "nfk_sim_namefi_api_key" } }, via);
      assertErrorShape(key, 400, "invalid_input");
      assert.match(key.body.error.message, /does not forward Namefi API keys/);
      assert.ok(!key.text.includes("nfk_sim_namefi_api_key"));
      const both = await call(path, { headers: { authorization: "Bearer sim-namefi-token", "x-api-key": "nfk_sim_namefi_api_key" } }, via);
      assertErrorShape(both, 400, "invalid_input");
      assertErrorShape(await call(path, { headers: { authorization: "Bearer sim-namefi-token", "x-namefi-siwe-token": "s" } }, via), 400);
      assert.deepEqual(await namefi.requests(), []);
    } finally {
      await via.dispose();
    }
  });
  test("401 without a credential; the provider's 401 (owner check included) and 404 pass through", async () => {
    assertErrorShape(await call(path), 401, "unauthorized");
    assertErrorShape(await call(path, { headers: { authorization: "sim-namefi-token" } }), 401);
    const wrong = await call(path, { headers: { authorization: "Bearer wrong-user-token" } });
    assertErrorShape(wrong, 401, "api");
    assert.equal(wrong.body.error.code, "UNAUTHORIZED");
    assert.ok(!wrong.text.includes("wrong-user-token"));
    const other = await call(path, { headers: { authorization: "Bearer sim-namefi-token-other" } });
    assertErrorShape(other, 401, "api");
    assert.match(other.body.error.message, /not authorized to access this order/);
    const missing = await call("/v1/namefi/orders/00000000-0000-4000-a000-000000000000", {
      headers: { authorization: "Bearer sim-namefi-token" },
    });
    assertErrorShape(missing, 404);
    assert.equal(missing.body.error.code, "NOT_FOUND");
  });
  test("the rate limiter's 429, a 422 and an x402 402 are mapped as the package maps them", async () => {
    const namefi = sim.scope(`worker-namefi-errors-${process.pid}`);
    const via = await startWorker(namefi.base);
    const headers = { authorization: "Bearer sim-namefi-token" };
    try {
      await namefi.fault({
        status: 429,
        body: { error: "Too Many Requests" },
        headers: { "ratelimit-limit": "60", "ratelimit-remaining": "0", "ratelimit-reset": "40" },
      });
      const limited = await call(path, { headers }, via);
      assertErrorShape(limited, 429, "api");
      assert.deepEqual([limited.body.error.code, limited.body.error.message], ["TOO_MANY_REQUESTS", "namefi: Too Many Requests"]);
      assert.equal(limited.headers.get("retry-after"), "40", "RateLimit-Reset is the wait without Retry-After");
      assert.equal((await namefi.requests()).length, 1, "a wait past the Worker's cap is not waited out");
      await namefi.fault({
        status: 422,
        body: {
          defined: false,
          code: "INPUT_VALIDATION_FAILED",
          status: 422,
          message: "Input validation failed",
          data: { formErrors: [], fieldErrors: {} },
        },
      });
      const invalid = await call(path, { headers }, via);
      assertErrorShape(invalid, 422, "api");
      assert.equal(invalid.body.error.code, "INPUT_VALIDATION_FAILED");
      await namefi.fault({ status: 402, body: { x402Version: 1, error: "X-PAYMENT header is required", accepts: [] } });
      const payment = await call(path, { headers }, via);
      assertErrorShape(payment, 402, "api");
      assert.deepEqual([payment.body.error.code, payment.body.error.message], ["PAYMENT_REQUIRED", "namefi: X-PAYMENT header is required"]);
      // The simulator's own limiter, lowered: its 429 reaches the caller with Retry-After.
      await namefi.namefiRateLimit({ limit: 1 });
      assert.equal((await call(path, { headers }, via)).status, 200);
      const real = await call(path, { headers }, via);
      assertErrorShape(real, 429, "api");
      assert.match(real.headers.get("retry-after"), /^\d+$/);
    } finally {
      await via.dispose();
    }
  });
});

describe("Capture errors in Bubble's shapes", () => {
  test("are api errors with their code and text, the key scrubbed", async () => {
    const capture = sim.scope(`worker-capture-${process.pid}`);
    const via = await startWorker(capture.base);
    try {
      const key = SECRETS.CAPTURE_API_KEY;
      await capture.fault({
        status: 401,
        body: { error_class: "Unauthorized", args: { code: "1x" }, message: null, translation: `Invalid or expired token ${key}` },
      });
      const token = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, {}, via);
      assertErrorShape(token, 502, "api");
      assert.deepEqual([token.body.error.status, token.body.error.code], [401, "Unauthorized"]);
      assert.equal(token.body.error.message, "capture: Invalid or expired token [redacted]");
      await capture.fault({
        status: 400,
        body: {
          statusCode: 400,
          body: { status: `MISSING_DATA ${key}`, message: "Missing parameter for workflow queryOrder: parameter order_id" },
        },
      });
      const missing = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, {}, via);
      assertErrorShape(missing, 400, "api");
      assert.equal(missing.body.error.code, null, "a code that is not a plain identifier is dropped");
      assert.match(missing.body.error.message, /Missing parameter for workflow queryOrder/);
      assert.ok(!token.text.includes(key) && !missing.text.includes(key));
    } finally {
      await via.dispose();
    }
  });
});

describe("License.rocks GET", () => {
  test("needs the access token, compared exactly", async () => {
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1"), 401, "unauthorized");
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1", { headers: { authorization: SECRETS.ACCESS_TOKEN } }), 401);
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1", { headers: { authorization: `Bearer ${SECRETS.ACCESS_TOKEN}x` } }), 401);
    assertErrorShape(
      await call("/v1/license-rocks/orders?ids=1", { headers: { authorization: `Bearer ${SECRETS.ACCESS_TOKEN.slice(0, -1)}` } }),
      401,
    );
  });
  test("returns the orders in the order asked, without personal data or secrets", async () => {
    const res = await call("/v1/license-rocks/orders?ids=2,1", { headers: auth });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.orders.map((o) => o.id),
      [2, 1],
    );
    for (const gone of [
      "adam@licenserocks.de",
      "::ffff:127.0.0.1",
      "Geheimbotschaft",
      "a6a08c57-9fb3-4eb1-b569-c8450355cd3c",
      "0xBA53a45AaeaD689dD74eB7Cf338c5e9206A660f8",
    ]) {
      assert.ok(!res.text.includes(gone), `${gone} leaked`);
    }
    for (const field of ["email", "ipAddress", "walletNonce", "stripeConnectId", "simplexId", "secretPhrase", "providerId"]) {
      assert.ok(!res.text.includes(`"${field}"`), `${field} leaked`);
    }
    assert.ok(!/"secupay/.test(res.text), "a secupay field leaked");
    assert.equal(res.body.orders[0].orderItems[0].listing.priceWei, "13422818791946309000");
  });
  test("returns only documented fields that are neither personal nor secret, whatever the upstream adds", async () => {
    const [first] = JSON.parse(readFileSync(new URL("../fixtures/license-rocks/get-orders.200.json", import.meta.url), "utf8")).orders;
    const hostile = structuredClone(first);
    Object.assign(hostile, {
      email: "order@example.org",
      customer: { email: "customer@example.org", ipAddress: "192.0.2.10" },
      note: `token ${SECRETS.LICENSE_ROCKS_API_TOKEN}`,
    });
    Object.assign(hostile.buyer, { Email: "Buyer@example.org", IPAddress: "192.0.2.11", ip_address: "192.0.2.12" });
    const item = hostile.orderItems[0];
    Object.assign(item, { providerId: "prov_123", buyer: { email: "item@example.org", stripeConnectId: "acct_item" } });
    item.nft.SecretPhrase = "Geheim-2";
    item.nft.payload.secret_phrase = "Geheim-3";
    item.nft.title = `echo ${SECRETS.ACCESS_TOKEN}`;
    const body = { orders: [hostile], error: null };
    await scope.fault({ status: 200, body, match: { method: "GET" } });
    const res = await call("/v1/license-rocks/orders?ids=1", { headers: auth });
    assert.equal(res.status, 200, res.text);
    for (const gone of [
      "example.org",
      "192.0.2.",
      "Geheim",
      "prov_123",
      "acct_item",
      "customer",
      '"note"',
      "adam@licenserocks.de",
      SECRETS.LICENSE_ROCKS_API_TOKEN,
      SECRETS.ACCESS_TOKEN,
    ]) {
      assert.ok(!res.text.includes(gone), `${gone} leaked: ${res.text.slice(0, 300)}`);
    }
    assert.equal(res.body.orders[0].orderItems[0].nft.title, "echo [redacted]", "a documented field keeps its value, secrets scrubbed");
    assert.equal(res.body.orders[0].orderItems[0].listing.priceWei, "13422818791946309000");
    // The operator may let undocumented fields through; personal data still needs its own opt-in.
    const open = await startWorker(scope.base, { EXPOSE_UNKNOWN_FIELDS: "true" });
    try {
      await scope.fault({ status: 200, body, match: { method: "GET" } });
      const unknown = await call("/v1/license-rocks/orders?ids=1", { headers: auth }, open);
      assert.equal(unknown.body.orders[0].customer.email, "customer@example.org");
      assert.equal(unknown.body.orders[0].buyer.email, undefined);
      assert.ok(!unknown.text.includes(SECRETS.LICENSE_ROCKS_API_TOKEN));
    } finally {
      await open.dispose();
    }
  });
  test("a Capture order leaves without fields nobody documented", async () => {
    const order = (await call(`/v1/capture/orders/${ORDER}?nid=${NID}`)).body;
    await scope.fault({
      status: 200,
      body: { status: "success", response: { ...order, buyer_email: "x@example.org", debug: { key: SECRETS.CAPTURE_API_KEY } } },
      match: { method: "GET" },
    });
    const res = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, order);
  });
  test("a reply without an asked order is 502 invalid_response naming the id", async () => {
    const [first] = JSON.parse(readFileSync(new URL("../fixtures/license-rocks/get-orders.200.json", import.meta.url), "utf8")).orders;
    await scope.fault({ status: 200, body: { orders: [first], error: null }, match: { method: "GET" } });
    const missing = await call("/v1/license-rocks/orders?ids=1,2", { headers: auth });
    assertErrorShape(missing, 502, "invalid_response");
    assert.equal(missing.body.error.message, "licenseRocks did not return order 2, which was asked for");
  });
  test("an unknown id is 404, bad ids are 400, ids must come once", async () => {
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1,3", { headers: auth }), 404, "not_found");
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1,a", { headers: auth }), 400, "invalid_input");
    assertErrorShape(await call("/v1/license-rocks/orders", { headers: auth }), 400);
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1&ids=2", { headers: auth }), 400);
  });
});

describe("upstream failures", () => {
  test("429 passes through with Retry-After", async () => {
    await scope.fault({ retryAfter: 30, match: { method: "GET" } });
    const res = await call("/v1/license-rocks/orders?ids=1", { headers: auth });
    assertErrorShape(res, 429);
    assert.equal(res.headers.get("retry-after"), "30");
  });
  test("a slow upstream is 504, a broken one 502", async () => {
    await scope.fault({ delayMs: 3000, match: { method: "GET" } });
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1", { headers: auth }), 504, "timeout");
    await scope.fault({ nonJson: true, status: 502, times: 3, match: { method: "GET" } });
    assertErrorShape(await call("/v1/license-rocks/orders?ids=1", { headers: auth }), 502, "http");
    await scope.fault({ status: 200, body: '{"orders": 5, "error": null}', match: { method: "GET" } });
    const invalid = await call("/v1/license-rocks/orders?ids=1", { headers: auth });
    assertErrorShape(invalid, 502, "invalid_response");
  });
});

describe("License.rocks POST with Idempotency-Key", () => {
  test("needs the key and a valid body; a bad request takes no key", async () => {
    assertErrorShape(await post(newOrder), 428, "idempotency_key_required");
    const k = key();
    assertErrorShape(await post([{ nftId: 405 }], { "idempotency-key": k }), 400, "invalid_input");
    assertErrorShape(await post("not json", { "idempotency-key": k }), 400);
    assertErrorShape(await post([], { "idempotency-key": k }), 400);
    assert.equal((await post(newOrder, { "idempotency-key": k })).status, 200, "the key was still free");
  });
  test("a body over 64 KiB is 413: a declared length before reading, a streamed one as soon as it passes", async () => {
    // Plain node:http without a pool: an answer sent before the body was read
    // leaves its connection unusable, so it must not be handed to the next request.
    const send = (chunks, declared) =>
      new Promise((resolve, reject) => {
        const headers = {
          ...auth,
          "content-type": "application/json",
          "idempotency-key": key(),
          ...(declared ? { "content-length": String(declared) } : {}),
        };
        const req = httpRequest(new URL("/v1/license-rocks/orders", worker.url), { method: "POST", headers, agent: false });
        let written = 0;
        let answered = false;
        const timer = setTimeout(() => reject(new Error(`no answer after ${written} chunks`)), 10_000);
        req.on("response", (res) => {
          answered = true;
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode, body: JSON.parse(text), written });
          });
        });
        req.on("error", (e) => (answered ? undefined : reject(e)));
        req.flushHeaders();
        // A chunk every few ms, so the answer can come while the body is still going.
        const pump = () => {
          if (answered) return;
          if (written === chunks) return req.end();
          written++;
          req.write(Buffer.alloc(16 * 1024, 0x20));
          setTimeout(pump, 3);
        };
        pump();
      });
    const before = await posts();
    // The declared length alone is enough: not one byte of the body is sent.
    const declared = await send(0, 50 * 1024 * 1024);
    assert.deepEqual([declared.status, declared.body.error.message], [413, "the body is too large"]);
    // No Content-Length, chunked: 50 MiB if nobody stopped it.
    const streamed = await send(3200);
    assert.deepEqual([streamed.status, streamed.body.error.message], [413, "the body is too large"]);
    assert.ok(streamed.written < 1000, `${streamed.written} of 3200 chunks were sent before the answer`);
    assert.equal(await posts(), before, "nothing was sent upstream");
  });
  test("the same key and body replays the first result without calling upstream", async () => {
    const k = key();
    const before = await posts();
    const first = await post(newOrder, { "idempotency-key": k });
    const again = await post(newOrder, { "idempotency-key": k });
    assert.equal(first.status, 200);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.equal((await posts()) - before, 1, "upstream called once");
  });
  test("the same key with another body is 422", async () => {
    const k = key();
    await post(newOrder, { "idempotency-key": k });
    assertErrorShape(await post([{ ...newOrder[0], quantity: 2 }], { "idempotency-key": k }), 422, "idempotency_key_reused");
  });
  test("a second request while the first is in flight is 409", async () => {
    const k = key();
    await scope.fault({ delayMs: 800, match: { method: "POST" } });
    const before = await posts();
    const [a, b] = await Promise.all([
      post(newOrder, { "idempotency-key": k }),
      new Promise((r) => setTimeout(r, 200)).then(() => post(newOrder, { "idempotency-key": k })),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    assertErrorShape(a.status === 409 ? a : b, 409, "conflict");
    assert.equal((await posts()) - before, 1);
  });
  test("an upstream 429 frees the key: passed on with Retry-After, the same key works after the wait", async () => {
    for (const body of [{ orders: null, error: "Too many requests" }, "<html>slow down</html>"]) {
      const k = key();
      await scope.fault({ status: 429, retryAfter: 2, body, match: { method: "POST" } });
      const before = await posts();
      const limited = await post(newOrder, { "idempotency-key": k });
      assert.equal(limited.status, 429, limited.text);
      assert.equal(limited.headers.get("retry-after"), "2");
      assert.equal(limited.headers.get("idempotent-replayed"), null);
      const again = await post(newOrder, { "idempotency-key": k });
      assert.equal(again.status, 200, again.text);
      assert.equal(again.headers.get("idempotent-replayed"), null, "a fresh create, not a replay of the 429");
      assert.equal((await posts()) - before, 2);
    }
  });
  test("an unknown outcome is kept: a retry cannot create a second paid order", async () => {
    const k = key();
    await scope.fault({ reset: true, afterHandler: true, match: { method: "POST" } });
    const before = await posts();
    const first = await post(newOrder, { "idempotency-key": k });
    assertErrorShape(first, 502, "unknown_outcome");
    assert.match(first.body.error.message, /look them up/);
    const retry = await post(newOrder, { "idempotency-key": k });
    assert.equal(retry.text, first.text);
    assert.equal((await posts()) - before, 1, "the retry did not reach upstream");
  });
  test("a call whose Worker died stays in flight, then is kept as an unknown outcome", async () => {
    // The first Worker dies while upstream is still answering; its in-flight
    // record survives in Durable Object storage, as it would in production.
    const persist = mkdtempSync(join(tmpdir(), "web3-orders-do-"));
    const k = key();
    const dying = await startWorker(scope.base, { UPSTREAM_TIMEOUT_MS: "30000" }, { persist });
    await scope.fault({ delayMs: 20000, match: { method: "POST" } });
    const before = await posts();
    const sentAt = Date.now();
    const lost = post(newOrder, { "idempotency-key": k }, dying).catch(() => "lost");
    while ((await posts()) === before) {
      assert.ok(Date.now() - sentAt < 10000, "the POST never reached upstream");
      await new Promise((r) => setTimeout(r, 50));
    }
    await dying.dispose();
    assert.equal(await lost, "lost");

    // The next Worker (upstream timeout 1.5 s) sees the record in flight until
    // the timeout and a 15 s margin have passed, and never calls upstream.
    const next = await startWorker(scope.base, {}, { persist });
    try {
      const send = () => post(newOrder, { "idempotency-key": k }, next);
      assertErrorShape(await send(), 409, "conflict");
      await new Promise((r) => setTimeout(r, Math.max(0, sentAt + 1500 + 15000 + 500 - Date.now())));
      const unknown = await send();
      assertErrorShape(unknown, 502, "unknown_outcome");
      assert.match(unknown.body.error.message, /stopped before its answer arrived.*look them up/);
      const again = await send();
      assert.equal(again.text, unknown.text);
      assert.equal(again.headers.get("idempotent-replayed"), "true");
      assert.equal((await posts()) - before, 1, "upstream was called once, by the Worker that died");
    } finally {
      await next.dispose();
    }
    for (const line of [...dying.logs, ...next.logs]) {
      for (const secret of Object.values(SECRETS)) assert.ok(!line.includes(secret), `a secret in a log line: ${line}`);
    }
  });
  test("a definite refusal releases the key", async () => {
    const k = key();
    const unknownBuyer = [{ ...newOrder[0], buyerUserId: 999999 }];
    const refused = await post(unknownBuyer, { "idempotency-key": k });
    assertErrorShape(refused, 400, "api");
    assert.match(refused.body.error.message, /User with ID 999999 does not exist/);
    const before = await posts();
    await post(unknownBuyer, { "idempotency-key": k });
    assert.equal((await posts()) - before, 1, "tried again upstream");
  });
});

describe("CORS", () => {
  test("allowed origins get the headers and a preflight answer", async () => {
    const pre = await call("/v1/license-rocks/orders", {
      method: "OPTIONS",
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,idempotency-key",
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get("access-control-allow-origin"), "https://shop.example");
    assert.match(pre.headers.get("access-control-allow-headers"), /authorization/);
    assert.match(pre.headers.get("access-control-allow-headers"), /idempotency-key/);
    assert.match(pre.headers.get("access-control-allow-headers"), /x-namefi-siwe-token/);
    assert.match(pre.headers.get("vary"), /Origin/);
    const res = await call("/healthz", { headers: { origin: "http://127.0.0.1:8080" } });
    assert.equal(res.headers.get("access-control-allow-origin"), "http://127.0.0.1:8080");
    const exposed = res.headers
      .get("access-control-expose-headers")
      .split(",")
      .map((h) => h.trim());
    assert.deepEqual(exposed.sort(), ["idempotent-replayed", "retry-after"]);
  });
  test("other origins are refused, preflight included", async () => {
    for (const method of ["OPTIONS", "GET"]) {
      const res = await call("/healthz", { method, headers: { origin: "https://evil.example" } });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get("access-control-allow-origin"), null);
      assert.match(res.headers.get("vary"), /Origin/);
    }
    assert.equal((await call("/healthz")).headers.get("access-control-allow-origin"), null);
  });
});

describe("injection attempts", () => {
  test("no caller input reaches another upstream path", async () => {
    const before = (await scope.requests()).length;
    const attempts = [
      [`/v1/capture/orders/..%2F..%2Fadmin?nid=${NID}`, {}],
      [`/v1/capture/orders/${ORDER}%3Forder_id%3Dother?nid=${NID}`, {}],
      [`/v1/capture/orders/${ORDER}%23x?nid=${NID}`, {}],
      ["/v1/namefi/orders/%2e%2e%2f%2e%2e%2fadmin", { headers: { authorization: "Bearer sim-namefi-token" } }],
      ["/v1/license-rocks/orders?ids=1/../../admin", { headers: auth }],
      ["/v1/license-rocks/orders?ids=1%2C2%2F..", { headers: auth }],
      ["/v1/license-rocks/orders?ids=http://evil.example/", { headers: auth }],
    ];
    for (const [path, init] of attempts) {
      const res = await call(path, init);
      assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
    }
    const notFound = await call("/v1/license-rocks/orders/../../../healthz%2F", { headers: auth });
    assert.notEqual(notFound.status, 500);
    assert.equal((await scope.requests()).length, before, "nothing reached upstream");
  });
});

describe("configuration", () => {
  test("a missing variable is a 500 that names it", async () => {
    const bare = await startWorker(scope.base, { CAPTURE_API_KEY: null, LICENSE_ROCKS_INSTANCE_URL: null });
    try {
      const capture = await bare.fetch(`/v1/capture/orders/${ORDER}?nid=${NID}`);
      assert.equal(capture.status, 500);
      assert.match(capture.body.error.message, /CAPTURE_API_KEY/);
      const lr = await bare.fetch("/v1/license-rocks/orders?ids=1", { headers: auth });
      assert.equal(lr.status, 500);
      assert.match(lr.body.error.message, /LICENSE_ROCKS_INSTANCE_URL/);
    } finally {
      await bare.dispose();
    }
  });
  test("a secret with a line break is a 500 that names it, and nothing is sent upstream", async () => {
    // A trailing newline is a common slip with `wrangler secret put`; inside, it would add a header.
    const capture = "bad-capture-key-7c1e\n";
    const token = "bad-lr-token-5d2a\nx-injected: 1";
    const bad = await startWorker(scope.base, { CAPTURE_API_KEY: capture, LICENSE_ROCKS_API_TOKEN: token });
    const before = (await scope.requests()).length;
    try {
      const responses = [
        [await call(`/v1/capture/orders/${ORDER}?nid=${NID}`, {}, bad), /CAPTURE_API_KEY/],
        [await call("/v1/license-rocks/orders?ids=1", { headers: auth }, bad), /LICENSE_ROCKS_API_TOKEN/],
        [await post(newOrder, { "idempotency-key": key() }, bad), /LICENSE_ROCKS_API_TOKEN/],
      ];
      for (const [res, name] of responses) {
        assertErrorShape(res, 500, "config");
        assert.match(res.body.error.message, name);
        assert.ok(!res.text.includes("bad-capture-key") && !res.text.includes("bad-lr-token"), res.text);
      }
      assert.equal((await scope.requests()).length, before, "nothing reached upstream");
      assert.ok(!bad.logs.join("").includes("bad-lr-token"));
    } finally {
      await bad.dispose();
    }
  });
  test("EXPOSE_BUYER_PII=true passes personal data through", async () => {
    const open = await startWorker(scope.base, { EXPOSE_BUYER_PII: "true" });
    try {
      const res = await open.fetch("/v1/license-rocks/orders?ids=1", { headers: auth });
      assert.equal(res.body.orders[0].buyer.email, "adam@licenserocks.de");
      assert.equal(res.body.orders[0].orderItems[0].nft.secretPhrase, "Geheimbotschaft");
    } finally {
      await open.dispose();
    }
  });
});

describe("secrets", () => {
  test("an upstream that echoes a key in its code field does not hand it on", async () => {
    const key = SECRETS.CAPTURE_API_KEY;
    for (const status of [`invalid key ${key}`, key]) {
      await scope.fault({ status: 200, body: { status }, match: { method: "GET" } });
      const res = await call(`/v1/capture/orders/${ORDER}?nid=${NID}`);
      assertErrorShape(res, 502, "api");
      assert.equal(res.body.error.code, null);
      assert.ok(!res.text.includes(key), res.text);
    }
    await scope.fault({
      status: 401,
      body: { defined: false, code: "sim-namefi-token-other", status: 401, message: "no" },
      match: { method: "GET" },
    });
    const namefi = await call(`/v1/namefi/orders/${NAMEFI_ORDER}`, { headers: { authorization: "Bearer sim-namefi-token-other" } });
    assertErrorShape(namefi, 401, "api");
    assert.equal(namefi.body.error.code, null);
    assert.ok(!namefi.text.includes("sim-namefi-token-other"), namefi.text);
  });
  test("a secret behind JSON escapes in a 200 body is still taken out, whatever the route", async () => {
    // `\u0062` is `b`, `\/` is `/`: the raw bytes never hold the secret, the parsed text does.
    const hide = (secret) => JSON.stringify(secret).slice(1, -1).replace(/^b/, "\\u0062").replaceAll("-", "\\u002d");
    const [first] = JSON.parse(readFileSync(new URL("../fixtures/license-rocks/get-orders.200.json", import.meta.url), "utf8")).orders;
    const order = structuredClone(first);
    order.orderItems[0].nft.title = "TITLE";
    const raw = JSON.stringify({ orders: [order], error: null }, null, 2).replace('"TITLE"', `"echo ${hide(SECRETS.ACCESS_TOKEN)} \\/ ok"`);
    assert.ok(!raw.includes(SECRETS.ACCESS_TOKEN));
    await scope.fault({ status: 200, body: raw, match: { method: "GET" } });
    const lr = await call("/v1/license-rocks/orders?ids=1", { headers: auth });
    assert.equal(lr.status, 200, lr.text);
    assert.equal(lr.body.orders[0].orderItems[0].nft.title, "echo [redacted] / ok");

    const namefi = sim.scope(`worker-namefi-echo-${process.pid}`);
    const via = await startWorker(namefi.base);
    try {
      const path = `/v1/namefi/orders/${NAMEFI_ORDER}`;
      const headers = { authorization: "Bearer sim-namefi-token" };
      const real = await call(path, { headers }, via);
      assert.equal(real.status, 200, real.text);
      const echo = JSON.stringify(real.body).replace(`"id":"${NAMEFI_ORDER}"`, (id) => `${id},"note":"k=${hide(SECRETS.CAPTURE_API_KEY)}"`);
      assert.ok(echo.includes('"note"') && !echo.includes(SECRETS.CAPTURE_API_KEY));
      await namefi.fault({ status: 200, body: echo, match: { method: "GET" } });
      const res = await call(path, { headers }, via);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.order.note, "k=[redacted]");
      assert.deepEqual(
        { ...res.body, order: { ...res.body.order, note: undefined } },
        { ...real.body, order: { ...real.body.order, note: undefined } },
      );
    } finally {
      await via.dispose();
    }
  });
  test("no secret appears in any response or log line", async () => {
    // One more failure whose upstream message echoes the token.
    await scope.fault({
      status: 401,
      body: { orders: null, error: `bad token ${SECRETS.LICENSE_ROCKS_API_TOKEN}` },
      match: { method: "GET" },
    });
    const echoed = await call("/v1/license-rocks/orders?ids=1", { headers: auth });
    assertErrorShape(echoed, 502);
    assert.match(echoed.body.error.message, /\[redacted\]/);
    const everything = `${seen.join("\n")}\n${worker.logs.join("")}`;
    assert.ok(worker.logs.join("").includes("GET /v1/license-rocks/orders"), "the worker logs requests");
    for (const [name, value] of Object.entries(SECRETS)) {
      assert.ok(!everything.includes(value), `${name} leaked`);
    }
  });
});
