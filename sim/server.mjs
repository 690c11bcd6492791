// Local simulator of the three order APIs, faithful to what the real services
// send (docs/real-apis.md): auth, error shapes, rate limits, POST rules, data
// of real shape. Tests drive faults per request and read a request log; see
// docs/simulator.md.
//
//   node sim/server.mjs            # SIM_PORT (default 8790), SIM_HOST (default 127.0.0.1)
//
// Every API route may be prefixed with /s/{scope}: faults and the request log
// are kept per scope, so tests running side by side do not see each other's.

import { randomUUID } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";

import { SIM_CREDENTIALS, SIM_PATHS } from "./credentials.mjs";
import {
  CAPTURE_STATUSES,
  captureOrderAt,
  fixture,
  multiplyDecimal,
  NAMEFI_ORDER_STATUSES,
  NAMEFI_OTHER_USER_ID,
  NAMEFI_OWNER_ID,
  namefiOrderAt,
  seedWorld,
} from "./data.mjs";

export const DEFAULT_PORT = 8790;
/** The License.rocks GET is refused past this URL length, like a real front proxy (414). */
export const MAX_URL_LENGTH = 8192;
const MAX_BODY_BYTES = 1 << 20;
const MAX_LOG_ENTRIES = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPE = /^[A-Za-z0-9_-]{1,64}$/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const json = (status, body, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

// ---------------------------------------------------------------- providers

// Capture is a Bubble.io backend workflow: its errors come in Bubble's shapes.
const bubbleError = (status, code, message) => json(status, { statusCode: status, body: { status: code, message } });
const bubbleTokenError = () =>
  json(401, {
    error_class: "Unauthorized",
    args: { code: "1700000000000x000000000000000001" },
    message: null,
    translation: "Invalid or expired token. Please check your API token.",
  });

function captureRoute(world, req, url) {
  if (req.method !== "GET") return bubbleError(405, "METHOD_NOT_ALLOWED", `Method ${req.method} not allowed for workflow queryOrder`);
  if (req.headers.authorization !== `Bearer ${SIM_CREDENTIALS.captureApiKey}`) return bubbleTokenError();
  const orderId = url.searchParams.get("order_id");
  if (!orderId) return bubbleError(400, "MISSING_DATA", "Missing parameter for workflow queryOrder: parameter order_id");
  const order = world.capture.get(orderId);
  // No sample of this answer is published; Bubble's data-error shape is assumed.
  if (!order) return bubbleError(404, "NOT_FOUND", `Order ${orderId} not found`);
  const progression = world.progressions.get(orderId);
  const response = progression ? captureOrderAt(progression.template, readStatus(progression).status, orderId) : order;
  return json(200, { status: "success", response });
}

// Namefi: one user per credential. A user's JWT (Bearer), their SIWE session
// and an API key made by their wallet all act for that user.
const NAMEFI_USERS = {
  [`authorization:Bearer ${SIM_CREDENTIALS.namefiToken}`]: NAMEFI_OWNER_ID,
  [`authorization:Bearer ${SIM_CREDENTIALS.namefiOtherUserToken}`]: NAMEFI_OTHER_USER_ID,
  [`x-namefi-siwe-token:${SIM_CREDENTIALS.namefiSiweToken}`]: NAMEFI_OWNER_ID,
  [`x-api-key:${SIM_CREDENTIALS.namefiApiKey}`]: NAMEFI_OWNER_ID,
};
const NAMEFI_CREDENTIAL_HEADERS = ["authorization", "x-namefi-siwe-token", "x-api-key"];
const orpcError = (status) => json(status, fixture(`namefi/error.${status}.json`));
// What the backend's own checks throw (`defined: false`: its error map is empty).
const orpcThrown = (status, code, message, data) =>
  json(status, { defined: false, code, status, message, ...(data === undefined ? {} : { data }) });

/** The credential a Namefi request carries ("header:value"), or undefined. */
function namefiCredential(req) {
  const name = NAMEFI_CREDENTIAL_HEADERS.find((h) => req.headers[h] !== undefined);
  return name && `${name}:${req.headers[name]}`;
}

function namefiRoute(world, req, path) {
  const match = /^\/orders\/([^/]+)$/.exec(path);
  if (!match) return orpcError(404);
  if (req.method !== "GET") return orpcThrown(405, "METHOD_NOT_SUPPORTED", "Method Not Supported", null);
  const userId = NAMEFI_USERS[namefiCredential(req)];
  if (!userId) return orpcError(401);
  const orderId = decodeURIComponent(match[1]);
  if (!UUID.test(orderId)) {
    return orpcThrown(422, "INPUT_VALIDATION_FAILED", "Input validation failed", {
      formErrors: [],
      fieldErrors: { orderId: ["Invalid uuid"] },
    });
  }
  const details = world.namefi.get(orderId);
  if (!details) return orpcError(404);
  // The backend's owner check: 401, not 403.
  if (details.order.userId !== userId) return orpcThrown(401, "UNAUTHORIZED", "You are not authorized to access this order");
  const progression = world.progressions.get(orderId);
  if (!progression) return json(200, details);
  const { status, changedAt } = readStatus(progression);
  return json(200, namefiOrderAt(progression.template, status, changedAt, progression.startedAt));
}

// ---------------------------------------------------------------- orders that move

const MAX_PROGRESSIONS = 1_000;
const PROGRESSION_STATUSES = { namefi: NAMEFI_ORDER_STATUSES, capture: CAPTURE_STATUSES };

/**
 * A new order whose status moves through `statuses`, one step every
 * `everyReads` reads (default 1: each read after the first sees the next) or
 * every `everyMs` milliseconds, then stays at the last. Resolves to its id.
 */
function startProgression(world, config) {
  if (config === null || typeof config !== "object" || Array.isArray(config)) throw new Error("a progression must be an object");
  const unknown = Object.keys(config).filter((k) => !["provider", "statuses", "everyReads", "everyMs"].includes(k));
  if (unknown.length) throw new Error(`unknown progression option(s): ${unknown.join(", ")}`);
  const { provider, statuses, everyReads, everyMs } = config;
  const known = PROGRESSION_STATUSES[provider];
  if (!known) throw new Error(`provider must be one of ${Object.keys(PROGRESSION_STATUSES).join(", ")}`);
  if (!Array.isArray(statuses) || statuses.length === 0 || statuses.length > 50 || !statuses.every((s) => known.includes(s)))
    throw new Error(`statuses must be 1 to 50 of ${known.join(", ")}`);
  if (everyReads !== undefined && everyMs !== undefined) throw new Error("give everyReads or everyMs, not both");
  for (const [name, value] of [
    ["everyReads", everyReads],
    ["everyMs", everyMs],
  ]) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new Error(`${name} must be a positive integer`);
  }
  const orderId = randomUUID();
  const now = Date.now();
  const progression = {
    provider,
    statuses,
    everyReads: everyMs === undefined ? (everyReads ?? 1) : undefined,
    everyMs,
    reads: 0,
    startMs: now,
    step: 0,
    changedAt: new Date(now).toISOString(),
    startedAt: new Date(now).toISOString(),
  };
  if (provider === "namefi") {
    // A paid order of the owner's with two items, under a new id.
    const [, model] = [...world.namefi].find(
      ([, d]) => d.order.status === "PROCESSING" && d.order.userId === NAMEFI_OWNER_ID && d.items.length === 2,
    );
    const template = structuredClone(model);
    template.order.id = orderId;
    for (const part of [...template.items, ...template.payments]) part.orderId = orderId;
    progression.template = template;
    world.namefi.set(orderId, namefiOrderAt(template, statuses[0], progression.changedAt, progression.startedAt));
  } else {
    progression.template = world.capture.values().next().value;
    world.capture.set(orderId, captureOrderAt(progression.template, statuses[0], orderId));
  }
  world.progressions.set(orderId, progression);
  // A long-running simulator keeps the newest ones only.
  for (const [old, { provider: kind }] of world.progressions) {
    if (world.progressions.size <= MAX_PROGRESSIONS) break;
    world.progressions.delete(old);
    world[kind].delete(old);
  }
  return { orderId, provider, statuses, everyReads: progression.everyReads, everyMs };
}

/** The status a read of a moving order sees now, and when it took it; counts the read. */
function readStatus(progression, now = Date.now()) {
  const { statuses, everyReads, everyMs } = progression;
  const reached = everyMs ? Math.floor((now - progression.startMs) / everyMs) : Math.floor(progression.reads / everyReads);
  progression.reads++;
  const step = Math.min(reached, statuses.length - 1);
  if (step !== progression.step) {
    progression.step = step;
    progression.changedAt = new Date(now).toISOString();
  }
  return { status: statuses[step], changedAt: progression.changedAt };
}

/**
 * Namefi's rate limiter: `limit` requests per rolling `windowMs`, per
 * credential (per client address without one), across the whole API; every
 * answer carries RateLimit-*, a refusal is 429 `{"error": "Too Many Requests"}`
 * with Retry-After. `limit: null` lifts it.
 */
function applyNamefiRateLimit(state, req, now = Date.now()) {
  const { limit, windowMs } = state.namefiRateLimit;
  if (limit === null) return { headers: {} };
  const key = namefiCredential(req) ?? `ip:${req.socket.remoteAddress}`;
  const hits = (state.namefiHits.get(key) ?? []).filter((at) => at > now - windowMs);
  const refused = hits.length >= limit;
  if (!refused) hits.push(now);
  state.namefiHits.set(key, hits);
  const reset = Math.max(1, Math.ceil((hits[0] + windowMs - now) / 1000));
  const headers = {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, limit - hits.length)),
    "ratelimit-reset": String(reset),
  };
  if (!refused) return { headers };
  return { headers, refusal: json(429, { error: "Too Many Requests" }, { ...headers, "retry-after": String(reset) }) };
}

const lrError = (status, error) => json(status, { orders: null, error });

function licenseRocksRoute(world, req, path, body) {
  if (req.headers.authorization !== SIM_CREDENTIALS.licenseRocksApiToken) return lrError(401, "Unauthorized. Check the API token.");
  const lr = world.licenseRocks;
  if (req.method === "GET") {
    const match = /^\/api\/externalOrders\/(.*)$/.exec(path);
    if (!match) return lrError(404, "Not found.");
    if (req.url.length > MAX_URL_LENGTH) return lrError(414, "URI too long.");
    const ids = decodeURIComponent(match[1]).split(",");
    const notNumber = ids.find((id) => !/^\d+$/.test(id));
    if (notNumber !== undefined)
      return lrError(400, `One or more IDs are not a number type. One of the example is '${notNumber}'. Check the URL.`);
    const found = new Map();
    for (const id of ids) {
      const order = lr.orders.get(Number(id)) ?? lr.bulkOrder(Number(id));
      if (!order) return lrError(400, `Order with ID ${id} does not exist.`);
      found.set(order.id, order);
    }
    // Like a database `WHERE id IN (…)`: each order once, by id.
    const orders = [...found.keys()].sort((a, b) => a - b).map((id) => found.get(id));
    return json(200, { orders, error: null });
  }
  if (req.method === "POST") {
    if (path !== "/api/externalOrders") return lrError(404, "Not found.");
    return createExternalOrders(lr, body);
  }
  return lrError(405, `Method ${req.method} not allowed.`);
}

const REQUIRED_NEW_ORDER_FIELDS = ["nftId", "listingId", "quantity", "buyerUserId"];
const BILLING_FIELDS = ["city", "country", "postal", "street"];

function createExternalOrders(lr, bodyText) {
  let input;
  try {
    input = JSON.parse(bodyText);
  } catch {
    return lrError(400, "Body must be valid JSON.");
  }
  if (!Array.isArray(input) || input.length === 0) return lrError(400, "Body must be a non-empty array of orders.");
  // Validate everything first: nothing is created unless every order is valid.
  const plans = [];
  for (const [index, order] of input.entries()) {
    if (order === null || typeof order !== "object" || Array.isArray(order))
      return lrError(400, `Order at index ${index} must be an object.`);
    for (const field of REQUIRED_NEW_ORDER_FIELDS) {
      if (order[field] === undefined || order[field] === null)
        return lrError(400, `Property '${field}' is required (order at index ${index}).`);
      if (!Number.isSafeInteger(order[field]) || order[field] < 1)
        return lrError(400, `Property '${field}' must be a positive integer (order at index ${index}).`);
    }
    const user = lr.users.get(order.buyerUserId);
    if (!user) return lrError(400, `User with ID ${order.buyerUserId} does not exist.`);
    const nft = lr.nfts.get(order.nftId);
    if (!nft) return lrError(400, `NFT with ID ${order.nftId} does not exist.`);
    const listing = lr.listings.get(order.listingId);
    if (!listing || listing.nftId !== nft.id)
      return lrError(400, `Listing with ID ${order.listingId} does not exist for NFT with ID ${order.nftId}.`);
    if (!listing.active) return lrError(400, `Listing with ID ${order.listingId} is not active.`);
    const billing = order.buyerBillingData;
    if (billing !== undefined && (billing === null || typeof billing !== "object" || Array.isArray(billing)))
      return lrError(400, `Property 'buyerBillingData' must be an object (order at index ${index}).`);
    for (const field of BILLING_FIELDS) {
      if (billing?.[field] !== undefined && typeof billing[field] !== "string")
        return lrError(400, `Property 'buyerBillingData.${field}' must be a string (order at index ${index}).`);
    }
    const complete = billing && BILLING_FIELDS.every((f) => typeof billing[f] === "string");
    if (!complete && user.billingAddresses.length === 0)
      return lrError(
        400,
        `User with ID ${order.buyerUserId} has no billing address. Pass city, country, postal and street in buyerBillingData.`,
      );
    plans.push({ order, user, nft, listing, billing: complete ? billing : null });
  }
  const now = new Date().toISOString();
  const created = plans.map(({ order, user, nft, listing, billing }) => {
    let billingAddressId = user.billingAddresses[0]?.id;
    if (billing) {
      billingAddressId = lr.nextBillingAddressId++;
      user.billingAddresses.push({ id: billingAddressId, ...Object.fromEntries(BILLING_FIELDS.map((f) => [f, billing[f]])) });
    }
    const id = lr.nextOrderId++;
    const stored = {
      id,
      buyerId: user.buyer.id,
      billingAddressId,
      paymentMethod: "externalPayment",
      provider: "externalProvider",
      providerId: null,
      secupayStxTransactionId: null,
      secupayPciTransactionId: null,
      secupayWebhookToken: randomUUID(),
      totalPriceCents: listing.priceCents * order.quantity,
      totalPriceCurrency: listing.priceCurrency,
      totalPriceEth: multiplyDecimal(listing.priceEths, order.quantity),
      // Creating an order marks it paid.
      status: "paid",
      failReason: null,
      feesCollectedAt: null,
      createdAt: now,
      updatedAt: now,
      ProductType: "nft",
      buyer: user.buyer,
      orderItems: [
        {
          id,
          orderId: id,
          nftId: nft.id,
          listingId: listing.id,
          quantity: order.quantity,
          priceCents: listing.priceCents,
          priceEths: listing.priceEths,
          ethRecipient: null,
          priceCurrency: listing.priceCurrency,
          txId: null,
          paymentProvider: null,
          status: "paid",
          createdAt: now,
          updatedAt: now,
          ProductType: "nft",
          nft,
          listing,
        },
      ],
    };
    lr.orders.set(id, stored);
    // The POST reply leaves the buyer out (see the create example).
    const { buyer: _buyer, ...reply } = stored;
    return reply;
  });
  return json(200, { orders: created, error: null });
}

// ---------------------------------------------------------------- faults

/**
 * A fault, applied to one matching request (or `times` of them):
 * - `delayMs`: wait before the status line.
 * - `status`, `body`, `contentType`, `headers`: answer this instead.
 * - `retryAfter`: send `Retry-After` (status defaults to 429).
 * - `nonJson`: answer an HTML page (status defaults to 200).
 * - `redirect`: answer 302 to this Location.
 * - `reset`: destroy the connection without an answer.
 * - `truncate`: `true` ends the body cleanly halfway; `"abort"` cuts the connection halfway.
 * - `midBodyDelayMs`: send half the body, stall, then the rest.
 * - `afterHandler`: run the real handler first (so a POST creates its orders), then apply the fault.
 * - `match`: `{ method, path }` (path is a prefix, after the scope).
 */
function validateFault(fault) {
  if (fault === null || typeof fault !== "object" || Array.isArray(fault)) throw new Error("a fault must be an object");
  const known = [
    "delayMs",
    "status",
    "body",
    "contentType",
    "headers",
    "retryAfter",
    "nonJson",
    "redirect",
    "reset",
    "truncate",
    "midBodyDelayMs",
    "afterHandler",
    "match",
    "times",
  ];
  const unknown = Object.keys(fault).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown fault option(s): ${unknown.join(", ")}`);
  for (const k of ["delayMs", "midBodyDelayMs", "times"]) {
    if (fault[k] !== undefined && !(Number.isFinite(fault[k]) && fault[k] >= 0)) throw new Error(`${k} must be a non-negative number`);
  }
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599))
    throw new Error("status must be an HTTP status");
  return { times: 1, ...fault };
}

function replacesResponse(fault) {
  return (
    fault.status !== undefined ||
    fault.body !== undefined ||
    fault.nonJson ||
    fault.redirect !== undefined ||
    fault.retryAfter !== undefined
  );
}

function faultResponse(fault, real) {
  if (fault.redirect !== undefined) return { status: fault.status ?? 302, headers: { location: fault.redirect }, body: "" };
  const headers = { ...(fault.headers ?? {}) };
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  if (fault.nonJson) {
    return {
      status: fault.status ?? 200,
      headers: { "content-type": "text/html", ...headers },
      body: "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>",
    };
  }
  const status = fault.status ?? (fault.retryAfter !== undefined ? 429 : (real?.status ?? 200));
  if (fault.body === undefined && real && fault.status === undefined) return { ...real, headers: { ...real.headers, ...headers } };
  const body = typeof fault.body === "string" ? fault.body : JSON.stringify(fault.body ?? { error: `simulated ${status}` });
  return { status, headers: { "content-type": fault.contentType ?? "application/json", ...headers }, body };
}

// ---------------------------------------------------------------- server

/** Namefi's production limit: 60 requests per rolling minute. */
export const NAMEFI_RATE_LIMIT = Object.freeze({ limit: 60, windowMs: 60_000 });

/**
 * `options.namefiRateLimit`: the limit every scope starts with (default
 * Namefi's own; `{ limit: null }` lifts it). SIM_NAMEFI_RATE_LIMIT sets it from
 * the command line (a number per minute, or "off").
 */
export function createSimulator({ namefiRateLimit = NAMEFI_RATE_LIMIT } = {}) {
  const rateLimit = checkRateLimit(namefiRateLimit);
  let world = seedWorld();
  const scopes = new Map(); // scope -> { faults: [], log: [] }
  let sequence = 0;
  const scopeState = (name) => {
    if (!scopes.has(name)) scopes.set(name, { faults: [], log: [], namefiRateLimit: { ...rateLimit }, namefiHits: new Map() });
    return scopes.get(name);
  };

  function takeFault(state, method, path) {
    const index = state.faults.findIndex(
      (f) => (!f.match?.method || f.match.method === method) && (!f.match?.path || path.startsWith(f.match.path)),
    );
    if (index < 0) return undefined;
    const fault = state.faults[index];
    if (--fault.times <= 0) state.faults.splice(index, 1);
    return fault;
  }

  function control(req, path, body) {
    if (path === "/__sim/health") return json(200, { ok: true });
    if (path === "/__sim/reset" && req.method === "POST") {
      world = seedWorld();
      scopes.clear();
      return json(200, { ok: true });
    }
    const match = /^\/__sim\/scopes\/([^/]+)(\/faults|\/requests|\/namefi-rate-limit|\/progressions)?$/.exec(path);
    if (!match || !SCOPE.test(match[1])) return json(404, { error: `no simulator control route ${req.method} ${path}` });
    const state = scopeState(match[1]);
    if (match[2] === "/faults" && req.method === "POST") {
      let faults;
      try {
        const parsed = JSON.parse(body);
        faults = (Array.isArray(parsed) ? parsed : [parsed]).map(validateFault);
      } catch (e) {
        return json(400, { error: `bad fault: ${e.message}` });
      }
      state.faults.push(...faults);
      return json(200, { queued: faults.length });
    }
    if (match[2] === "/requests" && req.method === "GET") return json(200, { requests: state.log });
    if (match[2] === "/namefi-rate-limit" && req.method === "POST") {
      try {
        state.namefiRateLimit = checkRateLimit({ ...state.namefiRateLimit, ...JSON.parse(body) });
      } catch (e) {
        return json(400, { error: `bad rate limit: ${e.message}` });
      }
      state.namefiHits.clear();
      return json(200, state.namefiRateLimit);
    }
    if (match[2] === "/progressions" && req.method === "POST") {
      try {
        return json(200, startProgression(world, JSON.parse(body)));
      } catch (e) {
        return json(400, { error: `bad progression: ${e.message}` });
      }
    }
    if (!match[2] && req.method === "DELETE") {
      scopes.delete(match[1]);
      return json(200, { ok: true });
    }
    return json(405, { error: `method ${req.method} not allowed on ${path}` });
  }

  function route(state, req, url, path, body) {
    if (path === `${SIM_PATHS.capture}/api/1.1/wf/queryOrder`) return withRay(captureRoute(world, req, url));
    if (path === SIM_PATHS.namefi || path.startsWith(`${SIM_PATHS.namefi}/`)) {
      const limited = applyNamefiRateLimit(state, req);
      const response = limited.refusal ?? namefiRoute(world, req, path.slice(SIM_PATHS.namefi.length));
      return withRay({ ...response, headers: { ...limited.headers, ...response.headers } });
    }
    if (path === "/api/externalOrders" || path.startsWith("/api/externalOrders/")) return licenseRocksRoute(world, req, path, body);
    // Loud on purpose: a test that reaches here called a route it did not mean to.
    return json(404, { error: `the simulator has no route ${req.method} ${path}` });
  }

  async function handle(req, res) {
    const url = new URL(req.url, "http://sim.invalid");
    let path = url.pathname;
    let scope = "default";
    const scoped = /^\/s\/([^/]+)(\/.*)?$/.exec(path);
    if (scoped && SCOPE.test(scoped[1])) {
      scope = scoped[1];
      path = scoped[2] ?? "/";
    }
    const cors = corsHeaders(req);
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "access-control-max-age": "600" });
      return res.end();
    }
    const body = await readBody(req);
    if (body === null) return send(res, json(413, { error: "body too large" }), cors);
    if (path.startsWith("/__sim/")) return send(res, control(req, path, body), cors);

    const state = scopeState(scope);
    let fault;
    try {
      fault = req.headers["x-sim-fault"] ? validateFault(JSON.parse(req.headers["x-sim-fault"])) : takeFault(state, req.method, path);
    } catch (e) {
      return send(res, json(400, { error: `bad x-sim-fault header: ${e.message}` }), cors);
    }
    const entry = {
      seq: ++sequence,
      at: new Date().toISOString(),
      method: req.method,
      path,
      query: url.search,
      headers: redactHeaders(req.headers),
      body: req.method === "POST" ? body : undefined,
      fault: fault ? { ...fault, times: undefined } : undefined,
      outcome: undefined,
    };
    state.log.push(entry);
    if (state.log.length > MAX_LOG_ENTRIES) state.log.shift();
    // A client that cancels (an abort, a consumer that stopped reading) closes
    // the connection before the whole answer went out.
    res.on("close", () => {
      if (!res.writableFinished && entry.outcome !== "reset") entry.clientClosed = true;
    });

    const before = fault && !fault.afterHandler;
    if (before && fault.delayMs) await sleep(fault.delayMs);
    if (before && fault.reset) {
      entry.outcome = "reset";
      return req.socket.destroy();
    }
    let response = before && replacesResponse(fault) ? faultResponse(fault) : route(state, req, url, path, body);
    if (fault?.afterHandler) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) {
        entry.outcome = "reset";
        return req.socket.destroy();
      }
      if (replacesResponse(fault)) response = faultResponse(fault, response);
    }
    entry.outcome = response.status;
    return send(res, response, cors, fault);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, json(500, { error: `simulator bug: ${e.message}` }), corsHeaders(req));
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold `close()` open for seconds.
  server.keepAliveTimeout = 1000;

  return {
    server,
    /** Starts listening; resolves to the base URL (`http://127.0.0.1:PORT`). */
    listen(port = DEFAULT_PORT, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: actual } = server.address();
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${actual}`);
        });
      });
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// Both services sit behind Cloudflare (assumed, as most do), whose `cf-ray`
// names each request; License.rocks instances send no request id.
const withRay = (response) => ({
  ...response,
  headers: { ...response.headers, "cf-ray": `${randomUUID().replaceAll("-", "").slice(0, 16)}-SIM` },
});

function corsHeaders(req) {
  const origin = req.headers.origin;
  return {
    "access-control-allow-origin": origin ?? "*",
    vary: "Origin",
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    // Named explicitly: the `*` wildcard never covers Authorization.
    "access-control-allow-headers": "authorization, content-type, x-sim-fault, x-namefi-siwe-token, x-api-key",
    "access-control-expose-headers": "retry-after, content-length, ratelimit-limit, ratelimit-remaining, ratelimit-reset, cf-ray",
  };
}

const CREDENTIAL_HEADERS = new Set(["authorization", ...NAMEFI_CREDENTIAL_HEADERS]);

// The log shows which credential header came, never its value.
function redactHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) out[name] = CREDENTIAL_HEADERS.has(name) ? "[redacted]" : value;
  return out;
}

function checkRateLimit(config) {
  const { limit, windowMs } = config;
  if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) throw new Error("limit must be a non-negative integer or null");
  if (!(Number.isInteger(windowMs) && windowMs > 0)) throw new Error("windowMs must be a positive integer");
  return { limit, windowMs };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function send(res, response, cors, fault) {
  const bytes = Buffer.from(response.body ?? "", "utf8");
  const headers = { ...cors, ...response.headers };
  const half = Math.floor(bytes.length / 2);
  if (fault?.truncate === "abort") {
    res.writeHead(response.status, { ...headers, "content-length": bytes.length });
    res.write(bytes.subarray(0, half));
    await sleep(20);
    return res.destroy();
  }
  if (fault?.truncate) {
    // Chunked, ended cleanly: the client sees a short body, not a network error.
    res.writeHead(response.status, headers);
    return res.end(bytes.subarray(0, half));
  }
  if (fault?.midBodyDelayMs) {
    res.writeHead(response.status, { ...headers, "content-length": bytes.length });
    res.write(bytes.subarray(0, half));
    await sleep(fault.midBodyDelayMs);
    if (res.destroyed) return;
    return res.end(bytes.subarray(half));
  }
  res.writeHead(response.status, { ...headers, "content-length": bytes.length });
  res.end(bytes);
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.SIM_PORT ?? DEFAULT_PORT);
  const host = process.env.SIM_HOST ?? "127.0.0.1";
  const limitText = process.env.SIM_NAMEFI_RATE_LIMIT;
  const namefiRateLimit =
    limitText === undefined ? NAMEFI_RATE_LIMIT : { ...NAMEFI_RATE_LIMIT, limit: limitText === "off" ? null : Number(limitText) };
  const sim = createSimulator({ namefiRateLimit });
  const base = await sim.listen(port, host);
  console.log(`web3-orders simulator listening on ${base}`);
  console.log(`  Capture       baseUrl     ${base}${SIM_PATHS.capture}   apiKey   ${SIM_CREDENTIALS.captureApiKey}`);
  console.log(
    `  Namefi        baseUrl     ${base}${SIM_PATHS.namefi}   token    ${SIM_CREDENTIALS.namefiToken}   siweToken ${SIM_CREDENTIALS.namefiSiweToken}   apiKey ${SIM_CREDENTIALS.namefiApiKey}`,
  );
  const { limit, windowMs } = namefiRateLimit;
  console.log(
    `                rate limit  ${limit === null ? "off" : `${limit} requests per ${windowMs / 1000} s per credential`} (SIM_NAMEFI_RATE_LIMIT)`,
  );
  console.log(`  License.rocks instanceUrl ${base}${SIM_PATHS.licenseRocks}   apiToken ${SIM_CREDENTIALS.licenseRocksApiToken}`);
  console.log(`  try: curl -H 'authorization: ${SIM_CREDENTIALS.licenseRocksApiToken}' ${base}/api/externalOrders/1,2`);
  const stop = () => sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
