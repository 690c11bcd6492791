// One cold measurement, run by bench.mjs in a fresh Node process: import a
// contender, then make its first call; prints both times in ms as JSON. Run as
// a file, the way an app's own module imports the package.
//   node bench/cold.mjs ours|zod [warm]   (body in BENCH_BODY)
// `warm` first builds one Response: Node sets up its fetch machinery (undici)
// on the first one, ~30 ms any client pays, response.json() included.
const [contender, warm] = process.argv.slice(2);
const body = process.env.BENCH_BODY;
// As a server answers, Content-Length included (as bench.mjs does).
const respond = () =>
  new Response(body, { headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } });
if (warm === "warm") await new Response("{}").json();
const t0 = performance.now();
let first;
if (contender === "ours") {
  const { getExternalOrders } = await import("../pkg/node.js");
  const t1 = performance.now();
  await getExternalOrders([1, 2], { apiToken: "t", instanceUrl: "https://hub.example.com", fetch: async () => respond() });
  first = () => t1;
} else {
  const { externalOrdersReply } = await import("./zod-schemas.mjs");
  const t1 = performance.now();
  externalOrdersReply.parse(await respond().json());
  first = () => t1;
}
const t2 = performance.now();
console.log(JSON.stringify({ importMs: first() - t0, firstCallMs: t2 - first(), totalMs: t2 - t0 }));
