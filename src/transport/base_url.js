// A configured base URL, checked with the platform's URL parser in one call:
// absolute, https (plain http only on loopback, for local simulators), no
// credentials, query or fragment; a bare host (`hub.example.com`) is https.
// Resolves to the URL without a trailing slash, or to why it is refused.
// Calls repeat the same few base URLs, so verdicts are remembered.

const verdicts = new Map();

export function checkBaseUrl(raw) {
  let verdict = verdicts.get(raw);
  if (verdict === undefined) {
    verdict = check(raw);
    if (verdicts.size >= 16) verdicts.delete(verdicts.keys().next().value);
    verdicts.set(raw, verdict);
  }
  return verdict;
}

function check(raw) {
  let url;
  try {
    url = new URL(raw.includes("://") ? raw : `https://${raw}`);
  } catch {
    return { refused: "is not a valid URL" };
  }
  if (url.username !== "" || url.password !== "") return { refused: "must not carry credentials; pass them as options" };
  if (url.search !== "" || url.hash !== "") return { refused: "must not have a query or fragment" };
  const host = url.hostname;
  const loopback = host === "localhost" || host === "[::1]" || /^127\.[^.]*\.[^.]*\.[^.]*$/.test(host);
  if (url.protocol === "http:" && !loopback) return { refused: "must use https (plain http is only allowed on loopback)" };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { refused: "must be an http(s) URL" };
  return { url: url.origin + url.pathname.replace(/\/+$/, "") };
}
