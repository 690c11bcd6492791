// Development credentials the simulator accepts. They are not secrets: they only
// open this local simulator, and tests and the demo use them on purpose.
export const SIM_CREDENTIALS = Object.freeze({
  captureApiKey: "sim-capture-key",
  // Namefi user JWTs: one for the owner of the seeded orders, one for another
  // user (who gets 401 on them, as from the real owner check).
  namefiToken: "sim-namefi-token",
  namefiOtherUserToken: "sim-namefi-token-other",
  // The owner's SIWE session and an API key made by the owner's wallet.
  namefiSiweToken: "sim-namefi-siwe-session",
  namefiApiKey: "nfk_sim_namefi_api_key",
  licenseRocksApiToken: "sim-license-rocks-token",
});

// Base URL paths below the simulator's origin, one per provider.
export const SIM_PATHS = Object.freeze({
  capture: "",
  namefi: "/v-next",
  licenseRocks: "",
});
