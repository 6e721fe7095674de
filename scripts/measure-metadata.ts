// Metadata against the corpus: `npx tsx scripts/measure-metadata.ts`.
// For each page in $LEDE_CORPUS/pages (default ../shared/corpus/pages), readMetadata() on
// source.html is compared with expected-metadata.json (what Readability reports) field by
// field: title, byline, siteName, lang, published. A field matches when both are empty, or
// both agree after lower-casing, collapsing whitespace and dropping a leading "By "; for
// byline and siteName one containing the other also counts (Readability keeps "By Ann Lee",
// "Le Monde.fr"). Fields where the expected value is empty are counted separately: we may
// know more than Readability did. Last stdout line: one JSON object.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { readMetadata, type PageMetadata } from '../lib/page/metadata.ts';

const pagesDir = join(resolve(process.env.LEDE_CORPUS ?? '../shared/corpus'), 'pages');
const fields = ['title', 'byline', 'siteName', 'lang', 'published'] as const;
const norm = (s: unknown): string =>
  typeof s === 'string' ? s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/^by\s+/, '') : '';

const tally: Record<string, { match: number; compared: number; extra: number }> = {};
for (const f of fields) tally[f] = { match: 0, compared: 0, extra: 0 };
const pages = readdirSync(pagesDir).filter((p) => existsSync(join(pagesDir, p, 'expected-metadata.json'))).sort();
console.log(`${'page'.padEnd(26)} ${fields.map((f) => f.padEnd(9)).join(' ')}`);
for (const page of pages) {
  const expected = JSON.parse(readFileSync(join(pagesDir, page, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>;
  const doc = parseHTML(readFileSync(join(pagesDir, page, 'source.html'), 'utf8')).document as unknown as Document;
  const got: PageMetadata = readMetadata(doc, `http://fakehost/${page}/`);
  const cells: string[] = [];
  for (const f of fields) {
    const e = norm(expected[f === 'published' ? 'publishedTime' : f]);
    const g = norm(got[f]);
    const t = tally[f]!;
    if (!e) {
      if (g) t.extra++;
      cells.push((g ? '+' : '·').padEnd(9));
      continue;
    }
    t.compared++;
    const loose = f === 'byline' || f === 'siteName';
    const ok = e === g || (loose && g !== '' && (e.includes(g) || g.includes(e)));
    if (ok) t.match++;
    else if (process.env.VERBOSE) console.log(`  ${page} ${f}: expected ${JSON.stringify(e)} got ${JSON.stringify(g)}`);
    cells.push((ok ? 'ok' : 'MISS').padEnd(9));
  }
  console.log(`${page.padEnd(26)} ${cells.join(' ')}`);
}
const summary: Record<string, unknown> = { pages: pages.length };
for (const f of fields) {
  const t = tally[f]!;
  summary[f] = { matched: t.match, compared: t.compared, rate: t.compared ? +(t.match / t.compared).toFixed(3) : null, extraWhereExpectedEmpty: t.extra };
}
console.log(JSON.stringify(summary));
