// The benchmark's json()+zod contender must do the same work as this package:
// accept what it accepts and refuse what it refuses, at the same field. Every
// field of a documented reply is mutated in turn (wrong type, out-of-range or
// fractional number, non-decimal string, removed) and both judge the result.
import assert from "node:assert/strict";
import { test } from "node:test";
import { captureReply, externalOrdersReply, namefiOrderDetails } from "../../bench/zod-schemas.mjs";
import { getExternalOrders, getNamefiOrder, queryCaptureOrder } from "../../js/node.js";
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

async function verdicts(schema, call, body) {
  const zod = schema.safeParse(body);
  let ours;
  try {
    await call(reply(body));
    ours = { ok: true };
  } catch (error) {
    assert.ok(error.kind === "invalid_response" || error.kind === "api", `not about the reply: ${error.message}`);
    // Capture's own error shape is an `api` error, which names no field.
    ours = { ok: false, path: error.kind === "api" ? "(an api error)" : error.path };
  }
  return { zod: zod.success ? { ok: true } : { ok: false, path: zodPath(zod.error.issues[0].path) }, ours };
}

/**
 * Both accept `documented`; on every mutation both accept, or both refuse at the
 * same path, except the `known` differences (mutation → what each says), which
 * the package checks beyond a schema.
 */
async function parity(schema, call, documented, known = {}) {
  assert.deepEqual(await verdicts(schema, call, documented), { zod: { ok: true }, ours: { ok: true } }, "both accept the documented reply");
  const differ = {};
  let count = 0;
  for (const [what, body] of mutations(documented)) {
    count++;
    const { zod, ours } = await verdicts(schema, call, body);
    if (zod.ok !== ours.ok || zod.path !== ours.path)
      differ[what] = `zod ${zod.ok ? "accepts" : `refuses at ${zod.path}`}, ours ${ours.ok ? "accepts" : `refuses at ${ours.path}`}`;
  }
  assert.deepEqual(differ, known, `zod and the package disagree (${count} mutations)`);
  return count;
}

test("License.rocks: zod and the package judge every mutated field alike", async () => {
  const [id] = world.licenseRocks.orders.keys();
  const documented = { orders: [world.licenseRocks.orders.get(id)], error: null };
  const call = (fetch) => getExternalOrders([id], { apiToken: "bench-token", instanceUrl: "https://hub.example.com", fetch });
  const count = await parity(externalOrdersReply, call, documented, {
    // A valid id, but not the one asked for: the package also checks that each asked order came back.
    [`${-(2 ** 31) - 1} at orders[0].id`]: "zod accepts, ours refuses at orders",
  });
  assert.ok(count > 400, `${count} mutations`);
});

test("Namefi: zod and the package judge every mutated field alike", async () => {
  const orders = [...world.namefi.values()];
  // The docs' example, and production-shaped orders that between them carry every field the models type.
  const failed = orders.find((o) => o.items[0]?.metadata?.failureDetails && o.payments[0]?.paymentProvider === "X402");
  const dns = orders.find((o) => o.items[0]?.metadata?.postProcessOrderItem && o.order.metadata?.mintTransactions);
  const unpaid = orders.find((o) => o.order.status === "CREATED" && o.payments.length && o.items[0].status === null);
  let count = 0;
  for (const details of [orders[0], failed, dns, unpaid]) {
    assert.ok(details, "the simulator has such an order");
    const call = (fetch) => getNamefiOrder(details.order.id, { token: "bench-token", baseUrl: "https://api.example.com", fetch });
    count += await parity(namefiOrderDetails, call, details);
  }
  assert.ok(count > 500, `${count} mutations`);
});

test("Capture: zod and the package judge every mutated field alike", async () => {
  const [id] = world.capture.keys();
  const call = (fetch) => queryCaptureOrder(id, { apiKey: "bench-key", baseUrl: "https://api.example.com", fetch });
  const count = await parity(
    captureReply,
    call,
    { status: "success", response: world.capture.get(id) },
    {
      // Any other string status is Capture's own error shape: an `api` error, not a bad field.
      '"x" at status': "zod refuses at status, ours refuses at (an api error)",
    },
  );
  assert.ok(count >= 40, `${count} mutations`);
});
