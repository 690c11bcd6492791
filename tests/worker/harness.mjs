// Bundles the Worker as wrangler deploys it, and runs it in workerd (Miniflare)
// against a simulator scope; workerd's own output is captured for log checks.
import { startLocalWorker, wranglerRateLimits } from "../../scripts/local-worker.mjs";

export { wranglerRateLimits };

export const SECRETS = Object.freeze({
  CAPTURE_API_KEY: "sim-capture-key",
  LICENSE_ROCKS_API_TOKEN: "sim-license-rocks-token",
  ACCESS_TOKEN: "worker-test-access-token-3f9a1c",
});

/**
 * A running Worker; `vars` override the defaults (null removes one). With
 * `persist` (a folder), Durable Object storage outlives this Worker, as it
 * outlives a Worker that dies in production. `ratelimits` default to wrangler.toml's.
 */
export async function startWorker(upstream, vars = {}, { persist, ratelimits = wranglerRateLimits() } = {}) {
  const logs = [];
  const bindings = {
    ...SECRETS,
    CAPTURE_BASE_URL: upstream,
    NAMEFI_BASE_URL: `${upstream}/v-next`,
    LICENSE_ROCKS_INSTANCE_URL: upstream,
    ALLOWED_ORIGINS: "https://shop.example, http://127.0.0.1:8080",
    EXPOSE_BUYER_PII: "false",
    UPSTREAM_TIMEOUT_MS: "1500",
    ...vars,
  };
  for (const [k, v] of Object.entries(bindings)) if (v === null) delete bindings[k];
  const mf = await startLocalWorker({
    ratelimits,
    ...(persist ? { durableObjectsPersist: persist } : {}),
    bindings,
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (d) => logs.push(String(d)));
      stderr.on("data", (d) => logs.push(String(d)));
    },
  });
  const url = await mf.ready;
  return {
    logs,
    /** Where workerd listens, for requests that must not share pooled connections. */
    url,
    async fetch(path, init = {}) {
      const res = await mf.dispatchFetch(`http://worker.test${path}`, init);
      const text = await res.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: res.status, headers: res.headers, body, text };
    },
    dispose: () => mf.dispose(),
  };
}
