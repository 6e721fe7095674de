// Lede's one element in the page: a host with an open shadow root that holds all our UI (hover
// card, selection toolbar). Created only when first needed, so a page we only paint stays
// untouched; the text index excludes it.
export const UI_HOST_TAG = 'lede-ui';

const BASE_STYLE = `
:host { all: initial; position: fixed; inset: 0 auto auto 0; z-index: 2147483647; width: 0; height: 0; }
.panel { position: fixed; box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #1b1b1b; background: #fff; border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  padding: 8px 10px; max-width: 320px; }
@media (prefers-color-scheme: dark) { .panel { color: #eee; background: #222; border-color: #555; } }
button { font: inherit; color: inherit; background: transparent; border: 1px solid #999; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #0072B2; outline-offset: 1px; }
[hidden] { display: none !important; }
`;

export class UiHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;

  constructor(private readonly doc: Document) {}

  /** The shadow root, creating the host on first use. */
  shadow(): ShadowRoot {
    if (this.root && this.host?.isConnected) return this.root;
    this.host = this.doc.createElement(UI_HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = BASE_STYLE;
    this.root.append(style);
    (this.doc.documentElement ?? this.doc.body).append(this.host);
    return this.root;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  /**
   * Whether `el` is our host (this one, or one an earlier run left). The walks pass the tagName they
   * have already read: reading localName here, once per element of the page from the content
   * script's world, took 1.8 ms a page on the longest corpus pages.
   */
  isHost(el: Element, tag: string = el.tagName): boolean {
    return el === this.host || (tag.length === UI_HOST_TAG.length && tag.toLowerCase() === UI_HOST_TAG);
  }

  dispose(): void {
    this.host?.remove();
    this.host = null;
    this.root = null;
  }
}
