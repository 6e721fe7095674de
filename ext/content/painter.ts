// Paints marks with the CSS Custom Highlight API: one Highlight per mark type, registered in the
// page's CSS.highlights as `lede-<type>`. The page's DOM is never touched: ranges are painted by
// the engine. Our ::highlight() rules for the default scheme come with the manifest's CSS; another
// scheme, and shadow roots (which document rules do not reach), get a sheet through
// adoptedStyleSheets, which no MutationObserver sees.
import { DEFAULT_SCHEME, ledeStyleSheet, type ColourScheme } from '../../lib/marks/palette';
import { MARK_TYPES, highlightName, type MarkType } from '../../lib/marks/types';

export type PageWindow = Window & typeof globalThis;

export function supportsHighlights(win: PageWindow): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

export class MarkPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly visible = new Set<string>();
  private readonly sheet: CSSStyleSheet;

  constructor(private readonly win: PageWindow) {
    this.sheet = new win.CSSStyleSheet();
  }

  private readonly scopes = new Set<Document | ShadowRoot>();

  private scheme: ColourScheme | null = null;

  /**
   * Styles the marks in `scheme`: the document adopts our sheet only for a scheme other than the
   * manifest's default (its rules are !important, so they win over the manifest's whatever the
   * cascade order), and any shadow root the article lives in always adopts it. Safe to call again
   * if the page replaced adoptedStyleSheets.
   */
  setScheme(scheme: ColourScheme, shadowRoots: Iterable<ShadowRoot> = []): void {
    for (const root of shadowRoots) this.scopes.add(root);
    const doc = this.win.document;
    if (scheme === DEFAULT_SCHEME) {
      if (this.scopes.delete(doc)) unadopt(doc, this.sheet);
    } else {
      this.scopes.add(doc);
    }
    // Built only when some scope needs it: the common case (default scheme, no shadow root) never does.
    if (this.scopes.size > 0 && scheme !== this.scheme) {
      this.sheet.replaceSync(ledeStyleSheet(scheme, { important: true }));
      this.scheme = scheme;
    }
    for (const scope of this.scopes) {
      if (!scope.adoptedStyleSheets.includes(this.sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, this.sheet];
    }
  }

  /** The Highlight for `name`, created (and registered if visible) on first use. */
  private highlight(name: string, priority: number): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new this.win.Highlight();
      highlight.priority = priority;
      this.highlights.set(name, highlight);
      if (this.visible.has(name)) this.win.CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  add(type: MarkType, ranges: Iterable<AbstractRange>): void {
    const highlight = this.highlight(highlightName(type), 0);
    for (const range of ranges) highlight.add(range);
  }

  /** Named highlights of our own beyond the mark types (reader notes, flashes); higher priority paints above. */
  addNamed(name: string, ranges: Iterable<AbstractRange>, priority: number): void {
    const highlight = this.highlight(name, priority);
    for (const range of ranges) highlight.add(range);
  }

  clearNamed(name: string): void {
    this.highlights.get(name)?.clear();
  }

  /** Shows exactly the given mark types; the rest are unregistered (their ranges kept). */
  showTypes(types: Record<MarkType, boolean>): void {
    for (const type of MARK_TYPES) this.setVisible(highlightName(type), types[type]);
  }

  setVisible(name: string, visible: boolean): void {
    if (visible) this.visible.add(name);
    else this.visible.delete(name);
    const highlight = this.highlights.get(name);
    const registered = this.win.CSS.highlights.get(name);
    if (visible && highlight && registered !== highlight) this.win.CSS.highlights.set(name, highlight);
    if (!visible && registered && registered === highlight) this.win.CSS.highlights.delete(name);
  }

  clearMarks(): void {
    for (const type of MARK_TYPES) this.highlights.get(highlightName(type))?.clear();
  }

  /** Removes everything we registered and our style sheet. */
  dispose(): void {
    for (const [name, highlight] of this.highlights) {
      if (this.win.CSS.highlights.get(name) === highlight) this.win.CSS.highlights.delete(name);
    }
    this.highlights.clear();
    for (const scope of this.scopes) unadopt(scope, this.sheet);
    this.scopes.clear();
  }
}

function unadopt(scope: Document | ShadowRoot, sheet: CSSStyleSheet): void {
  if (scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
}
