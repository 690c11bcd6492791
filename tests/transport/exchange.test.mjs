// The transport's JS helper on its own: one attempt against an injected fetch,
// every way it can end. The Rust side that reads these endings is tested in
// wasm against the simulator (tests/web).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ENDED, exchange } from "../../src/transport/exchange.js";

const URL = "https://api.example/orders/1";
const CAP = 1024;

// Calls exchange with an injected fetch; the rest as a GET with a bearer.
function send(fetch, { body, timeoutMs = 1000, signal, cap = CAP } = {}) {
  return exchange(fetch, URL, "authorization", "Bearer secret", body, timeoutMs, signal, cap);
}

// An OK outcome's body as text, after checking `size` counts its chunks.
function text(outcome) {
  assert.equal(
    outcome.size,
    outcome.chunks.reduce((sum, chunk) => sum + chunk.length, 0),
  );
  return new TextDecoder().decode(Buffer.concat(outcome.chunks));
}

function reply(text, init) {
  return async () => new Response(text, init);
}

// A body that streams `chunks` and then waits forever (or ends when `end`).
function streamed(chunks, { end = true } = {}) {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (end) controller.close();
    },
  });
}

test("the endings are distinct small numbers, frozen", () => {
  const codes = Object.values(ENDED);
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(codes.every((code) => Number.isInteger(code) && code >= 0));
  assert.ok(Object.isFrozen(ENDED));
});

describe("the request", () => {
  test("a GET sends the credential header and asks for JSON, redirects left manual", async () => {
    let seen;
    const outcome = await send(async (url, init) => {
      seen = { url, init };
      return new Response("{}");
    });
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(seen.url, URL);
    assert.equal(seen.init.method, "GET");
    assert.equal(seen.init.redirect, "manual");
    assert.deepEqual(seen.init.headers, { authorization: "Bearer secret", accept: "application/json" });
    assert.equal(seen.init.body, undefined);
    assert.ok(seen.init.signal instanceof AbortSignal);
  });

  test("a POST sends its JSON body with a content type", async () => {
    let seen;
    await send(
      async (_url, init) => {
        seen = init;
        return new Response("{}");
      },
      { body: '{"a":1}' },
    );
    assert.equal(seen.method, "POST");
    assert.equal(seen.body, '{"a":1}');
    assert.equal(seen.headers["content-type"], "application/json");
  });
});

describe("a reply", () => {
  test("comes back with its status and every byte", async () => {
    const outcome = await send(reply('{"ok":true}', { status: 201 }));
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(outcome.status, 201);
    assert.equal(text(outcome), '{"ok":true}');
    assert.equal(outcome.timedOut, false);
  });

  test("comes back as the chunks it came in, for Rust to copy once", async () => {
    const parts = ["[1,", "2,", "3]"].map((p) => new TextEncoder().encode(p));
    const outcome = await send(async () => new Response(streamed(parts)));
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(outcome.chunks.length, 3);
    assert.equal(text(outcome), "[1,2,3]");
  });

  test("takes a chunk that lies about its length by its bytes", async () => {
    class Liar extends Uint8Array {
      get length() {
        return 1_000;
      }
    }
    const outcome = await send(async () => new Response(streamed([Liar.from(new TextEncoder().encode("[7]"))])));
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(Object.getPrototypeOf(outcome.chunks[0]), Uint8Array.prototype);
    assert.equal(text(outcome), "[7]");
  });

  test("without a body is empty", async () => {
    const outcome = await send(async () => new Response(null, { status: 204 }));
    assert.equal(outcome.ended, ENDED.OK);
    assert.deepEqual(outcome.chunks, []);
    assert.equal(outcome.size, 0);
  });

  test("from a polyfill without a stream is read once when Content-Length bounds it", async () => {
    const polyfill = {
      status: 200,
      headers: new Headers({ "content-length": "2" }),
      body: undefined,
      arrayBuffer: async () => new TextEncoder().encode("{}").buffer,
    };
    const outcome = await send(async () => polyfill);
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(text(outcome), "{}");
  });

  test("from a polyfill with neither a stream nor a plain length is cut off", async () => {
    const polyfill = { status: 200, headers: new Headers({ "content-encoding": "gzip", "content-length": "2" }), body: {} };
    const outcome = await send(async () => polyfill);
    assert.equal(outcome.ended, ENDED.BODY_CUT_OFF);
    assert.match(outcome.error.message, /not a readable stream/);
  });

  test("reports Retry-After only on an error status", async () => {
    const ok = await send(reply("{}", { status: 200, headers: { "retry-after": "5" } }));
    assert.equal(ok.retryAfter, null);
    const busy = await send(reply("{}", { status: 503, headers: { "retry-after": "5" } }));
    assert.equal(busy.retryAfter, "5");
  });

  test("takes RateLimit-Reset as the wait once the quota is spent", async () => {
    const limited = await send(reply("{}", { status: 429, headers: { "ratelimit-reset": "7" } }));
    assert.equal(limited.retryAfter, "7");
    const spent = await send(reply("{}", { status: 403, headers: { "ratelimit-remaining": " 0 ", "ratelimit-reset": "9" } }));
    assert.equal(spent.retryAfter, "9");
    const left = await send(reply("{}", { status: 403, headers: { "ratelimit-remaining": "3", "ratelimit-reset": "9" } }));
    assert.equal(left.retryAfter, null);
  });
});

describe("the size cap", () => {
  test("refuses a declared Content-Length over the cap before reading", async () => {
    let read = false;
    // No high-water mark: nothing is pulled until someone reads.
    const body = new ReadableStream(
      {
        pull() {
          read = true;
        },
      },
      { highWaterMark: 0 },
    );
    const outcome = await send(async () => new Response(body, { headers: { "content-length": String(CAP + 1) } }));
    assert.equal(outcome.ended, ENDED.TOO_LARGE);
    assert.equal(read, false);
  });

  test("stops a stream the moment it passes the cap, and cancels it", async () => {
    let cancelled = false;
    const body = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(400));
      },
      cancel() {
        cancelled = true;
      },
    });
    const outcome = await send(async () => new Response(body));
    assert.equal(outcome.ended, ENDED.TOO_LARGE);
    assert.equal(cancelled, true);
  });

  test("allows exactly the cap", async () => {
    const outcome = await send(reply(new Uint8Array(CAP)));
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(outcome.size, CAP);
  });

  test("refuses a chunk that is not bytes", async () => {
    const outcome = await send(async () => new Response(streamed(["text"])));
    assert.equal(outcome.ended, ENDED.BODY_CUT_OFF);
  });
});

describe("redirects", () => {
  test("a 3xx ends the attempt with its status", async () => {
    const outcome = await send(async () => new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } }));
    assert.deepEqual([outcome.ended, outcome.status], [ENDED.REDIRECT, 302]);
  });

  test("an opaque redirect, whose status is hidden, has status 0", async () => {
    const outcome = await send(async () => ({ type: "opaqueredirect", status: 0, headers: new Headers() }));
    assert.deepEqual([outcome.ended, outcome.status], [ENDED.REDIRECT, 0]);
  });
});

describe("a fetch that misbehaves", () => {
  test("throwing synchronously", async () => {
    const error = new Error("boom");
    const outcome = await send(() => {
      throw error;
    });
    assert.equal(outcome.ended, ENDED.INJECTED_THREW);
    assert.equal(outcome.error, error);
  });

  test("returning something that is not a promise", async () => {
    const outcome = await send(() => new Response("{}"));
    assert.equal(outcome.ended, ENDED.NOT_A_PROMISE);
  });

  test("rejecting", async () => {
    const outcome = await send(async () => {
      throw new TypeError("fetch failed");
    });
    assert.equal(outcome.ended, ENDED.FETCH_FAILED);
    assert.equal(outcome.error.message, "fetch failed");
  });

  test("resolving to something that is not a Response", async () => {
    // A status no HTTP reply has, too: read as a u16 it would become some other status.
    const statuses = [NaN, Infinity, -1, 200.5, 1e9, 65736].map((status) => ({ status, body: streamed([]) }));
    for (const value of [undefined, null, 42, {}, { status: "200" }, ...statuses]) {
      const outcome = await send(async () => value);
      assert.equal(outcome.ended, ENDED.NOT_A_RESPONSE, `for ${JSON.stringify(value)}`);
    }
  });

  test("a Response whose status getter throws", async () => {
    const hostile = {
      get status() {
        throw new Error("no");
      },
    };
    const outcome = await send(async () => hostile);
    assert.equal(outcome.ended, ENDED.NOT_A_RESPONSE);
  });

  test("a type getter that throws reads as absent", async () => {
    const hostile = {
      status: 200,
      get type() {
        throw new Error("no");
      },
      body: streamed([new Uint8Array([123, 125])]),
    };
    const outcome = await send(async () => hostile);
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(text(outcome), "{}");
  });

  test("headers that throw read as absent", async () => {
    const hostile = {
      status: 503,
      headers: {
        get() {
          throw new Error("no");
        },
      },
      body: streamed([new Uint8Array([123, 125])]),
    };
    const outcome = await send(async () => hostile);
    assert.equal(outcome.ended, ENDED.OK);
    assert.equal(outcome.retryAfter, null);
  });
});

describe("deadlines and aborts", () => {
  test("a fetch that never settles and ignores its signal ends at the deadline", async () => {
    const outcome = await send(() => new Promise(() => {}), { timeoutMs: 30 });
    assert.equal(outcome.ended, ENDED.FETCH_FAILED);
    assert.equal(outcome.timedOut, true);
  });

  test("a body that stalls ends at the deadline, its reader cancelled", async () => {
    let cancelled = false;
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
      },
      cancel() {
        cancelled = true;
      },
    });
    const outcome = await send(async () => new Response(body), { timeoutMs: 30 });
    assert.equal(outcome.ended, ENDED.BODY_CUT_OFF);
    assert.equal(outcome.timedOut, true);
    assert.equal(cancelled, true);
  });

  test("the deadline aborts the signal the fetch was given", async () => {
    let signal;
    await send(
      (_url, init) => {
        signal = init.signal;
        return new Promise(() => {});
      },
      { timeoutMs: 20 },
    );
    assert.equal(signal.aborted, true);
  });

  test("the caller's signal stops the attempt, and is unhooked after", async () => {
    const caller = new AbortController();
    let listeners = 0;
    const add = caller.signal.addEventListener.bind(caller.signal);
    const remove = caller.signal.removeEventListener.bind(caller.signal);
    caller.signal.addEventListener = (...args) => {
      listeners++;
      add(...args);
    };
    caller.signal.removeEventListener = (...args) => {
      listeners--;
      remove(...args);
    };
    setTimeout(() => caller.abort(), 20);
    const outcome = await send(() => new Promise(() => {}), { timeoutMs: 10_000, signal: caller.signal });
    assert.equal(outcome.ended, ENDED.FETCH_FAILED);
    assert.equal(listeners, 0);
  });

  test("a caller's signal already aborted stops the attempt at once", async () => {
    const caller = new AbortController();
    caller.abort();
    const started = Date.now();
    const outcome = await send(() => new Promise(() => {}), { timeoutMs: 10_000, signal: caller.signal });
    assert.equal(outcome.ended, ENDED.FETCH_FAILED);
    assert.ok(Date.now() - started < 5_000);
  });

  test("a late rejection of a stopped request is not left unhandled", async () => {
    let reject;
    const unhandled = [];
    const onUnhandled = (reason) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const outcome = await send(
        () =>
          new Promise((_resolve, r) => {
            reject = r;
          }),
        { timeoutMs: 10 },
      );
      assert.equal(outcome.ended, ENDED.FETCH_FAILED);
      reject(new Error("late"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("no timer outlives a finished attempt", async () => {
    const cleared = [];
    const realClear = globalThis.clearTimeout;
    globalThis.clearTimeout = (handle) => {
      cleared.push(handle);
      realClear(handle);
    };
    try {
      await send(reply("{}"), { timeoutMs: 60_000 });
    } finally {
      globalThis.clearTimeout = realClear;
    }
    assert.equal(cleared.length, 1);
  });
});
