// The benchmark's json()+zod and json()+ajv contenders must do the same work as
// this package: accept what it accepts and refuse what it refuses, at the same
// field. Every field of a documented reply is mutated in turn (wrong type,
// out-of-range or fractional number, non-decimal string, removed) and all three
// judge the result.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as ajv from "../../bench/ajv-schemas.mjs";
import * as zod from "../../bench/zod-schemas.mjs";
import { getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../../pkg/node.js";
import { seedWorld } from "../../sim/data.mjs";

const world = seedWorld();
const reply = (value) => async () => new Response(JSON.stringify(value), { headers: { "content-type": "application/json" } });

/** Each mutation of `value`: [what was done, the mutated copy]. */
function* mutations(value) {
  const walk = function* (node, path, set, remove) {
    // A wrong type; for strings one that is no decimal; for numbers a fraction,
    // one past the safe integers and one past 32 bits.
    const swaps =
      typeof node === "string"
        ? [7, "x"]
        : typeof node === "number"
          ? ["7", 1.5, 2 ** 53, -(2 ** 31) - 1]
          : typeof node === "boolean"
            ? ["true"]
            : node === null
              ? [7]
              : ["x"];
    for (const v of swaps) yield [`${JSON.stringify(v)} at ${path || "$"}`, set(v)];
    if (remove) yield [`${path} removed`, remove()];
    if (Array.isArray(node)) {
      // The first element stands for all: they share one schema.
      if (node.length > 0) yield* walk(node[0], `${path}[0]`, (v) => set(node.with(0, v)), null);
    } else if (typeof node === "object" && node !== null) {
      for (const key of Object.keys(node)) {
        const copy = (f) => set(f({ ...node }));
        yield* walk(
          node[key],
          path ? `${path}.${key}` : key,
          (v) =>
            copy((o) => {
              o[key] = v;
              return o;
            }),
          () =>
            copy((o) => {
              delete o[key];
              return o;
            }),
        );
      }
    }
  };
  // Each `set` copies the objects on the way down to the replaced node, so the original stays intact.
  yield* walk(value, "", (v) => v, null);
}

/** `orders[0].id` from zod's ["orders", 0, "id"]. */
const zodPath = (path) =>
  path.length === 0 ? "$" : path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

/** What each schema contender says of a body: accepted, or the path of its first bad field. */
const judges = {
  zod: (schema) => (body) => {
    const result = schema.safeParse(body);
    return result.success ? { ok: true } : { ok: false, path: zodPath(result.error.issues[0].path) };
  },
  ajv:
    ({ validate }) =>
    (body) =>
      validate(body) ? { ok: true } : { ok: false, path: ajv.ajvPath(validate.errors[0]) },
};
const schemas = {
  externalOrdersReply: { zod: zod.externalOrdersReply, ajv: ajv.externalOrdersReply },
  namefiOrderDetails: { zod: zod.namefiOrderDetails, ajv: ajv.namefiOrderDetails },
  captureReply: { zod: zod.captureReply, ajv: ajv.captureReply },
};

async function ourVerdict(call, body) {
  try {
    await call(reply(body));
    return { ok: true };
  } catch (error) {
    assert.ok(error.kind === "invalid_response" || error.kind === "api", `not about the reply: ${error.message}`);
    // Capture's own error shape is an `api` error, which names no field.
    return { ok: false, path: error.kind === "api" ? "(an api error)" : error.path };
  }
}

const say = (verdict) => (verdict.ok ? "accepts" : `refuses at ${verdict.path}`);

/**
 * Every contender and the package accept `documented`; on every mutation each
 * contender accepts, or refuses at the same path, as the package does, except the
 * `known` differences (mutation → what both say), which the package checks
 * beyond a schema.
 */
async function parity(schemaName, call, documented, known = {}) {
  let count = 0;
  const differ = Object.fromEntries(Object.keys(judges).map((name) => [name, {}]));
  for (const [what, body] of [["the documented reply", documented], ...mutations(documented)]) {
    count++;
    const ours = await ourVerdict(call, body);
    if (count === 1) assert.deepEqual(ours, { ok: true }, "the package accepts the documented reply");
    for (const [name, judge] of Object.entries(judges)) {
      const theirs = judge(schemas[schemaName][name])(body);
      if (theirs.ok !== ours.ok || theirs.path !== ours.path) differ[name][what] = `${name} ${say(theirs)}, ours ${say(ours)}`;
    }
  }
  for (const name of Object.keys(judges)) {
    const expected = Object.fromEntries(Object.entries(known).map(([what, says]) => [what, `${name} ${says}`]));
    assert.deepEqual(differ[name], expected, `${name} and the package disagree (${count - 1} mutations)`);
  }
  return count - 1;
}

test("License.rocks: zod, ajv and the package judge every mutated field alike", async () => {
  const [id] = world.licenseRocks.orders.keys();
  const documented = { orders: [world.licenseRocks.orders.get(id)], error: null };
  const call = (fetch) => getExternalOrders([id], { apiToken: "bench-token", instanceUrl: "https://hub.example.com", fetch });
  const count = await parity("externalOrdersReply", call, documented, {
    // A valid id, but not the one asked for: the package also checks that each asked order came back.
    [`${-(2 ** 31) - 1} at orders[0].id`]: "accepts, ours refuses at orders",
  });
  assert.ok(count > 400, `${count} mutations`);
});

test("Namefi: zod, ajv and the package judge every mutated field alike", async () => {
  const orders = [...world.namefi.values()];
  // The docs' example, and production-shaped orders that between them carry every field the models type.
  const failed = orders.find((o) => o.items[0]?.metadata?.failureDetails && o.payments[0]?.paymentProvider === "X402");
  const dns = orders.find((o) => o.items[0]?.metadata?.postProcessOrderItem && o.order.metadata?.mintTransactions);
  const unpaid = orders.find((o) => o.order.status === "CREATED" && o.payments.length && o.items[0].status === null);
  let count = 0;
  for (const details of [orders[0], failed, dns, unpaid]) {
    assert.ok(details, "the simulator has such an order");
    const call = (fetch) => getNamefiOrder(details.order.id, { token: "bench-token", baseUrl: "https://api.example.com", fetch });
    count += await parity("namefiOrderDetails", call, details, {
      // A valid id, but not the one asked for: the package also checks the reply is about the order asked for.
      '"x" at order.id': "accepts, ours refuses at order.id",
    });
  }
  assert.ok(count > 500, `${count} mutations`);
});

test("Capture: zod, ajv and the package judge every mutated field alike", async () => {
  const [id] = world.capture.keys();
  const call = (fetch) => queryCaptureOrder(id, { apiKey: "bench-key", baseUrl: "https://api.example.com", fetch });
  const count = await parity(
    "captureReply",
    call,
    { status: "success", response: world.capture.get(id) },
    {
      // Any other string status is Capture's own error shape: an `api` error, not a bad field.
      '"x" at status': "refuses at status, ours refuses at (an api error)",
      // A valid id, but not the one asked for (as for Namefi).
      '"x" at response.order_id': "accepts, ours refuses at response.order_id",
    },
  );
  assert.ok(count >= 40, `${count} mutations`);
});
