// The edge Worker on this machine, as wrangler deploys it: bundled by
// `wrangler deploy --dry-run`, run in workerd by Miniflare (Durable Objects and
// the `[[ratelimits]]` binding simulated). Used by `npm start` and the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));

let bundle;
/** The Worker bundled into a temporary folder, once per process (pkg-worker/ must be built). */
export function bundledWorker() {
  if (!bundle) {
    bundle = mkdtempSync(join(tmpdir(), "web3-orders-worker-"));
    execFileSync(join(REPO, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", bundle], {
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

/** A Miniflare running the bundled Worker; `options` are Miniflare's (bindings, port, ...). */
export async function startLocalWorker(options) {
  const { Miniflare } = await import(join(REPO, "node_modules/miniflare/dist/src/index.js"));
  const dir = bundledWorker();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, "index.js"),
    modulesRoot: dir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-04-01",
    durableObjects: { IDEMPOTENCY: "IdempotencyStore" },
    ratelimits: wranglerRateLimits(),
    ...options,
  });
  await mf.ready;
  return mf;
}
