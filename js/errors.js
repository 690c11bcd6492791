// A type guard that works across realms and duplicate package copies, where
// `instanceof` does not: every failure is an Error named "OrderApiError".
export function isOrderApiError(error) {
  return error instanceof Error && error.name === "OrderApiError" && typeof error.kind === "string";
}
