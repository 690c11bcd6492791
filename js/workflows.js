// What users otherwise write by hand on top of the calls: waiting for an order
// to settle, and reading many License.rocks orders as a stream. Built from the
// package's own calls, so every poll and batch is checked, retried, bounded and
// observed (hooks) as a single call is. The entries in this folder bind it to
// their runtime's wasm with `workflows(api, ready)`.

import { isOrderApiError, orderApiError } from "./errors.js";
import { callHook } from "./hooks.js";
import { ITERATION, SETTLING, WAIT } from "./spec.js";

// Options a wait reads itself; every other option goes to each poll.
const WAIT_OPTIONS = ["until", "intervalMs", "timeoutMs", "pollTimeoutMs", "onUpdate"];

/**
 * The workflows over `api` (the wasm exports); `ready()` is awaited before the
 * first use of the wasm (the browser entry loads it lazily).
 */
export function workflows(api, ready) {
  return {
    waitForNamefiOrder: (orderId, options) => waitFor("namefi", api.getNamefiOrder, ready, orderId, options),
    waitForCaptureOrder: (orderId, options) => waitFor("capture", api.queryCaptureOrder, ready, orderId, options),
    iterExternalOrders: (ids, options) => iterate(api, ready, ids, options),
  };
}

// ---------------------------------------------------------------- waits

async function waitFor(provider, get, ready, orderId, options) {
  await ready();
  // Options that are not an object: the call's own check says what it wants.
  if (options === null || typeof options !== "object" || isArray(provider, options)) return get(orderId, options);
  const plan = waitPlan(provider, options);
  const { signal } = plan;
  const started = Date.now();
  const deadline = started + plan.timeoutMs;
  // One controller for the polls and the pauses: it aborts at the deadline or with the caller's signal.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, plan.timeoutMs);
  const abort = () => controller.abort();
  follow(signal, abort);
  let status;
  let lastError;
  const ended = () => {
    const last = status === undefined ? "no status was read" : `last status ${status}`;
    if (timedOut) {
      const why = lastError === undefined ? "" : `; the last poll failed: ${lastError.message}`;
      return orderApiError(provider, "timeout", `${provider}: the wait timed out after ${plan.timeoutMs} ms (${last})${why}`, true);
    }
    return orderApiError(provider, "aborted", `${provider}: the wait was aborted by its signal (${last})`, false);
  };
  try {
    for (;;) {
      if (controller.signal.aborted || hasAborted(signal)) throw ended();
      // What the replies ask of the next poll: Retry-After and the rate limiter's figures.
      let pace = 0;
      const poll = {
        ...plan.poll,
        signal: controller.signal,
        timeoutMs: Math.max(1, Math.min(plan.pollTimeoutMs, deadline - Date.now())),
        onResponse: (info) => {
          pace = Math.max(pace, paceAfter(info));
          return plan.onResponse?.(info);
        },
      };
      let details;
      try {
        details = await get(orderId, poll);
      } catch (error) {
        if (controller.signal.aborted) throw ended();
        if (!isOrderApiError(error) || !error.retryable) throw error;
        lastError = error;
        pace = Math.max(pace, error.retryAfterMs ?? 0);
      }
      if (details !== undefined) {
        lastError = undefined;
        const now = statusOf(details, SETTLING[provider].statusAt);
        if (now !== status) {
          status = now;
          if (plan.onUpdate) callHook(plan.onUpdate, details, plan.onError, provider, "onUpdate");
        }
        if (plan.until.includes(now)) return details;
      }
      const delay = Math.max(plan.intervalMs, pace);
      // No poll fits before the deadline: nothing can change the outcome now.
      if (Date.now() + delay >= deadline) {
        timedOut = true;
        throw ended();
      }
      await pause(delay, controller.signal);
    }
  } finally {
    clearTimeout(timer);
    unfollow(signal, abort);
  }
}

// A wait's checked options: its own, and those every poll is given.
function waitPlan(provider, options) {
  const invalid = (message) => orderApiError(provider, "invalid_input", `${provider}: ${message}`, false);
  const poll = plainOptions(provider, options);
  const own = {};
  for (const key of WAIT_OPTIONS) {
    own[key] = poll[key];
    delete poll[key];
  }
  const settling = SETTLING[provider];
  const plan = {
    poll,
    until: settling.settled,
    intervalMs: milliseconds(invalid, "intervalMs", own.intervalMs, WAIT.intervalMs),
    timeoutMs: milliseconds(invalid, "timeoutMs", own.timeoutMs, WAIT.timeoutMs),
    pollTimeoutMs: milliseconds(invalid, "pollTimeoutMs", own.pollTimeoutMs, WAIT.pollTimeoutMs),
    onUpdate: hook(invalid, "onUpdate", own.onUpdate),
    onResponse: hook(invalid, "onResponse", poll.onResponse),
    onError: hook(invalid, "onError", poll.onError),
    signal: poll.signal,
  };
  if (own.until !== undefined) {
    const known = settling.statuses.join(", ");
    const until = arrayCopy(own.until, settling.statuses.length * 4);
    if (until === undefined || until.length === 0) throw invalid(`until must be a non-empty array of statuses (${known})`);
    until.forEach((status, index) => {
      if (!settling.statuses.includes(status)) throw invalid(`until[${index}] is not a status the ${provider} models know (${known})`);
    });
    plan.until = until;
  }
  const { signal } = plan;
  if (signal !== undefined && !isSignal(signal)) throw invalid("signal must be an AbortSignal");
  return plan;
}

// A plain copy of the caller's options, read once; an option whose getter
// throws is refused by name, as the calls refuse it.
function plainOptions(provider, options) {
  let keys;
  try {
    keys = Object.keys(options);
  } catch {
    throw unreadableOptions(provider);
  }
  const copy = {};
  for (const key of keys) {
    try {
      copy[key] = options[key];
    } catch {
      // Every option's name is a short identifier; any other key is unknown and not quoted back.
      const name = /^[A-Za-z]\w{0,63}$/.test(key) ? key : "an option";
      throw orderApiError(provider, "invalid_input", `${provider}: ${name} could not be read (reading it threw)`, false);
    }
  }
  return copy;
}

const unreadableOptions = (provider) =>
  orderApiError(provider, "invalid_input", `${provider}: options could not be read (reading them threw)`, false);

// `Array.isArray` throws for a revoked Proxy.
function isArray(provider, options) {
  try {
    return Array.isArray(options);
  } catch {
    throw unreadableOptions(provider);
  }
}

// A copy of an array of at most `max` items; undefined for anything else, an
// array whose items or length cannot be read included.
function arrayCopy(value, max) {
  try {
    return Array.isArray(value) && value.length <= max ? Array.from(value) : undefined;
  } catch {
    return undefined;
  }
}

function milliseconds(invalid, name, value, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > WAIT.maxMs) throw invalid(`${name} must be an integer from 1 to ${WAIT.maxMs}`);
  return value;
}

function hook(invalid, name, value) {
  if (value !== undefined && typeof value !== "function") throw invalid(`${name} must be a function`);
  return value;
}

// The caller's signal may be any object that looks like one, so reading it may
// throw; one that cannot be read or listened to counts as aborted, as in a call.
function hasAborted(signal) {
  try {
    return Boolean(signal?.aborted);
  } catch {
    return true;
  }
}

function follow(signal, abort) {
  if (signal === undefined) return;
  try {
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort);
  } catch {
    abort();
  }
}

function unfollow(signal, abort) {
  try {
    signal?.removeEventListener("abort", abort);
  } catch {}
}

function isSignal(value) {
  try {
    return (
      typeof value === "object" && value !== null && typeof value.aborted === "boolean" && typeof value.addEventListener === "function"
    );
  } catch {
    return false;
  }
}

// The pause a reply asks for before the next request: its Retry-After, or, from
// its rate limiter's figures, an even share of what is left of the window (all
// of it, and a margin, once nothing is left), so a wait never meets a 429.
export function paceAfter({ retryAfterMs, rateLimit }) {
  let pace = retryAfterMs ?? 0;
  const { remaining, resetMs } = rateLimit ?? {};
  if (remaining !== undefined && resetMs !== undefined) {
    pace = Math.max(pace, remaining > 0 ? resetMs / remaining : resetMs + WAIT.rateLimitMarginMs);
  }
  return Math.min(pace, WAIT.maxMs);
}

function statusOf(details, path) {
  let value = details;
  for (const key of path) value = value?.[key];
  return value;
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

// ---------------------------------------------------------------- iteration

// Read again after the wasm read it: a Proxy may throw the second time.
function idsLength(ids) {
  try {
    return ids.length;
  } catch {
    throw orderApiError("licenseRocks", "invalid_input", "licenseRocks: ids could not be read (the array threw)", false);
  }
}

async function* iterate(api, ready, ids, options) {
  await ready();
  // Every id and the options are checked before the first request, a part at
  // a time (a part is what the wasm copies); repeats across parts are dropped here.
  const distinct = new Set();
  let length = 0;
  let from = 0;
  do {
    for (const id of api.distinctExternalOrderIds(ids, from, options)) distinct.add(id);
    length = idsLength(ids);
    from += ITERATION.partIds;
  } while (from < length);
  if (distinct.size === 0) return;
  const order = [...distinct];
  distinct.clear();
  const batch = plainOptions("licenseRocks", options);
  // Checked above, with the options, by the wasm.
  const { signal } = batch;
  const controller = new AbortController();
  const abort = () => controller.abort();
  follow(signal, abort);
  batch.signal = controller.signal;
  const ahead = [];
  let next = 0;
  const fetchNext = () => {
    if (next >= order.length) return;
    const part = order.slice(next, next + ITERATION.batchIds);
    next += part.length;
    const pending = api.getExternalOrders(part, batch);
    // Read in turn below; until then a failure must not count as unhandled.
    pending.catch(() => {});
    ahead.push(pending);
  };
  try {
    for (let i = 0; i < ITERATION.batchesAhead; i++) fetchNext();
    while (ahead.length > 0) {
      const orders = await ahead.shift();
      fetchNext();
      // One at a time: a consumer that stops early leaves the rest unread.
      yield* orders;
    }
  } finally {
    // Leaving the loop (break, return, throw) cancels what is still in flight.
    controller.abort();
    unfollow(signal, abort);
  }
}
