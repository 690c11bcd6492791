// The scenarios inside workerd: POST {"name"} runs one, with the package's
// workerd entry (the wasm imported as a compiled module).
import * as api from "../../js/workerd.js";
import { runScenario } from "./scenarios.mjs";

export default {
  async fetch(request, env) {
    const { name } = await request.json();
    return Response.json(await runScenario(name, api, { simBase: env.SIM, creds: JSON.parse(env.CREDS), runtime: "workerd" }));
  },
};
