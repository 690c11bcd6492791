// The demo: each form calls one function of the package and shows the typed
// result or the OrderApiError's fields.
import {
  createExternalOrders,
  getExternalOrders,
  getNamefiOrder,
  init,
  isOrderApiError,
  queryCaptureOrder,
  waitForCaptureOrder,
  waitForNamefiOrder,
} from "/js/browser.js";

const $ = (id) => document.getElementById(id);
const config = await (await fetch("/config.json")).json();
const { simUrl, credentials, examples } = config;
$("target").textContent = `the local simulator at ${simUrl}`;

const defaults = {
  capture: { orderId: examples.captureOrderId, apiKey: credentials.captureApiKey, baseUrl: simUrl },
  namefi: { orderId: examples.namefiOrderId, token: credentials.namefiToken, baseUrl: `${simUrl}/v-next` },
  licenseRocks: {
    ids: examples.licenseRocksIds.join(","),
    apiToken: credentials.licenseRocksApiToken,
    instanceUrl: simUrl,
    orders: JSON.stringify([{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5 }]),
  },
};
for (const [form, values] of Object.entries(defaults)) {
  for (const [name, value] of Object.entries(values)) $(form).elements[name].value = value;
}

function show(promise) {
  $("status").textContent = "…";
  $("status").className = "";
  const started = performance.now();
  promise.then(
    (value) => {
      $("status").textContent = `ok in ${Math.round(performance.now() - started)} ms`;
      $("status").className = "ok";
      $("result").textContent = JSON.stringify(value, null, 2);
    },
    (error) => {
      $("status").textContent = isOrderApiError(error) ? `${error.kind} (${error.provider})` : "error";
      $("status").className = "error";
      const { kind, provider, status, code, path, retryable, retryAfterMs } = error;
      $("result").textContent = JSON.stringify(
        { message: error.message, kind, provider, status, code, path, retryable, retryAfterMs },
        null,
        2,
      );
    },
  );
}

const fields = (form) => Object.fromEntries(new FormData(form));

$("capture").addEventListener("submit", (event) => {
  event.preventDefault();
  const { orderId, apiKey, baseUrl } = fields(event.target);
  show(queryCaptureOrder(orderId, { apiKey, baseUrl, dangerouslyAllowBrowser: true }));
});

$("namefi").addEventListener("submit", (event) => {
  event.preventDefault();
  const { orderId, token, baseUrl } = fields(event.target);
  show(getNamefiOrder(orderId, { token, baseUrl }));
});

$("licenseRocks").addEventListener("submit", (event) => {
  event.preventDefault();
  const { ids, apiToken, instanceUrl, orders } = fields(event.target);
  const options = { apiToken, instanceUrl, dangerouslyAllowBrowser: true };
  if (event.submitter?.value === "create") {
    let parsed;
    try {
      parsed = JSON.parse(orders);
    } catch (e) {
      return show(Promise.reject(new Error(`New orders must be JSON: ${e.message}`)));
    }
    show(createExternalOrders(parsed, options));
  } else {
    show(
      getExternalOrders(
        ids
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
        options,
      ),
    );
  }
});

// A live wait: the simulator makes an order whose status moves in time (its
// progressions route), and the wait shows each status as it comes.
const MOVING = {
  namefi: { statuses: ["CREATED", "PROCESSING", "PROCESSING", "SUCCEEDED"], statusOf: (d) => d.order.status },
  capture: { statuses: ["submitted", "paid", "paid", "completed"], statusOf: (o) => o.status },
};
$("watch").addEventListener("submit", async (event) => {
  event.preventDefault();
  const { provider } = fields(event.target);
  const button = event.target.querySelector("button");
  button.disabled = true;
  $("live-history").replaceChildren();
  $("live-status").textContent = "starting…";
  try {
    const res = await fetch(`${simUrl}/__sim/scopes/default/progressions`, {
      method: "POST",
      body: JSON.stringify({ provider, statuses: MOVING[provider].statuses, everyMs: 1200 }),
    });
    if (!res.ok) throw new Error(`the simulator refused: ${await res.text()}`);
    const { orderId } = await res.json();
    const onUpdate = (order) => {
      const status = MOVING[provider].statusOf(order);
      $("live-status").textContent = status;
      const item = document.createElement("li");
      item.textContent = `${new Date().toLocaleTimeString()}: ${status}`;
      $("live-history").append(item);
    };
    const wait =
      provider === "namefi"
        ? waitForNamefiOrder(orderId, { token: credentials.namefiToken, baseUrl: `${simUrl}/v-next`, intervalMs: 500, onUpdate })
        : waitForCaptureOrder(orderId, {
            apiKey: credentials.captureApiKey,
            baseUrl: simUrl,
            intervalMs: 500,
            onUpdate,
            dangerouslyAllowBrowser: true,
          });
    show(wait);
    const settled = await wait;
    $("live-status").textContent = `${MOVING[provider].statusOf(settled)} (settled)`;
  } catch (error) {
    $("live-status").textContent = `stopped: ${error.message}`;
    if (!isOrderApiError(error)) show(Promise.reject(error));
  } finally {
    button.disabled = false;
  }
});

await init();
