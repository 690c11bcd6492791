// A type guard that works across realms and duplicate package copies, where
// `instanceof` does not: every failure is an Error named "OrderApiError".
export function isOrderApiError(error) {
  return error instanceof Error && error.name === "OrderApiError" && typeof error.kind === "string";
}

// An error of this package raised in JS (the workflows), with the fields the
// wasm gives its own: see `OrderApiError` in index.d.ts.
export function orderApiError(provider, kind, message, retryable) {
  const error = new Error(message);
  error.name = "OrderApiError";
  error.kind = kind;
  error.provider = provider;
  error.retryable = retryable;
  return error;
}
