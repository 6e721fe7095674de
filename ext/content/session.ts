// One run of Lede on one page: find the article, index its text, extract, paint, then serve the
// popup and the reader. Work happens in slices that yield to the page; everything is undone
// through the AbortSignal (settings switched off, single-page navigation, extension reload).
import type { Entity, Extraction, Figure } from '../../lib/extract';
import { background } from '../messages';
import { chunkAtBlocks, relinkKeys } from '../../lib/marks/chunks';
import { formatFigure } from '../../lib/marks/format';
import { FLASH_HIGHLIGHT as FLASH } from '../../lib/marks/palette';
import { buildMarks, type Mark, type MarkSet } from '../../lib/marks/mentions';
import { isSiteDisabled, type Settings } from '../../lib/marks/settings';
import { findArticle, type ArticleBody } from '../../lib/page/body';
import { IntervalIndex } from '../../lib/page/intervals';
import { readMetadata } from '../../lib/page/metadata';
import { TextIndexBuilder, type TextIndex } from '../../lib/page/text-index';
import type { PageEntity, PageFact, PageState } from '../messages';
import { HoverCard } from './hover-card';
import { MarkPainter, supportsHighlights, type PageWindow } from './painter';
import { UiHost } from './ui-host';
import { yieldToPage, sliceDeadline } from './scheduling';

/** Characters of article text we mark at most: a million-word page gets its first ~35,000 words. */
const MAX_ARTICLE_CHARS = 200_000;
/** Marks painted per task. */
const PAINT_BATCH = 1500;
/** Characters per extraction request to the background; a long article streams in several. */
const EXTRACT_SLICE_CHARS = 40_000;

export interface SessionHooks {
  /** Called after the first paint, and after every repaint. */
  onPainted?(session: LedeSession): void;
}

export class LedeSession {
  status: PageState['status'] = 'loading';
  body: ArticleBody | null = null;
  index: TextIndex | null = null;
  extraction: Extraction | null = null;
  marks: MarkSet = { marks: [], groups: new Map() };
  paintedMs = 0;
  /** Longest stretch our code ran without yielding, for the time budget (no task over 50 ms). */
  longestTaskMs = 0;
  private taskStart = 0;
  readonly ui: UiHost;
  readonly painter: MarkPainter | null;
  readonly card: HoverCard;
  private markIndex = new IntervalIndex<Mark>([]);
  private cursor = -1;

  constructor(
    readonly win: PageWindow,
    readonly signal: AbortSignal,
    private settings: Settings,
    private readonly startedAt: number,
    private readonly hooks: SessionHooks = {},
  ) {
    this.ui = new UiHost(win.document);
    this.painter = supportsHighlights(win) ? new MarkPainter(win) : null;
    this.card = new HoverCard({
      ui: this.ui,
      rectOf: (mark) => this.rangeOf(mark.start, mark.end)?.getBoundingClientRect() ?? null,
      reveal: (mark) => this.reveal(mark.start, mark.end),
    });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  get doc(): Document {
    return this.win.document;
  }

  isOurs = (el: Element): boolean => this.ui.isHost(el);

  /** Finds, indexes, extracts and paints the article. */
  async run(): Promise<void> {
    this.taskStart = this.win.performance.now();
    if (isSiteDisabled(this.settings, this.win.location.href)) {
      this.status = 'off';
      return;
    }
    const stages: Record<string, number> = { start: this.win.performance.now() - this.startedAt };
    const lap = (name: string) => (stages[name] = this.win.performance.now() - this.startedAt);
    this.body = findArticle(this.doc, { exclude: this.isOurs });
    lap('found');
    this.status = this.body ? 'article' : 'not-article';
    // Not an article: no marks, but the reader may still highlight, so index the page's body.
    const roots = this.body ? [...this.body.roots] : this.doc.body ? [this.doc.body] : [];
    this.index = await this.buildIndex(roots, this.body?.blockSet);
    lap('indexed');
    if (this.signal.aborted || !this.body) return;
    if (this.index.truncated) {
      // Hundreds of thousands of words (a book, a log, a generated page): repainting highlights over
      // all of it would freeze the page, so Lede leaves it unmarked and says so in the popup.
      this.status = 'too-long';
      return;
    }
    // Waiting for the background's extraction gives the page its turn; paint as soon as it answers.
    this.extraction = await this.extractInSlices(this.index.text);
    lap('extracted');
    if (this.signal.aborted) return;
    await this.paint();
    if (this.signal.aborted) return;
    lap('painted');
    this.endTask();
    this.paintedMs = this.win.performance.now() - this.startedAt;
    this.win.performance.mark('lede:painted', {
      detail: {
        entities: this.extraction.entities.length,
        figures: this.extraction.figures.length,
        ms: this.paintedMs,
        longestTaskMs: this.longestTaskMs,
        chars: this.index.text.length,
        // Milliseconds from content-script start at which each stage ended.
        stages,
      },
    });
    this.hooks.onPainted?.(this);
  }

  private async buildIndex(roots: Node[], blocks: ReadonlySet<Element> | undefined): Promise<TextIndex> {
    const builder = new TextIndexBuilder(roots, { blocks, exclude: this.isOurs, maxChars: MAX_ARTICLE_CHARS });
    for (;;) {
      const deadline = sliceDeadline(this.win);
      if (builder.step(deadline)) return builder.index;
      await this.yield();
      if (this.signal.aborted) return builder.index;
    }
  }

  /** Extracts slice by slice; spans are moved to whole-text offsets and names linked across slices. */
  private async extractInSlices(text: string): Promise<Extraction> {
    const whole: Extraction = { sentences: [], entities: [], figures: [], facts: [] };
    const chunks = chunkAtBlocks(text, EXTRACT_SLICE_CHARS);
    for (let i = 0; i < chunks.length; i++) {
      const { start, end } = chunks[i]!;
      if (this.signal.aborted) break;
      const part = await this.outside(background.sendMessage('extract', { text: text.slice(start, end) }));
      const shift = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + start, end: span.end + start });
      whole.sentences.push(...part.sentences.map(shift));
      whole.entities.push(...relinkKeys(whole.entities, part.entities.map(shift)));
      whole.figures.push(...part.figures.map(shift));
      whole.facts.push(
        ...part.facts.map((fact) => ({
          ...fact,
          figure: shift(fact.figure),
          when: fact.when ? shift(fact.when) : undefined,
          entities: fact.entities.map(shift),
          sentence: shift(fact.sentence),
        })),
      );
    }
    if (chunks.length > 1) whole.facts.sort((a, b) => b.score - a.score);
    return whole;
  }

  private endTask(): void {
    this.longestTaskMs = Math.max(this.longestTaskMs, this.win.performance.now() - this.taskStart);
  }

  /** Waits for work done elsewhere (the background); our task ends while we wait. */
  private async outside<T>(work: Promise<T>): Promise<T> {
    this.endTask();
    const result = await work;
    this.taskStart = this.win.performance.now();
    return result;
  }

  /** Ends our current task and lets the page run before we go on. */
  private async yield(): Promise<void> {
    this.endTask();
    await yieldToPage(this.win);
    this.taskStart = this.win.performance.now();
  }

  rangeOf(start: number, end: number): Range | null {
    return this.index?.toRange(this.doc, start, end) ?? null;
  }

  /**
   * Paints every mark and applies the visible types and colour scheme. Ranges are made in batches
   * with a yield between them, so a very long article never holds the page for long.
   */
  async paint(): Promise<void> {
    if (!this.extraction || !this.index) return;
    this.marks = buildMarks(this.extraction.entities, this.extraction.figures);
    this.markIndex = new IntervalIndex(this.marks.marks);
    const painter = this.painter;
    if (!painter) return;
    painter.clearMarks();
    painter.setScheme(this.settings.scheme, this.shadowRoots());
    painter.showTypes(this.settings.types);
    painter.setVisible(FLASH, true);
    const marks = this.marks.marks;
    for (let from = 0; from < marks.length; from += PAINT_BATCH) {
      if (from > 0) {
        await this.yield();
        if (this.signal.aborted) return;
      }
      const byType = new Map<Mark['type'], AbstractRange[]>();
      for (const mark of marks.slice(from, from + PAINT_BATCH)) {
        const span = this.index.toSpan(mark.start, mark.end);
        if (!span) continue;
        const range = new this.win.StaticRange({
          startContainer: span.startNode,
          startOffset: span.startOffset,
          endContainer: span.endNode,
          endOffset: span.endOffset,
        });
        let list = byType.get(mark.type);
        if (!list) byType.set(mark.type, (list = []));
        list.push(range);
      }
      for (const [type, ranges] of byType) painter.add(type, ranges);
    }
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    if (!this.painter || !this.extraction) return;
    this.painter.setScheme(settings.scheme);
    this.painter.showTypes(settings.types);
    if (this.card.shownMark && !settings.types[this.card.shownMark.type]) this.card.hide();
  }

  /** Shadow roots that hold article text: our style sheet must be adopted there too. */
  private shadowRoots(): ShadowRoot[] {
    const roots = new Set<ShadowRoot>();
    for (const block of this.body?.blocks ?? []) {
      const root = block.getRootNode();
      if (root !== this.doc && root.nodeType === 11) roots.add(root as ShadowRoot);
    }
    return [...roots];
  }

  /** The innermost visible mark at a flat offset, if any (an entity may sit inside a figure's span). */
  markAt(offset: number): Mark | null {
    let best: Mark | null = null;
    for (const mark of this.markIndex.allAt(offset)) {
      if (this.settings.types[mark.type] && (!best || mark.end - mark.start < best.end - best.start)) best = mark;
    }
    return best;
  }

  /** Scrolls a flat span into view and flashes it. */
  reveal(start: number, end: number): boolean {
    const range = this.rangeOf(start, end);
    if (!range) return false;
    const element = range.startContainer.parentElement;
    const reduced = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    if (this.painter) {
      this.painter.clearNamed(FLASH);
      this.painter.addNamed(FLASH, [range], 20);
      this.win.setTimeout(() => this.painter?.clearNamed(FLASH), 1600);
    }
    return true;
  }

  /** Keyboard: moves to the next visible mark and opens its card with focus. */
  cycleMarks(): void {
    const visible = this.marks.marks.filter((m) => this.settings.types[m.type]);
    if (visible.length === 0) return;
    this.cursor = (this.cursor + 1) % visible.length;
    const mark = visible[this.cursor]!;
    this.reveal(mark.start, mark.end);
    const group = this.marks.groups.get(mark.key);
    if (group) this.win.setTimeout(() => this.card.show(mark, group, { focus: true }), 50);
  }

  facts(): PageFact[] {
    const text = this.index?.text ?? '';
    return (this.extraction?.facts ?? []).map((fact) => ({
      figure: fact.figure.text,
      value: formatFigure(fact.figure),
      type: fact.figure.type,
      measures: fact.measures,
      when: fact.when?.text,
      sentence: text.slice(fact.sentence.start, fact.sentence.end),
      start: fact.sentence.start,
      end: fact.sentence.end,
      figureStart: fact.figure.start,
      figureEnd: fact.figure.end,
      entities: [...new Set(fact.entities.map((e: Entity) => e.key))],
    }));
  }

  entities(): PageEntity[] {
    return [...this.marks.groups.values()]
      .filter((group) => ['PER', 'ORG', 'LOC', 'MISC'].includes(group.sourceType))
      .map((group) => ({
        key: group.key,
        label: group.label,
        type: group.sourceType,
        count: group.marks.length,
        mentions: group.marks.map(({ start, end }) => ({ start, end })),
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  figures(): Figure[] {
    return this.extraction?.figures ?? [];
  }

  metadata() {
    return readMetadata(this.doc, this.win.location.href);
  }

  dispose(): void {
    this.card.hide();
    this.painter?.dispose();
    this.ui.dispose();
  }
}
