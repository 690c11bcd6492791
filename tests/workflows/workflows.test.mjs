// The workflows and hooks in every runtime the package supports, against the
// simulator over HTTP: the same scenarios (scenarios.mjs) in Node, in Chromium
// (the browser entry, served as a page loads it) and in workerd (Miniflare).

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import * as node from "../../pkg/node.js";
import { launchChromium, REPO, serveStatic } from "../package/helpers.mjs";
import { CREDS, startSim } from "../sim/helpers.mjs";
import { runScenario, SCENARIO_NAMES } from "./scenarios.mjs";

let sim;
before(async () => (sim = await startSim()));
after(() => sim.close());

const expectOk = (result) => assert.ok(result.ok, result.error);

describe("Node", () => {
  for (const name of SCENARIO_NAMES) {
    test(name, async () => expectOk(await runScenario(name, node, { simBase: sim.base, creds: CREDS, runtime: "node" })));
  }
});

describe("Chromium", () => {
  let server;
  let browser;
  let page;
  const pageErrors = [];
  before(async () => {
    server = await serveStatic(REPO);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/tests/workflows/page.html`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  for (const name of SCENARIO_NAMES) {
    test(name, async () => {
      const result = await page.evaluate(
        async ({ name, simBase, creds }) => {
          const api = await import("/js/browser.js");
          const { runScenario } = await import("/tests/workflows/scenarios.mjs");
          return runScenario(name, api, { simBase, creds, runtime: "chromium" });
        },
        { name, simBase: sim.base, creds: CREDS },
      );
      expectOk(result);
      assert.deepEqual(pageErrors, []);
    });
  }
});

describe("workerd", () => {
  let mf;
  before(async () => {
    const { Miniflare } = await import(join(REPO, "node_modules/miniflare/dist/src/index.js"));
    mf = new Miniflare({
      modules: true,
      scriptPath: join(REPO, "tests/workflows/worker.mjs"),
      modulesRoot: REPO,
      modulesRules: [
        { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
        { type: "CompiledWasm", include: ["**/*.wasm"] },
      ],
      compatibilityDate: "2026-04-01",
      bindings: { SIM: sim.base, CREDS: JSON.stringify(CREDS) },
    });
  });
  after(() => mf?.dispose());
  for (const name of SCENARIO_NAMES) {
    test(name, async () => {
      const res = await mf.dispatchFetch("http://localhost/", { method: "POST", body: JSON.stringify({ name }) });
      expectOk(await res.json());
    });
  }
});
