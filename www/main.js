// The demo: Namefi through the package with the user's own token; Capture and
// License.rocks through the edge Worker, which holds their partner secrets.
// Each result is shown, or the error's fields.
import { getNamefiOrder, init, isOrderApiError, waitForNamefiOrder } from "/js/browser.js";
import { cards, errorPanel } from "/www/cards.js";

const $ = (id) => document.getElementById(id);
const config = await (await fetch("/config.json")).json();
const { simUrl, worker, credentials, examples } = config;
$("target").textContent = `the local simulator at ${simUrl}`;
$("worker-url").textContent = worker.url;

const defaults = {
  capture: { orderId: examples.captureOrderId, nid: examples.captureNid },
  namefi: { orderId: examples.namefiOrderId, token: credentials.namefiToken, baseUrl: `${simUrl}/v-next` },
  licenseRocks: { ids: examples.licenseRocksIds.join(",") },
  create: { nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 },
};
for (const [form, values] of Object.entries(defaults)) {
  for (const [name, value] of Object.entries(values)) $(form).elements[name].value = value;
}

// A call to the Worker: its JSON, or its `{error}` body thrown with the HTTP status.
async function viaWorker(path, init = {}) {
  const res = await fetch(`${worker.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${worker.accessToken}`, ...init.headers },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const { kind = "http", provider, code, message = `the Worker answered ${res.status}` } = body?.error ?? {};
    throw Object.assign(new Error(message), { kind, provider, status: res.status, code, retryAfter: res.headers.get("retry-after") });
  }
  return { body, replayed: res.headers.get("idempotent-replayed") === "true" };
}

// Shows what `promise` settles to, as cards of `kind`'s orders (and raw JSON);
// `note(value)`, when given, adds to the status line.
function show(kind, promise, note) {
  $("status").textContent = "…";
  $("status").className = "";
  const started = performance.now();
  promise.then(
    (value) => {
      $("status").textContent = `ok in ${Math.round(performance.now() - started)} ms${note ? `; ${note(value)}` : ""}`;
      $("status").className = "ok";
      $("result").textContent = JSON.stringify(value, null, 2);
      $("cards").replaceChildren(...cards(kind, value));
    },
    (error) => {
      $("status").textContent = error.kind ? `${error.kind} (${error.provider ?? "worker"})` : "error";
      $("status").className = "error";
      const { kind, provider, status, code, path, retryable, retryAfterMs } = error;
      $("result").textContent = JSON.stringify(
        { message: error.message, kind, provider, status, code, path, retryable, retryAfterMs },
        null,
        2,
      );
      $("cards").replaceChildren(errorPanel(error));
    },
  );
}

const fields = (form) => Object.fromEntries(new FormData(form));

$("capture").addEventListener("submit", (event) => {
  event.preventDefault();
  const { orderId, nid } = fields(event.target);
  show(
    "capture",
    viaWorker(`/v1/capture/orders/${encodeURIComponent(orderId)}?nid=${encodeURIComponent(nid)}`).then(({ body }) => body),
  );
});

$("namefi").addEventListener("submit", (event) => {
  event.preventDefault();
  const { orderId, token, baseUrl } = fields(event.target);
  show("namefi", getNamefiOrder(orderId, { token, baseUrl }));
});

// One key per draft of the new order: a second press resends the same key,
// and the Worker answers from its record instead of creating it again.
let idempotencyKey;
const newDraft = () => {
  idempotencyKey = crypto.randomUUID();
  $("idempotency-key").textContent = idempotencyKey;
};
newDraft();
$("create").addEventListener("input", newDraft);

$("licenseRocks").addEventListener("submit", (event) => {
  event.preventDefault();
  const ids = fields(event.target)
    .ids.split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  show(
    "licenseRocks",
    viaWorker(`/v1/license-rocks/orders?ids=${ids.map(encodeURIComponent).join(",")}`).then(({ body }) => body.orders),
  );
});

$("create").addEventListener("submit", (event) => {
  event.preventDefault();
  const { nftId, listingId, quantity, buyerUserId, ...address } = fields(event.target);
  // Numbers as typed (the Worker says which one is not a positive integer); only the address fields filled in.
  const order = { nftId: Number(nftId), listingId: Number(listingId), quantity: Number(quantity), buyerUserId: Number(buyerUserId) };
  const billing = Object.fromEntries(Object.entries(address).filter(([, value]) => value.trim() !== ""));
  if (Object.keys(billing).length) order.buyerBillingData = billing;
  let replayed;
  const created = viaWorker("/v1/license-rocks/orders", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify([order]),
  });
  show(
    "licenseRocks",
    created.then((answer) => {
      replayed = answer.replayed;
      return answer.body.orders;
    }),
    () => (replayed ? "replayed: the same key, so nothing was created again" : "created"),
  );
});

// A live wait: the simulator makes an order whose status moves in time (its
// progressions route), and the wait shows each status as it comes.
$("watch").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = event.target.querySelector("button");
  button.disabled = true;
  $("live-history").replaceChildren();
  $("live-status").textContent = "starting…";
  try {
    const res = await fetch(`${simUrl}/__sim/scopes/default/progressions`, {
      method: "POST",
      body: JSON.stringify({ provider: "namefi", statuses: ["CREATED", "PROCESSING", "PROCESSING", "SUCCEEDED"], everyMs: 1200 }),
    });
    if (!res.ok) throw new Error(`the simulator refused: ${await res.text()}`);
    const { orderId } = await res.json();
    const onUpdate = (details) => {
      $("live-status").textContent = details.order.status;
      const item = document.createElement("li");
      item.textContent = `${new Date().toLocaleTimeString()}: ${details.order.status}`;
      $("live-history").append(item);
    };
    const wait = waitForNamefiOrder(orderId, { token: credentials.namefiToken, baseUrl: `${simUrl}/v-next`, intervalMs: 500, onUpdate });
    show("namefi", wait);
    const settled = await wait;
    $("live-status").textContent = `${settled.order.status} (settled)`;
  } catch (error) {
    $("live-status").textContent = `stopped: ${error.message}`;
    if (!isOrderApiError(error)) show("namefi", Promise.reject(error));
  } finally {
    button.disabled = false;
  }
});

await init();
