// Money and dates as people read them, exactly from the wire: cents become a
// currency amount and wei or ETH strings decimal ETH without passing through a
// float (Intl formats decimal strings exactly); dates in the reader's time zone.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Whole cents (a safe integer) as a currency amount: 1999 → "$19.99". */
export function formatCents(cents, currency = "USD", locale = undefined) {
  if (!Number.isSafeInteger(cents)) return "—";
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  const decimal = `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimal);
}

/** A wei amount (a digit string) as decimal ETH: "6711409395973154000" → "6.711409395973154 ETH". */
export function formatWei(wei, locale = undefined) {
  if (typeof wei !== "string" || !/^\d+$/.test(wei)) return "—";
  const digits = wei.replace(/^0+(?=\d)/, "").padStart(19, "0");
  return formatEth(`${digits.slice(0, -18)}.${digits.slice(-18)}`, locale);
}

/** An ETH amount (a decimal string) as decimal ETH, every digit kept: "0.0067114" → "0.0067114 ETH". */
export function formatEth(eth, locale = undefined) {
  const match = typeof eth === "string" ? DECIMAL.exec(eth) : null;
  if (!match) return "—";
  // The whole part grouped by Intl (exact for a digit string); the fraction kept digit for digit.
  const whole = new Intl.NumberFormat(locale).format(`${match[1]}${match[2]}`);
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction === "") return `${whole} ETH`;
  const point = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return `${whole}${point}${fraction} ETH`;
}

/** An RFC 3339 time in the reader's time zone, or "—" for none. */
export function formatTime(text, locale = undefined, timeZone = undefined) {
  if (typeof text !== "string") return "—";
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}
