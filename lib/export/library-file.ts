// From the text of a file the reader chose to validated Lede records, or one clear
// error. Validation runs in chunks, reporting progress between them; the library page
// runs the whole import in a worker (ext/library/import-worker.ts), so that neither
// JSON.parse of a large file nor the checks hold up the page.
import * as v from 'valibot';
import { AnnotationSchema, ArticleSchema, describeIssues } from '../model/schema';
import type { Annotation, Article, IsoTime } from '../model/types';
import { fromBackup, isBackup } from './backup';
import { fromW3C, ImportFormatError, type FileRecords, type Skip } from './import-jsonld';

export { ImportFormatError };

/**
 * The largest file Lede imports: 256 MiB. Lede's own JSON-LD export of 100,000
 * annotations is about 71 MB (its backup 44 MB), so the limit leaves room for a library
 * three to four times that. The import holds the file's text and its parsed records at
 * once, about five times the file's size (measured: a 71 MB file peaks at 335 MB of heap),
 * which stays well within what a browser gives a worker; a larger file is refused before
 * it is read.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** What an import is doing, for its progress bar. */
export type ImportStage = 'reading' | 'checking' | 'writing';
export type ImportProgress = (done: number, total: number, stage: ImportStage) => void;

export interface LibraryFile {
  format: FileRecords['format'];
  articles: Article[];
  annotations: Annotation[];
  skipped: Skip[];
  placeholders: string[];
}

export interface ReadOptions {
  now: IsoTime;
  onProgress?: ImportProgress;
  chunk?: number;
  /** How to let the event loop breathe between chunks. */
  pause?: () => Promise<void>;
}

const defaultPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** UTF-8 size of a string without allocating its encoding. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `The file is ${describeSize(bytes)}; Lede imports files of at most ${describeSize(maxBytes)}. Nothing was imported.`;
}

/**
 * Whether text that failed to parse is valid JSON cut short: it ends inside a string or with a
 * bracket still open. Read from the text itself, not from the engine's error wording, which
 * differs by engine and by where the cut falls ("Expected double-quoted property name" after a
 * comma, "Unterminated string" inside one).
 */
export function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}

/** JSON.parse with a message that says what is wrong in words a reader understands. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ImportFormatError('The file is empty.');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ImportFormatError(
      endsOpen(text)
        ? `The file ends too early: it looks truncated (an incomplete download or copy). ${detail}`
        : `The file is not valid JSON, so it is not a Lede export or backup. ${detail}`,
    );
  }
}

export function recordsOf(doc: unknown, now: IsoTime): FileRecords {
  return isBackup(doc) ? fromBackup(doc) : fromW3C(doc, now);
}

function labelOf(x: unknown): string {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? ` (id ${(x as { id: string }).id.slice(0, 80)})` : '';
}

export async function validateRecords(records: FileRecords, opts: ReadOptions): Promise<LibraryFile> {
  const chunk = opts.chunk ?? 2000;
  const pause = opts.pause ?? defaultPause;
  const total = records.articles.length + records.annotations.length;
  let done = 0;
  const articles: Article[] = [];
  const annotations: Annotation[] = [];
  const run = async <T>(list: unknown[], schema: v.GenericSchema<unknown, T>, kind: string, out: T[]): Promise<void> => {
    for (let start = 0; start < list.length; start += chunk) {
      const end = Math.min(list.length, start + chunk);
      for (let i = start; i < end; i++) {
        const r = v.safeParse(schema, list[i]);
        if (!r.success) throw new ImportFormatError(`${kind} ${i + 1}${labelOf(list[i])} is not valid: ${describeIssues(r.issues)}. Nothing was imported.`);
        out.push(r.output);
      }
      done += end - start;
      opts.onProgress?.(done, total, 'checking');
      await pause();
    }
  };
  await run(records.articles, ArticleSchema, 'Article', articles);
  await run(records.annotations, AnnotationSchema, 'Annotation', annotations);
  return { format: records.format, articles, annotations, skipped: records.skipped, placeholders: records.placeholders };
}

/** Text → validated records. Throws ImportFormatError with a reader-facing message. */
export async function readLibraryFile(text: string, opts: ReadOptions & { maxBytes?: number }): Promise<LibraryFile> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  // A cheap bound first: no string of this many UTF-16 units can be under the limit.
  if (text.length > maxBytes) throw new ImportFormatError(tooLargeMessage(utf8Length(text), maxBytes));
  const bytes = utf8Length(text);
  if (bytes > maxBytes) throw new ImportFormatError(tooLargeMessage(bytes, maxBytes));
  const doc = parseJson(text);
  return validateRecords(recordsOf(doc, opts.now), opts);
}
