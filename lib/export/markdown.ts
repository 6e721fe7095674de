// Markdown export, one document per article, readable as plain text and safe in
// Obsidian and any CommonMark renderer: page and reader text is escaped so that it
// shows as the literal characters (`<img src=x onerror=…>` stays text, `*` stays a
// star) and front matter values are quoted so YAML never reinterprets them.
import { quoteOf } from '../model/records';
import type { Annotation, Article } from '../model/types';

/** A key fact as the popup shows it; kept local so exports do not depend on the extractor. */
export interface ExportFact {
  figure: string;
  measures: string;
  when?: string;
  sentence?: string;
}

export interface ArticleExport {
  article: Article;
  /** Live annotations, in reading order. */
  annotations: Annotation[];
  facts?: ExportFact[];
}

/**
 * Escapes text for inline Markdown. `<` and `>` become entities (a backslash would
 * not stop every renderer from starting an HTML tag); `&` only where it would start
 * an entity; the other markup characters get a backslash; `$` too, because Obsidian
 * renders `$…$` as maths and news is full of dollar amounts.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}|~$]/g, '\\$&')
    .replace(/==/g, '\\=\\=')
    .replace(/%%/g, '\\%\\%')
    .replace(/(^|\s)#(?=\S)/g, '$1\\#');
}

/** Escapes a line that starts a block, where `#`, `-`, `+`, `1.` and `=`/`-` runs mean structure. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^(\s*)(=+\s*)$/, '$1\\$2');
}

/** Text of several lines, each escaped, lines kept (Obsidian shows single line breaks). */
export function escapeBlock(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => escapeLineStart(escapeInline(l)));
}

function blockQuote(text: string): string[] {
  return escapeBlock(text).map((l) => (l.trim() === '' ? '>' : `> ${l}`));
}

/**
 * A YAML scalar that YAML reads back as exactly this string: a JSON string is a valid
 * YAML double-quoted scalar. `<` and `>` are escaped too (\u003c, \u003e), so that no
 * viewer that shows front matter raw can take a title for HTML, and so are the characters
 * YAML 1.1 reads as line breaks (NEL, LS, PS).
 */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(/[<>\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Obsidian tags may not contain spaces or most punctuation. */
function obsidianTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_/-]/gu, '');
}

function frontMatter(article: Article): string[] {
  const lines = ['---', `title: ${yamlString(article.title)}`, `url: ${yamlString(article.url)}`];
  if (article.site) lines.push(`site: ${yamlString(article.site)}`);
  if (article.byline) lines.push(`byline: ${yamlString(article.byline)}`);
  if (article.published) lines.push(`published: ${yamlString(article.published)}`);
  const tags = article.tags.map(obsidianTag).filter((t) => t !== '');
  lines.push(`tags: [${tags.map(yamlString).join(', ')}]`);
  // The names the article mentions, as Obsidian list properties, most mentioned first.
  for (const [type, key] of [['PER', 'people'], ['ORG', 'organisations'], ['LOC', 'places']] as const) {
    const names = (article.entities ?? []).filter((e) => e.type === type).map((e) => e.label);
    if (names.length) lines.push(`${key}: [${names.map(yamlString).join(', ')}]`);
  }
  lines.push(`created: ${yamlString(article.created)}`, `updated: ${yamlString(article.updated)}`, 'source: "Lede"', '---');
  return lines;
}

/** A URL as a Markdown link target; angle brackets allow spaces and parentheses. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

export function articleMarkdown({ article, annotations, facts = [] }: ArticleExport): string {
  const out: string[] = [...frontMatter(article), ''];
  out.push(`# ${escapeInline(article.title || article.url)}`, '');
  out.push(`Source: [${escapeInline(article.site || article.url)}](${linkTarget(article.url)})`);
  const about = [article.byline && `By ${escapeInline(article.byline)}`, article.published && `Published ${escapeInline(article.published)}`].filter(Boolean);
  if (about.length) out.push('', about.join(' · '));
  if (article.tags.length) out.push('', `Tags: ${article.tags.map((t) => `#${obsidianTag(t)}`).filter((t) => t !== '#').join(' ')}`);

  if (article.note.trim()) out.push('', '## Note', '', ...escapeBlock(article.note));

  const live = annotations.filter((a) => a.deleted === undefined);
  if (live.length) {
    out.push('', '## Highlights');
    for (const a of live) {
      out.push('', ...blockQuote(quoteOf(a).exact));
      const meta = [`*${a.colour}*`, ...a.tags.map((t) => `#${obsidianTag(t)}`).filter((t) => t !== '#')];
      out.push('', meta.join(' '));
      if (a.note.trim()) out.push('', ...escapeBlock(a.note));
    }
  }

  if (facts.length) {
    out.push('', '## Facts', '');
    for (const f of facts) {
      const when = f.when ? ` (${escapeInline(f.when)})` : '';
      out.push(`- **${escapeInline(f.figure)}**: ${escapeInline(f.measures)}${when}`);
      if (f.sentence) out.push(...blockQuote(f.sentence).map((l) => `  ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Many articles as one document, separated by rules, without front matter per article. */
export function libraryMarkdown(items: readonly ArticleExport[], title = 'Lede export'): string {
  const parts = items.map((item) => {
    const doc = articleMarkdown(item);
    // Drop the per-article front matter: only one is allowed at the top of a file.
    const body = doc.replace(/^---\n[^]*?\n---\n\n/, '');
    return body.replace(/^# /, '## ').replace(/\n## /g, '\n### ');
  });
  return `# ${escapeInline(title)}\n\n${parts.join('\n---\n\n')}`;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name that Windows, macOS, Linux and Obsidian all accept (Obsidian also refuses # ^ [ ] |). */
export function safeFileName(title: string, fallback = 'Untitled'): string {
  let name = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#^[\]]/g, ' ')
    // A lone surrogate (half an emoji cut off) is not a character any file system stores.
    .replace(/\p{Cs}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if ([...name].length > 100) name = [...name].slice(0, 100).join('').replace(/[.\s]+$/, '');
  if (!name || RESERVED.test(name)) name = name ? `${name}_` : fallback;
  return name;
}

/** One `.md` file per article, for a zip or a vault folder; names are unique case-insensitively. */
export function articleFiles(items: readonly ArticleExport[]): { filename: string; content: string }[] {
  const used = new Set<string>();
  return items.map((item) => {
    const base = safeFileName(item.article.title || item.article.site || item.article.url);
    let name = `${base}.md`;
    for (let n = 2; used.has(name.toLocaleLowerCase()); n++) name = `${base} (${n}).md`;
    used.add(name.toLocaleLowerCase());
    return { filename: name, content: articleMarkdown(item) };
  });
}
