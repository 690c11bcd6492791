// The demo's money and date formatting: exact from the wire, never a float.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCents, formatEth, formatTime, formatWei } from "../../www/format.js";

test("cents as currency, exactly", () => {
  assert.equal(formatCents(1999), "$19.99");
  assert.equal(formatCents(5), "$0.05");
  assert.equal(formatCents(-250), "-$2.50");
  assert.equal(formatCents(9_007_199_254_740_991), "$90,071,992,547,409.91", "the largest safe cents, digit for digit");
  assert.equal(formatCents(1999, "EUR", "de-DE"), "19,99\u00a0€");
  for (const bad of [1.5, Number.NaN, "1999", null, 2 ** 53]) assert.equal(formatCents(bad), "—");
});

test("wei and ETH strings as decimal ETH, every digit kept", () => {
  assert.equal(formatWei("6711409395973154000"), "6.711409395973154 ETH");
  assert.equal(formatWei("1"), "0.000000000000000001 ETH");
  assert.equal(formatWei("000"), "0 ETH");
  assert.equal(formatWei("123456789012345678901234567890"), "123,456,789,012.34567890123456789 ETH");
  assert.equal(formatEth("0.006711409395973154"), "0.006711409395973154 ETH");
  assert.equal(formatEth("12345678901234567890.000000000000000001"), "12,345,678,901,234,567,890.000000000000000001 ETH");
  assert.equal(formatEth("2.50"), "2.5 ETH");
  assert.equal(formatEth("1234.5", "de-DE"), "1.234,5 ETH");
  for (const bad of ["1e5", "", "0x10", " 1", 1, null]) assert.equal(formatEth(bad), "—");
  for (const bad of ["-1", "1.5", 10n, 10]) assert.equal(formatWei(bad), "—");
});

test("dates in the reader's time zone", () => {
  assert.equal(formatTime("2026-01-02T03:04:05Z", "en-GB", "UTC"), "2 Jan 2026, 03:04");
  assert.equal(formatTime("2026-01-02T03:04:05Z", "en-GB", "Asia/Tokyo"), "2 Jan 2026, 12:04");
  for (const bad of [null, undefined, "soon", 5]) assert.equal(formatTime(bad), "—");
});
