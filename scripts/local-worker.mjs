// The edge Worker on this machine, as wrangler deploys it: bundled by
// `wrangler deploy --dry-run`, run in workerd by Miniflare (Durable Objects and
// the `[[ratelimits]]` binding simulated). Used by `npm start`, the tests and the benchmark.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));

const bundles = new Map();
/**
 * A Worker bundled into a temporary folder by `wrangler deploy --dry-run`, once
 * per process and config (the repository's wrangler.toml by default; pkg-worker/
 * must be built for that one).
 */
export function bundledWorker(config = join(REPO, "wrangler.toml")) {
  if (!bundles.has(config)) {
    const dir = mkdtempSync(join(tmpdir(), "web3-orders-worker-"));
    execFileSync(join(REPO, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--config", config, "--outdir", dir], {
      cwd: REPO,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    });
    bundles.set(config, dir);
  }
  return bundles.get(config);
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

/** A Miniflare running the bundled Worker; `options` are Miniflare's (bindings, port, ...). */
export function startLocalWorker(options) {
  return startBundledWorker(bundledWorker(), {
    durableObjects: { IDEMPOTENCY: "IdempotencyStore" },
    ratelimits: wranglerRateLimits(),
    ...options,
  });
}

/** A Miniflare running the Worker bundled into `dir` (its `main` file, wasm as compiled modules). */
export async function startBundledWorker(dir, options, main = "index.js") {
  const { Miniflare } = await import(join(REPO, "node_modules/miniflare/dist/src/index.js"));
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, main),
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-04-01",
    ...options,
  });
  await mf.ready;
  return mf;
}
