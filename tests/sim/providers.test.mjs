// The simulator behaves as the three real services do: routes, auth, error
// shapes, rate limits, POST rules, CORS, data of real shape. Real HTTP against
// a simulator on a free port.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { GENERATED, NAMEFI_ORDER_STATUSES, NAMEFI_OWNER_ID, seedWorld } from "../../sim/data.mjs";
import { MAX_URL_LENGTH } from "../../sim/server.mjs";
import { CREDS, startSim } from "./helpers.mjs";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const openApi = JSON.parse(readFileSync(new URL("../real-apis/namefi-getOrder.openapi.json", import.meta.url), "utf8"));
const ajv = new Ajv({ strict: false });
addFormats(ajv);
const validNamefiOrder = ajv.compile(openApi.paths["/orders/{orderId}"].get.responses["200"].content["application/json"].schema);
let sim;
before(async () => (sim = await startSim()));
after(() => sim.close());

const get = async (path, headers = {}) => {
  const res = await fetch(sim.base + path, { headers });
  return { status: res.status, body: await res.json(), headers: res.headers };
};
const lr = { authorization: CREDS.licenseRocksApiToken };
const post = async (body, headers = lr) => {
  const res = await fetch(`${sim.base}/api/externalOrders`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

describe("Capture queryOrder", () => {
  const seed = fixture("capture/query-order.200.json");
  const path = `/api/1.1/wf/queryOrder?order_id=${seed.response.order_id}`;
  const auth = { authorization: `Bearer ${CREDS.captureApiKey}` };
  test("answers the documented example with a Bearer API key", async () => {
    const { status, body } = await get(path, auth);
    assert.equal(status, 200);
    assert.deepEqual(body, seed);
  });
  test("refuses a missing or wrong key with Bubble's token error", async () => {
    for (const headers of [{}, { authorization: CREDS.captureApiKey }, { authorization: "Bearer nope" }]) {
      const { status, body } = await get(path, headers);
      assert.equal(status, 401);
      assert.equal(body.error_class, "Unauthorized");
      assert.equal(body.message, null);
      assert.match(body.translation, /Invalid or expired token/);
      assert.equal(typeof body.args, "object");
    }
  });
  test("answers a missing parameter and an unknown order in Bubble's data-error shape", async () => {
    const missing = await get("/api/1.1/wf/queryOrder", auth);
    assert.deepEqual([missing.status, missing.body.statusCode, missing.body.body.status], [400, 400, "MISSING_DATA"]);
    assert.match(missing.body.body.message, /Missing parameter for workflow queryOrder: parameter order_id/);
    const unknown = await get("/api/1.1/wf/queryOrder?order_id=00000000-0000-4000-a000-000000000000", auth);
    assert.deepEqual([unknown.status, unknown.body.statusCode, unknown.body.body.status], [404, 404, "NOT_FOUND"]);
  });
  test("generated orders carry Capture's statuses, decimal costs and empty, null or absent results", async () => {
    const orders = [...seedWorld().capture.values()].slice(1); // after the docs' example
    assert.deepEqual(new Set(orders.map((o) => o.status)), new Set(["completed", "submitted", "paid", "payment_failed", "failed"]));
    assert.ok(
      orders.some((o) => !Number.isInteger(o.cost)),
      "a decimal cost",
    );
    const results = new Set(
      orders.map((o) => ("result_url" in o ? (o.result_url === null ? "null" : o.result_url === "" ? "empty" : "url") : "absent")),
    );
    assert.deepEqual(results, new Set(["null", "empty", "url", "absent"]));
    assert.ok(orders.filter((o) => o.status === "completed").every((o) => o.result_url));
    const { status, body } = await get(`/api/1.1/wf/queryOrder?order_id=${orders[2].order_id}`, auth);
    assert.equal(status, 200);
    assert.deepEqual(body.response, orders[2]);
  });
});

describe("Namefi orders", () => {
  const seed = fixture("namefi/get-order.200.json");
  const path = `/v-next/orders/${seed.order.id}`;
  const bearer = { authorization: `Bearer ${CREDS.namefiToken}` };
  test("answers the owner's order with a user JWT, a SIWE session or an API key", async () => {
    for (const headers of [bearer, { "x-namefi-siwe-token": CREDS.namefiSiweToken }, { "x-api-key": CREDS.namefiApiKey }]) {
      const { status, body } = await get(path, headers);
      assert.equal(status, 200, JSON.stringify(headers));
      assert.deepEqual(body, seed);
      assert.equal(body.order.userId, NAMEFI_OWNER_ID);
    }
  });
  test("uses the documented oRPC error bodies for a bad credential and an unknown order", async () => {
    const cases = [
      [path, {}, 401],
      [path, { authorization: "Bearer wrong" }, 401],
      [path, { authorization: CREDS.namefiToken }, 401],
      [path, { "x-api-key": CREDS.namefiToken }, 401],
      ["/v-next/orders/00000000-0000-4000-a000-000000000000", bearer, 404],
    ];
    for (const [p, headers, status] of cases) {
      const res = await get(p, headers);
      assert.equal(res.status, status, `${p} ${JSON.stringify(headers)}`);
      assert.deepEqual(res.body, fixture(`namefi/error.${status}.json`));
    }
  });
  test("answers a non-owner 401 UNAUTHORIZED, as the backend's owner check does, and a bad id 422", async () => {
    const other = await get(path, { authorization: `Bearer ${CREDS.namefiOtherUserToken}` });
    assert.equal(other.status, 401);
    assert.deepEqual(other.body, {
      defined: false,
      code: "UNAUTHORIZED",
      status: 401,
      message: "You are not authorized to access this order",
    });
    const bad = await get("/v-next/orders/not-a-uuid", bearer);
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, "INPUT_VALIDATION_FAILED");
    assert.deepEqual(Object.keys(bad.body.data).sort(), ["fieldErrors", "formErrors"]);
  });
  test("every generated order is valid under Namefi's production schema", () => {
    // After the docs' example, which predates startedAt and finishedAt.
    const orders = [...seedWorld().namefi.values()].slice(1);
    assert.equal(validNamefiOrder(seed), false);
    const invalid = orders
      .filter((o) => !validNamefiOrder(o))
      .map((o) => `${o.order.id}: ${JSON.stringify(validNamefiOrder.errors?.slice(0, 2))}`);
    assert.deepEqual(invalid.slice(0, 3), []);
  });
  test("generated orders cover every status, item type, payment provider and null pattern", () => {
    const orders = [...seedWorld().namefi.values()].slice(1);
    const all = (pick) => new Set(orders.flatMap(pick));
    assert.deepEqual(
      all((o) => [o.order.status]),
      new Set(NAMEFI_ORDER_STATUSES),
    );
    assert.deepEqual(
      all((o) => o.items.map((i) => i.type)),
      new Set(["REGISTER", "IMPORT", "RENEW"]),
    );
    assert.deepEqual(
      all((o) => o.payments.map((p) => p.paymentProvider)),
      new Set(["NFSC_BASE", "NFSC_ETHEREUM", "NFSC_ETHEREUM_SEPOLIA", "STRIPE", "X402"]),
    );
    // Unpaid: no wallet, nothing started, items not scheduled.
    const unpaid = orders.filter((o) => o.order.status === "CREATED");
    assert.ok(unpaid.every((o) => o.order.nftWalletAddress === null && o.order.startedAt === null && o.order.finishedAt === null));
    assert.ok(unpaid.some((o) => o.items.some((i) => i.status === null)));
    assert.ok(unpaid.some((o) => o.payments.length === 0));
    assert.ok(unpaid.some((o) => o.payments.some((p) => p.paymentProviderReferenceId === null)));
    // Running: started, not finished. Finished: both.
    assert.ok(orders.filter((o) => o.order.status === "PROCESSING").every((o) => o.order.startedAt && o.order.finishedAt === null));
    assert.ok(
      orders
        .filter((o) => o.order.status === "SUCCEEDED")
        .every((o) => o.order.finishedAt && o.payments.every((p) => p.status === "SUCCEEDED")),
    );
    // Payment details are objects in the real service.
    const payments = orders.flatMap((o) => o.payments);
    assert.ok(
      payments
        .filter((p) => p.paymentProvider.startsWith("NFSC_"))
        .every((p) => typeof p.nfscPaymentDetails?.walletAddress === "string" && p.stripePaymentDetails === null),
    );
    assert.ok(payments.filter((p) => p.paymentProvider === "X402").every((p) => typeof p.x402PaymentDetails?.network === "string"));
    // NFSC top-ups: an order with no domain items.
    assert.ok(orders.some((o) => o.items.length === 0 && o.payments.length === 1));
    assert.ok(orders.some((o) => o.user.primaryEmail === null));
    assert.ok(orders.some((o) => !("metadata" in o.order)) && orders.some((o) => o.order.metadata === null));
  });
});

describe("Namefi rate limit", () => {
  const seed = fixture("namefi/get-order.200.json");
  test("60 requests per rolling minute per credential, RateLimit-* on every answer, then 429 {error}", async () => {
    const scope = sim.scope();
    const path = `${scope.base}/v-next/orders/${seed.order.id}`;
    const statuses = [];
    let last;
    for (let i = 0; i < 61; i++) {
      last = await fetch(path, { headers: { authorization: `Bearer ${CREDS.namefiToken}` } });
      statuses.push(last.status);
      assert.equal(last.headers.get("ratelimit-limit"), "60");
      assert.equal(last.headers.get("ratelimit-remaining"), String(Math.max(0, 59 - i)));
      assert.match(last.headers.get("ratelimit-reset"), /^\d+$/);
      if (i < 60) await last.arrayBuffer();
    }
    assert.deepEqual(statuses, [...Array(60).fill(200), 429]);
    assert.deepEqual(await last.json(), { error: "Too Many Requests" });
    const wait = Number(last.headers.get("retry-after"));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    // Another credential has its own budget; errors carry the headers too.
    const other = await fetch(path, { headers: { "x-namefi-siwe-token": CREDS.namefiSiweToken } });
    assert.equal(other.status, 200);
    const unknown = await fetch(`${scope.base}/v-next/orders/00000000-0000-4000-a000-000000000000`, {
      headers: { "x-namefi-siwe-token": CREDS.namefiSiweToken },
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get("ratelimit-remaining"), "58");
  });
  test("is set per scope and can be lifted for load tests", async () => {
    const scope = sim.scope();
    const headers = { authorization: `Bearer ${CREDS.namefiToken}` };
    const path = `${scope.base}/v-next/orders/${seed.order.id}`;
    assert.equal((await scope.namefiRateLimit({ limit: 2, windowMs: 500 })).limit, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(path, { headers })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal((await fetch(path, { headers })).status, 200, "the window rolls");
    await scope.namefiRateLimit({ limit: null });
    for (let i = 0; i < 100; i++) {
      const res = await fetch(path, { headers });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("ratelimit-limit"), null, "a lifted limit sends no RateLimit-*");
      await res.arrayBuffer();
    }
    await assert.rejects(scope.namefiRateLimit({ limit: -1 }), /rate limit refused/);
  });
});

describe("orders that move", () => {
  const namefiAuth = { authorization: `Bearer ${CREDS.namefiToken}` };
  const captureAuth = { authorization: `Bearer ${CREDS.captureApiKey}` };
  test("a Namefi order advances one status per read, valid under the production schema at each", async () => {
    const scope = sim.scope();
    const statuses = ["CREATED", "PROCESSING", "PARTIALLY_COMPLETED"];
    const { orderId } = await scope.progression({ provider: "namefi", statuses });
    const seen = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${scope.base}/v-next/orders/${orderId}`, { headers: namefiAuth });
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.ok(validNamefiOrder(body), JSON.stringify(validNamefiOrder.errors));
      assert.equal(body.order.id, orderId);
      assert.ok([...body.items, ...body.payments].every((part) => part.orderId === orderId));
      seen.push(body.order.status);
      if (body.order.status === "CREATED") assert.equal(body.order.startedAt, null);
      if (body.order.status === "PARTIALLY_COMPLETED") {
        assert.notEqual(body.order.finishedAt, null);
        assert.deepEqual(
          body.items.map((item) => item.status),
          ["SUCCEEDED", "FAILED"],
        );
      }
    }
    assert.deepEqual(seen, [...statuses, "PARTIALLY_COMPLETED", "PARTIALLY_COMPLETED"], "then stays at the last");
    // The owner check still holds for it.
    const other = await fetch(`${scope.base}/v-next/orders/${orderId}`, {
      headers: { authorization: `Bearer ${CREDS.namefiOtherUserToken}` },
    });
    assert.equal(other.status, 401);
  });
  test("a Capture order advances every few reads, or in time; only a completed one has a result", async () => {
    const scope = sim.scope();
    const read = async (orderId) => (await get(`/api/1.1/wf/queryOrder?order_id=${orderId}`, captureAuth)).body.response;
    const byReads = await scope.progression({ provider: "capture", statuses: ["submitted", "paid", "completed"], everyReads: 2 });
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(await read(byReads.orderId));
    assert.deepEqual(
      seen.map((o) => o.status),
      ["submitted", "submitted", "paid", "paid", "completed", "completed"],
    );
    assert.ok(seen.every((o) => o.order_id === byReads.orderId));
    assert.deepEqual(
      seen.map((o) => o.result_url === null),
      [true, true, true, true, false, false],
    );
    const inTime = await scope.progression({ provider: "capture", statuses: ["paid", "failed"], everyMs: 150 });
    assert.equal((await read(inTime.orderId)).status, "paid");
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await read(inTime.orderId)).status, "failed");
  });
  test("refuses a progression it cannot run, saying why", async () => {
    const scope = sim.scope();
    for (const [config, why] of [
      [{ provider: "licenseRocks", statuses: ["x"] }, /provider must be one of namefi, capture/],
      [{ provider: "namefi", statuses: [] }, /statuses must be 1 to 50 of CREATED/],
      [{ provider: "capture", statuses: ["SUCCEEDED"] }, /statuses must be 1 to 50 of completed/],
      [{ provider: "capture", statuses: ["paid"], everyReads: 0 }, /everyReads must be a positive integer/],
      [{ provider: "capture", statuses: ["paid"], everyReads: 1, everyMs: 5 }, /not both/],
      [{ provider: "capture", statuses: ["paid"], after: 1 }, /unknown progression option\(s\): after/],
    ]) {
      await assert.rejects(scope.progression(config), why);
    }
  });
  test("Capture and Namefi answers carry a cf-ray request id, as Cloudflare sends; License.rocks none", async () => {
    const namefi = await get(`/v-next/orders/${fixture("namefi/get-order.200.json").order.id}`, namefiAuth);
    const capture = await get(`/api/1.1/wf/queryOrder?order_id=${fixture("capture/query-order.200.json").response.order_id}`, captureAuth);
    for (const { headers } of [namefi, capture]) assert.match(headers.get("cf-ray"), /^[0-9a-f]{16}-SIM$/);
    assert.notEqual(namefi.headers.get("cf-ray"), capture.headers.get("cf-ray"));
    const lrAnswer = await get("/api/externalOrders?ids=1", lr);
    assert.equal(lrAnswer.headers.get("cf-ray"), null);
  });
});

describe("License.rocks external orders: GET", () => {
  test("answers the documented example for ids 1,2", async () => {
    const { status, body } = await get("/api/externalOrders/1,2", lr);
    assert.equal(status, 200);
    assert.deepEqual(body, fixture("license-rocks/get-orders.200.json"));
  });
  test("takes the raw token, not a Bearer one", async () => {
    const res = await get("/api/externalOrders/1", { authorization: `Bearer ${CREDS.licenseRocksApiToken}` });
    assert.equal(res.status, 401);
    assert.equal(res.body.orders, null);
    assert.equal((await get("/api/externalOrders/1")).status, 401);
  });
  test("gives the documented 400 messages", async () => {
    const nan = await get("/api/externalOrders/a,2", lr);
    assert.deepEqual([nan.status, nan.body], [400, fixture("license-rocks/get-orders.400.not-a-number.json")]);
    const missing = await get("/api/externalOrders/1,3", lr);
    assert.deepEqual([missing.status, missing.body], [400, fixture("license-rocks/get-orders.400.missing.json")]);
  });
  test("returns each order once, by id, like a database IN query", async () => {
    const { body } = await get("/api/externalOrders/1001,1000,1001", lr);
    assert.deepEqual(
      body.orders.map((o) => o.id),
      [1000, 1001],
    );
  });
  test("is seeded with thousands of generated orders", async () => {
    const last = GENERATED.licenseRocksFirstOrderId + GENERATED.licenseRocksOrderCount - 1;
    const { status, body } = await get(`/api/externalOrders/${GENERATED.licenseRocksFirstOrderId},${last}`, lr);
    assert.equal(status, 200);
    assert.equal(body.orders.length, 2);
    assert.ok(GENERATED.licenseRocksOrderCount >= 1000);
    assert.match(body.orders[1].orderItems[0].listing.priceWei, /^\d+$/);
    assert.deepEqual([body.orders[1].status, body.orders[1].orderItems[0].status], ["paid", "paid"], "real orders carry a status");
  });
  test("holds a million more orders, made the same on every read", async () => {
    const first = GENERATED.licenseRocksBulkFirstOrderId;
    const last = first + GENERATED.licenseRocksBulkOrderCount - 1;
    const path = `/api/externalOrders/${last},${first},${first + 7}`;
    const one = await get(path, lr);
    assert.equal(one.status, 200);
    assert.deepEqual(
      one.body.orders.map((o) => o.id),
      [first, first + 7, last],
    );
    assert.deepEqual((await get(path, lr)).body, one.body, "deterministic");
    assert.notEqual(one.body.orders[0].secupayWebhookToken, one.body.orders[1].secupayWebhookToken);
    const past = await get(`/api/externalOrders/${last + 1}`, lr);
    assert.deepEqual([past.status, past.body.error], [400, `Order with ID ${last + 1} does not exist.`]);
  });
  test("refuses a URL longer than the limit with 414", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => GENERATED.licenseRocksFirstOrderId + i).join(",");
    assert.ok(ids.length > MAX_URL_LENGTH);
    const res = await get(`/api/externalOrders/${ids}`, lr);
    assert.equal(res.status, 414);
  });
});

describe("License.rocks external orders: POST", () => {
  test("creates the documented example and a later GET returns the orders", async () => {
    const { status, body } = await post(fixture("license-rocks/create-orders.request.json"));
    assert.equal(status, 200);
    assert.equal(body.error, null);
    assert.equal(body.orders.length, 2);
    assert.ok(
      body.orders.every((o) => o.buyer === undefined),
      "the POST reply leaves out the buyer",
    );
    const [a, b] = body.orders;
    assert.equal(a.orderItems[0].nftId, 405);
    assert.equal(a.orderItems[0].quantity, 3);
    assert.equal(a.totalPriceCents, 300);
    assert.equal(a.totalPriceEth, "3.4984117210786308");
    assert.equal(a.status, "paid", "creating an order marks it paid");
    const again = await get(`/api/externalOrders/${a.id},${b.id}`, lr);
    assert.equal(again.status, 200);
    assert.deepEqual(
      again.body.orders.map((o) => o.id),
      [a.id, b.id],
    );
    assert.equal(again.body.orders[1].buyer.id, 5);
  });
  test("needs the token", async () => {
    const { status, body } = await post(fixture("license-rocks/create-orders.request.json"), {});
    assert.equal(status, 401);
    assert.equal(body.orders, null);
  });
  test("refuses a missing required property with 400 and creates nothing", async () => {
    for (const field of ["nftId", "listingId", "quantity", "buyerUserId"]) {
      const order = { nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 };
      delete order[field];
      const before = await get("/api/externalOrders/10000", lr);
      const { status, body } = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 }, order]);
      assert.equal(status, 400, field);
      assert.equal(body.orders, null);
      assert.match(body.error, new RegExp(field));
      const afterwards = await get("/api/externalOrders/10000", lr);
      assert.deepEqual(afterwards.body, before.body, "a failed batch writes nothing");
    }
  });
  test("refuses an unknown buyer, a non-array body and bad JSON", async () => {
    const unknown = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 999999 }]);
    assert.deepEqual([unknown.status, unknown.body.error], [400, "User with ID 999999 does not exist."]);
    assert.equal((await post({ nftId: 405 })).status, 400);
    assert.equal((await post("[{")).status, 400);
    assert.equal((await post([{ nftId: "405", listingId: 2, quantity: 1, buyerUserId: 5 }])).status, 400);
  });
  test("billing: all four fields make a new address", async () => {
    const billing = { city: "Toruń", country: "Poland", postal: "87-100", street: "Szeroka" };
    const one = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5, buyerBillingData: billing }]);
    const two = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5, buyerBillingData: billing }]);
    assert.equal(one.status, 200);
    assert.notEqual(one.body.orders[0].billingAddressId, two.body.orders[0].billingAddressId);
    assert.notEqual(one.body.orders[0].billingAddressId, 50);
  });
  test("billing: any field missing uses the user's first address", async () => {
    const { status, body } = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5, buyerBillingData: { city: "Toruń" } }]);
    assert.equal(status, 200);
    assert.equal(body.orders[0].billingAddressId, 50);
    const none = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 24 }]);
    assert.equal(none.body.orders[0].billingAddressId, 1);
  });
  test("billing: none on file and incomplete data is a 400", async () => {
    const { status, body } = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 7, buyerBillingData: { city: "x" } }]);
    assert.equal(status, 400);
    assert.match(body.error, /no billing address/);
    const complete = await post([
      { nftId: 405, listingId: 2, quantity: 1, buyerUserId: 7, buyerBillingData: { city: "a", country: "b", postal: "c", street: "d" } },
    ]);
    assert.equal(complete.status, 200);
  });
});

describe("CORS", () => {
  test("answers the preflight naming authorization explicitly", async () => {
    const res = await fetch(`${sim.base}/api/externalOrders`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "http://127.0.0.1:5173");
    const allowed = res.headers
      .get("access-control-allow-headers")
      .split(",")
      .map((h) => h.trim());
    assert.ok(allowed.includes("authorization"));
    assert.ok(allowed.includes("content-type"));
    assert.match(res.headers.get("access-control-allow-methods"), /POST/);
  });
  test("allows the origin on real answers, errors included, and exposes Retry-After", async () => {
    const res = await fetch(`${sim.base}/api/externalOrders/1`, { headers: { origin: "http://localhost:8000" } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get("access-control-allow-origin"), "http://localhost:8000");
    assert.match(res.headers.get("access-control-expose-headers"), /retry-after/);
  });
});

describe("unknown routes", () => {
  test("say loudly which route was not matched", async () => {
    const { status, body } = await get("/nope");
    assert.equal(status, 404);
    assert.match(body.error, /no route GET \/nope/);
  });
});
