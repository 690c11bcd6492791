// What bench/worker.mjs and bench/worker-ab.mjs share: the upstream and the
// Workers' bindings, and the CPU time of the workerd processes Miniflare
// starts, read from /proc.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";

import { replyBody } from "./bodies.mjs";

/** The upstream (the simulator's seed orders, each body built once) and the bindings pointing at it. */
export async function startUpstream() {
  const SECRETS = {
    CAPTURE_API_KEY: "bench-capture-key-5d1f",
    LICENSE_ROCKS_API_TOKEN: "bench-license-rocks-token-8e2a",
    ACCESS_TOKEN: "bench-access-token-0b7c",
  };
  const ORIGIN = "https://shop.example";

  // The upstream: the simulator's seed orders, each body built once.
  const upstream = createServer((req, res) => {
    const expected = req.url.startsWith("/api/externalOrders/") ? SECRETS.LICENSE_ROCKS_API_TOKEN : `Bearer ${SECRETS.CAPTURE_API_KEY}`;
    if (req.headers.authorization !== expected) return res.writeHead(401).end();
    const body = replyBody(req.url);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  });
  await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;

  const bindings = {
    ...SECRETS,
    CAPTURE_BASE_URL: upstreamUrl,
    LICENSE_ROCKS_INSTANCE_URL: upstreamUrl,
    NAMEFI_BASE_URL: `${upstreamUrl}/v-next`,
    ALLOWED_ORIGINS: ORIGIN,
    EXPOSE_BUYER_PII: "false",
    UPSTREAM_TIMEOUT_MS: "10000",
  };
  // A budget the benchmark cannot spend, so every Capture request still asks the limiter and passes.
  const ratelimits = { CAPTURE_RATE_LIMITER: { simple: { limit: 1_000_000_000, period: 60 } } };
  return { SECRETS, ORIGIN, upstream, bindings, ratelimits };
}

/** The pids of this process's workerd children. */
export function workerdChildren() {
  const pids = new Set();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [comm, rest] = [stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), stat.slice(stat.lastIndexOf(")") + 2)];
      if (comm === "workerd" && Number(rest.split(" ")[1]) === process.pid) pids.add(Number(pid));
    } catch {
      // a process that ended while listed
    }
  }
  return pids;
}

/** Nanoseconds of CPU the process `pid` has used, all its threads. */
export function cpuNs(pid) {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // a thread that ended while listed
    }
  }
  return total;
}
