// The simulator behaves as the three providers' docs say: routes, auth, error
// shapes, POST rules, CORS. Real HTTP against a simulator on a free port.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { CREDS, startSim } from "./helpers.mjs";
import { GENERATED, NAMEFI_OWNER_ID } from "../../sim/data.mjs";
import { MAX_URL_LENGTH } from "../../sim/server.mjs";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
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
  test("answers the documented example with a Bearer API key", async () => {
    const { status, body } = await get(path, { authorization: `Bearer ${CREDS.captureApiKey}` });
    assert.equal(status, 200);
    assert.deepEqual(body, seed);
  });
  test("refuses a missing or wrong key with 401", async () => {
    for (const headers of [{}, { authorization: CREDS.captureApiKey }, { authorization: "Bearer nope" }]) {
      const { status, body } = await get(path, headers);
      assert.equal(status, 401);
      assert.equal(body.status, "error");
      assert.match(body.message, /API key/);
    }
  });
  test("answers 404 for an unknown order and 400 without order_id", async () => {
    const auth = { authorization: `Bearer ${CREDS.captureApiKey}` };
    assert.equal((await get("/api/1.1/wf/queryOrder?order_id=00000000-0000-4000-a000-000000000000", auth)).status, 404);
    assert.equal((await get("/api/1.1/wf/queryOrder", auth)).status, 400);
  });
});

describe("Namefi orders", () => {
  const seed = fixture("namefi/get-order.200.json");
  const path = `/v-next/orders/${seed.order.id}`;
  test("answers the owner's order", async () => {
    const { status, body } = await get(path, { authorization: `Bearer ${CREDS.namefiToken}` });
    assert.equal(status, 200);
    assert.deepEqual(body, seed);
    assert.equal(body.order.userId, NAMEFI_OWNER_ID);
  });
  test("uses the documented oRPC error bodies", async () => {
    const cases = [
      [path, {}, 401],
      [path, { authorization: "Bearer wrong" }, 401],
      [path, { authorization: CREDS.namefiToken }, 401],
      [path, { authorization: `Bearer ${CREDS.namefiOtherUserToken}` }, 403],
      ["/v-next/orders/not-a-uuid", { authorization: `Bearer ${CREDS.namefiToken}` }, 400],
      ["/v-next/orders/00000000-0000-4000-a000-000000000000", { authorization: `Bearer ${CREDS.namefiToken}` }, 404],
    ];
    for (const [p, headers, status] of cases) {
      const res = await get(p, headers);
      assert.equal(res.status, status, `${p} ${JSON.stringify(headers)}`);
      assert.deepEqual(res.body, fixture(`namefi/error.${status}.json`));
    }
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
    assert.deepEqual(body.orders.map((o) => o.id), [1000, 1001]);
  });
  test("is seeded with thousands of generated orders", async () => {
    const last = GENERATED.licenseRocksFirstOrderId + GENERATED.licenseRocksOrderCount - 1;
    const { status, body } = await get(`/api/externalOrders/${GENERATED.licenseRocksFirstOrderId},${last}`, lr);
    assert.equal(status, 200);
    assert.equal(body.orders.length, 2);
    assert.ok(GENERATED.licenseRocksOrderCount >= 1000);
    assert.match(body.orders[1].orderItems[0].listing.priceWei, /^\d+$/);
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
    assert.ok(body.orders.every((o) => o.buyer === undefined), "the POST reply leaves out the buyer");
    const [a, b] = body.orders;
    assert.equal(a.orderItems[0].nftId, 405);
    assert.equal(a.orderItems[0].quantity, 3);
    assert.equal(a.totalPriceCents, 300);
    assert.equal(a.totalPriceEth, "3.4984117210786308");
    const again = await get(`/api/externalOrders/${a.id},${b.id}`, lr);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.orders.map((o) => o.id), [a.id, b.id]);
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
    const complete = await post([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 7, buyerBillingData: { city: "a", country: "b", postal: "c", street: "d" } }]);
    assert.equal(complete.status, 200);
  });
});

describe("CORS", () => {
  test("answers the preflight naming authorization explicitly", async () => {
    const res = await fetch(`${sim.base}/api/externalOrders`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "http://127.0.0.1:5173");
    const allowed = res.headers.get("access-control-allow-headers").split(",").map((h) => h.trim());
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
