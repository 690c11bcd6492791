// The workflows (waits, iteration) and the hooks, against the simulator over
// HTTP, written once and run unchanged in Node, Chromium and workerd
// (workflows.test.mjs). Only the platform's fetch and timers are used here.

import { scopeControl } from "../sim/control.mjs";

class ScenarioFailure extends Error {}
function check(condition, message) {
  if (!condition) throw new ScenarioFailure(message);
}
const same = (actual, expected, what) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), `${what}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ScenarioFailure("expected a rejection");
}

const namefiPath = (orderId) => `/v-next/orders/${orderId}`;
const at = (entry) => Date.parse(entry.at);
const BULK = 1_000_000;

// A revoked Proxy: even `Array.isArray` throws on it.
function revoked() {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
}

// `options` with `key` behind an enumerable getter that throws.
function getterThatThrows(options, key) {
  return Object.defineProperty({ ...options }, key, {
    enumerable: true,
    get() {
      throw new Error(`no ${key} for you`);
    },
  });
}

// A signal the options check accepts that then throws: its `aborted` from the
// second read on, or whenever it is listened to.
function signalThatThrows(on) {
  let reads = 0;
  return {
    get aborted() {
      if (on === "read" && reads++ > 0) throw new Error("no state for you");
      return false;
    },
    addEventListener() {
      if (on === "listen") throw new Error("no listeners for you");
    },
    removeEventListener() {
      throw new Error("no listeners for you");
    },
  };
}

const SCENARIOS = {
  async "a Namefi order settles over polls; onUpdate sees each status once"({ api, scope, creds }) {
    const statuses = ["CREATED", "PROCESSING", "PROCESSING", "SUCCEEDED"];
    const { orderId } = await scope.progression({ provider: "namefi", statuses });
    const updates = [];
    const details = await api.waitForNamefiOrder(orderId, {
      token: creds.namefiToken,
      baseUrl: `${scope.base}/v-next`,
      intervalMs: 10,
      onUpdate: (d) => updates.push(d.order.status),
    });
    same(details.order.status, "SUCCEEDED", "result");
    check(details.order.id === orderId && details.items.length === 2, "the full details");
    same(updates, ["CREATED", "PROCESSING", "SUCCEEDED"], "updates");
    same(
      (await scope.requests()).map((r) => [r.path, r.outcome]),
      statuses.map(() => [namefiPath(orderId), 200]),
      "polls",
    );
  },

  async "a failed Capture order is a result, not an error"({ api, scope, creds, secretOk }) {
    const { orderId } = await scope.progression({ provider: "capture", statuses: ["submitted", "paid", "failed"] });
    const updates = [];
    const order = await api.waitForCaptureOrder(orderId, {
      apiKey: creds.captureApiKey,
      baseUrl: scope.base,
      intervalMs: 10,
      onUpdate: (o) => updates.push(o.status),
      ...secretOk,
    });
    same([order.order_id, order.status], [orderId, "failed"], "result");
    same(updates, ["submitted", "paid", "failed"], "updates");
  },

  async "until chooses where the wait ends; a Capture order that completes has its result"({ api, scope, creds, secretOk }) {
    const namefi = await scope.progression({ provider: "namefi", statuses: ["CREATED", "PROCESSING", "SUCCEEDED"] });
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 10 };
    same((await api.waitForNamefiOrder(namefi.orderId, { ...options, until: ["PROCESSING"] })).order.status, "PROCESSING", "until");
    const capture = await scope.progression({ provider: "capture", statuses: ["paid", "completed"], everyMs: 100 });
    const order = await api.waitForCaptureOrder(capture.orderId, {
      apiKey: creds.captureApiKey,
      baseUrl: scope.base,
      intervalMs: 30,
      ...secretOk,
    });
    check(order.status === "completed" && typeof order.result_url === "string", "completed with a result");
    const bad = await rejection(api.waitForNamefiOrder(namefi.orderId, { ...options, until: ["succeeded"] }));
    same([bad.name, bad.kind, bad.retryable], ["OrderApiError", "invalid_input", false], "a status the models do not know");
    check(/until\[0\] is not a status/.test(bad.message), bad.message);
  },

  async "a wait ends at its timeoutMs with the last status, retryable"({ api, scope, creds, secretOk }) {
    const { orderId } = await scope.progression({ provider: "capture", statuses: ["paid"] });
    const started = Date.now();
    const options = { apiKey: creds.captureApiKey, baseUrl: scope.base, intervalMs: 50, timeoutMs: 400, ...secretOk };
    const error = await rejection(api.waitForCaptureOrder(orderId, options));
    const took = Date.now() - started;
    same([error.name, error.kind, error.provider, error.retryable], ["OrderApiError", "timeout", "capture", true], "error");
    check(/timed out after 400 ms \(last status paid\)/.test(error.message), error.message);
    check(took >= 300 && took < 2000, `ended after ${took} ms, near its 400 ms`);
    const polls = (await scope.requests()).length;
    check(polls >= 3 && polls <= 9, `${polls} polls in 400 ms at 50 ms`);
  },

  async "a wait that the rate limit would carry past its timeoutMs ends at once"({ api, scope, creds }) {
    // Namefi's 60 a minute: the next poll is a second away, past this wait's end.
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING"] });
    const started = Date.now();
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 10, timeoutMs: 500 };
    const error = await rejection(api.waitForNamefiOrder(orderId, options));
    same([error.kind, (await scope.requests()).length], ["timeout", 1], "one poll, then the timeout");
    check(Date.now() - started < 400, "without sleeping into it");
  },

  async "a wait's timeoutMs also bounds a poll that hangs"({ api, scope, creds }) {
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING"] });
    await scope.fault({ match: { path: namefiPath(orderId) }, delayMs: 5000 });
    const started = Date.now();
    const error = await rejection(
      api.waitForNamefiOrder(orderId, { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, timeoutMs: 300 }),
    );
    same(error.kind, "timeout", "kind");
    check(/no status was read/.test(error.message), error.message);
    check(Date.now() - started < 2000, "not the poll's own 10 s");
  },

  async "abort ends a wait while it pauses, and an aborted signal sends nothing"({ api, scope, creds, secretOk }) {
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING"] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 60_000 };
    const started = Date.now();
    const error = await rejection(api.waitForNamefiOrder(orderId, { ...options, signal: controller.signal }));
    same([error.kind, error.retryable], ["aborted", false], "error");
    check(/aborted by its signal \(last status PROCESSING\)/.test(error.message), error.message);
    check(Date.now() - started < 2000, "at once, not after the 60 s pause");
    const before = (await scope.requests()).length;
    same(before, 1, "one poll before the abort");
    same((await rejection(api.waitForNamefiOrder(orderId, { ...options, signal: controller.signal }))).kind, "aborted", "pre-aborted");
    same((await scope.requests()).length, before, "nothing sent with an aborted signal");
    const lrOptions = { apiToken: creds.licenseRocksApiToken, instanceUrl: scope.base, ...secretOk };
    for (const on of ["read", "listen"]) {
      const wait = await rejection(api.waitForNamefiOrder(orderId, { ...options, signal: signalThatThrows(on) }));
      same([wait.name, wait.kind], ["OrderApiError", "aborted"], `a wait's signal that throws on ${on}`);
      const iteration = await rejection(api.iterExternalOrders([1], { ...lrOptions, signal: signalThatThrows(on) }).next());
      same([iteration.name, iteration.kind], ["OrderApiError", "aborted"], `an iteration's signal that throws on ${on}`);
    }
    same((await scope.requests()).length, before, "nothing sent with a signal that throws");
  },

  async "a non-retryable error ends the wait with that error"({ api, scope, creds }) {
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 10 };
    const error = await rejection(api.waitForNamefiOrder("00000000-0000-4000-a000-000000000000", options));
    same([error.kind, error.code, error.status], ["api", "NOT_FOUND", 404], "error");
    same((await scope.requests()).length, 1, "one request");
    const bad = await rejection(api.waitForNamefiOrder("not-a-uuid", options));
    same(bad.kind, "invalid_input", "a bad id");
    const unreadable = new Proxy(["settled"], {
      get() {
        throw new Error("no items for you");
      },
    });
    for (const wrong of [
      { intervalMs: 0 },
      { timeoutMs: 1.5 },
      { pollTimeoutMs: "5" },
      { onUpdate: 1 },
      { until: [] },
      { signal: {} },
      { until: revoked() },
      { until: unreadable },
    ]) {
      const e = await rejection(api.waitForNamefiOrder("00000000-0000-4000-a000-000000000000", { ...options, ...wrong }));
      same([e.name, e.kind, e.provider], ["OrderApiError", "invalid_input", "namefi"], String(Object.keys(wrong)));
    }
    const e = await rejection(api.waitForNamefiOrder("00000000-0000-4000-a000-000000000000", revoked()));
    same(
      [e.name, e.kind, e.message],
      ["OrderApiError", "invalid_input", "namefi: options could not be read (reading them threw)"],
      "revoked options",
    );
    // Read as absent, a throwing fetch would mean a real request and a throwing
    // signal no cancellation: refused by name, the wait's own options too.
    for (const key of ["fetch", "signal", "token", "intervalMs", "onUpdate", "onResponse"]) {
      const e = await rejection(api.waitForNamefiOrder("00000000-0000-4000-a000-000000000000", getterThatThrows(options, key)));
      same([e.name, e.kind, e.message], ["OrderApiError", "invalid_input", `namefi: ${key} could not be read (reading it threw)`], key);
    }
    same((await scope.requests()).length, 1, "bad options send nothing");
  },

  async "a retryable failure does not end the wait: it polls again"({ api, scope, creds }) {
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING", "SUCCEEDED"] });
    await scope.fault({ match: { path: namefiPath(orderId) }, status: 503, times: 2 });
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 10, maxRetries: 0 };
    same((await api.waitForNamefiOrder(orderId, options)).order.status, "SUCCEEDED", "result");
    same(
      (await scope.requests()).map((r) => r.outcome),
      [503, 503, 200, 200],
      "outcomes",
    );
  },

  async "pacing: with the rate limit lowered, a wait never receives a 429"({ api, scope, creds }) {
    await scope.namefiRateLimit({ limit: 2, windowMs: 1000 });
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["CREATED", "PROCESSING", "PROCESSING", "SUCCEEDED"] });
    const paces = [];
    const details = await api.waitForNamefiOrder(orderId, {
      token: creds.namefiToken,
      baseUrl: `${scope.base}/v-next`,
      intervalMs: 10,
      onResponse: (info) => paces.push(info.rateLimit),
    });
    same(details.order.status, "SUCCEEDED", "result");
    const log = await scope.requests();
    same(
      log.map((r) => r.outcome),
      [200, 200, 200, 200],
      "no 429",
    );
    check(
      paces.every((p) => p.limit === 2),
      JSON.stringify(paces),
    );
  },

  async "a forced 429 with Retry-After is waited out as told"({ api, scope, creds }) {
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING", "SUCCEEDED"] });
    await scope.fault({ match: { path: namefiPath(orderId) }, retryAfter: 1 });
    const retries = [];
    const options = { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, intervalMs: 10 };
    // Within a poll, the transport waits; with no retries left, the wait does.
    for (const maxRetries of [2, 0]) {
      const { orderId: id } = maxRetries
        ? { orderId }
        : await scope.progression({ provider: "namefi", statuses: ["PROCESSING", "SUCCEEDED"] });
      if (!maxRetries) await scope.fault({ match: { path: namefiPath(id) }, retryAfter: 1 });
      const details = await api.waitForNamefiOrder(id, { ...options, maxRetries, onRetry: (r) => retries.push(r) });
      same(details.order.status, "SUCCEEDED", "result");
      const log = (await scope.requests()).filter((r) => r.path === namefiPath(id));
      same(
        log.map((r) => r.outcome),
        [429, 200, 200],
        "outcomes",
      );
      const gap = at(log[1]) - at(log[0]);
      check(gap >= 950, `waited ${gap} ms after Retry-After: 1 (maxRetries ${maxRetries})`);
    }
    same(
      retries.map((r) => [r.reason, r.status, r.retryAfterMs, r.delayMs]),
      [["status", 429, 1000, 1000]],
      "onRetry, told by the transport's own retry only",
    );
  },

  async "iteration: 20,000 ids with repeats yield each distinct order once, in first-asked order"({ api, scope, creds, secretOk }) {
    const ids = [];
    for (let i = 0; i < 20_000; i++) ids.push(i % 4 === 3 ? BULK + i - 3 : i % 2 ? String(BULK + i) : BULK + i);
    const options = { apiToken: creds.licenseRocksApiToken, instanceUrl: scope.base, ...secretOk };
    const wanted = [...new Set(ids.map(Number))];
    let n = 0;
    for await (const order of api.iterExternalOrders(ids, options)) {
      check(order.id === wanted[n], `order ${n} is ${order.id}, want ${wanted[n]}`);
      n++;
    }
    same(n, 15_000, "distinct orders");
    const log = await scope.requests();
    same(log.length, 150, "one request per 100 ids");
    check(
      log.every((r) => r.outcome === 200),
      "all answered",
    );
    let none = 0;
    for await (const _ of api.iterExternalOrders([], options)) none++;
    same([none, (await scope.requests()).length], [0, 150], "[] yields nothing and sends nothing");
  },

  async "iteration: bad ids are refused before any request, wherever they are"({ api, scope, creds, secretOk }) {
    const options = { apiToken: creds.licenseRocksApiToken, instanceUrl: scope.base, ...secretOk };
    const ids = Array.from({ length: 150_000 }, (_, i) => BULK + i);
    ids[123_456] = -1;
    const iterator = api.iterExternalOrders(ids, options);
    const error = await rejection(iterator.next());
    same([error.name, error.kind], ["OrderApiError", "invalid_input"], "error");
    check(/ids\[123456\]/.test(error.message), error.message);
    const unknown = await rejection(api.iterExternalOrders([1], { ...options, pageSize: 5 }).next());
    same(unknown.kind, "invalid_input", "an unknown option");
    for (const [ids, opts, needle] of [
      [revoked(), options, "ids could not be read"],
      [[1], revoked(), "options could not be read"],
      [[1], getterThatThrows(options, "fetch"), "licenseRocks: fetch could not be read (reading it threw)"],
      [[1], getterThatThrows(options, "signal"), "licenseRocks: signal could not be read (reading it threw)"],
    ]) {
      const e = await rejection(api.iterExternalOrders(ids, opts).next());
      same([e.name, e.kind], ["OrderApiError", "invalid_input"], needle);
      check(e.message.includes(needle), e.message);
    }
    same((await scope.requests()).length, 0, "nothing sent");
  },

  async "iteration: leaving the loop cancels the rest"({ api, scope, creds, secretOk }) {
    const ids = Array.from({ length: 5_000 }, (_, i) => BULK + i);
    await scope.fault({ match: { method: "GET" }, midBodyDelayMs: 300, times: 1000 });
    let n = 0;
    for await (const order of api.iterExternalOrders(ids, { apiToken: creds.licenseRocksApiToken, instanceUrl: scope.base, ...secretOk })) {
      check(order.id === BULK + n, "in order");
      if (++n === 150) {
        // Leave only once a batch asked for after the first three has reached
        // the server (it then stalls mid-body for 300 ms): left sooner, on a busy
        // machine, every later batch may be aborted before it is sent at all.
        for (let waited = 0; (await scope.requests()).length < 4 && waited < 2_000; waited += 10) await sleep(10);
        break;
      }
    }
    // 3 batches ahead from the start, one more as each of the 2 read is taken.
    await sleep(700);
    const log = await scope.requests();
    check(log.length <= 5, `${log.length} requests for 2 batches read, 3 ahead at most`);
    check(
      log.some((r) => r.clientClosed),
      `a batch in flight was cancelled: ${JSON.stringify(log.map((r) => r.clientClosed ?? false))}`,
    );
    await sleep(300);
    same((await scope.requests()).length, log.length, "no request after the break");
  },

  async "hooks: each attempt's fields, the retry and its reason, and no credential anywhere"({ api, scope, creds, secretOk }) {
    const calls = [];
    const hooks = {
      onRequest: (info) => calls.push(["request", info]),
      onResponse: (info) => calls.push(["response", info]),
      onRetry: (info) => calls.push(["retry", info]),
    };
    await scope.fault({ match: { method: "GET", path: "/v-next/" }, status: 503 });
    const seed = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
    await api.getNamefiOrder(seed, { token: creds.namefiToken, baseUrl: `${scope.base}/v-next`, ...hooks });
    const url = `${scope.base}/v-next/orders/${seed}`;
    same(
      calls.map(([hook, info]) => [hook, info.provider, info.method, info.url, info.attempt]),
      [
        ["request", "namefi", "GET", url, 1],
        ["response", "namefi", "GET", url, 1],
        ["retry", "namefi", "GET", url, 1],
        ["request", "namefi", "GET", url, 2],
        ["response", "namefi", "GET", url, 2],
      ],
      "the calls",
    );
    const [, first] = calls[1];
    const [, retry] = calls[2];
    const [, second] = calls[4];
    same([first.status, second.status], [503, 200], "statuses");
    check(typeof first.durationMs === "number" && first.durationMs >= 0, "a duration");
    same(second.rateLimit, { limit: 60, remaining: 59, resetMs: 60_000 }, "Namefi's RateLimit-* figures");
    check(/^[0-9a-f]{16}-SIM$/.test(second.requestId) && first.requestId !== second.requestId, "Cloudflare's ray id per reply");
    same([retry.reason, retry.status], ["status", 503], "why it retries");
    check(retry.delayMs > 0 && retry.delayMs < 1000, `a backoff delay, ${retry.delayMs}`);

    calls.length = 0;
    // Cut mid-body: a browser retries a reset before the status line on its own.
    await scope.fault({ match: { method: "GET", path: "/api/1.1/" }, truncate: "abort" });
    await api.queryCaptureOrder("59210ee0-1a4e-451c-b048-c493d9e001ff", {
      apiKey: creds.captureApiKey,
      baseUrl: scope.base,
      ...hooks,
      ...secretOk,
    });
    same(
      calls.map(([hook, info]) => [hook, info.attempt, info.status ?? info.reason]),
      [
        ["request", 1, undefined],
        ["response", 1, 200],
        ["retry", 1, "network"],
        ["request", 2, undefined],
        ["response", 2, 200],
      ],
      "a body cut off retried",
    );
    check(typeof calls[2][1].message === "string" && calls[2][1].status === undefined, "a network retry says what failed");

    calls.length = 0;
    const created = await api.createExternalOrders([{ nftId: 2001, listingId: 2001, quantity: 1, buyerUserId: 101 }], {
      apiToken: creds.licenseRocksApiToken,
      instanceUrl: scope.base,
      ...hooks,
      ...secretOk,
    });
    same(
      calls.map(([hook, info]) => [hook, info.provider, info.method, info.status, info.requestId, info.rateLimit]),
      [
        ["request", "licenseRocks", "POST", undefined, undefined, undefined],
        ["response", "licenseRocks", "POST", 200, undefined, undefined],
      ],
      "a create",
    );
    same(created.length, 1, "created");
    const everything = JSON.stringify(calls) + JSON.stringify(calls.map(([, info]) => Object.keys(info)));
    for (const secret of Object.values(creds)) check(!everything.includes(secret), "a credential in a hook's info");
  },

  async "hooks: one that throws or rejects does not break the call, and is reported once"({ api, scope, creds }) {
    const reported = [];
    const options = {
      token: creds.namefiToken,
      baseUrl: `${scope.base}/v-next`,
      onRequest: () => {
        throw new Error("logger down");
      },
      onResponse: () => Promise.reject(new Error("metrics down")),
      onError: (error, context) => reported.push([context.provider, context.hook, error.message]),
    };
    const details = await api.getNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", options);
    same(details.order.id, "497f6eca-6276-4993-bfeb-53cbbbba6f08", "the call went on");
    await sleep(10);
    same(
      reported,
      [
        ["namefi", "onRequest", "logger down"],
        ["namefi", "onResponse", "metrics down"],
      ],
      "reported once each",
    );
    const wrong = await rejection(api.getNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", { ...options, onRetry: "log" }));
    same([wrong.kind, wrong.message], ["invalid_input", "namefi: onRetry must be a function"], "a hook that is not a function");
    // onUpdate is a hook too.
    const { orderId } = await scope.progression({ provider: "namefi", statuses: ["PROCESSING", "SUCCEEDED"] });
    reported.length = 0;
    const waited = await api.waitForNamefiOrder(orderId, {
      token: creds.namefiToken,
      baseUrl: `${scope.base}/v-next`,
      intervalMs: 10,
      onUpdate: () => {
        throw new Error("ui gone");
      },
      onError: options.onError,
    });
    same(waited.order.status, "SUCCEEDED", "the wait went on");
    same(
      reported,
      [
        ["namefi", "onUpdate", "ui gone"],
        ["namefi", "onUpdate", "ui gone"],
      ],
      "once per update",
    );
  },
};

/** Every scenario's name. */
export const SCENARIO_NAMES = Object.keys(SCENARIOS);

/**
 * Runs the scenario `name` with `api` (the package's exports in this runtime)
 * in a fresh simulator scope; resolves to `{ ok }` or `{ ok: false, error }`.
 */
export async function runScenario(name, api, { simBase, creds, runtime }) {
  const scope = scopeControl(simBase, `wf-${runtime}-${Math.random().toString(36).slice(2, 10)}`);
  // A page may hold a secret only when it says so; the other runtimes are servers.
  const secretOk = runtime === "chromium" ? { dangerouslyAllowBrowser: true } : {};
  try {
    await SCENARIOS[name]({ api, scope, creds, secretOk });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `${error instanceof ScenarioFailure ? "" : "threw: "}${error?.stack ?? error}` };
  }
}
