// Type-checked with `tsc --noEmit --strict` against the packed package.
import {
  type BillingData,
  type CaptureOptions,
  type CaptureOrder,
  type CaptureOrderStatus,
  createExternalOrders,
  type ExternalOrder,
  type ExternalOrderStatus,
  getExternalOrders,
  getNamefiOrder,
  init,
  isOrderApiError,
  iterExternalOrders,
  type JsonValue,
  type LicenseRocksOptions,
  type Listing,
  type ListingType,
  type NamefiOptions,
  type NamefiOrderDetails,
  type NamefiOrderStatus,
  type NamefiPaymentProvider,
  type NamefiWaitOptions,
  type NamefiWaitStatus,
  type NewExternalOrder,
  type OrderApiError,
  type OrderApiErrorKind,
  type OrderRequestInfo,
  type OrderResponseInfo,
  type OrderRetryInfo,
  queryCaptureOrder,
  waitForCaptureOrder,
  waitForNamefiOrder,
} from "web3-orders";

const common = { timeoutMs: 5000, maxRetries: 1, signal: new AbortController().signal, fetch, maxResponseBytes: 1 << 20 };
const capture: CaptureOptions = { apiKey: "k", baseUrl: "https://node.numbersprotocol.io", ...common };
const namefi: NamefiOptions = { token: "t" };
const namefiSession: NamefiOptions = { siweToken: "s", baseUrl: "https://api.namefi.io/v-next" };
const namefiKey: NamefiOptions = { apiKey: "nfk_k", dangerouslyAllowBrowser: false, ...common };
// @ts-expect-error exactly one Namefi credential
const namefiTwo: NamefiOptions = { token: "t", apiKey: "nfk_k" };
// @ts-expect-error a Namefi credential is required
const namefiNone: NamefiOptions = { baseUrl: "https://api.namefi.io/v-next" };
const lr: LicenseRocksOptions = { apiToken: "t", instanceUrl: "https://hub.example.com", dangerouslyAllowBrowser: false };

export async function usage(): Promise<void> {
  await init();
  const order: CaptureOrder = await queryCaptureOrder("59210ee0-1a4e-451c-b048-c493d9e001ff", capture);
  const cost: number = order.cost;
  const nid: string = order.nid;

  const details: NamefiOrderDetails = await getNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", namefi);
  const cents: number = details.order.amountInUSDCents;
  const domain: string = details.items[0].normalizedDomainName;
  const claim: boolean | undefined = details.order.metadata?.freeClaim;
  const wallet: string | null = details.order.nftWalletAddress;
  const finished: string | null | undefined = details.order.finishedAt;
  const status: NamefiOrderStatus = details.order.status;
  const settled = status === "SUCCEEDED" || status === "PARTIALLY_COMPLETED";
  const reference: string | null = details.payments[0].paymentProviderReferenceId;
  const provider: NamefiPaymentProvider = details.payments[0].paymentProvider;
  const nfsc: JsonValue = details.payments[0].nfscPaymentDetails;
  const orderStatus: ExternalOrderStatus | null | undefined = (await getExternalOrders([1], lr))[0].status;
  const captureStatus: CaptureOrderStatus = order.status;
  const result: string | null | undefined = order.result_url;

  const orders: ExternalOrder[] = await getExternalOrders([1, "2"], lr);
  const listing: Listing = orders[0].orderItems[0].listing;
  const wei: string = listing.priceWei;
  const amount: number | null = listing.amount;
  const kind: ListingType = listing.type;
  const email: string | undefined = orders[0].buyer?.email;
  const secret: string | null = orders[0].orderItems[0].nft.secretPhrase;

  const billing: BillingData = { city: "Toruń", country: "Poland" };
  const input: NewExternalOrder[] = [{ nftId: 405, listingId: 2, quantity: 1, buyerUserId: 5, buyerBillingData: billing }];
  const created: ExternalOrder[] = await createExternalOrders(input, lr);

  // @ts-expect-error priceWei is a decimal string, never a number
  const wrong: number = listing.priceWei;

  void [cost, nid, cents, domain, claim, wei, amount, kind, email, secret, created, wrong];
  void [wallet, finished, settled, reference, provider, nfsc, orderStatus, captureStatus, result];
  void [namefiSession, namefiKey, namefiTwo, namefiNone];
  await getNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", namefiSession);
}

export async function workflows(): Promise<void> {
  const seen: string[] = [];
  const hooks = {
    onRequest: (r: OrderRequestInfo) => void seen.push(`${r.provider} ${r.method} ${r.url} #${r.attempt}`),
    onResponse: async (r: OrderResponseInfo) => {
      seen.push(`${r.status} ${r.durationMs} ${r.requestId} ${r.rateLimit?.remaining} ${r.retryAfterMs}`);
    },
    onRetry: (r: OrderRetryInfo) => void seen.push(`${r.reason} ${r.delayMs} ${r.status ?? r.message}`),
    onError: (error: unknown, context: { hook: string }) => void seen.push(`${context.hook} ${String(error)}`),
  };
  const until: NamefiWaitStatus[] = ["SUCCEEDED", "FAILED"];
  const wait: NamefiWaitOptions = { token: "t", until, intervalMs: 2000, timeoutMs: 60_000, pollTimeoutMs: 5000, ...hooks };
  const settled: NamefiOrderDetails = await waitForNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", {
    ...wait,
    onUpdate: (details) => void seen.push(details.order.status),
  });
  // @ts-expect-error until takes the statuses the models know, spelled as on the wire
  await waitForNamefiOrder("497f6eca-6276-4993-bfeb-53cbbbba6f08", { token: "t", until: ["succeeded"] });
  const mined: CaptureOrder = await waitForCaptureOrder("59210ee0-1a4e-451c-b048-c493d9e001ff", {
    apiKey: "k",
    until: ["completed"],
    onUpdate: (order) => void seen.push(order.status),
  });
  for await (const order of iterExternalOrders([1, "2", 1], lr)) {
    const id: number = order.id;
    if (id > 1) break;
  }
  void [settled, mined];
}

export function handle(error: unknown): string {
  if (isOrderApiError(error)) {
    const e: OrderApiError = error;
    const k: OrderApiErrorKind = e.kind;
    const status: number | undefined = e.status;
    const path: string | undefined = e.path;
    return `${e.provider} ${k} ${status} ${path} ${e.code} ${e.retryable} ${e.message}`;
  }
  return "other";
}
