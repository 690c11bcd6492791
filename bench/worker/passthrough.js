// The benchmark's floor: a Worker that forwards the License.rocks read or the
// Capture lookup and hands the provider's bytes back unread. What workerd
// itself spends per request (two HTTP exchanges), whatever the Worker does.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const target = url.pathname.startsWith("/v1/capture/orders/")
      ? `${env.CAPTURE_BASE_URL}/api/1.1/wf/queryOrder?order_id=${url.pathname.slice("/v1/capture/orders/".length)}`
      : `${env.LICENSE_ROCKS_INSTANCE_URL}/api/externalOrders/${url.searchParams.get("ids")}`;
    const authorization = target.includes("queryOrder") ? `Bearer ${env.CAPTURE_API_KEY}` : env.LICENSE_ROCKS_API_TOKEN;
    const reply = await fetch(target, { headers: { authorization }, redirect: "manual" });
    return new Response(reply.body, { status: reply.status, headers: { "content-type": "application/json; charset=utf-8" } });
  },
};
