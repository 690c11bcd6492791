// Generated from the Rust types and policy by `npm run types`; do not edit by hand.

/** Per provider whose orders move on their own: where a reply holds the status, every status, the final ones. */
export const SETTLING = {
  capture: {
    function: "waitForCaptureOrder",
    statusAt: ["status"],
    statuses: ["submitted", "paid", "payment_failed", "completed", "failed"],
    settled: ["completed", "failed", "payment_failed"],
  },
  namefi: {
    function: "waitForNamefiOrder",
    statusAt: ["order", "status"],
    statuses: ["CREATED", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"],
    settled: ["SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"],
  },
};

/** A wait's defaults and bounds, in ms. */
export const WAIT = { intervalMs: 3000, timeoutMs: 600000, pollTimeoutMs: 10000, maxMs: 2147483647, rateLimitMarginMs: 250 };

/** `iterExternalOrders`: ids per request, batches fetched ahead, ids read into wasm at a time, ids at most. */
export const ITERATION = { batchIds: 100, batchesAhead: 3, partIds: 100000, maxIds: 10000000 };
