// The selection toolbar: highlight in one of five colours, add a note, copy as a quote with a
// link; and the note editor for a new or clicked highlight. The buttons live in our shadow root;
// the note editor is an extension page in an iframe, so that what the reader types is never
// readable by the page's scripts.
import { browser } from 'wxt/browser';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../lib/model/types';
import { NOTE_COLOURS } from '../../lib/marks/palette';
import { background } from '../messages';
import type { Annotations } from './annotations';
import type { LedeSession } from './session';

const UNDO_MS = 8000;

export class Toolbar {
  private bar: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private message: HTMLElement | null = null;
  private span: { start: number; end: number } | null = null;

  constructor(
    private readonly session: LedeSession,
    private readonly annotations: Annotations,
  ) {}

  private get doc(): Document {
    return this.session.doc;
  }

  private ensureBar(): HTMLElement {
    if (this.bar?.isConnected) return this.bar;
    const root = this.session.ui.shadow();
    const bar = this.doc.createElement('div');
    bar.className = 'panel toolbar';
    bar.dataset.testid = 'lede-toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Lede: highlight the selection');
    bar.style.cssText = 'display:flex;gap:4px;align-items:center;padding:4px 6px';
    for (const colour of HIGHLIGHT_COLOURS) {
      const button = this.doc.createElement('button');
      button.dataset.testid = `highlight-${colour}`;
      button.title = `Highlight ${colour}`;
      button.setAttribute('aria-label', `Highlight in ${colour}`);
      button.style.cssText = `width:22px;height:22px;border-radius:50%;padding:0;background:${NOTE_COLOURS[colour]};border:1px solid #0004`;
      button.addEventListener('click', () => void this.highlight(colour));
      bar.append(button);
    }
    const note = this.button('Note', 'add-note', 'Highlight and add a note', () => void this.highlight('yellow', true));
    const copy = this.button('Quote', 'copy-quote', 'Copy as a quote with a link', () => void this.copyQuote());
    bar.append(note, copy);
    // Keep the page's selection while the reader clicks our buttons.
    bar.addEventListener('mousedown', (event) => event.preventDefault());
    bar.hidden = true;
    root.append(bar);
    this.bar = bar;
    return bar;
  }

  private button(label: string, testid: string, title: string, onClick: () => void): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.textContent = label;
    button.dataset.testid = testid;
    button.title = title;
    button.addEventListener('click', onClick);
    return button;
  }

  /** Shows the toolbar above the current selection when it lies in the indexed text. */
  showForSelection(): void {
    const span = this.annotations.selectionSpan();
    if (!span) return this.hideBar();
    this.span = span;
    const bar = this.ensureBar();
    const range = this.session.win.getSelection()?.getRangeAt(0);
    const rect = range?.getBoundingClientRect();
    if (!rect) return;
    bar.hidden = false;
    const view = this.session.win;
    bar.style.left = `${Math.max(8, Math.min(rect.left, view.innerWidth - 260))}px`;
    bar.style.top = `${rect.top > 48 ? rect.top - 42 : rect.bottom + 8}px`;
  }

  hideBar(): void {
    if (this.bar) this.bar.hidden = true;
    this.span = null;
  }

  private async highlight(colour: HighlightColour, withNote = false): Promise<void> {
    const span = this.span ?? this.annotations.selectionSpan();
    if (!span) return;
    try {
      const created = await this.annotations.create(span, colour);
      this.session.win.getSelection()?.removeAllRanges();
      this.hideBar();
      if (withNote) this.openEditor(created.id, span);
    } catch (error) {
      this.say(`Lede could not save this highlight: ${(error as Error).message}. Nothing already saved was lost.`);
    }
  }

  private async copyQuote(): Promise<void> {
    const span = this.span;
    if (!span || !this.session.index) return;
    const quote = this.session.index.text.slice(span.start, span.end).replace(/\n+/g, ' ');
    const meta = this.annotations.meta();
    const text = `“${quote}”\n— ${meta.title}, ${meta.url}`;
    try {
      await this.session.win.navigator.clipboard.writeText(text);
      this.say('Quote copied with its link.');
    } catch {
      this.say('The browser did not allow copying here.');
    }
    this.hideBar();
  }

  /** Opens the note editor (an extension page) for a highlight, next to its text. */
  openEditor(annotationId: string, span: { start: number; end: number }): void {
    this.closeEditor();
    const root = this.session.ui.shadow();
    const frame = this.doc.createElement('iframe');
    frame.src = `${browser.runtime.getURL('/note.html')}?id=${encodeURIComponent(annotationId)}`;
    frame.title = 'Lede note';
    frame.dataset.testid = 'note-frame';
    frame.className = 'panel';
    frame.style.cssText = 'width:320px;height:236px;padding:0;border:1px solid #999;background:#fff';
    const rect = this.session.rangeOf(span.start, span.end)?.getBoundingClientRect();
    const view = this.session.win;
    frame.style.left = `${Math.max(8, Math.min(rect?.left ?? 16, view.innerWidth - 336))}px`;
    const below = (rect?.bottom ?? 16) + 8;
    frame.style.top = `${below + 244 > view.innerHeight ? Math.max(8, (rect?.top ?? 16) - 244) : below}px`;
    root.append(frame);
    this.frame = frame;
  }

  closeEditor(): void {
    this.frame?.remove();
    this.frame = null;
  }

  /** A short message in our shadow root, with an optional action (undo). */
  say(text: string, action?: { label: string; run: () => void }): void {
    const root = this.session.ui.shadow();
    this.message?.remove();
    const box = this.doc.createElement('div');
    box.className = 'panel';
    box.dataset.testid = 'lede-message';
    box.setAttribute('role', 'status');
    box.style.cssText = 'right:16px;bottom:16px;display:flex;gap:8px;align-items:center';
    const words = this.doc.createElement('span');
    words.textContent = text;
    box.append(words);
    if (action) {
      box.append(
        this.button(action.label, 'undo', action.label, () => {
          action.run();
          box.remove();
        }),
      );
    }
    root.append(box);
    this.message = box;
    this.session.win.setTimeout(() => box.remove(), UNDO_MS);
  }

  /** The note editor tells us it deleted a highlight: offer undo here, where the reader is. */
  offerUndo(annotationId: string): void {
    this.closeEditor();
    this.say('Highlight deleted.', {
      label: 'Undo',
      run: () => void background.sendMessage('restoreAnnotation', { id: annotationId }),
    });
  }
}
