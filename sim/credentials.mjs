// Development credentials the simulator accepts. They are not secrets: they only
// open this local simulator, and tests and the demo use them on purpose.
export const SIM_CREDENTIALS = Object.freeze({
  captureApiKey: "sim-capture-key",
  // Namefi tokens are end-user session tokens: one for the owner of the seeded
  // orders, one for another user (who gets 403 on them).
  namefiToken: "sim-namefi-token",
  namefiOtherUserToken: "sim-namefi-token-other",
  licenseRocksApiToken: "sim-license-rocks-token",
});

// Base URL paths below the simulator's origin, one per provider.
export const SIM_PATHS = Object.freeze({
  capture: "",
  namefi: "/v-next",
  licenseRocks: "",
});
