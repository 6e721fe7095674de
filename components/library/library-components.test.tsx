// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { buildCatalogue } from '../../lib/library/catalogue';
import { DEFAULT_QUERY, type LibraryQuery } from '../../lib/library/query';
import type { Annotation, Article } from '../../lib/model/types';
import { byTestId, click, mount, type } from '../test-dom';
import { ExportBar } from './ExportBar';
import { FilterBar } from './FilterBar';
import { ImportReportView } from './ImportReportView';
import { LibraryRow } from './LibraryRow';
import { ProgressBar } from './ProgressBar';
import { VirtualList } from './VirtualList';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const article = (over: Partial<Article> = {}): Article => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  url: 'https://news.example/a',
  title: 'Harbour deal signed',
  site: 'Harbour Times',
  note: '',
  tags: [],
  created: '2026-01-05T10:00:00.000Z',
  updated: '2026-01-05T10:00:00.000Z',
  ...over,
});

const highlight = (over: Partial<Annotation> = {}): Annotation => ({
  id: '00000000-0000-4000-8000-000000000001',
  articleId: '00000000-0000-4000-8000-0000000000aa',
  selectors: [{ type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' }],
  colour: 'green',
  note: 'a note',
  tags: ['Energy'],
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
  ...over,
});

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});
function show(node: Parameters<typeof mount>[0]) {
  const m = mount(node);
  cleanup.push(m.unmount);
  return m.root;
}

function row(a: Article, anns: Annotation[], onToggle = vi.fn()) {
  const entry = buildCatalogue([a], anns).entries[0]!;
  return show(
    <ul>
      <LibraryRow entry={entry} index={4} count={10} height={64} selected={false} onToggle={onToggle} formatDate={(iso) => iso.slice(0, 10)} />
    </ul>,
  );
}

describe('LibraryRow', () => {
  it('shows the title as a link to the article with its counts, date and tags', () => {
    const root = row(article({ note: 'whole article' }), [highlight(), highlight({ id: '00000000-0000-4000-8000-000000000002', note: '', tags: ['Oil'] })]);
    const link = root.querySelector('a')!;
    expect(link.textContent).toBe('Harbour deal signed');
    expect(link.getAttribute('href')).toBe('https://news.example/a');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(byTestId(root, 'library-row-highlights')[0]!.textContent).toBe('2 highlights');
    expect(byTestId(root, 'library-row-notes')[0]!.textContent).toBe('2 notes');
    expect(root.textContent).toContain('Saved 2026-01-05');
    expect([...root.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual(['Energy', 'Oil']);
    expect(byTestId(root, 'library-row')[0]!.getAttribute('aria-posinset')).toBe('5');
  });

  it('puts page text in as text, and makes no link of a non-web address', () => {
    const root = row(article({ title: HOSTILE, url: 'javascript:alert(1)', tags: [HOSTILE] }), []);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(byTestId(root, 'library-row-title')[0]!.textContent).toBe(HOSTILE);
  });

  it('shows the quote or note under the title as text', () => {
    const entry = buildCatalogue([article()], []).entries[0]!;
    const root = show(
      <ul>
        <LibraryRow entry={entry} index={0} count={1} height={84} selected={false} onToggle={() => undefined} formatDate={(iso) => iso} preview={{ kind: 'note', text: HOSTILE }} />
      </ul>,
    );
    expect(byTestId(root, 'library-row-preview')[0]!.textContent).toBe(`Note: ${HOSTILE}`);
    expect(root.querySelector('img')).toBeNull();
  });

  it('reports the checkbox with the article id', () => {
    const onToggle = vi.fn();
    const root = row(article(), [], onToggle);
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.getAttribute('aria-label')).toBe('Select “Harbour deal signed”');
    click(box);
    expect(onToggle).toHaveBeenCalledWith(article().id, true);
  });
});

describe('VirtualList', () => {
  it('puts only the rows in view in the DOM, and a spacer for the rest', () => {
    const root = show(<VirtualList count={1000} rowHeight={50} label="Articles" fallbackHeight={500} renderRow={(i) => <li key={i}>row {i}</li>} />);
    const items = root.querySelectorAll('li');
    expect(items.length).toBeGreaterThan(10);
    expect(items.length).toBeLessThan(30);
    expect(items[0]!.textContent).toBe('row 0');
    expect(root.querySelector<HTMLElement>('.vlist-spacer')!.style.height).toBe('50000px');
  });

  it('renders the rows further down after a scroll', () => {
    const root = show(<VirtualList count={1000} rowHeight={50} label="Articles" fallbackHeight={500} renderRow={(i) => <li key={i}>row {i}</li>} />);
    const box = root.querySelector<HTMLElement>('.vlist')!;
    act(() => {
      box.scrollTop = 25_000;
      box.dispatchEvent(new Event('scroll'));
    });
    const texts = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(texts).toContain('row 500');
    expect(texts).not.toContain('row 0');
  });
});

describe('FilterBar', () => {
  const facets = {
    tags: [{ tag: 'Energy', count: 3 }],
    sites: [{ site: 'Harbour Times', count: 2 }],
    entities: [
      { type: 'PER' as const, label: 'Xi Jinping', count: 4 },
      { type: 'LOC' as const, label: 'Beijing', count: 1 },
    ],
  };

  it('reports search text, filters and sort as a new query', () => {
    const onChange = vi.fn();
    const root = show(<FilterBar query={DEFAULT_QUERY} facets={facets} onChange={onChange} />);
    type(byTestId(root, 'library-search')[0], 'harbour');
    expect(onChange.mock.calls.at(-1)![0]).toMatchObject({ text: 'harbour' });
    const select = (id: string, value: string) => {
      const el = byTestId(root, id)[0] as HTMLSelectElement;
      act(() => {
        el.value = value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return onChange.mock.calls.at(-1)![0] as LibraryQuery;
    };
    expect(select('library-filter-tag', 'Energy').tag).toBe('Energy');
    expect(select('library-filter-site', 'Harbour Times').site).toBe('Harbour Times');
    expect(select('library-filter-colour', 'pink').colour).toBe('pink');
    expect(select('library-sort', 'title')).toMatchObject({ sort: 'title', order: 'asc' });
    type(byTestId(root, 'library-filter-entity')[0], 'Xi Jinping');
    expect(onChange.mock.calls.at(-1)![0]).toMatchObject({ entity: 'Xi Jinping' });
    expect('tag' in select('library-filter-tag', '')).toBe(false);
  });

  it('suggests the names in use, with their kind and how many articles name them', () => {
    const root = show(<FilterBar query={DEFAULT_QUERY} facets={facets} onChange={() => undefined} />);
    const input = byTestId(root, 'library-filter-entity')[0] as HTMLInputElement;
    const options = [...root.querySelectorAll(`datalist#${input.getAttribute('list')} option`)] as HTMLOptionElement[];
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['Xi Jinping', 'Person, 4 articles'],
      ['Beijing', 'Place, 1 article'],
    ]);
  });

  it('labels every control', () => {
    const root = show(<FilterBar query={DEFAULT_QUERY} facets={facets} onChange={() => undefined} />);
    for (const el of root.querySelectorAll('input, select')) {
      expect(root.querySelector(`label[for="${el.id}"]`)?.textContent, el.id).toBeTruthy();
    }
    expect(root.querySelector('[data-testid=library-order]')!.getAttribute('aria-label')).toMatch(/Descending/);
  });
});

describe('ExportBar', () => {
  it('says what will be exported and asks for each format', () => {
    const onExport = vi.fn();
    const root = show(<ExportBar scope="the 3 selected articles" busy={false} onExport={onExport} onImport={() => undefined} />);
    expect(root.textContent).toContain('Export the 3 selected articles:');
    for (const [id, kind] of [
      ['library-export-markdown', 'markdown'],
      ['library-export-markdown-zip', 'markdown-zip'],
      ['library-export-json', 'json'],
      ['library-export-csv', 'csv'],
      ['library-export-backup', 'backup'],
    ] as const) {
      click(byTestId(root, id)[0]);
      expect(onExport).toHaveBeenLastCalledWith(kind);
    }
  });

  it('disables everything while busy', () => {
    const root = show(<ExportBar scope="all" busy onExport={() => undefined} onImport={() => undefined} />);
    expect([...root.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')].every((el) => el.disabled)).toBe(true);
  });
});

describe('ImportReportView', () => {
  it('counts what an import did and says why records were skipped', () => {
    const root = show(
      <ImportReportView
        fileName="lede.jsonld"
        report={{ ok: true, format: 'lede-jsonld', added: 1100, updated: 2, deleted: 0, unchanged: 5, deletedSince: 0, restored: 0, skipped: [{ id: 'x', kind: 'annotation', reason: 'The library’s version is newer.' }], merged: [], errors: [] }}
      />,
    );
    expect(root.textContent).toContain('Imported lede.jsonld (Lede JSON-LD export)');
    expect(root.textContent).toContain('1,100 added');
    expect(root.textContent).toContain('1 skipped');
    expect(root.textContent).toContain('The library’s version is newer.');
  });

  it('offers to bring back what was deleted since the file was made, and says what it brought back', () => {
    const onRestore = vi.fn();
    const skipped = { id: 'x', kind: 'article' as const, reason: 'It was deleted in the library after this version was saved.' };
    const base = { ok: true, format: 'lede-backup' as const, added: 0, updated: 0, deleted: 0, unchanged: 0, restored: 0, merged: [], errors: [] };
    const root = show(<ImportReportView fileName="b.json" onRestoreDeleted={onRestore} report={{ ...base, deletedSince: 1, skipped: [skipped] }} />);
    expect(root.textContent).toContain('1 record was deleted in the library after this file was made');
    click(byTestId(root, 'import-restore-deleted')[0]);
    expect(onRestore).toHaveBeenCalledOnce();
    const after = show(<ImportReportView fileName="b.json" onRestoreDeleted={onRestore} report={{ ...base, deletedSince: 0, restored: 1100, skipped: [] }} />);
    expect(after.textContent).toContain('1,100 restored');
    expect(byTestId(after, 'import-restore-deleted')).toHaveLength(0);
  });

  it('shows a failed import as an error that nothing was changed, text as text', () => {
    const root = show(<ImportReportView fileName={HOSTILE} report={{ ok: false, added: 0, updated: 0, deleted: 0, unchanged: 0, deletedSince: 0, restored: 0, skipped: [], merged: [], errors: ['The file ends too early.'] }} />);
    expect(root.textContent).toContain('Nothing was changed.');
    expect(root.textContent).toContain('The file ends too early.');
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('ProgressBar', () => {
  it('shows the share done, and nothing when idle', () => {
    const root = show(<ProgressBar progress={{ label: 'Importing', done: 250, total: 1000 }} />);
    expect(root.textContent).toContain('Importing (25%)');
    expect(root.querySelector('progress')!.value).toBe(250);
    expect(show(<ProgressBar progress={null} />).textContent).toBe('');
  });
});
