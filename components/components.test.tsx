// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Annotation } from '../lib/model/types';
import { ArticleHeader } from './ArticleHeader';
import { EntityPanel, type EntityItem } from './EntityPanel';
import { FactCard } from './FactCard';
import { NoteCard, type NoteItem } from './NoteCard';
import { ArticleNote } from './ArticleNote';
import { byTestId, click, mount, type } from './test-dom';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const annotation = (over: Partial<Annotation> = {}): Annotation => ({
  id: '00000000-0000-4000-8000-000000000001',
  articleId: '00000000-0000-4000-8000-0000000000aa',
  selectors: [{ type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' }],
  colour: 'yellow',
  note: '',
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
  ...over,
});

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});
const show = (node: Parameters<typeof mount>[0]) => {
  const mounted = mount(node);
  cleanup.push(mounted.unmount);
  return mounted.root;
};

describe('text from the page or the reader is shown as text', () => {
  it('in the header, a fact card and a note', () => {
    const header = show(
      <ArticleHeader meta={{ title: `Title ${HOSTILE}`, site: HOSTILE, byline: HOSTILE }} siteKey="x.test" siteEnabled onSiteEnabled={() => {}} />,
    );
    const fact = show(
      <FactCard
        fact={{ figure: HOSTILE, value: HOSTILE, measures: `trade in ${HOSTILE}`, sentence: HOSTILE }}
        pinned={false}
        onReveal={() => {}}
        onPin={() => {}}
        onUnpin={() => {}}
      />,
    );
    click(byTestId(fact, 'fact-sentence-toggle')[0]);
    const item: NoteItem = { annotation: annotation({ note: HOSTILE, tags: [HOSTILE] }), status: 'orphan', quote: HOSTILE };
    const note = show(<NoteCard item={item} onReveal={() => {}} onSave={async () => {}} onDelete={() => {}} onFindAgain={async () => false} />);
    for (const root of [header, fact, note]) {
      expect(root.querySelector('img')).toBeNull();
      expect(root.textContent).toContain(HOSTILE);
    }
  });
});

describe('FactCard', () => {
  const card = (value: string, measures: string) =>
    show(<FactCard fact={{ figure: value, value, measures, sentence: 's' }} pinned={false} onReveal={() => {}} onPin={() => {}} onUnpin={() => {}} />);

  it('shows what a figure measures, unless the value already says it', () => {
    expect(byTestId(card('244.8 billion US dollars', 'trade between China and Russia'), 'fact-reveal')[0]!.textContent).toContain('trade between China and Russia');
    expect(card('5 guiding principles', 'guiding principles').querySelector('.fact-measures')).toBeNull();
  });
});

describe('EntityPanel', () => {
  const entities: EntityItem[] = [
    { key: 'moscow', label: 'Moscow', type: 'LOC', count: 1, mentions: [{ start: 300, end: 306 }] },
    { key: 'xi', label: 'Xi Jinping', type: 'PER', count: 3, mentions: [{ start: 0, end: 10 }, { start: 40, end: 42 }, { start: 80, end: 82 }] },
    { key: 'putin', label: 'Vladimir Putin', type: 'PER', count: 2, mentions: [{ start: 20, end: 34 }, { start: 90, end: 95 }] },
  ];

  it('lists people before places, most mentioned first, with their counts', () => {
    const root = show(<EntityPanel entities={entities} onReveal={() => {}} />);
    const people = byTestId(byTestId(root, 'entity-group-person')[0]!, 'entity');
    expect(people.map((b) => byTestId(b, 'entity-label')[0]!.textContent)).toEqual(['Xi Jinping', 'Vladimir Putin']);
    expect(people.map((b) => byTestId(b, 'entity-count')[0]!.textContent)).toEqual(['3', '2']);
    expect(byTestId(root, 'entity-group-place')[0]!.textContent).toContain('Moscow');
    // Three names: a list is enough, no chart.
    expect(byTestId(root, 'entity-chart')).toHaveLength(0);
  });

  it('moves to the next mention of a name on each click and says which one', () => {
    const reveal = vi.fn();
    const root = show(<EntityPanel entities={entities} onReveal={reveal} />);
    const xi = byTestId(root, 'entity')[0]!;
    click(xi);
    click(xi);
    expect(reveal.mock.calls.map(([span]) => span.start)).toEqual([0, 40]);
    expect(byTestId(root, 'entity-position')[0]!.textContent).toBe('Xi Jinping: mention 2 of 3');
  });

  it('adds a bar chart of mentions when more than five names appear', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, label: `Name ${i}`, type: 'ORG', count: i + 1, mentions: [] }));
    const root = show(<EntityPanel entities={many} onReveal={() => {}} />);
    const chart = byTestId(root, 'entity-chart')[0]!;
    expect(chart.querySelectorAll('li')).toHaveLength(7);
    expect(chart.querySelector('li')!.textContent).toContain('Name 6');
  });
});

describe('NoteCard', () => {
  it('edits the note, tags and colour in place', async () => {
    const onSave = vi.fn(async () => {});
    const root = show(
      <NoteCard item={{ annotation: annotation({ note: 'old' }), status: 'anchored', quote: 'quoted', start: 0, end: 6 }} onReveal={() => {}} onSave={onSave} onDelete={() => {}} onFindAgain={async () => true} />,
    );
    click(byTestId(root, 'note-edit')[0]);
    type(byTestId(root, 'note-input')[0], 'new thought');
    type(byTestId(root, 'note-tags')[0], 'trade, trade, China');
    click(root.querySelector('input[value="green"]')!);
    await act(async () => void byTestId(root, 'note-save')[0]!.click());
    expect(onSave).toHaveBeenCalledWith({ note: 'new thought', tags: ['trade', 'China'], colour: 'green' });
    expect(byTestId(root, 'note-input')).toHaveLength(0);
  });

  it('Escape closes the editor without saving and gives focus back to its button', () => {
    const onSave = vi.fn(async () => {});
    const root = show(
      <NoteCard item={{ annotation: annotation({ note: 'kept' }), status: 'anchored', quote: 'quoted', start: 0, end: 6 }} onReveal={() => {}} onSave={onSave} onDelete={() => {}} onFindAgain={async () => true} />,
    );
    click(byTestId(root, 'note-edit')[0]);
    const input = byTestId(root, 'note-input')[0]!;
    expect(document.activeElement).toBe(input);
    type(input, 'discard me');
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onSave).not.toHaveBeenCalled();
    expect(byTestId(root, 'note-text')[0]!.textContent).toBe('kept');
    expect(document.activeElement).toBe(byTestId(root, 'note-edit')[0]);
  });

  it('flags a highlight the page no longer contains and looks for it again on request', async () => {
    const onFindAgain = vi.fn(async () => false);
    const root = show(
      <NoteCard item={{ annotation: annotation(), status: 'orphan', quote: 'a removed sentence' }} onReveal={() => {}} onSave={async () => {}} onDelete={() => {}} onFindAgain={onFindAgain} />,
    );
    expect(byTestId(root, 'note-orphan')[0]!.textContent).toContain('Not found');
    expect(byTestId(root, 'note-quote')[0]!.textContent).toBe('a removed sentence');
    await act(async () => void byTestId(root, 'note-find-again')[0]!.click());
    expect(onFindAgain).toHaveBeenCalledOnce();
    expect(byTestId(root, 'note-orphan')[0]!.textContent).toContain('Still not found');
  });
});

describe('ArticleNote', () => {
  it('saves what was typed when the reader leaves the field', async () => {
    const saved: string[] = [];
    const root = show(<ArticleNote note="" save={async (note) => void saved.push(note)} />);
    const field = byTestId(root, 'article-note')[0]!;
    type(field, 'Read again before Friday');
    await act(async () => void field.dispatchEvent(new FocusEvent('blur')));
    expect(saved).toEqual(['Read again before Friday']);
    await vi.waitFor(() => expect(byTestId(root, 'article-note-status')[0]!.textContent).toBe('Saved'));
  });
});
