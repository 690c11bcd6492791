// `npm run bench` runs end to end (BENCH_QUICK: one short round, one cold run)
// and prints every row it promises. No timing is asserted: figures belong to
// the benchmark. The shipped wasm's size budget is checked, as it is exact.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("the benchmark runs and prints its table, the sizes, the cold start and the memory of reading many orders", () => {
  const out = execFileSync(process.execPath, ["--expose-gc", "bench/bench.mjs"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BENCH_QUICK: "1" },
  });
  const rows = out.split("\n").filter((line) => /^\| (License|Namefi|Capture)/.test(line));
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
});
