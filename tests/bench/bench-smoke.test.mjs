// `npm run bench` runs end to end (BENCH_QUICK: one short round, one cold run)
// and prints every row it promises. No timing is asserted: figures belong to
// the benchmark. The shipped wasm's size budget is checked, as it is exact.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("the benchmark runs and prints its tables, the sizes, the cold start, the memory of reading many orders and every target", () => {
  const out = execFileSync(process.execPath, ["--expose-gc", "bench/bench.mjs"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BENCH_QUICK: "1" },
  });
  const [client, worker] = out.split("\nedge Worker");
  assert.ok(worker, "the edge Worker's table is printed");
  const rows = client.split("\n").filter((line) => /^\| (License|Namefi|Capture)/.test(line));
  assert.deepEqual(
    rows.map((row) => row.split("|")[1].trim()),
    [
      "License.rocks GET, 2 orders",
      "License.rocks GET, 200 orders",
      "License.rocks GET, 2000 orders",
      "Namefi order (1 call)",
      "Capture order (1 call)",
    ],
  );
  for (const row of rows) {
    const cells = row
      .split("|")
      .slice(2, -1)
      .map((cell) => cell.trim());
    assert.equal(cells.length, 10, row);
    // requests, five times in ms, four ratios with their ranges
    for (const cell of cells.slice(0, 6)) assert.match(cell, /^\d+(\.\d+)?$/, row);
    for (const cell of cells.slice(6)) assert.match(cell, /^\d+\.\d\dx \[\d+\.\d\d-\d+\.\d\d\]$/, row);
  }
  assert.equal(rows[2].split("|")[2].trim(), "6", "2,000 ids are six requests");

  const wasmGzip = Number(out.match(/shipped \.wasm: \d+ bytes, (\d+) gzip/)?.[1]);
  assert.ok(wasmGzip > 0 && wasmGzip <= 64 * 1024, `shipped .wasm gzip ${wasmGzip} bytes, budget 64 KiB`);
  assert.match(out, /JS glue and entries: \d+ bytes gzip/);
  assert.match(
    out,
    /cold import \+ first call, fresh Node process, median of 1: [\d.]+ ms \(import [\d.]+ \+ first call [\d.]+\); [\d.]+ ms counting Node's own first-Response setup; json\(\)\+zod 4 the same way: [\d.]+ ms/,
  );
  assert.match(out, /every wasm function compiled at import .*: [\d.]+ ms \(import [\d.]+ \+ first call [\d.]+\)/);
  const memory =
    /^ {2}(iterExternalOrders, 20000 ids|getExternalOrders, 20000 ids at once): (\d+) orders in [\d.]+ s, RSS growth at peak -?[\d.]+ MiB, reachable heap at peak -?[\d.]+ MiB$/gm;
  assert.deepEqual(
    [...out.matchAll(memory)].map((m) => [m[1], m[2]]),
    [
      ["iterExternalOrders, 20000 ids", "20000"],
      ["getExternalOrders, 20000 ids at once", "20000"],
    ],
    "every order read, and its memory printed",
  );

  const edge = worker
    .split("\n")
    .filter((line) => /^\| (License\.rocks GET, \d+ orders, redacted|Capture order with the nid check) \|/.test(line));
  assert.deepEqual(
    edge.map((row) => row.split("|")[1].trim()),
    ["License.rocks GET, 2 orders, redacted", "License.rocks GET, 200 orders, redacted", "Capture order with the nid check"],
  );
  for (const row of edge) {
    const cells = row
      .split("|")
      .slice(2, -1)
      .map((cell) => cell.trim());
    // requests, three CPU times in µs, two ratios with their ranges
    assert.equal(cells.length, 6, row);
    for (const cell of cells.slice(0, 4)) assert.match(cell, /^\d+$/, row);
    for (const cell of cells.slice(4)) assert.match(cell, /^-?\d+\.\d\dx \[-?\d+\.\d\d--?\d+\.\d\d\]$/, row);
  }

  const targets = out.slice(out.indexOf("\ntargets:")).split("\n").slice(2).filter(Boolean);
  const verdict = /: (met in every (round|run)|met at the median, not in every (round|run)|missed|met)$/;
  for (const line of targets) assert.match(line, verdict, line);
  assert.deepEqual(
    targets.map((line) => line.trim().split(":")[0]),
    [
      "License.rocks GET, 200 orders, ours / json+ajv",
      "License.rocks GET, 200 orders, ours / json",
      "License.rocks GET, 2000 orders, ours / json+ajv",
      "License.rocks GET, 2000 orders, ours / json",
      "License.rocks GET, 2 orders, ours / json+zod",
      "License.rocks GET, 200 orders, ours / json+zod",
      "License.rocks GET, 2000 orders, ours / json+zod",
      "Namefi order (1 call), ours / json+zod",
      "Capture order (1 call), ours / json+zod",
      "cold import + first call",
      "shipped .wasm",
      "Worker, License.rocks GET, 2 orders, redacted, ours / plain",
      "Worker, License.rocks GET, 200 orders, redacted, ours / plain",
      "Worker, Capture order with the nid check, ours / plain",
    ],
    "every target printed with its figure and verdict",
  );
});
