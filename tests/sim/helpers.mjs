// Starts a simulator on a free loopback port for one test file.
import { createSimulator } from "../../sim/server.mjs";
import { scopeControl } from "./control.mjs";

export { SIM_CREDENTIALS as CREDS } from "../../sim/credentials.mjs";

export async function startSim() {
  const sim = createSimulator();
  const base = await sim.listen(0);
  let n = 0;
  return {
    base,
    close: () => sim.close(),
    /** A fresh scope: its own faults and request log. */
    scope: (name = `t${++n}-${process.pid}`) => scopeControl(base, name),
  };
}
