// The simulator's control routes for one scope, over HTTP with the platform's
// fetch only, so a test in Node, Chromium or workerd can drive the same simulator.

export function scopeControl(simBase, name) {
  const control = `${simBase}/__sim/scopes/${name}`;
  const post = async (route, body, what) => {
    const res = await fetch(`${control}/${route}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${what} refused: ${await res.text()}`);
    return res.json();
  };
  return {
    /** The base URL to configure for this scope: its own faults and request log. */
    base: `${simBase}/s/${name}`,
    /** Queues a fault (or an array of them) for the scope's next matching requests. */
    fault: (fault) => post("faults", fault, "fault"),
    /** Sets this scope's Namefi rate limit: `{ limit, windowMs }`; `{ limit: null }` lifts it. */
    namefiRateLimit: (config) => post("namefi-rate-limit", config, "rate limit"),
    /**
     * A new order whose status moves through `statuses` on reads (`everyReads`,
     * default 1) or in time (`everyMs`); resolves to `{ orderId, ... }`.
     */
    progression: (config) => post("progressions", config, "progression"),
    /** What the scope received, oldest first. */
    async requests() {
      return (await (await fetch(`${control}/requests`)).json()).requests;
    },
  };
}
