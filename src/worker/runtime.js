// The Worker's few steps that, driven from Rust through web-sys, would cross
// the wasm boundary several times each (and copy a string each way); here they
// cross once. Measured in workerd by `npm run bench` (docs/performance.md).

// The request's URL, parsed; undefined when the runtime hands over one it cannot parse.
export function requestUrl(request) {
  try {
    return new URL(request.url);
  } catch {
    return undefined;
  }
}

// The query parameter `name`: its value, undefined when absent, null when given more than once.
export function queryParam(url, name) {
  const all = url.searchParams.getAll(name);
  return all.length > 1 ? null : all[0];
}

// A JSON response; `bytes` is a view of wasm memory, copied here.
export function jsonResponse(status, bytes) {
  return new Response(bytes.slice(), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

// CORS on a response: `Vary: Origin` always; the allow headers for an allowed origin.
export function corsHeaders(response, allowedOrigin) {
  response.headers.append("vary", "Origin");
  if (allowedOrigin !== undefined) {
    response.headers.set("access-control-allow-origin", allowedOrigin);
    response.headers.set("access-control-expose-headers", "retry-after, idempotent-replayed");
  }
}

// One lookup against a `[[ratelimits]]` binding, keyed by the client's address
// (set by Cloudflare's edge; without it, local runs share one budget).
// Resolves to true (allowed), false (limited or an answer without
// `success: true`), or undefined when `limiter` is not a rate-limiting binding.
export async function rateLimit(limiter, request) {
  if (typeof limiter?.limit !== "function") return undefined;
  const outcome = await limiter.limit({ key: request.headers.get("cf-connecting-ip") ?? "unknown" });
  return outcome?.success === true;
}
