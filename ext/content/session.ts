// One run of Lede on one page: find the article, index its text, extract, paint, then serve the
// popup and the reader. Work happens in slices that yield to the page; everything is undone
// through the AbortSignal (settings switched off, single-page navigation, extension reload).
import type { Entity, Extraction, Figure } from '../../lib/extract';
import { background } from '../messages';
import { chunkAtBlocks, relinkKeys, type Chunk } from '../../lib/marks/chunks';
import { withCurrencySign } from '../../lib/marks/currency';
import { formatFigure } from '../../lib/marks/format';
import { FLASH_HIGHLIGHT as FLASH } from '../../lib/marks/palette';
import { buildMarks, type Mark, type MarkSet } from '../../lib/marks/mentions';
import { isSiteDisabled, type Settings } from '../../lib/marks/settings';
import { textToMark } from '../../lib/marks/unmarked';
import { isCaption } from '../../lib/page/hints';
import { ArticleFinder, type ArticleBody } from '../../lib/page/body';
import { IntervalIndex } from '../../lib/page/intervals';
import { readMetadata } from '../../lib/page/metadata';
import { TextIndexBuilder, articleIndexBuilder, type TextIndex } from '../../lib/page/text-index';
import type { ExtractAnswer, PageEntity, PageFact, PageState } from '../messages';
import { HoverCard } from './hover-card';
import { MarkPainter, supportsHighlights, type PageWindow } from './painter';
import { UiHost } from './ui-host';
import { SLICE_MS, yieldToPage, sliceDeadline } from './scheduling';

/** Characters of article text we mark at most: a million-word page gets its first ~35,000 words. */
const MAX_ARTICLE_CHARS = 200_000;
/** Characters per extraction request to the background; a long article streams in several. */
const EXTRACT_SLICE_CHARS = 40_000;

/** Extraction requests under way: one per block-aligned slice of the article's text. */
interface ExtractionRequest {
  chunks: Chunk[];
  answers: Promise<ExtractAnswer>[];
}

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
  /** The stage that was running when the longest task ended (the stage after the last lap). */
  private longestTaskAfter = 'start';
  private lastLap = 'start';
  private taskStart = 0;
  readonly ui: UiHost;
  readonly painter: MarkPainter | null;
  readonly card: HoverCard;
  private markIndex = new IntervalIndex<Mark>([]);
  private cursor = -1;
  /** Until they have loaded, the settings the run waits for before it sends or paints anything. */
  private settings: Settings | null = null;
  private readonly settingsReady: Promise<Settings>;

  constructor(
    readonly win: PageWindow,
    readonly signal: AbortSignal,
    settings: Settings | Promise<Settings>,
    private readonly startedAt: number,
    private readonly hooks: SessionHooks = {},
  ) {
    this.settingsReady = Promise.resolve(settings).then((loaded) => (this.settings ??= loaded));
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

  isOurs = (el: Element, tag: string): boolean => this.ui.isHost(el, tag);

  /**
   * Finds, indexes, extracts and paints the article. Detection, indexing and the request to the
   * background start at once, while the settings are still loading (their answer cannot arrive
   * while this first task runs); nothing is painted, and nothing kept, until they say the site is on.
   */
  async run(): Promise<void> {
    this.taskStart = this.win.performance.now();
    const stages: Record<string, number> = { start: this.taskStart - this.startedAt };
    const lap = (name: string) => {
      stages[name] = this.win.performance.now() - this.startedAt;
      this.lastLap = name;
    };
    this.body = await this.findBody();
    lap('found');
    if (this.signal.aborted) return;
    // Not an article: no marks, but the reader may still highlight, so index the page's body.
    const builder = this.body
      ? articleIndexBuilder(this.body, { exclude: this.isOurs, maxChars: MAX_ARTICLE_CHARS })
      : new TextIndexBuilder(this.doc.body ? [this.doc.body] : [], { exclude: this.isOurs, maxChars: MAX_ARTICLE_CHARS });
    const index = await this.inSlices(builder, () => builder.index);
    this.index = index;
    lap('indexed');
    // Hundreds of thousands of words (a book, a log, a generated page): repainting highlights over
    // all of it would freeze the page, so Lede leaves it unmarked and says so in the popup.
    const markable = this.body !== null && !index.truncated && !this.signal.aborted;
    const known = this.settings;
    const request = markable && !(known && isSiteDisabled(known, this.win.location.href)) ? this.requestExtraction(textToMark(index, this.body!.headline, this.body!.blocks.filter(isCaption))) : null;
    lap('sent');
    const settings = await this.outside(this.settingsReady);
    lap('settings');
    if (this.signal.aborted) return;
    if (isSiteDisabled(settings, this.win.location.href)) {
      // Switched off here: keep nothing of the page.
      this.status = 'off';
      this.body = null;
      this.index = null;
      return;
    }
    this.status = !this.body ? 'not-article' : index.truncated ? 'too-long' : 'article';
    if (!request) return;
    // Waiting for the background's extraction gives the page its turn; each answer is painted as
    // it arrives (a long article goes in several requests, sent at once).
    this.extraction = await this.paintAnswers(index, request, settings, stages, lap);
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
        longestTaskAfter: this.longestTaskAfter,
        chars: this.index.text.length,
        // Milliseconds from content-script start at which each stage ended; `extractMs` is the
        // background's own time on the text (the rest of the round trip is messaging).
        stages,
      },
    });
    this.hooks.onPainted?.(this);
  }

  private findBody(): Promise<ArticleBody | null> {
    const finder = new ArticleFinder(this.doc, { exclude: this.isOurs });
    return this.inSlices(finder, () => finder.result);
  }

  /** Steps `work` in slices that yield to the page between them, then returns its result. */
  private async inSlices<T>(work: { step(shouldStop: () => boolean): boolean }, result: () => T): Promise<T> {
    for (;;) {
      if (work.step(sliceDeadline(this.win, SLICE_MS, this.taskStart))) return result();
      await this.yield();
      if (this.signal.aborted) return result();
    }
  }

  /**
   * Sends the text to the background in block-aligned slices, all at once: the background works
   * through them in order while we wait.
   */
  private requestExtraction(text: string): ExtractionRequest {
    const chunks = chunkAtBlocks(text, EXTRACT_SLICE_CHARS);
    const answers = chunks.map(({ start, end }) => background.sendMessage('extract', { text: text.slice(start, end) }));
    // Answers left unread (an abort, a site switched off) must not surface as unhandled rejections.
    for (const answer of answers) answer.catch(() => undefined);
    return { chunks, answers };
  }

  /**
   * Paints each answer as it arrives. Spans are moved to whole-text offsets and names linked
   * across slices; the mention groups are built once all have arrived.
   */
  private async paintAnswers(
    index: TextIndex,
    { chunks, answers }: ExtractionRequest,
    settings: Settings,
    stages: Record<string, number>,
    lap: (name: string) => void,
  ): Promise<Extraction> {
    const whole: Extraction = { sentences: [], entities: [], figures: [], facts: [] };
    stages.extractMs = 0;
    this.preparePainter(settings);
    for (let i = 0; i < chunks.length; i++) {
      const { start } = chunks[i]!;
      const answer = await this.outside(answers[i]!);
      if (i === 0) {
        // Where the round trip went: the background's clock and ours meet on the epoch.
        const here = (epochMs: number) => epochMs - this.win.performance.timeOrigin - this.startedAt;
        stages.received = here(answer.receivedAt);
        stages.answered = here(answer.answeredAt);
        lap('extracted');
      }
      if (this.signal.aborted) break;
      const part = answer.extraction;
      stages.extractMs += answer.ms;
      // The first slice starts at 0: its spans are already whole-text offsets.
      const shift = start === 0 ? <T,>(span: T): T => span : <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + start, end: span.end + start });
      const entities = relinkKeys(whole.entities, part.entities.map(shift));
      // On the page a plain amount shows with its sign ("$499"; see currency.ts).
      const figures = part.figures.map((figure) => withCurrencySign(index.text, shift(figure)));
      whole.sentences.push(...part.sentences.map(shift));
      whole.entities.push(...entities);
      whole.figures.push(...figures);
      whole.facts.push(
        ...part.facts.map((fact) => ({
          ...fact,
          figure: withCurrencySign(index.text, shift(fact.figure)),
          when: fact.when ? shift(fact.when) : undefined,
          entities: fact.entities.map(shift),
          sentence: shift(fact.sentence),
        })),
      );
      const built = buildMarks(entities, figures);
      // One slice, all painted: its marks are the article's.
      if (chunks.length === 1) this.marks = built;
      await this.paintMarks(index, built.marks);
    }
    if (chunks.length > 1) whole.facts.sort((a, b) => b.score - a.score);
    // Mention groups (counts, canonical names) need every slice.
    if (chunks.length > 1 || this.signal.aborted) this.marks = buildMarks(whole.entities, whole.figures);
    this.markIndex = new IntervalIndex(this.marks.marks);
    return whole;
  }

  private endTask(): void {
    const ms = this.win.performance.now() - this.taskStart;
    if (ms > this.longestTaskMs) {
      this.longestTaskMs = ms;
      this.longestTaskAfter = this.lastLap;
    }
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

  /** Clears old marks and applies the visible types and colour scheme, before the first marks go in. */
  private preparePainter(settings: Settings): void {
    const painter = this.painter;
    if (!painter) return;
    painter.clearMarks();
    painter.setScheme(settings.scheme, this.shadowRoots());
    painter.showTypes(settings.types);
    painter.setVisible(FLASH, true);
  }

  /**
   * Paints marks in slices sized by time, with a yield between them, so a very long article never
   * holds the page for long.
   */
  private async paintMarks(index: TextIndex, marks: readonly Mark[]): Promise<void> {
    const painter = this.painter;
    if (!painter) return;
    for (let from = 0; from < marks.length; ) {
      if (from > 0) {
        await this.yield();
        if (this.signal.aborted) return;
      }
      const shouldStop = sliceDeadline(this.win, SLICE_MS, this.taskStart);
      const byType = new Map<Mark['type'], AbstractRange[]>();
      // Poll the clock every 64 marks: a range is a few microseconds.
      for (let polled = 0; from < marks.length && (++polled % 64 !== 0 || !shouldStop()); from++) {
        const mark = marks[from]!;
        const span = index.toSpan(mark.start, mark.end);
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
    const types = this.settings?.types;
    if (!types) return null;
    for (const mark of this.markIndex.allAt(offset)) {
      if (types[mark.type] && (!best || mark.end - mark.start < best.end - best.start)) best = mark;
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
    const types = this.settings?.types;
    if (!types) return;
    const visible = this.marks.marks.filter((m) => types[m.type]);
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
      // Ties in code-unit order, not localeCompare: its first call in a page builds an ICU
      // collator, ~20 ms on the page's main thread right after painting. The popup orders
      // its lists for display itself.
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
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
