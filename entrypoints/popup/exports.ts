// The three export files of one article, built from what the popup already holds.
import type { PageState } from '../../ext/messages';
import { annotationCollectionJson, urnOf } from '../../lib/export/jsonld';
import { newId } from '../../lib/model/ids';
import { newArticle } from '../../lib/model/records';
import type { Article } from '../../lib/model/types';
import { articleIdentity } from '../../lib/model/url';
import { fileNameFor } from '../../lib/popup/filename';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** The stored article, or, when the reader has saved nothing yet, one made from the page's metadata. */
export function articleOf(state: PageState, now: Date): Article {
  return state.article ?? newArticle({ ...state.meta, url: articleIdentity(state.meta).url }, now.toISOString());
}

export function buildExport(kind: 'markdown' | 'json' | 'csv', state: PageState, now: Date): ExportFile {
  const article = articleOf(state, now);
  const annotations = state.annotations.map((item) => item.annotation);
  const title = article.title || state.meta.title;
  switch (kind) {
    case 'json':
      return {
        name: fileNameFor(title, 'jsonld'),
        type: 'application/ld+json',
        text: annotationCollectionJson([article], annotations, {
          generated: now.toISOString(),
          collectionId: urnOf(newId()),
          label: `Lede: ${title}`,
        }),
      };
    case 'markdown':
    case 'csv':
      throw new Error('not available yet');
  }
}
