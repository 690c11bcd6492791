// `npm start`: the simulator, the edge Worker in workerd and the demo page;
// the page driven in Chromium, its forms calling the package against the
// simulator and showing results and errors.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { SIM_CREDENTIALS } from "../../sim/credentials.mjs";
import { launchChromium } from "../package/helpers.mjs";

// Screenshots for people to look at (not compared pixel by pixel).
const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

let server;
let demoUrl;
let workerUrl;
before(async () => {
  server = spawn(process.execPath, [fileURLToPath(new URL("../../scripts/start.mjs", import.meta.url))], {
    env: { ...process.env, SIM_PORT: "0", DEMO_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  demoUrl = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /demo\s+(http\S+)/.exec(out);
      if (match) resolve(match[1]);
      workerUrl = /worker\s+(http\S+)/.exec(out)?.[1];
    });
    server.on("exit", (code) => reject(new Error(`start.mjs exited with ${code}: ${out}`)));
  });
});
after(() => server.kill());

test("the demo shows orders, errors with their fields, and a live wait until an order settles", async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const sent = [];
    page.on("request", (request) => sent.push(`${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ""}`));
    await page.goto(demoUrl);
    await page.click("#licenseRocks button");
    await page.waitForFunction(() => /^ok/.test(document.getElementById("status").textContent));
    const orders = JSON.parse(await page.textContent("#result"));
    // Real-looking orders, not the docs' placeholders.
    assert.deepEqual(
      orders.map((o) => o.id),
      [1000, 1001],
    );
    assert.equal(orders[0].status, "paid");
    // As people read them: a card per order, a badge, money from cents, what the Worker withheld.
    const lrCards = await page.$$eval("#cards .card", (cards) =>
      cards.map((card) => ({
        title: card.querySelector("h3").firstChild.textContent.trim(),
        badge: card.querySelector(".badge").textContent,
        text: card.textContent,
      })),
    );
    assert.deepEqual(
      lrCards.map((c) => [c.title, c.badge]),
      [
        ["License.rocks order #1000", "paid"],
        ["License.rocks order #1001", "paid"],
      ],
    );
    assert.match(lrCards[0].text, /Buyer emailwithheld by the Worker/);
    assert.match(lrCards[0].text, /Secret phrase.*withheld by the Worker/s);
    assert.match(lrCards[0].text, new RegExp(`€${(orders[0].totalPriceCents / 100).toFixed(2)}`));
    assert.match(lrCards[0].text, / ETH/);

    await page.click("#capture button");
    await page.waitForFunction(() => document.getElementById("result").textContent.includes("Mint Polygon NFT"));
    const capture = JSON.parse(await page.textContent("#result"));
    assert.equal(capture.status, "completed");
    assert.match(capture.result_url, /^https:/);
    assert.equal(await page.textContent("#cards .card .badge"), "completed");
    assert.match(await page.textContent("#cards .card"), /Mint Polygon NFT/);

    await page.click("#namefi button");
    await page.waitForFunction(
      () =>
        /^ok/.test(document.getElementById("status").textContent) && document.getElementById("result").textContent.includes("SUCCEEDED"),
    );
    const namefi = JSON.parse(await page.textContent("#result"));
    assert.equal(namefi.order.status, "SUCCEEDED");
    assert.ok(!JSON.stringify(namefi).includes('"string"'), "no placeholder values");
    assert.match(namefi.order.nftWalletAddress, /^0x[0-9a-f]{40}$/);
    const namefiCard = await page.textContent("#cards .card");
    assert.match(namefiCard, new RegExp(`\\$${(namefi.order.amountInUSDCents / 100).toFixed(2)}`));
    assert.match(namefiCard, new RegExp(namefi.items[0].normalizedDomainName.replaceAll(".", "\\.")));
    assert.equal(await page.$$eval("#cards .card table", (tables) => tables.length), 2, "items and payments");

    await page.fill('#namefi input[name="orderId"]', "not-an-id");
    await page.click("#namefi button");
    await page.waitForFunction(() => /invalid_input/.test(document.getElementById("status").textContent));
    const error = JSON.parse(await page.textContent("#result"));
    assert.equal(error.provider, "namefi");
    assert.match(error.message, /UUID/);
    const panel = await page.textContent("#cards .error-panel");
    assert.match(panel, /kindinvalid_input/);
    assert.match(panel, /providernamefi/);
    assert.match(panel, /retryablefalse/);

    // A create through the Worker, pressed twice: one order upstream, the second answer replayed.
    await page.fill('#create input[name="street"]', "Szeroka 1");
    await page.fill('#create input[name="postal"]', "87-100");
    await page.fill('#create input[name="city"]', "Toruń");
    await page.fill('#create input[name="country"]', "Poland");
    const config = await (await fetch(`${demoUrl}config.json`)).json();
    const log = async () => (await (await fetch(`${config.simUrl}/__sim/scopes/default/requests`)).json()).requests;
    const postsBefore = (await log()).filter((r) => r.method === "POST").length;
    const createdIds = [];
    for (const outcome of ["created", "replayed"]) {
      await page.evaluate(() => (document.getElementById("status").textContent = ""));
      await page.click("#create button");
      await page.waitForFunction(() => /^ok/.test(document.getElementById("status").textContent));
      assert.match(await page.textContent("#status"), new RegExp(`; ${outcome}`));
      createdIds.push(JSON.parse(await page.textContent("#result"))[0].id);
    }
    assert.equal(createdIds[0], createdIds[1], "the same order both times");
    const posts = (await log()).filter((r) => r.method === "POST");
    assert.equal(posts.length, postsBefore + 1, "sent upstream once");
    assert.deepEqual(JSON.parse(posts.at(-1).body), [
      {
        nftId: 405,
        listingId: 2,
        quantity: 1,
        buyerUserId: 5,
        buyerBillingData: { street: "Szeroka 1", postal: "87-100", city: "Toruń", country: "Poland" },
      },
    ]);

    // Worker errors show their fields.
    await page.fill('#capture input[name="nid"]', "bafywrong");
    await page.click("#capture button");
    await page.waitForFunction(() => /not_found/.test(document.getElementById("status").textContent));
    assert.equal(JSON.parse(await page.textContent("#result")).status, 404);

    // A live wait: the status line and its history move until the order settles.
    await page.click("#watch button");
    await page.waitForFunction(() => document.getElementById("live-status").textContent === "PROCESSING", null, { timeout: 15_000 });
    await page.waitForFunction(() => document.getElementById("live-status").textContent === "SUCCEEDED (settled)", null, {
      timeout: 15_000,
    });
    const history = await page.$$eval("#live-history li", (items) => items.map((li) => li.textContent.split(": ")[1]));
    assert.deepEqual(history, ["CREATED", "PROCESSING", "SUCCEEDED"]);
    await page.waitForFunction(() => /^ok/.test(document.getElementById("status").textContent));
    assert.equal(await page.textContent("#cards .card .badge"), "SUCCEEDED");
    assert.deepEqual(Object.keys(config.credentials), ["namefiToken"], "no partner secret reaches the page");
    // Every request the page made: no partner secret in any URL, header or body.
    assert.ok(sent.length >= 8, sent.join("\n"));
    for (const request of sent) {
      for (const secret of [SIM_CREDENTIALS.licenseRocksApiToken, SIM_CREDENTIALS.captureApiKey]) {
        assert.ok(!request.includes(secret), request);
      }
    }

    await page.setViewportSize({ width: 1200, height: 900 });
    await page.click("#licenseRocks button");
    await page.waitForFunction(() => document.querySelectorAll("#cards .card").length === 2);
    await page.screenshot({ path: `${ARTIFACTS}demo-wide.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the Worker runs in front of the simulator, for the page's origin, with this run's access token", async () => {
  const config = await (await fetch(`${demoUrl}config.json`)).json();
  assert.equal(config.worker.url, workerUrl);
  assert.match(config.worker.accessToken, /^[\w-]{32}$/);
  const origin = demoUrl.replace(/\/$/, "");
  const read = (headers) => fetch(`${workerUrl}/v1/license-rocks/orders?ids=1000,1001`, { headers: { origin, ...headers } });
  const ok = await read({ authorization: `Bearer ${config.worker.accessToken}` });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get("access-control-allow-origin"), origin);
  const { orders } = await ok.json();
  assert.deepEqual(
    orders.map((o) => o.id),
    [1000, 1001],
  );
  assert.equal(orders[0].buyer?.email, undefined, "buyers' personal data withheld");
  assert.equal((await read({})).status, 401, "no token, no orders");
  assert.equal((await read({ authorization: "Bearer change-me-local-access-token" })).status, 401, "only this run's token");
  const elsewhere = await fetch(`${workerUrl}/v1/license-rocks/orders?ids=1000`, {
    headers: { origin: "https://evil.example", authorization: `Bearer ${config.worker.accessToken}` },
  });
  assert.equal(elsewhere.status, 403, "another origin is refused");
});

test("usable on a phone-sized screen and by keyboard alone", async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(demoUrl);
    await page.waitForFunction(() => document.getElementById("idempotency-key").textContent !== "");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, `the page is ${await overflow()} px wider than the screen`);

    // Keyboard only: into the ids field, Tab to its button, Enter.
    await page.focus('#licenseRocks input[name="ids"]');
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Get orders");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#cards .card").length === 2);
    assert.ok((await overflow()) <= 0, "cards and their tables fit the screen (tables scroll inside)");
    // Namefi by Enter in its last field.
    await page.focus('#namefi input[name="baseUrl"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#cards h3")?.textContent.startsWith("Namefi order"));
    assert.ok((await overflow()) <= 0);
    await page.locator("#cards").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}demo-phone.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
