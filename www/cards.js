// Orders as people read them: a card per order with its status as a badge,
// money and dates formatted (www/format.js), items and payments as small
// tables. Every value goes in as text, never as HTML: an order's fields are
// the provider's, not ours.
import { formatCents, formatEth, formatTime, formatWei } from "./format.js";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child ?? "—");
  return node;
}

// Final statuses read as done or failed; the rest as in progress.
const GOOD = new Set(["SUCCEEDED", "completed", "paid"]);
const BAD = new Set(["FAILED", "CANCELLED", "failed", "payment_failed"]);
function badge(status) {
  const tone = status == null ? "none" : GOOD.has(status) ? "good" : BAD.has(status) ? "bad" : "pending";
  return element("span", { class: `badge ${tone}`, "data-status": String(status ?? "") }, status ?? "no status");
}

// A field the Worker left out (personal or secret) says so, rather than looking empty.
const WITHHELD = "withheld by the Worker";
const shown = (object, key, format = (v) => String(v)) => {
  if (!object || !(key in object)) return element("em", { class: "withheld" }, WITHHELD);
  return object[key] === null ? "—" : format(object[key]);
};

function facts(rows) {
  const list = element("dl");
  for (const [term, value] of rows) list.append(element("dt", {}, term), element("dd", {}, value));
  return list;
}

function table(caption, headings, rows) {
  const head = element("tr", {}, ...headings.map((h) => element("th", { scope: "col" }, h)));
  const body = rows.map((cells) => element("tr", {}, ...cells.map((c) => element("td", {}, c))));
  return element("table", {}, element("caption", {}, caption), element("thead", {}, head), element("tbody", {}, ...body));
}

function card(title, status, ...parts) {
  return element("article", { class: "card" }, element("h3", {}, title, " ", badge(status)), ...parts);
}

// A cover image only from an https URL the order names (the Hub's previews may be `blob:` links, useless here).
function cover(nft) {
  const preview = nft?.payload?.cover?.[0]?.preview;
  if (typeof preview !== "string" || !preview.startsWith("https://")) return null;
  return element("img", { src: preview, alt: `Cover of ${nft.title ?? "the NFT"}`, loading: "lazy", class: "cover" });
}

function externalOrderCard(order) {
  const items = order.orderItems ?? [];
  const parts = [
    facts([
      [
        "Total",
        `${formatCents(order.totalPriceCents, (order.totalPriceCurrency ?? "EUR").toUpperCase())} · ${formatEth(order.totalPriceEth)}`,
      ],
      ["Created", formatTime(order.createdAt)],
      ["Buyer", order.buyer ? `#${order.buyer.id}` : "—"],
      ["Buyer email", shown(order.buyer, "email")],
    ]),
  ];
  const covers = items.map((item) => cover(item.nft)).filter(Boolean);
  parts.push(...covers);
  parts.push(
    table(
      "Items",
      ["NFT", "Quantity", "Price", "Listing price", "Secret phrase"],
      items.map((item) => [
        item.nft?.title ?? `#${item.nftId}`,
        String(item.quantity),
        formatCents(item.priceCents, (item.priceCurrency ?? "EUR").toUpperCase()),
        formatWei(item.listing?.priceWei),
        shown(item.nft, "secretPhrase"),
      ]),
    ),
  );
  return card(`License.rocks order #${order.id}`, order.status, ...parts);
}

function namefiCard({ order, items, payments }) {
  return card(
    "Namefi order",
    order.status,
    facts([
      ["Id", order.id],
      ["Total", formatCents(order.amountInUSDCents)],
      ["Created", formatTime(order.createdAt)],
      ["Started", formatTime(order.startedAt)],
      ["Finished", formatTime(order.finishedAt)],
      ["NFT wallet", order.nftWalletAddress ?? "not chosen yet"],
    ]),
    table(
      "Items",
      ["Domain", "Type", "Years", "Price", "Status"],
      items.map((item) => [
        item.normalizedDomainName,
        item.type,
        String(item.durationInYears),
        formatCents(item.amountInUSDCents),
        badge(item.status),
      ]),
    ),
    table(
      "Payments",
      ["Provider", "Amount", "Status", "Paid"],
      payments.map((p) => [p.paymentProvider, formatCents(p.amountInUSDCents), badge(p.status), formatTime(p.finishedAt)]),
    ),
  );
}

function captureCard(order) {
  return card(
    "Capture network action",
    order.status,
    facts([
      ["Order", order.order_id],
      ["Asset", order.nid],
      ["App", order.network_app_name],
      ["Chain", order.blockchain],
      ["Cost", `${order.cost} ${order.payment_token}`],
      ["Gas", String(order.gas)],
      ["Result", order.result_url || "none yet"],
    ]),
  );
}

/** The cards for a result of `kind` ("capture", "namefi", "licenseRocks"). */
export function cards(kind, value) {
  if (kind === "licenseRocks") return value.map(externalOrderCard);
  if (kind === "namefi") return [namefiCard(value)];
  return [captureCard(value)];
}

/** An error as a panel of its fields. */
export function errorPanel(error) {
  return element(
    "div",
    { class: "error-panel", role: "alert" },
    element("strong", {}, error.message),
    facts(
      ["kind", "provider", "status", "code", "path", "retryable"].map((field) => [
        field,
        error[field] === undefined ? "—" : String(error[field]),
      ]),
    ),
  );
}
