// One attempt, from `fetch` to the last body byte, as one promise: the
// deadline, the request, the status and the capped body read cost one await
// and a handful of boundary crossings, where driving each step from Rust cost
// three awaits and ~30 crossings. What happens next (retries, redirects,
// errors) is decided in Rust (src/transport/mod.rs) from the ending.

// How an attempt ended. This is the only list: build.rs turns it into the
// Rust constants `transport::ended::*`, and an ending Rust does not know is an
// error there, never a guess.
export const ENDED = Object.freeze({
  OK: 0,
  INJECTED_THREW: 1,
  NOT_A_PROMISE: 2,
  FETCH_FAILED: 3,
  NOT_A_RESPONSE: 4,
  REDIRECT: 5,
  TOO_LARGE: 6,
  BODY_CUT_OFF: 7,
});

// What a stopped race resolves to.
const STOPPED = Symbol("stopped");

// Node's undici implements arrayBuffer() in JS over the body stream, and costs
// more than reading that stream here (~15 µs of a small call); in workerd and
// browsers it is one native call (in workerd ~35 µs of CPU less per small
// lookup, and one chunk for Rust to copy: docs/performance.md). Node 20 has
// no navigator; later Nodes say "Node.js".
const NATIVE_ARRAY_BUFFER = globalThis.navigator?.userAgent !== undefined && !navigator.userAgent.startsWith("Node.js");

// Sends one request and reads its body, never past `cap` bytes nor past
// `timeoutMs`, and never after the caller's signal aborts. Resolves (never
// rejects) to `{ ended, status?, retryAfter?, chunks?, size?, error?, timedOut, callerStopped, seen? }`:
// the body as the chunks it came in, which `copyBody` writes straight into wasm
// memory (joining them here first would cost a second copy of a big reply).
// Headers have few shapes (every API here takes one credential header and
// answers JSON; a POST sends JSON): nothing to split or copy per call.
// `observer` (or undefined) is told of the request; `seen` is what its
// `responded` reports once Rust has read the reply.
export async function exchange(injected, url, credentialHeader, credential, body, timeoutMs, caller, cap, observer, attempt) {
  const seen = observer?.requested(body === undefined ? "GET" : "POST", url, attempt);
  const controller = new AbortController();
  // Settles when the attempt must end, whatever the fetch does with
  // `init.signal` (a wrapper may drop it, a fetch may never settle): every
  // await below races it.
  let stop;
  const stopped = new Promise((resolve) => {
    stop = resolve;
  });
  const abort = () => {
    controller.abort();
    stop(STOPPED);
  };
  const timer = setTimeout(abort, timeoutMs);
  let callerStopped = false;
  const callerAbort = () => {
    callerStopped = true;
    abort();
  };
  if (caller) {
    // The abort event does not fire again for a signal already aborted. A
    // signal that throws when read or listened to counts as aborted.
    try {
      if (caller.aborted) callerAbort();
      caller.addEventListener("abort", callerAbort);
    } catch {
      callerAbort();
    }
  }
  // A plain init object: no Request or Headers objects, most of a call's cost in Node.
  const init =
    body === undefined
      ? {
          method: "GET",
          redirect: "manual",
          signal: controller.signal,
          headers: { [credentialHeader]: credential, accept: "application/json" },
        }
      : {
          method: "POST",
          redirect: "manual",
          signal: controller.signal,
          headers: { [credentialHeader]: credential, accept: "application/json", "content-type": "application/json" },
          body,
        };
  let outcome;
  try {
    outcome = await send(injected, url, init, cap, stopped, observer, seen);
  } finally {
    clearTimeout(timer);
    try {
      caller?.removeEventListener("abort", callerAbort);
    } catch {}
  }
  outcome.timedOut = controller.signal.aborted;
  outcome.callerStopped = callerStopped;
  if (seen) {
    seen.durationMs = performance.now() - seen.started;
    outcome.seen = seen;
  }
  return outcome;
}

async function send(injected, url, init, cap, stopped, observer, seen) {
  let pending;
  try {
    pending = injected === undefined ? fetch(url, init) : injected(url, init);
  } catch (error) {
    return { ended: injected === undefined ? ENDED.FETCH_FAILED : ENDED.INJECTED_THREW, error };
  }
  if (injected !== undefined && !(pending instanceof Promise)) return { ended: ENDED.NOT_A_PROMISE };
  // Racing also handles a late rejection of a request left behind.
  let response;
  try {
    response = await Promise.race([pending, stopped]);
  } catch (error) {
    return { ended: ENDED.FETCH_FAILED, error };
  }
  if (response === STOPPED) return { ended: ENDED.FETCH_FAILED, error: new Error("the attempt was stopped") };
  // Duck-typed: a fetch polyfill's Response is not an instance of the global class.
  let status;
  try {
    status = response.status;
  } catch {}
  // Rust reads it as a u16: a status no HTTP reply has would become another one.
  if (!Number.isInteger(status) || status < 0 || status > 999) return { ended: ENDED.NOT_A_RESPONSE };
  const header = (name) => {
    try {
      return response.headers.get(name);
    } catch {
      return null;
    }
  };
  if (seen) observer.headers(seen, status, header);
  // Status 0: an opaque redirect, whose status is hidden. A getter that
  // throws reads as absent, as the headers do.
  let type;
  try {
    type = response.type;
  } catch {}
  if (type === "opaqueredirect") return { ended: ENDED.REDIRECT, status: 0 };
  if (status >= 300 && status < 400) return { ended: ENDED.REDIRECT, status };
  // Only error replies are retried or report a wait. Without Retry-After, a
  // rate limiter's RateLimit-Reset (seconds) is the wait once the quota is spent.
  let retryAfter = status >= 400 ? header("retry-after") : null;
  if (retryAfter === null && (status === 429 || (status >= 400 && header("ratelimit-remaining")?.trim() === "0"))) {
    retryAfter = header("ratelimit-reset");
  }
  const lengthText = header("content-length");
  const length = lengthText !== null && /^\s*\d+\s*$/.test(lengthText) ? Number(lengthText) : undefined;
  if (length !== undefined && length > cap) return { ended: ENDED.TOO_LARGE };
  let body;
  try {
    body = await readBody(response, length, header("content-encoding"), cap, stopped);
  } catch (error) {
    return { ended: ENDED.BODY_CUT_OFF, error };
  }
  if (body === undefined || body.size > cap) return { ended: ENDED.TOO_LARGE };
  return { ended: ENDED.OK, status, retryAfter, chunks: body.chunks, size: body.size };
}

// Copies an OK attempt's body into `into`, a view of wasm memory `size` bytes long.
export function copyBody(attempt, into) {
  let at = 0;
  for (const chunk of attempt.chunks) {
    into.set(chunk, at);
    at += chunk.length;
  }
}

// One chunk, the whole body.
function whole(buffer) {
  const bytes = new Uint8Array(buffer);
  return { chunks: [bytes], size: bytes.length };
}

// The whole body as `{ chunks, size }`, or undefined once it grows past `cap`;
// throws when it cannot be read to its end.
async function readBody(response, length, encoding, cap, stopped) {
  const stream = response.body;
  // A plain Content-Length within the cap (checked before this): fetch
  // delivers no more than that, so one read is safe.
  if (NATIVE_ARRAY_BUFFER && length !== undefined && !encoded(encoding) && typeof response.arrayBuffer === "function") {
    const buffer = await Promise.race([response.arrayBuffer(), stopped]);
    if (buffer === STOPPED) throw new Error("the attempt was stopped");
    return whole(buffer);
  }
  if (stream && typeof stream.getReader === "function") {
    // Read with the cap: without a Content-Length, with a Content-Encoding
    // (the length counts compressed bytes), and in Node (see NATIVE_ARRAY_BUFFER).
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const read = await Promise.race([reader.read(), stopped]);
      if (read === STOPPED) {
        reader.cancel().catch(() => {});
        throw new Error("the attempt was stopped");
      }
      const { done, value } = read;
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError("unreadable body chunk");
      // A subclass could report another `length` than its bytes; its bytes, copied, cannot.
      const chunk = Object.getPrototypeOf(value) === Uint8Array.prototype ? value : new Uint8Array(value);
      size += chunk.length;
      if (size > cap) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(chunk);
    }
    return { chunks, size };
  }
  if (length !== undefined && !encoded(encoding)) {
    // A fetch polyfill's own body type: fetch delivers no more than
    // Content-Length, so one read is safe.
    const buffer = await Promise.race([response.arrayBuffer(), stopped]);
    if (buffer === STOPPED) throw new Error("the attempt was stopped");
    return whole(buffer);
  }
  if (!stream) return { chunks: [], size: 0 };
  throw new TypeError("the body is not a readable stream and no plain Content-Length bounds it");
}

function encoded(encoding) {
  return encoding !== null && encoding.trim().toLowerCase() !== "identity";
}
