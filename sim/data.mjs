// Seed data: the documented examples verbatim, plus generated orders for load.
// Deterministic (seeded PRNG) so tests and benchmarks see the same data every run.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fixturesDir = fileURLToPath(new URL("../tests/fixtures/", import.meta.url));
export const fixture = (name) => JSON.parse(readFileSync(fixturesDir + name, "utf8"));

/** Ids the generator uses; documented examples keep their own (1, 2, 42, 43…). */
export const GENERATED = Object.freeze({
  licenseRocksFirstOrderId: 1000,
  licenseRocksOrderCount: 3000,
  /** Read-only orders made on each read, for iterations and load tests. */
  licenseRocksBulkFirstOrderId: 1_000_000,
  licenseRocksBulkOrderCount: 1_000_000,
  captureOrderCount: 2000,
  namefiOrderCount: 2000,
});

export const NAMEFI_OWNER_ID = "2c4a230c-5085-4924-a3e1-25fb4fc5965b";
export const NAMEFI_OTHER_USER_ID = "8d1f7a54-6a0c-4f5e-9c53-2a9e1c0b7d11";

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const clone = (v) => structuredClone(v);

// Capture's own app knows these statuses; only `completed` orders have a result.
export const CAPTURE_STATUSES = ["completed", "submitted", "paid", "payment_failed", "failed"];
// NUM amounts are decimals; all of these are exact in binary too, so a test can compare them.
const CAPTURE_COSTS = [2, 0.05, 1.5, 0.125, 12.75];

function captureOrders() {
  const seed = fixture("capture/query-order.200.json").response;
  const random = prng(1);
  const orders = new Map([[seed.order_id, seed]]);
  for (let i = 0; i < GENERATED.captureOrderCount; i++) {
    const status = CAPTURE_STATUSES[i % CAPTURE_STATUSES.length];
    const order = {
      ...clone(seed),
      nid: `bafybei${uuidFrom(random).replaceAll("-", "").slice(0, 24)}gen${i}`,
      cost: CAPTURE_COSTS[i % CAPTURE_COSTS.length],
      gas: (i % 3) * 0.25,
      order_id: uuidFrom(random),
      status,
    };
    // Bubble leaves an empty field out, or sends it empty or null.
    if (status === "completed") order.result_url = `https://example.org/result/${i}`;
    else if (i % 3 === 0) delete order.result_url;
    else order.result_url = i % 3 === 1 ? null : "";
    orders.set(order.order_id, order);
  }
  return orders;
}

// Namefi: orders as the production backend returns them (its OpenAPI schema):
// every status, item type and payment provider, with the nulls of unpaid,
// running and finished orders, and NFSC top-ups without items.
export const NAMEFI_ORDER_STATUSES = ["CREATED", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"];
const NAMEFI_ITEM_TYPES = ["REGISTER", "IMPORT", "RENEW"];
const NAMEFI_PAYMENT_PROVIDERS = ["NFSC_BASE", "STRIPE", "X402", "NFSC_ETHEREUM", "NFSC_ETHEREUM_SEPOLIA"];
const NAMEFI_CHAINS = { NFSC_BASE: 8453, NFSC_ETHEREUM: 1, NFSC_ETHEREUM_SEPOLIA: 11155111 };
const NAMEFI_TLDS = ["com", "xyz", "io", "ai", "org"];

function namefiUsers() {
  const seed = fixture("namefi/get-order.200.json").user;
  return {
    [NAMEFI_OWNER_ID]: {
      ...clone(seed),
      id: NAMEFI_OWNER_ID,
      primaryEmail: "owner@example.org",
      stripeCustomerId: "cus_SimOwner01",
      privyUserId: "did:privy:sim-owner",
    },
    // A wallet-only user: no e-mail, never paid by card.
    [NAMEFI_OTHER_USER_ID]: {
      ...clone(seed),
      id: NAMEFI_OTHER_USER_ID,
      primaryEmail: null,
      stripeCustomerId: null,
      privyUserId: "did:privy:sim-other",
      subscribeToEmails: false,
      lastAccessedSessionAt: null,
    },
  };
}

const hex = (random, n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
const isoAt = (base, minutes) => new Date(base + minutes * 60_000).toISOString();

function namefiPayment(random, i, orderId, amount, provider, status, created, settled) {
  const wallet = `0x${hex(random, 40)}`;
  const nfsc = provider.startsWith("NFSC_");
  const paid = status !== "CREATED";
  return {
    id: uuidFrom(random),
    amountInUSDCents: amount,
    status,
    paymentProvider: provider,
    paymentProviderReferenceId: !paid ? null : provider === "STRIPE" ? `pi_${hex(random, 24)}` : `0x${hex(random, 64)}`,
    orderId,
    nfscPaymentDetails: nfsc ? { chainId: NAMEFI_CHAINS[provider], walletAddress: wallet } : null,
    stripePaymentDetails: provider === "STRIPE" ? (paid ? { paymentMethodId: `pm_${hex(random, 24)}` } : {}) : null,
    metadata: i % 3 === 0 ? null : { source: "web", attempt: 1 + (i % 2) },
    x402PaymentDetails:
      provider === "X402"
        ? {
            buyerWalletAddress: wallet,
            receiverWalletAddress: "0x7a1c0ffee0000000000000000000000000000402",
            network: "base",
            asset: "USDC",
            amount: String(amount * 10_000),
          }
        : null,
    createdAt: created,
    updatedAt: settled ?? created,
    startedAt: paid ? created : null,
    finishedAt: settled,
  };
}

function namefiItem(random, i, n, orderId, status, created, started, finished) {
  const type = NAMEFI_ITEM_TYPES[(i + n) % NAMEFI_ITEM_TYPES.length];
  const imported = type === "IMPORT";
  const succeeded = status === "SUCCEEDED";
  const metadata = i % 7 === 0 ? null : {};
  if (metadata && succeeded) metadata.mintTransaction = { txHash: `0x${hex(random, 64)}`, recordedAt: finished };
  if (metadata && succeeded && i % 2 === 0) {
    metadata.postProcessOrderItem = {
      actions: [{ scope: "dns-records", action: "set", records: [{ name: "@", type: "A", rdata: "203.0.113.7", ttl: 3600 }] }],
    };
  }
  if (metadata && status === "FAILED") {
    const requiredAction = imported ? "EPP_AUTH_CODE_UPDATE_REQUIRED" : "UNDETERMINED";
    metadata.requiredAction = requiredAction;
    metadata.failureDetails = { requiredAction, resolution: "TIMEOUT", timeoutMs: 259_200_000, recordedAt: finished };
  }
  return {
    id: uuidFrom(random),
    orderId,
    normalizedDomainName: `sim-${i}${n ? `-${n}` : ""}.${NAMEFI_TLDS[i % NAMEFI_TLDS.length]}`,
    amountInUSDCents: 1299 + (i % 9) * 100,
    durationInYears: 1 + ((i + n) % 3),
    type,
    registrar: i % 2 ? "namefi" : "dynadot",
    encryptionKeyId: imported ? `kms-key-${1 + (i % 3)}` : null,
    encryptedEppAuthorizationCode: imported ? hex(random, 48) : null,
    // Not yet scheduled: an unpaid order's items have no status.
    status,
    ...(metadata === null && i % 2 ? {} : { metadata }),
    createdAt: created,
    updatedAt: finished ?? started ?? created,
    startedAt: started,
    finishedAt: finished,
  };
}

function namefiOrder(random, i, owner, base) {
  const topUp = i % 11 === 10;
  const status = NAMEFI_ORDER_STATUSES[i % NAMEFI_ORDER_STATUSES.length];
  const provider = topUp ? (i % 2 ? "STRIPE" : "X402") : NAMEFI_PAYMENT_PROVIDERS[i % NAMEFI_PAYMENT_PROVIDERS.length];
  const created = isoAt(base, i * 17);
  const started = status === "CREATED" ? null : isoAt(base, i * 17 + 1);
  const settled = ["CREATED", "PROCESSING"].includes(status) ? null : isoAt(base, i * 17 + 6);
  const id = uuidFrom(random);
  const itemStatus = (n) => {
    if (status === "CREATED") return n === 0 && i % 2 ? "CREATED" : null;
    if (status === "PARTIALLY_COMPLETED") return n === 0 ? "SUCCEEDED" : "FAILED";
    return status;
  };
  const itemCount = topUp ? 0 : status === "PARTIALLY_COMPLETED" ? 2 : 1 + (i % 2);
  const items = Array.from({ length: itemCount }, (_, n) => namefiItem(random, i, n, id, itemStatus(n), created, started, settled));
  const amount = topUp ? 5000 + (i % 4) * 2500 : items.reduce((sum, item) => sum + item.amountInUSDCents, 0);
  const paymentStatus = {
    CREATED: "CREATED",
    PROCESSING: "SUCCEEDED",
    SUCCEEDED: "SUCCEEDED",
    FAILED: i % 2 ? "REFUND_REQUESTED" : "FAILED",
    CANCELLED: "CANCELLED",
    PARTIALLY_COMPLETED: "SUCCEEDED",
  }[status];
  // An order not yet checked out has no payment at all.
  const payments =
    status === "CREATED" && i % 12 === 0 ? [] : [namefiPayment(random, i, id, amount, provider, paymentStatus, created, settled)];
  const hasWallet = status !== "CREATED" && !topUp;
  const chosen = payments[0]?.paymentProvider;
  const metadata = i % 5 === 0 ? null : {};
  if (metadata && status === "SUCCEEDED" && !topUp) {
    metadata.mintTransactions = Object.fromEntries(
      items.map((item) => [item.id, { txHash: item.metadata?.mintTransaction?.txHash ?? `0x${hex(random, 64)}`, recordedAt: settled }]),
    );
  }
  if (metadata && i % 13 === 0) metadata.backfilled_started_finished_at = true;
  return {
    order: {
      id,
      userId: owner,
      status,
      amountInUSDCents: amount,
      nftWalletAddress: hasWallet ? `0x${hex(random, 40)}` : null,
      nftChainId: hasWallet ? (NAMEFI_CHAINS[chosen] ?? 8453) : null,
      ...(metadata === null && i % 2 ? {} : { metadata }),
      createdAt: created,
      updatedAt: settled ?? started ?? created,
      startedAt: started,
      finishedAt: settled,
    },
    items,
    payments,
  };
}

function namefiOrders() {
  const seed = fixture("namefi/get-order.200.json");
  const users = namefiUsers();
  const random = prng(2);
  const orders = new Map([[seed.order.id, seed]]);
  const base = Date.UTC(2026, 0, 5, 9, 0, 0);
  for (let i = 0; i < GENERATED.namefiOrderCount; i++) {
    const owner = i % 4 === 3 ? NAMEFI_OTHER_USER_ID : NAMEFI_OWNER_ID;
    const details = namefiOrder(random, i, owner, base);
    details.user = clone(users[owner]);
    orders.set(details.order.id, details);
  }
  return orders;
}

/** Multiplies a decimal string by a positive integer without a float. */
export function multiplyDecimal(decimal, factor) {
  const [whole, fraction = ""] = decimal.split(".");
  const scaled = BigInt(whole + fraction) * BigInt(factor);
  if (!fraction) return scaled.toString();
  const digits = scaled.toString().padStart(fraction.length + 1, "0");
  return `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`;
}

function licenseRocksWorld() {
  const got = fixture("license-rocks/get-orders.200.json").orders;
  const created = fixture("license-rocks/create-orders.200.json").orders;
  const random = prng(3);
  const nfts = new Map();
  const listings = new Map();
  for (const order of [...got, ...created]) {
    for (const item of order.orderItems) {
      nfts.set(item.nft.id, item.nft);
      listings.set(item.listing.id, item.listing);
    }
  }
  const buyerTemplate = got[0].buyer;
  const users = new Map();
  const addUser = (id, addresses, extra = {}) =>
    users.set(id, { buyer: { ...clone(buyerTemplate), id, email: `buyer${id}@example.org`, ...extra }, billingAddresses: addresses });
  addUser(24, [{ id: 1, city: "Berlin", country: "Germany", postal: "10115", street: "Invalidenstraße" }], { email: buyerTemplate.email });
  addUser(5, [{ id: 50, city: "Toruń", country: "Poland", postal: "87-100", street: "Szeroka" }]);
  addUser(50000, []);
  addUser(7, []); // no billing address on file: an incomplete buyerBillingData is a 400
  let nextBillingAddressId = 100;
  for (let id = 100; id < 200; id++)
    addUser(id, [{ id: nextBillingAddressId++, city: "Lisbon", country: "Portugal", postal: "1100-148", street: `Rua ${id}` }]);

  // Generated NFTs 2000.., each with one regular listing 2000..
  const nftTemplate = got[0].orderItems[0].nft;
  const listingTemplate = created[0].orderItems[0].listing;
  for (let i = 0; i < 50; i++) {
    const nftId = 2000 + i;
    const priceCents = 100 * (1 + (i % 40));
    nfts.set(nftId, {
      ...clone(nftTemplate),
      id: nftId,
      title: `Generated NFT ${i}`,
      price: priceCents,
      availableAmount: 100000,
      amount: 100000,
    });
    const priceWei = (BigInt(priceCents) * 6711409395973154n * 1000n).toString();
    listings.set(nftId, {
      ...clone(listingTemplate),
      id: nftId,
      nftId,
      priceCents,
      priceWei,
      priceEths: multiplyDecimal("0.006711409395973154", priceCents),
      amount: 100000,
    });
  }

  const orders = new Map();
  for (const order of got) orders.set(order.id, order);
  // Templates without the heavy nested objects, which generated orders share by reference.
  const { buyer: _b, orderItems: templateItems, ...template } = got[0];
  const { nft: _n, listing: _l, ...itemTemplate } = templateItems[0];
  // Order `id`, the `n`th generated one: its buyer, listing and quantity cycle through the generated ones.
  const generatedOrder = (id, n, token) => {
    const buyerId = 100 + (n % 100);
    const listing = listings.get(2000 + (n % 50));
    const nft = nfts.get(listing.nftId);
    const quantity = 1 + (n % 3);
    const order = {
      ...template,
      id,
      buyerId,
      billingAddressId: users.get(buyerId).billingAddresses[0].id,
      secupayWebhookToken: token,
      totalPriceCents: listing.priceCents * quantity,
      totalPriceEth: multiplyDecimal(listing.priceEths, quantity),
      // Real orders carry a status; the docs' example shows null.
      status: "paid",
      buyer: clone(users.get(buyerId).buyer),
    };
    order.orderItems = [
      {
        ...itemTemplate,
        id,
        orderId: id,
        nftId: nft.id,
        listingId: listing.id,
        quantity,
        priceCents: listing.priceCents,
        priceEths: listing.priceEths,
        status: "paid",
        nft,
        listing,
      },
    ];
    return order;
  };
  for (let n = 0; n < GENERATED.licenseRocksOrderCount; n++) {
    const id = GENERATED.licenseRocksFirstOrderId + n;
    orders.set(id, generatedOrder(id, n, uuidFrom(random)));
  }
  // A reconciliation-sized instance without holding it: these are made when read.
  const { licenseRocksBulkFirstOrderId: bulkFirst, licenseRocksBulkOrderCount: bulkCount } = GENERATED;
  const bulkOrder = (id) =>
    Number.isSafeInteger(id) && id >= bulkFirst && id < bulkFirst + bulkCount
      ? generatedOrder(id, id - bulkFirst, uuidFrom(prng(id)))
      : undefined;
  return { orders, bulkOrder, nfts, listings, users, nextOrderId: 10000, nextBillingAddressId: 1000 };
}

/** A fresh copy of every provider's state. */
export function seedWorld() {
  return { capture: captureOrders(), namefi: namefiOrders(), licenseRocks: licenseRocksWorld(), progressions: new Map() };
}

// ---------------------------------------------------------------- orders that move

const NAMEFI_SETTLED = ["SUCCEEDED", "FAILED", "CANCELLED", "PARTIALLY_COMPLETED"];
const NAMEFI_PAYMENT_STATUS = {
  CREATED: "CREATED",
  PROCESSING: "SUCCEEDED",
  SUCCEEDED: "SUCCEEDED",
  FAILED: "REFUND_REQUESTED",
  CANCELLED: "CANCELLED",
  PARTIALLY_COMPLETED: "SUCCEEDED",
};

/**
 * A Namefi order of `template`'s shape (a paid order with items) as it reads
 * once it reached `status` at `at` (ISO time): the items, payments, wallet and
 * timestamps of an order at that stage, as the generated ones have them.
 */
export function namefiOrderAt(template, status, at, startedAt) {
  const details = clone(template);
  const unpaid = status === "CREATED";
  const finishedAt = NAMEFI_SETTLED.includes(status) ? at : null;
  const started = unpaid ? null : startedAt;
  const order = details.order;
  Object.assign(order, { status, startedAt: started, finishedAt, updatedAt: at });
  if (unpaid) Object.assign(order, { nftWalletAddress: null, nftChainId: null });
  details.items = details.items.map((item, n) => ({
    ...item,
    status: unpaid ? null : status === "PARTIALLY_COMPLETED" ? (n === 0 ? "SUCCEEDED" : "FAILED") : status,
    startedAt: started,
    finishedAt,
    updatedAt: at,
  }));
  details.payments = details.payments.map((payment) => ({
    ...payment,
    status: NAMEFI_PAYMENT_STATUS[status],
    paymentProviderReferenceId: unpaid ? null : payment.paymentProviderReferenceId,
    startedAt: unpaid ? null : payment.createdAt,
    finishedAt: unpaid || status === "PROCESSING" ? null : at,
    updatedAt: at,
  }));
  return details;
}

/** A Capture order of `template`'s shape at `status`: only a completed one has a result. */
export function captureOrderAt(template, status, orderId) {
  const order = { ...clone(template), order_id: orderId, status };
  if (status === "completed") order.result_url = `https://example.org/result/${orderId}`;
  else order.result_url = null;
  return order;
}
