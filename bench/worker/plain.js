// The benchmark's plain-JS Worker: the edge Worker's License.rocks read and
// Capture lookup done the obvious way in JS (fetch, JSON.parse, the same
// allow-list redaction, JSON.stringify), with the same routes, checks, headers
// and log line but no validation of the reply's fields. `npm run bench` checks
// it answers exactly as the real Worker does, then compares their CPU time.
import allowList from "./allow-list.json";

const MAX_URL_LENGTH = 2000;
const MAX_IDS = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class HttpError extends Error {
  constructor(status, kind, message) {
    super(message);
    this.status = status;
    this.kind = kind;
  }
}

function json(status, body) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** `value` as the allow-list lets it leave: documented public fields only. */
function allowed(value, shape) {
  if (value !== null && typeof value === "object") {
    if (shape.object && !Array.isArray(value)) {
      const out = {};
      for (const key of Object.keys(value)) {
        const field = shape.object[key];
        if (field === undefined || field[0] !== "public") continue;
        const kept = allowed(value[key], field[1]);
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    if (shape.list && Array.isArray(value)) {
      const out = [];
      for (const item of value) {
        const kept = allowed(item, shape.list);
        if (kept !== undefined) out.push(kept);
      }
      return out;
    }
    return undefined;
  }
  return value;
}

/** Every string and key with the Worker's secrets replaced. */
function scrub(value, secrets) {
  const text = (s) => secrets.reduce((t, secret) => t.replaceAll(secret, "[redacted]"), s);
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value)) out[text(key)] = scrub(value[key], secrets);
    return out;
  }
  return value;
}

function sameBytes(a, b) {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

async function upstream(url, authorization, env) {
  const response = await fetch(url, {
    headers: { authorization, accept: "application/json" },
    redirect: "manual",
    signal: AbortSignal.timeout(Number(env.UPSTREAM_TIMEOUT_MS) || 10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(502, "upstream", `the provider answered ${response.status}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(502, "invalid_response", "the provider's reply is not JSON");
  }
}

function one(url, name) {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new HttpError(400, "invalid_input", `give \`${name}\` once`);
  return all[0];
}

async function licenseRocksOrders(request, url, env, secrets) {
  const given = (request.headers.get("authorization") ?? "").replace(/^Bearer /, "");
  if (!sameBytes(given, env.ACCESS_TOKEN)) throw new HttpError(401, "unauthorized", "missing or wrong access token");
  const param = one(url, "ids");
  if (param === undefined) throw new HttpError(400, "invalid_input", "`ids` is required, e.g. ?ids=1,2,3");
  const ids = [...new Set(param.split(",").map((id) => id.trim()))];
  if (ids.length > MAX_IDS || ids.some((id) => !/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))))
    throw new HttpError(400, "invalid_input", "ids are positive integers");
  const prefix = `${env.LICENSE_ROCKS_INSTANCE_URL}/api/externalOrders/`;
  const groups = [[]];
  let used = 0;
  for (const id of ids) {
    const group = groups[groups.length - 1];
    if (group.length > 0 && prefix.length + used + id.length + 1 > MAX_URL_LENGTH) {
      groups.push([id]);
      used = id.length;
    } else {
      used += id.length + (group.length > 0 ? 1 : 0);
      group.push(id);
    }
  }
  const replies = await Promise.all(groups.map((g) => upstream(prefix + g.join(","), env.LICENSE_ROCKS_API_TOKEN, env)));
  const byId = new Map();
  for (const reply of replies) for (const order of reply.orders ?? []) byId.set(String(order.id), order);
  const orders = ids.map((id) => {
    const order = byId.get(id);
    if (order === undefined) throw new HttpError(502, "invalid_response", `order ${id} did not come back`);
    return allowed(order, allowList.externalOrder);
  });
  return json(200, scrub({ orders }, secrets));
}

async function captureOrder(request, url, env, orderId, secrets) {
  const nid = one(url, "nid");
  if (!nid) throw new HttpError(400, "invalid_input", "`nid` is required");
  if (!UUID.test(orderId)) throw new HttpError(400, "invalid_input", "the order id is not a UUID");
  const { success } = await env.CAPTURE_RATE_LIMITER.limit({ key: request.headers.get("cf-connecting-ip") ?? "unknown" });
  if (!success) throw new HttpError(429, "rate_limited", "too many lookups");
  const base = env.CAPTURE_BASE_URL ?? "https://us-central1-numbers-protocol-api.cloudfunctions.net";
  const reply = await upstream(`${base}/api/1.1/wf/queryOrder?order_id=${orderId}`, `Bearer ${env.CAPTURE_API_KEY}`, env);
  if (reply.status !== "success" || reply.response?.nid !== nid) throw new HttpError(404, "not_found", "no such order");
  return json(200, scrub(allowed(reply.response, allowList.captureOrder), secrets));
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const origin = request.headers.get("origin");
    const allowedOrigins = (env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim());
    const corsOrigin = origin && allowedOrigins.includes(origin) ? origin : null;
    const secrets = [env.CAPTURE_API_KEY, env.LICENSE_ROCKS_API_TOKEN, env.ACCESS_TOKEN].filter(Boolean);
    const segments = url.pathname.slice(1).split("/");
    let route = "(unknown route)";
    let response;
    try {
      if (origin && !corsOrigin) throw new HttpError(403, "forbidden", "origin not allowed");
      if (request.method !== "GET") throw new HttpError(405, "method_not_allowed", "GET only here");
      if (url.pathname === "/v1/license-rocks/orders") {
        route = url.pathname;
        response = await licenseRocksOrders(request, url, env, secrets);
      } else if (segments.length === 4 && segments[0] === "v1" && segments[1] === "capture" && segments[2] === "orders") {
        route = "/v1/capture/orders/:id";
        response = await captureOrder(request, url, env, decodeURIComponent(segments[3]), secrets);
      } else {
        throw new HttpError(404, "not_found", "no such route");
      }
    } catch (error) {
      const known = error instanceof HttpError;
      response = json(known ? error.status : 500, {
        error: { kind: known ? error.kind : "internal", message: scrub(known ? error.message : "internal error", secrets) },
      });
    }
    response.headers.append("vary", "Origin");
    if (corsOrigin) {
      response.headers.set("access-control-allow-origin", corsOrigin);
      response.headers.set("access-control-expose-headers", "retry-after, idempotent-replayed");
    }
    console.log(`${request.method} ${route} -> ${response.status}`);
    return response;
  },
};
