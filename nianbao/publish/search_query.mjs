// Query a built site's Pagefind index with Pagefind's own pagefind.js and WebAssembly.
// Usage: node search_query.mjs SITE_DIR TERM... -> JSON {term: [{url, title, excerpt}]}
// Node's fetch() cannot read file:// URLs, so they are answered from disk; nothing else
// is fetched (any other URL is an error: the index must be self-contained).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

globalThis.fetch = async (input) => {
  const url = typeof input === "string" ? input : input.url;
  if (!url.startsWith("file:")) throw new Error(`unexpected fetch of ${url}`);
  try {
    return new Response(await readFile(fileURLToPath(url)), { status: 200 });
  } catch {
    return new Response("", { status: 404 });
  }
};

const [site, ...terms] = process.argv.slice(2);
// The index is split into bundles pagefind/<name>/ (listed in pagefind/bundles.json): the
// first is imported, the others merged into it, as the search page does in the browser.
const root = path.join(path.resolve(site), "pagefind");
const { bundles } = JSON.parse(await readFile(path.join(root, "bundles.json"), "utf-8"));
const folder = (name) => pathToFileURL(path.join(root, name)).href + "/";
const pagefind = await import(folder(bundles[0]) + "pagefind.js");
await pagefind.options({ baseUrl: "/" });
for (const name of bundles.slice(1)) {
  await pagefind.mergeIndex(folder(name), { baseUrl: "/" });
}
const out = {};
for (const term of terms) {
  const found = await pagefind.search(term);
  out[term] = [];
  for (const result of found.results) {
    const data = await result.data();
    out[term].push({ url: data.url, title: data.meta.title, excerpt: data.excerpt });
  }
}
await pagefind.destroy?.();
process.stdout.write(JSON.stringify(out));
