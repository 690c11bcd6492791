// Starts a simulator on a free loopback port for one test file.
import { createSimulator } from "../../sim/server.mjs";

export { SIM_CREDENTIALS as CREDS } from "../../sim/credentials.mjs";

export async function startSim() {
  const sim = createSimulator();
  const base = await sim.listen(0);
  let n = 0;
  return {
    base,
    close: () => sim.close(),
    /** A fresh scope: its own faults and request log. */
    scope(name = `t${++n}-${process.pid}`) {
      const control = `${base}/__sim/scopes/${name}`;
      return {
        base: `${base}/s/${name}`,
        async fault(fault) {
          const res = await fetch(`${control}/faults`, { method: "POST", body: JSON.stringify(fault) });
          if (!res.ok) throw new Error(`fault refused: ${await res.text()}`);
        },
        /** Sets this scope's Namefi rate limit: `{ limit, windowMs }`; `{ limit: null }` lifts it. */
        async namefiRateLimit(config) {
          const res = await fetch(`${control}/namefi-rate-limit`, { method: "POST", body: JSON.stringify(config) });
          if (!res.ok) throw new Error(`rate limit refused: ${await res.text()}`);
          return res.json();
        },
        /**
         * A new order whose status moves through `statuses` on reads (`everyReads`,
         * default 1) or in time (`everyMs`); resolves to `{ orderId, ... }`.
         */
        async progression(config) {
          const res = await fetch(`${control}/progressions`, { method: "POST", body: JSON.stringify(config) });
          if (!res.ok) throw new Error(`progression refused: ${await res.text()}`);
          return res.json();
        },
        async requests() {
          return (await (await fetch(`${control}/requests`)).json()).requests;
        },
      };
    },
  };
}
