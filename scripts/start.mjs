// Starts the whole system on this machine: the simulator (SIM_PORT, default
// 8790), the edge Worker in workerd (WORKER_PORT, default 8787) in front of it,
// and the demo page (DEMO_PORT, default 8080) with the built package beside it.
// The Worker holds the simulator's partner credentials as its secrets, and an
// access token made for this run, which the page reads from /config.json.

import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { SIM_CREDENTIALS } from "../sim/credentials.mjs";
import { GENERATED, NAMEFI_OWNER_ID, seedWorld } from "../sim/data.mjs";
import { createSimulator, DEFAULT_PORT } from "../sim/server.mjs";
import { startLocalWorker } from "./local-worker.mjs";

// Orders the page opens with: production-shaped ones, not the docs' placeholders.
const world = seedWorld();
const shownCapture = [...world.capture.values()].find((o) => o.status === "completed" && !Number.isInteger(o.cost + o.gas) && o.result_url);
const examples = {
  captureOrderId: shownCapture?.order_id,
  captureNid: shownCapture?.nid,
  namefiOrderId: [...world.namefi.values()].find(
    (d) => d.order.userId === NAMEFI_OWNER_ID && d.order.status === "SUCCEEDED" && d.items.length,
  )?.order.id,
  licenseRocksIds: [GENERATED.licenseRocksFirstOrderId, GENERATED.licenseRocksFirstOrderId + 1],
};

const root = fileURLToPath(new URL("..", import.meta.url));
const host = process.env.HOST ?? "127.0.0.1";
const sim = createSimulator();
const simUrl = await sim.listen(Number(process.env.SIM_PORT ?? DEFAULT_PORT), host);

// Only these folders are served: the page, the entry points and the build.
const SERVED = { "/": "www/index.html", "/www/": "www/", "/js/": "js/", "/pkg/": "pkg/" };
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

const demo = http.createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (path === "/config.json") {
    // Points the page at the simulator; edit the fields on the page for real services.
    res.writeHead(200, { "content-type": "application/json" });
    // The page gets the user's own Namefi token and the Worker's token for this run:
    // no partner secret.
    const credentials = { namefiToken: SIM_CREDENTIALS.namefiToken };
    return res.end(JSON.stringify({ simUrl, worker: { url: workerUrl, accessToken }, credentials, examples }));
  }
  const prefix = Object.keys(SERVED).filter((p) => path === p || (p.endsWith("/") && p !== "/" && path.startsWith(p)))[0];
  if (!prefix) return res.writeHead(404).end("not found");
  const file = join(root, SERVED[prefix], prefix === "/" ? "" : path.slice(prefix.length));
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
});
const demoPort = Number(process.env.DEMO_PORT ?? 8080);
await new Promise((resolve, reject) => demo.once("error", reject).listen(demoPort, host, resolve));

const demoUrl = `http://${host}:${demo.address().port}`;

// A per-run token: what a real deployment replaces with its own users' sign-in.
const accessToken = randomBytes(24).toString("base64url");
const worker = await startLocalWorker({
  host,
  port: Number(process.env.WORKER_PORT ?? 8787),
  bindings: {
    CAPTURE_API_KEY: SIM_CREDENTIALS.captureApiKey,
    LICENSE_ROCKS_API_TOKEN: SIM_CREDENTIALS.licenseRocksApiToken,
    ACCESS_TOKEN: accessToken,
    CAPTURE_BASE_URL: simUrl,
    NAMEFI_BASE_URL: `${simUrl}/v-next`,
    LICENSE_ROCKS_INSTANCE_URL: simUrl,
    ALLOWED_ORIGINS: `${demoUrl}, http://localhost:${demo.address().port}`,
    EXPOSE_BUYER_PII: "false",
    EXPOSE_UNKNOWN_FIELDS: "false",
  },
});
const workerUrl = String(await worker.ready).replace(/\/$/, "");

console.log(`web3-orders simulator  ${simUrl}`);
console.log(`web3-orders worker     ${workerUrl}`);
console.log(`web3-orders demo       ${demoUrl}/`);
console.log("Ctrl-C stops all three.");
const stop = () =>
  Promise.allSettled([sim.close(), worker.dispose(), new Promise((resolve) => demo.close(resolve))]).then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
