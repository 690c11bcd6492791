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

function captureOrders() {
  const seed = fixture("capture/query-order.200.json").response;
  const random = prng(1);
  const orders = new Map([[seed.order_id, seed]]);
  for (let i = 0; i < GENERATED.captureOrderCount; i++) {
    const order = {
      ...clone(seed),
      nid: `bafybei${uuidFrom(random).replaceAll("-", "").slice(0, 24)}gen${i}`,
      cost: 1 + (i % 5),
      gas: i % 3,
      order_id: uuidFrom(random),
      result_url: i % 2 ? `https://example.org/result/${i}` : "",
      status: i % 10 === 0 ? "pending" : "completed",
    };
    orders.set(order.order_id, order);
  }
  return orders;
}

function namefiOrders() {
  const seed = fixture("namefi/get-order.200.json");
  const random = prng(2);
  const orders = new Map([[seed.order.id, seed]]);
  for (let i = 0; i < GENERATED.namefiOrderCount; i++) {
    const details = clone(seed);
    const owner = i % 4 === 3 ? NAMEFI_OTHER_USER_ID : NAMEFI_OWNER_ID;
    const id = uuidFrom(random);
    details.order.id = id;
    details.order.userId = owner;
    details.order.amountInUSDCents = 999 + i;
    details.items = details.items.map((item) => ({
      ...item,
      id: uuidFrom(random),
      orderId: id,
      normalizedDomainName: `example-${i}.com`,
      amountInUSDCents: 999 + i,
      durationInYears: 1 + (i % 3),
    }));
    details.payments = details.payments.map((p) => ({ ...p, id: uuidFrom(random), orderId: id, amountInUSDCents: 999 + i }));
    details.user = { ...details.user, id: owner };
    orders.set(id, details);
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
  for (let id = 100; id < 200; id++) addUser(id, [{ id: nextBillingAddressId++, city: "Lisbon", country: "Portugal", postal: "1100-148", street: `Rua ${id}` }]);

  // Generated NFTs 2000.., each with one regular listing 2000..
  const nftTemplate = got[0].orderItems[0].nft;
  const listingTemplate = created[0].orderItems[0].listing;
  for (let i = 0; i < 50; i++) {
    const nftId = 2000 + i;
    const priceCents = 100 * (1 + (i % 40));
    nfts.set(nftId, { ...clone(nftTemplate), id: nftId, title: `Generated NFT ${i}`, price: priceCents, availableAmount: 100000, amount: 100000 });
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
  for (let n = 0; n < GENERATED.licenseRocksOrderCount; n++) {
    const id = GENERATED.licenseRocksFirstOrderId + n;
    const buyerId = 100 + (n % 100);
    const listing = listings.get(2000 + (n % 50));
    const nft = nfts.get(listing.nftId);
    const quantity = 1 + (n % 3);
    const order = {
      ...template,
      id,
      buyerId,
      billingAddressId: users.get(buyerId).billingAddresses[0].id,
      secupayWebhookToken: uuidFrom(random),
      totalPriceCents: listing.priceCents * quantity,
      totalPriceEth: multiplyDecimal(listing.priceEths, quantity),
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
        nft,
        listing,
      },
    ];
    orders.set(id, order);
  }
  return { orders, nfts, listings, users, nextOrderId: 10000, nextBillingAddressId: 1000 };
}

/** A fresh copy of every provider's state. */
export function seedWorld() {
  return { capture: captureOrders(), namefi: namefiOrders(), licenseRocks: licenseRocksWorld() };
}
