// Packs the package once and installs the tarball into throwaway folders, so
// tests import it by name exactly as users do.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = (name) => join(REPO, "node_modules", ".bin", name);

let tarball;
/** `npm pack` of the repo (prepack builds pkg/), once per process. */
export function packTarball() {
  if (!tarball) {
    const out = mkdtempSync(join(tmpdir(), "web3-orders-pack-"));
    const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop();
    tarball = join(out, name);
  }
  return tarball;
}

/** The tarball's paths, sorted. */
export function tarballListing() {
  return execFileSync("tar", ["-tzf", packTarball()], { encoding: "utf8" }).trim().split("\n").sort();
}

/** A new folder with the tarball installed as a dependency. */
export function freshProject(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), "web3-orders-user-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user-app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", packTarball()], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
};
/** Serves a folder on a free loopback port. */
export async function serveStatic(root) {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

/** Headless Debian Chromium, driven by playwright-core. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function listFiles(dir) {
  return readdirSync(dir, { recursive: true });
}
