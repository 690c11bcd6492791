// Namefi's production OpenAPI schema for getOrder against the package: replies
// generated from the schema by an independent generator (json-schema-faker),
// each confirmed valid by ajv, must all be accepted and returned exactly as
// sent; replies made invalid in one required field must be refused naming it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createGeneratorSync } from "json-schema-faker";

import { getNamefiOrder } from "../../pkg/node.js";

const doc = JSON.parse(readFileSync(new URL("./namefi-getOrder.openapi.json", import.meta.url), "utf8"));
const schema = doc.paths["/orders/{orderId}"].get.responses["200"].content["application/json"].schema;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const valid = ajv.compile(schema);

const ORDER = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const SAMPLES = 300;

/** Options whose fetch answers `body` (a string) with `status`. */
const answering = (body, status = 200) => ({
  token: "schema-test-token",
  baseUrl: "https://namefi.test/v-next",
  maxRetries: 0,
  fetch: async () => new Response(body, { status, headers: { "content-type": "application/json" } }),
});

/** Schema-valid replies: half with each optional key by chance, half with all of them. */
function samples(count) {
  const generators = [
    createGeneratorSync({ seed: 14, maxDepth: 10, optionalsProbability: 0.5 }),
    createGeneratorSync({ seed: 1400, maxDepth: 10, alwaysFakeOptionals: true }),
  ];
  const found = [];
  let made = 0;
  while (found.length < count && made < count * 10) {
    const sample = generators[made++ % 2].generate(schema);
    if (valid(sample)) found.push(sample);
  }
  return { found, made };
}

test(`${SAMPLES} replies valid under Namefi's production schema are accepted and returned exactly as sent`, async () => {
  const { found, made } = samples(SAMPLES);
  assert.equal(found.length, SAMPLES, `only ${found.length} of ${made} generated replies were valid`);
  const refused = [];
  for (const [i, sample] of found.entries()) {
    // A reply about the order asked for: the package refuses one about another.
    sample.order.id = ORDER;
    try {
      const details = await getNamefiOrder(ORDER, answering(JSON.stringify(sample)));
      assert.deepStrictEqual(details, sample, `sample ${i} came back changed`);
    } catch (error) {
      if (error.name !== "OrderApiError") throw error;
      refused.push(`sample ${i}: ${error.kind} at ${error.path}: ${error.message}`);
    }
  }
  assert.deepEqual(refused, []);
  // The generator covered what the issue is about: nulls and every enum value.
  const seen = (pick) => new Set(found.flatMap(pick));
  assert.ok(seen((s) => [s.order.nftWalletAddress]).has(null));
  assert.ok(seen((s) => s.payments.map((p) => p.paymentProviderReferenceId)).has(null));
  assert.equal(seen((s) => s.payments.map((p) => p.paymentProvider)).size, 5);
  assert.equal(seen((s) => [s.order.status]).size, 6);
  assert.ok(found.some((s) => s.items.length === 0));
});

/** Every required field of the schema, with what it allows: [path segments, property schema]. */
function requiredFields(node, path = []) {
  const out = [];
  const objects = node.type === "object" ? [node] : (node.anyOf ?? []).filter((s) => s.type === "object");
  for (const object of objects) {
    for (const [key, property] of Object.entries(object.properties ?? {})) {
      const at = [...path, key];
      if ((object.required ?? []).includes(key)) out.push([at, property]);
      out.push(...requiredFields(property, at));
      const items = property.type === "array" ? property.items : undefined;
      if (items) out.push(...requiredFields(items, [...at, 0]));
    }
  }
  return out;
}

const allows = (property, type) =>
  property.type === type ||
  (property.anyOf ?? []).some((s) => allows(s, type)) ||
  (property.type === undefined && property.anyOf === undefined && property.enum === undefined && property.const === undefined);
// Enum-like strings keep values the schema does not list (a provider's new status breaks nobody).
const enumLike = (property) => property.enum !== undefined || property.const !== undefined || (property.anyOf ?? []).some(enumLike);
const pathText = (segments) => segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i ? `.${s}` : s)).join("");

// Required by the schema, but absent from the docs' older example, which the package still accepts.
const ABSENT_ALLOWED = new Set(["startedAt", "finishedAt", "metadata", "x402PaymentDetails"]);

test("replies made invalid in one required field are refused with that field's path", async () => {
  // A full sample, so every object and array the schema has is there to mutate.
  const generator = createGeneratorSync({ seed: 99, maxDepth: 10, alwaysFakeOptionals: true });
  let base;
  for (let i = 0; i < 200 && !base; i++) {
    const s = generator.generate(schema);
    const full =
      valid(s) && s.items.length && s.payments.length && s.items[0].metadata?.failureDetails && s.items[0].metadata?.postProcessOrderItem;
    if (full && s.order.metadata?.legacyOrderMetadata?.legacyPaymentDetails && s.items[0].metadata?.legacyOrderItemMetadata) base = s;
  }
  assert.ok(base, "no full sample generated");
  const mutations = [];
  for (const [segments, property] of requiredFields(schema)) {
    const parent = segments.slice(0, -1).reduce((v, k) => v?.[k], base);
    const key = segments.at(-1);
    if (parent === null || typeof parent !== "object" || !(key in parent)) continue;
    const variants = [];
    if (!allows(property, "null")) variants.push(["null", null]);
    if (!allows(property, "string") && !enumLike(property)) variants.push(["a string", "7"]);
    if (!allows(property, "number") && !allows(property, "integer")) variants.push(["a number", 7]);
    if (!ABSENT_ALLOWED.has(key)) variants.push(["absent", undefined]);
    for (const [what, value] of variants) mutations.push({ segments, what, value });
  }
  assert.ok(mutations.length > 150, `${mutations.length} mutations`);
  const wrong = [];
  for (const { segments, what, value } of mutations) {
    const body = structuredClone(base);
    const parent = segments.slice(0, -1).reduce((v, k) => v[k], body);
    if (value === undefined) delete parent[segments.at(-1)];
    else parent[segments.at(-1)] = value;
    assert.equal(valid(body), false, `${pathText(segments)} as ${what} is still schema-valid`);
    const expected = pathText(segments);
    try {
      await getNamefiOrder(ORDER, answering(JSON.stringify(body)));
      wrong.push(`${expected} as ${what}: accepted`);
    } catch (error) {
      if (error.kind !== "invalid_response" || error.path !== expected)
        wrong.push(`${expected} as ${what}: ${error.kind} at ${error.path}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("the docs' own example is still accepted", async () => {
  const example = readFileSync(new URL("../fixtures/namefi/get-order.200.json", import.meta.url), "utf8");
  assert.deepStrictEqual(await getNamefiOrder(ORDER, answering(example)), JSON.parse(example));
});
