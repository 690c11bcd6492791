// The other JS helpers on their own: the hooks' observer (what each hook is
// told, and what it never is), the base URL check, and a wait's pacing.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { observer } from "../../js/hooks.js";
import { paceAfter } from "../../js/workflows.js";
import { checkBaseUrl } from "../../src/transport/base_url.js";
import { exchange } from "../../src/transport/exchange.js";

const SECRET = "Bearer s3cr3t-token";

// One GET attempt through exchange with `seen` observing, reported as Rust reports it.
async function observedGet(seen, respond, url = "https://a.example/") {
  const outcome = await exchange(respond, url, "authorization", SECRET, undefined, 1000, undefined, 1024, seen, 1);
  seen.responded(outcome.seen, undefined);
}

function recorder() {
  const calls = [];
  const hooks = {};
  for (const name of ["onRequest", "onResponse", "onRetry"]) hooks[name] = (info) => calls.push([name, info]);
  hooks.onError = (error, context) => calls.push(["onError", context, error.message]);
  return { calls, hooks };
}

describe("hooks", () => {
  test("no hooks, no observer; a hook that is not a function is refused by name", () => {
    assert.equal(observer("namefi", {}, SECRET), undefined);
    assert.equal(observer("namefi", { onRequest: undefined }, SECRET), undefined);
    assert.throws(() => observer("capture", { onRetry: "log" }, SECRET), {
      name: "TypeError",
      message: "capture: onRetry must be a function",
    });
    const throwing = Object.defineProperty({}, "onRequest", {
      get: () => {
        throw new Error("getter");
      },
      enumerable: true,
    });
    assert.throws(() => observer("namefi", throwing, SECRET), {
      name: "TypeError",
      message: "namefi: onRequest could not be read (reading it threw)",
    });
  });

  test("an attempt through exchange: request, then response with rate limit and request id", async () => {
    const { calls, hooks } = recorder();
    const seen = observer("namefi", hooks, SECRET);
    const headers = {
      "ratelimit-limit": "60",
      "ratelimit-remaining": "7",
      "ratelimit-reset": "12",
      "x-request-id": "req-42",
      "cf-ray": "ray",
    };
    await observedGet(seen, async () => Response.json({}, { headers }), "https://api.example/o/1");
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[0], ["onRequest", { provider: "namefi", method: "GET", url: "https://api.example/o/1", attempt: 1 }]);
    const [name, info] = calls[1];
    assert.equal(name, "onResponse");
    assert.equal(typeof info.durationMs, "number");
    delete info.durationMs;
    assert.deepEqual(info, {
      provider: "namefi",
      method: "GET",
      url: "https://api.example/o/1",
      attempt: 1,
      status: 200,
      rateLimit: { limit: 60, remaining: 7, resetMs: 12_000 },
      requestId: "req-42",
    });
  });

  test("never a credential: a URL, request id or message holding it reads [redacted]", async () => {
    const { calls, hooks } = recorder();
    const seen = observer("licenseRocks", hooks, "s3cr3t-token");
    const headers = { "x-request-id": "echo-s3cr3t-token" };
    const outcome = await exchange(
      async () => new Response("{}", { status: 503, headers }),
      "https://hub.example/x?s3cr3t-token",
      "authorization",
      "s3cr3t-token",
      "[]",
      1000,
      undefined,
      1024,
      seen,
      1,
    );
    seen.responded(outcome.seen, 2000);
    seen.retrying("GET", "https://hub.example/s3cr3t-token", 1, 2000, "network", undefined, undefined, "socket closed: s3cr3t-token");
    assert.ok(!JSON.stringify(calls).includes("s3cr3t-token"), JSON.stringify(calls));
    assert.deepEqual(
      calls.map(([, info]) => [info.url, info.requestId, info.message]),
      [
        ["[redacted]", undefined, undefined],
        ["[redacted]", "[redacted]", undefined],
        ["[redacted]", undefined, "[redacted]"],
      ],
    );
    assert.deepEqual([calls[0][1].method, calls[1][1].status, calls[1][1].retryAfterMs], ["POST", 503, 2000]);
  });

  test("a request id that is not plain visible ASCII, or too long, is left out", async () => {
    for (const id of ["has space", "x".repeat(129), "ünï"]) {
      const { calls, hooks } = recorder();
      const seen = observer("namefi", hooks, SECRET);
      await observedGet(seen, async () => new Response("{}", { headers: { "x-request-id": encodeURI(id) === id ? id : "" } }));
      assert.equal(calls[1][1].requestId, undefined, id);
    }
  });

  test("a hook that throws or rejects is reported once to onError, or to the console", async () => {
    const { calls, hooks } = recorder();
    hooks.onRequest = () => {
      throw new Error("sync");
    };
    hooks.onRetry = async () => {
      throw new Error("async");
    };
    const seen = observer("capture", hooks, SECRET);
    seen.requested("GET", "https://a.example/", 1);
    seen.retrying("GET", "https://a.example/", 1, 10, "status", 503, undefined, undefined);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(calls, [
      ["onError", { provider: "capture", hook: "onRequest" }, "sync"],
      ["onError", { provider: "capture", hook: "onRetry" }, "async"],
    ]);
    const logged = [];
    const original = console.error;
    console.error = (...args) => logged.push(args);
    try {
      const alone = observer(
        "capture",
        {
          onRequest: hooks.onRequest,
          onError: () => {
            throw new Error("onError too");
          },
        },
        SECRET,
      );
      alone.requested("GET", "https://a.example/", 1);
      observer("capture", { onRequest: hooks.onRequest }, SECRET).requested("GET", "https://a.example/", 1);
    } finally {
      console.error = original;
    }
    assert.deepEqual(
      logged.map(([line, error]) => [line, error.message]),
      [
        ["web3-orders: the onRequest hook failed; the call went on.", "onError too"],
        ["web3-orders: the onRequest hook failed; the call went on.", "sync"],
      ],
    );
  });
});

describe("base URLs", () => {
  test("https, a bare host, loopback http; trailing slashes dropped", () => {
    assert.deepEqual(checkBaseUrl("https://hub.example.com/"), { url: "https://hub.example.com" });
    assert.deepEqual(checkBaseUrl("hub.example.com/api//"), { url: "https://hub.example.com/api" });
    assert.deepEqual(checkBaseUrl("http://127.0.0.1:8790/v-next"), { url: "http://127.0.0.1:8790/v-next" });
    assert.deepEqual(checkBaseUrl("http://localhost:1"), { url: "http://localhost:1" });
    assert.deepEqual(checkBaseUrl("http://[::1]:2/"), { url: "http://[::1]:2" });
  });
  test("refused, saying why", () => {
    for (const [raw, why] of [
      ["http://hub.example.com", /must use https/],
      ["http://127.0.0.1.example.com", /must use https/],
      ["https://user:pw@hub.example.com", /must not carry credentials/],
      ["https://hub.example.com/?a=1", /query or fragment/],
      ["https://hub.example.com/#x", /query or fragment/],
      ["ftp://hub.example.com", /must be an http\(s\) URL/],
      ["https://", /not a valid URL/],
    ]) {
      assert.match(checkBaseUrl(raw).refused ?? "", why, raw);
    }
  });
});

describe("a wait's pacing", () => {
  test("the interval's floor is raised by Retry-After and by the rate limit", () => {
    assert.equal(paceAfter({}), 0);
    assert.equal(paceAfter({ retryAfterMs: 1500 }), 1500);
    assert.equal(paceAfter({ rateLimit: { limit: 60, remaining: 59, resetMs: 59_000 } }), 1000, "an even share of the window");
    assert.equal(paceAfter({ rateLimit: { limit: 60, remaining: 0, resetMs: 4000 } }), 4250, "all of it and a margin");
    assert.equal(paceAfter({ retryAfterMs: 9000, rateLimit: { remaining: 3, resetMs: 3000 } }), 9000);
    assert.equal(paceAfter({ rateLimit: { limit: 60 } }), 0, "partial figures say nothing");
    assert.equal(paceAfter({ retryAfterMs: 1e12 }), 2_147_483_647, "a timer's longest");
  });
});
