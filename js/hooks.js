// The caller's hooks for logging and metrics: `onRequest`, `onResponse` and
// `onRetry`, each called with a new plain object that holds nothing secret
// (no header values; a field that would quote the credential reads
// "[redacted]"), and `onError`, told when one of them throws. A hook never
// breaks the call: what it throws, or its promise rejects with, is reported
// once, to `onError` when given, else to the console.

const HOOKS = ["onRequest", "onResponse", "onRetry", "onError"];
// A request id worth passing on: visible ASCII, not too long.
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;
const LEADING_INTEGER = /^\s*(\d{1,15})(?!\d)/;

// The hooks among `options` as an observer, or undefined when none is given.
// Throws a TypeError with a message for a hook that is not a function or
// cannot be read (its getter throws: refused, as every such option is).
export function observer(provider, options, credential) {
  let hooks;
  for (const name of HOOKS) {
    let hook;
    try {
      hook = options[name];
    } catch {
      throw new TypeError(`${provider}: ${name} could not be read (reading it threw)`);
    }
    if (hook === undefined) continue;
    if (typeof hook !== "function") throw new TypeError(`${provider}: ${name} must be a function`);
    hooks ??= {};
    hooks[name] = hook;
  }
  return hooks && new Observer(provider, hooks, credential);
}

class Observer {
  constructor(provider, hooks, credential) {
    this.provider = provider;
    this.hooks = hooks;
    this.credential = credential;
  }

  // Before an attempt is sent; returns what the attempt fills in.
  requested(method, url, attempt) {
    const seen = { method, url: this.clean(url), attempt, started: performance.now() };
    this.call("onRequest", { provider: this.provider, method, url: seen.url, attempt });
    return seen;
  }

  // What the transport reads off each reply, and only when someone listens.
  headers(seen, status, header) {
    seen.status = status;
    const limit = integer(header("ratelimit-limit"));
    const remaining = integer(header("ratelimit-remaining"));
    const reset = integer(header("ratelimit-reset"));
    if (limit !== undefined || remaining !== undefined || reset !== undefined) {
      seen.rateLimit = { limit, remaining, resetMs: reset === undefined ? undefined : reset * 1000 };
    }
    const id = header("x-request-id") ?? header("cf-ray");
    if (id !== null && REQUEST_ID.test(id)) seen.requestId = this.clean(id);
  }

  // After a reply arrived (any status), with the Retry-After Rust read from it.
  responded(seen, retryAfterMs) {
    if (seen === undefined || seen.status === undefined) return;
    const info = {
      provider: this.provider,
      method: seen.method,
      url: seen.url,
      attempt: seen.attempt,
      status: seen.status,
      durationMs: seen.durationMs,
    };
    if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
    if (seen.rateLimit) info.rateLimit = { ...seen.rateLimit };
    if (seen.requestId !== undefined) info.requestId = seen.requestId;
    this.call("onResponse", info);
  }

  // Before the wait that precedes attempt `attempt + 1`.
  retrying(method, url, attempt, delayMs, reason, status, retryAfterMs, message) {
    const info = { provider: this.provider, method, url: this.clean(url), attempt, delayMs, reason };
    if (status !== undefined) info.status = status;
    if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
    if (message !== undefined) info.message = this.clean(message);
    this.call("onRetry", info);
  }

  call(name, info) {
    const hook = this.hooks[name];
    if (hook !== undefined) callHook(hook, info, this.hooks.onError, this.provider, name);
  }

  // A value from the URL or the reply that holds the credential is not shown at all.
  clean(text) {
    return this.credential !== "" && text.includes(this.credential) ? "[redacted]" : text;
  }
}

// Reports, once, that the hook named `hook` threw or rejected with `error`:
// to `onError` (a function or undefined), else (or when it fails too) to the console.
export function hookFailed(onError, provider, hook, error) {
  const report = (reason) => console.error(`web3-orders: the ${hook} hook failed; the call went on.`, reason);
  if (onError === undefined) return report(error);
  try {
    settle(onError(error, { provider, hook }), report);
  } catch (thrown) {
    report(thrown);
  }
}

// Calls `hook(info)`; what it throws or rejects with goes to `hookFailed`.
export function callHook(hook, info, onError, provider, name) {
  try {
    settle(hook(info), (error) => hookFailed(onError, provider, name, error));
  } catch (error) {
    hookFailed(onError, provider, name, error);
  }
}

// A hook's promise that rejects is a failure like a throw.
function settle(value, onRejected) {
  if (value !== null && typeof value === "object" && typeof value.then === "function") {
    try {
      value.then(undefined, onRejected);
    } catch (error) {
      onRejected(error);
    }
  }
}

function integer(text) {
  const match = text === null ? null : LEADING_INTEGER.exec(text);
  return match ? Number(match[1]) : undefined;
}
