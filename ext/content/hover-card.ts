// The hover card: what a mark is, its canonical name or value, how often the article mentions it,
// and previous/next buttons that move through the mentions. Lives in our shadow root; built with
// textContent only, never HTML.
import { MARK_LABELS } from '../../lib/marks/types';
import type { Mark, MentionGroup } from '../../lib/marks/mentions';
import type { UiHost } from './ui-host';

const TYPE_NAMES: Record<string, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other name',
  MONEY: 'Money',
  PERCENT: 'Percentage',
  DATE: 'Date',
  TIME: 'Time',
  CARDINAL: 'Number',
  ORDINAL: 'Ordinal',
  QUANTITY: 'Quantity',
};

export interface HoverCardDeps {
  ui: UiHost;
  rectOf(mark: Mark): DOMRect | null;
  /** Scrolls to a mark and flashes it. */
  reveal(mark: Mark): void;
}

export class HoverCard {
  private panel: HTMLElement | null = null;
  private current: { mark: Mark; group: MentionGroup } | null = null;

  constructor(private readonly deps: HoverCardDeps) {}

  get shownMark(): Mark | null {
    return this.current?.mark ?? null;
  }

  private ensurePanel(): HTMLElement {
    if (this.panel?.isConnected) return this.panel;
    const root = this.deps.ui.shadow();
    const doc = root.ownerDocument;
    const panel = doc.createElement('div');
    panel.className = 'panel card';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Lede: about this mention');
    panel.dataset.testid = 'hover-card';
    panel.hidden = true;
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    root.append(panel);
    this.panel = panel;
    return panel;
  }

  show(mark: Mark, group: MentionGroup, { focus = false } = {}): void {
    const panel = this.ensurePanel();
    const doc = panel.ownerDocument;
    this.current = { mark, group };
    const index = group.marks.indexOf(mark);
    const el = (tag: string, text: string, testid?: string) => {
      const node = doc.createElement(tag);
      node.textContent = text;
      if (testid) node.dataset.testid = testid;
      return node;
    };
    const kind = el('div', `${TYPE_NAMES[mark.sourceType] ?? MARK_LABELS[mark.type]}`, 'card-type');
    kind.style.cssText = 'font-size:11px;text-transform:uppercase;letter-spacing:.05em;opacity:.75';
    const name = el('div', group.label, 'card-name');
    name.style.cssText = 'font-weight:600;font-size:15px;margin:2px 0 4px';
    const count = group.marks.length;
    const mentions = el(
      'div',
      count === 1 ? 'Mentioned once in this article' : `Mention ${index + 1} of ${count} in this article`,
      'card-count',
    );
    const nav = doc.createElement('div');
    nav.style.cssText = 'display:flex;gap:6px;margin-top:6px';
    const previous = el('button', '‹ Previous', 'card-previous');
    const next = el('button', 'Next ›', 'card-next');
    previous.setAttribute('aria-label', 'Previous mention');
    next.setAttribute('aria-label', 'Next mention');
    (previous as HTMLButtonElement).disabled = count < 2;
    (next as HTMLButtonElement).disabled = count < 2;
    previous.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    nav.append(previous, next);
    panel.replaceChildren(kind, name, mentions, nav);
    panel.hidden = false;
    this.place(mark);
    if (focus) (count > 1 ? next : panel).focus();
  }

  private step(direction: 1 | -1): void {
    if (!this.current) return;
    const { mark, group } = this.current;
    const at = group.marks.indexOf(mark);
    const target = group.marks[(at + direction + group.marks.length) % group.marks.length]!;
    this.deps.reveal(target);
    this.show(target, group, { focus: true });
  }

  private place(mark: Mark): void {
    const panel = this.panel;
    const rect = this.deps.rectOf(mark);
    if (!panel || !rect) return;
    const view = panel.ownerDocument.defaultView!;
    const width = Math.min(320, view.innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, view.innerWidth - width - 8));
    const below = rect.bottom + 6;
    panel.style.left = `${left}px`;
    panel.style.top = `${below + 120 > view.innerHeight ? Math.max(8, rect.top - 126) : below}px`;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.panel && this.panel.contains(node);
  }

  hide(): void {
    if (this.panel) this.panel.hidden = true;
    this.current = null;
  }
}
