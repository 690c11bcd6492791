// Every relative link and image in the project's Markdown points at a file of the repository.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const documents = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

function relativeTargets(markdown) {
  const targets = [];
  for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^(?:[a-z]+:|#)/i.test(target)) continue;
    targets.push(target.split("#")[0]);
  }
  return targets;
}

test("relative links in the Markdown resolve to files of the repository", () => {
  const broken = [];
  let checked = 0;
  for (const document of documents) {
    const markdown = readFileSync(join(root, document), "utf8");
    for (const target of relativeTargets(markdown)) {
      const path = resolve(root, dirname(document), target);
      checked += 1;
      if (relative(root, path).startsWith("..") || !existsSync(path)) broken.push(`${document}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked >= 5, `only ${checked} links found: is the pattern still right?`);
});

test("the README shows the demo page", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  assert.match(readme, /!\[[^\]]+\]\(docs\/demo\.png\)/);
  const png = readFileSync(join(root, "docs/demo.png"));
  assert.equal(png.subarray(1, 4).toString(), "PNG");
});
