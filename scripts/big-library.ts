// A large made-up library as stored records, for the import benchmark and the end-to-end
// import of 100,000 annotations: realistic quotes with context, positions, every fifth
// highlight with a note, every seventh tagged. Deterministic.
import type { Annotation, Article } from '../lib/model/types';

export function bigLibrary(total: number, perArticle = 200): { articles: Article[]; annotations: Annotation[] } {
  const articles: Article[] = [];
  const annotations: Annotation[] = [];
  const t = '2026-01-01T00:00:00.000Z';
  const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  const count = Math.ceil(total / perArticle);
  for (let i = 0; i < count; i++) {
    const id = `aaaaaaaa-0000-4000-8000-${hex(i, 12)}`;
    articles.push({ id, url: `https://example.com/story/${i}`, title: `Story ${i}`, site: 'Example', note: '', tags: ['bench'], created: t, updated: t });
    for (let j = 0; j < perArticle && annotations.length < total; j++) {
      annotations.push({
        id: `bbbbbbbb-${hex(i, 4)}-4000-8000-${hex(j, 12)}`,
        articleId: id,
        selectors: [
          { type: 'TextQuoteSelector', exact: `the minister said ${i}-${j} percent`, prefix: 'In a statement on Monday, ', suffix: ' of the budget would go to' },
          { type: 'TextPositionSelector', start: j * 100, end: j * 100 + 30, unit: 'utf16' },
        ],
        colour: 'yellow',
        note: j % 5 === 0 ? `note ${j}: check the figure against last year's report` : '',
        tags: j % 7 === 0 ? ['budget'] : [],
        created: t,
        updated: t,
      });
    }
  }
  return { articles, annotations };
}
