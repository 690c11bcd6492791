// The packed tarball, installed into fresh folders and imported by its name in
// every runtime the contract names, each making a real call to the simulator.

import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";

import { CREDS, startSim } from "../sim/helpers.mjs";
import { BIN, freshProject, launchChromium, packTarball, REPO, serveStatic, tarballListing } from "./helpers.mjs";

let sim;
before(async () => (sim = await startSim()));
after(() => sim.close());

test("the tarball holds what users need and nothing else", () => {
  const listing = tarballListing();
  // wasm-bindgen names the folder of the wasm's JS helpers by a hash.
  const snippets = listing.filter((path) => path.startsWith("package/pkg/snippets/"));
  assert.deepEqual(
    snippets.map((path) => path.replace(/^package\/pkg\/snippets\/web3-orders-[0-9a-f]+\//, "")),
    ["js/hooks.js", "src/promise.js", "src/transport/base_url.js", "src/transport/exchange.js"],
  );
  assert.deepEqual(
    listing.filter((path) => !snippets.includes(path)),
    [
      "package/CHANGELOG.md",
      "package/LICENSE-APACHE",
      "package/LICENSE-MIT",
      "package/README.md",
      "package/index.d.ts",
      "package/js/browser.js",
      "package/js/errors.js",
      "package/js/hooks.js",
      "package/js/node.js",
      "package/js/spec.js",
      "package/js/workerd.js",
      "package/js/workflows.js",
      "package/package.json",
      "package/pkg/node.js",
      "package/pkg/web3_orders.js",
      "package/pkg/web3_orders_bg.wasm",
    ],
  );
});

test("every asset a shipped module points to with import.meta.url is in the tarball", () => {
  // Bundlers (webpack, Vite) emit such URLs as assets at build time, and fail on
  // one that names no file.
  const listing = tarballListing();
  const dir = mkdtempSync(join(tmpdir(), "web3-orders-unpacked-"));
  try {
    execFileSync("tar", ["-xzf", packTarball(), "-C", dir]);
    const references = listing
      .filter((path) => path.endsWith(".js"))
      .flatMap((path) =>
        [...readFileSync(join(dir, path), "utf8").matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map(
          ([, target]) => ({ from: path, to: posix.join(posix.dirname(path), target) }),
        ),
      );
    assert.ok(references.length > 0, "the Node entry names the wasm this way");
    assert.deepEqual(
      references.filter(({ to }) => !listing.includes(to)),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Node ESM: import by name, no init, real calls", async () => {
  const script = `
    import { getExternalOrders, getNamefiOrder, isOrderApiError } from "web3-orders";
    const lr = { apiToken: ${JSON.stringify(CREDS.licenseRocksApiToken)}, instanceUrl: ${JSON.stringify(sim.base)} };
    const orders = await getExternalOrders([2, 1], lr);
    let error;
    try { await getNamefiOrder("00000000-0000-4000-a000-000000000000", { token: ${JSON.stringify(CREDS.namefiToken)}, baseUrl: ${JSON.stringify(`${sim.base}/v-next`)} }); }
    catch (e) { error = { guard: isOrderApiError(e), isError: e instanceof Error, name: e.name, kind: e.kind, code: e.code }; }
    console.log(JSON.stringify({ ids: orders.map((o) => o.id), error }));
  `;
  const dir = freshProject({ "main.mjs": script });
  // Async: the simulator runs in this process and must keep answering.
  const { stdout } = await promisify(execFile)(process.execPath, ["main.mjs"], { cwd: dir, encoding: "utf8" });
  const out = JSON.parse(stdout);
  assert.deepEqual(out, { ids: [2, 1], error: { guard: true, isError: true, name: "OrderApiError", kind: "api", code: "NOT_FOUND" } });
});

test("TypeScript: every exported type checks under --strict, and a wrong use fails", () => {
  const dir = freshProject();
  execFileSync("cp", [join(REPO, "tests/types/usage.ts"), join(dir, "usage.ts")]);
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022", "dom"],
      skipLibCheck: false,
    },
    files: ["usage.ts"],
  };
  execFileSync("node", ["-e", `require("fs").writeFileSync("tsconfig.json", ${JSON.stringify(JSON.stringify(tsconfig))})`], { cwd: dir });
  execFileSync(BIN("tsc"), ["-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
  // Without the @ts-expect-error the wrong line must be a compile error.
  execFileSync("sed", ["-i", "s|// @ts-expect-error.*||", "usage.ts"], { cwd: dir });
  assert.throws(
    () => execFileSync(BIN("tsc"), ["-p", "tsconfig.json"], { cwd: dir, encoding: "utf8", stdio: "pipe" }),
    (e) => /TS2322/.test(e.stdout),
  );
});

const PAGE_SCRIPT = (importFrom) => `
  import { init, getNamefiOrder, getExternalOrders, isOrderApiError } from ${JSON.stringify(importFrom)};
  const sim = new URLSearchParams(location.search).get("sim");
  const run = async () => {
    await init();
    const details = await getNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", { token: ${JSON.stringify(CREDS.namefiToken)}, baseUrl: sim + "/v-next" });
    const orders = await getExternalOrders(["1"], { apiToken: ${JSON.stringify(CREDS.licenseRocksApiToken)}, instanceUrl: sim, dangerouslyAllowBrowser: true });
    let guard;
    try { await getExternalOrders([1], { apiToken: ${JSON.stringify(CREDS.licenseRocksApiToken)}, instanceUrl: sim }); }
    catch (e) { guard = isOrderApiError(e) && e.kind; }
    return { order: details.order.id, ids: orders.map((o) => o.id), guard };
  };
  run().then((r) => (document.body.dataset.result = JSON.stringify(r)), (e) => (document.body.dataset.result = JSON.stringify({ error: String(e && e.message) })));
`;
const EXPECTED_PAGE = { order: "497f6eca-6276-4993-bfeb-53cbbbba6f08", ids: [1], guard: "invalid_input" };

async function resultOf(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 20000 });
    assert.deepEqual(errors, []);
    return JSON.parse(await page.evaluate(() => document.body.dataset.result));
  } finally {
    await browser.close();
  }
}

test("a plain page without a bundler: init() entry, in Chromium", async () => {
  const dir = freshProject({
    "index.html": `<!doctype html><body><script type="module" src="./main.js"></script></body>`,
    "main.js": PAGE_SCRIPT("./node_modules/web3-orders/js/browser.js"),
  });
  const server = await serveStatic(dir);
  try {
    assert.deepEqual(await resultOf(`${server.url}/index.html?sim=${encodeURIComponent(sim.base)}`), EXPECTED_PAGE);
  } finally {
    await server.close();
  }
});

test("a Vite build, served and run in Chromium", async () => {
  const dir = freshProject({
    "index.html": `<!doctype html><body><script type="module" src="./main.js"></script></body>`,
    "main.js": PAGE_SCRIPT("web3-orders"),
  });
  const { build } = await import(join(REPO, "node_modules/vite/dist/node/index.js"));
  await build({ root: dir, configFile: false, logLevel: "silent", build: { outDir: join(dir, "dist") } });
  const server = await serveStatic(join(dir, "dist"));
  try {
    assert.deepEqual(await resultOf(`${server.url}/index.html?sim=${encodeURIComponent(sim.base)}`), EXPECTED_PAGE);
  } finally {
    await server.close();
  }
});

test("workerd: bundled by wrangler as users do, run in Miniflare", async () => {
  const worker = `
    import { getExternalOrders, queryCaptureOrder, isOrderApiError } from "web3-orders";
    export default {
      async fetch(request, env) {
        try {
          const orders = await getExternalOrders([2, "1"], { apiToken: env.LR_TOKEN, instanceUrl: env.SIM });
          const capture = await queryCaptureOrder("59210ee0-1a4e-451c-b048-c493d9e001ff", { apiKey: env.CAPTURE_KEY, baseUrl: env.SIM });
          return Response.json({ ids: orders.map((o) => o.id), nid: capture.nid });
        } catch (e) {
          return Response.json({ error: e.message, kind: e.kind, guard: isOrderApiError(e) }, { status: 500 });
        }
      },
    };`;
  const dir = freshProject({
    "src/index.js": worker,
    "wrangler.toml": `name = "package-test"\nmain = "src/index.js"\ncompatibility_date = "2026-04-01"\n`,
  });
  execFileSync(BIN("wrangler"), ["deploy", "--dry-run", "--outdir", "dist"], {
    cwd: dir,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  const { Miniflare } = await import(join(REPO, "node_modules/miniflare/dist/src/index.js"));
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, "dist/index.js"),
    modulesRoot: join(dir, "dist"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-04-01",
    bindings: { SIM: sim.base, LR_TOKEN: CREDS.licenseRocksApiToken, CAPTURE_KEY: CREDS.captureApiKey },
  });
  try {
    const res = await mf.dispatchFetch("http://localhost/");
    const body = await res.json();
    assert.deepEqual(body, { ids: [2, 1], nid: "bafybeievahpgtr3wzoquvtwvcrjcw5pdo53dxjqrxym2hxrwep736rwuka" });
  } finally {
    await mf.dispose();
  }
});
