// Bundles the Worker as wrangler deploys it, and runs it in workerd (Miniflare)
// against a simulator scope; workerd's own output is captured for log checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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
    execFileSync(BIN("wrangler"), ["deploy", "--dry-run", "--outdir", bundle], { cwd: REPO, stdio: "pipe", env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } });
  }
  return bundle;
}

/**
 * A running Worker; `vars` override the defaults (null removes one). With
 * `persist` (a folder), Durable Object storage outlives this Worker, as it
 * outlives a Worker that dies in production.
 */
export async function startWorker(upstream, vars = {}, { persist } = {}) {
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
    ...(persist ? { durableObjectsPersist: persist } : {}),
    bindings,
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (d) => logs.push(String(d)));
      stderr.on("data", (d) => logs.push(String(d)));
    },
  });
  await mf.ready;
  return {
    logs,
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
