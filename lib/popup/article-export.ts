// The export files of one article, built from what the popup already holds: the page
// state the content script sent (the same shape as PageState in ext/messages.ts), made
// by the same maker as the library's exports (lib/export/files.ts).
import { exportFile, type ExportFile } from '../export/files';
import { urnOf } from '../export/jsonld';
import type { ExportFact } from '../export/markdown';
import { newId } from '../model/ids';
import { newArticle } from '../model/records';
import type { Annotation, Article } from '../model/types';
import { articleIdentity, type IdentityInput } from '../model/url';

export type { ExportFile };

export interface ExportSource {
  meta: IdentityInput & { title: string; site: string; byline?: string; published?: string };
  article: Article | null;
  annotations: { annotation: Annotation; start?: number }[];
  facts: { figure: string; value: string; measures: string; when?: string; sentence: string }[];
}

/** The stored article, or, when the reader has saved nothing yet, one made from the page's metadata. */
export function articleOf(state: ExportSource, now: Date): Article {
  return state.article ?? newArticle({ ...state.meta, url: articleIdentity(state.meta).url }, now.toISOString());
}

/** Facts as the popup shows them: the figure in normalised words, what it measures, when, the sentence. */
export function exportFacts(state: ExportSource): ExportFact[] {
  return state.facts.map((fact) => ({
    figure: fact.value || fact.figure,
    measures: fact.measures,
    when: fact.when,
    sentence: fact.sentence,
  }));
}

export function buildExport(kind: 'markdown' | 'json' | 'csv', state: ExportSource, now: Date): ExportFile {
  const article = articleOf(state, now);
  // Reading order: anchored highlights by position, then the ones the page no longer has.
  const annotations = [...state.annotations]
    .sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER))
    .map((item) => item.annotation);
  return exportFile(kind === 'json' ? 'jsonld' : kind, {
    items: [{ article, annotations, facts: exportFacts(state) }],
    single: true,
    generated: now.toISOString(),
    collectionId: urnOf(newId()),
  });
}
