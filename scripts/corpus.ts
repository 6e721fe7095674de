// The saved news pages of the shared corpus (../shared/corpus/pages, or $LEDE_CORPUS/pages):
// each has source.html (the page as saved), expected.html (the article as Readability extracts
// it) and expected-metadata.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export interface CorpusPage {
  name: string;
  lang: string;
  title: string;
  dir: string;
  sourcePath: string;
  english: boolean;
}

export function corpusDir(): string {
  const dir = resolve(process.env.LEDE_CORPUS ?? '../shared/corpus');
  if (!existsSync(join(dir, 'pages'))) {
    throw new Error(`No corpus pages at ${join(dir, 'pages')}; set LEDE_CORPUS to the folder that holds pages/.`);
  }
  return dir;
}

export function corpusPages(): CorpusPage[] {
  const pagesDir = join(corpusDir(), 'pages');
  return readdirSync(pagesDir)
    .filter((name) => existsSync(join(pagesDir, name, 'source.html')))
    .sort()
    .map((name) => {
      const dir = join(pagesDir, name);
      const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string; title?: string };
      const lang = meta.lang ?? 'en';
      return { name, lang, title: meta.title ?? name, dir, sourcePath: join(dir, 'source.html'), english: lang.startsWith('en') };
    });
}

/** The expected article's plain text, blocks on their own lines. */
export function expectedText(page: CorpusPage): string {
  const { document } = parseHTML(`<!doctype html><html><body>${readFileSync(join(page.dir, 'expected.html'), 'utf8')}</body></html>`);
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The page with its own scripts removed, so that whatever changes the DOM can only be us. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}
