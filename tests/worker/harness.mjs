// Bundles the Worker as wrangler deploys it, and runs it in workerd (Miniflare)
// against a simulator scope; workerd's own output is captured for log checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { BIN, REPO } from "../package/helpers.mjs";

export const SECRETS = Object.freeze({
  CAPTURE_API_KEY: "sim-capture-key",
  LICENSE_ROCKS_API_TOKEN: "sim-license-rocks-token",
  ACCESS_TOKEN: "worker-test-access-token-3f9a1c",
});

let bundle;
function bundled() {
  if (!bundle) {
    bundle = mkdtempSync(join(tmpdir(), "web3-orders-worker-"));
    execFileSync(BIN("wrangler"), ["deploy", "--dry-run", "--outdir", bundle], {
      cwd: REPO,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    });
  }
  return bundle;
}

/** The `[[ratelimits]]` bindings of wrangler.toml, as Miniflare takes them. */
export function wranglerRateLimits() {
  const toml = readFileSync(join(REPO, "wrangler.toml"), "utf8");
  const limits = {};
  for (const block of toml.split("[[ratelimits]]").slice(1)) {
    const name = /^name\s*=\s*"([^"]+)"/m.exec(block)[1];
    const [, limit, period] = /^simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(\d+)\s*\}/m.exec(block);
    limits[name] = { simple: { limit: Number(limit), period: Number(period) } };
  }
  return limits;
}

/**
 * A running Worker; `vars` override the defaults (null removes one). With
 * `persist` (a folder), Durable Object storage outlives this Worker, as it
 * outlives a Worker that dies in production. `ratelimits` default to wrangler.toml's.
 */
export async function startWorker(upstream, vars = {}, { persist, ratelimits = wranglerRateLimits() } = {}) {
  const { Miniflare } = await import(join(REPO, "node_modules/miniflare/dist/src/index.js"));
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
  const dir = bundled();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, "index.js"),
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-04-01",
    durableObjects: { IDEMPOTENCY: "IdempotencyStore" },
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
