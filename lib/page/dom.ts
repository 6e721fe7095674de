// DOM vocabulary shared by body detection and the text index, so that both agree on
// what a block is and what is never rendered text. No browser globals: everything
// works on the nodes it is given (live page, clone, iframe document or linkedom).

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * Elements that start a new line when rendered with default styles. The flat text puts a
 * block separator between text of different blocks so sentences never run across them.
 * We go by tag, not computed style: querying style per node is too slow for our budget.
 */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Never rendered as readable text, or not the article's prose (form controls, media, code). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO',
  'AUDIO', 'SVG', 'MATH', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST', 'BUTTON',
  'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'IMG', 'PICTURE', 'SOURCE', 'TRACK', 'MAP', 'AREA',
  // Dialogs are modals (consent, paywall, newsletter), not article prose.
  'DIALOG',
]);

const INLINE_HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function tagOf(el: Element): string {
  // tagName is upper-case for HTML elements; SVG/XML elements keep their case.
  const t = el.tagName;
  return typeof t === 'string' ? t.toUpperCase() : '';
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/** `<br>` ends a line: treated as a block boundary so a sentence does not run across it. */
export function isLineBreakTag(tag: string): boolean {
  return tag === 'BR';
}

export function isSkippedTag(tag: string): boolean {
  return SKIP_TAGS.has(tag);
}

/**
 * Hidden by markup alone: the `hidden` attribute, `aria-hidden="true"`, or an inline style
 * with display:none / visibility:hidden. Stylesheet-hidden text is not detected here (it
 * would need getComputedStyle per element); callers that care pass `isHidden`.
 */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const aria = el.getAttribute('aria-hidden');
  if (aria !== null && ariaHides(el, aria)) return true;
  const style = el.getAttribute('style');
  return style !== null && styleHides(style);
}

/** `aria-hidden` with this value hides the element's text (see isModalBackdropHidden). */
export function ariaHides(el: Element, value: string): boolean {
  return value.trim().toLowerCase() === 'true' && !isModalBackdropHidden(el);
}

/** An inline `style` with this value hides the element. */
export function styleHides(value: string): boolean {
  return value.length > 0 && INLINE_HIDDEN_STYLE.test(value);
}

/**
 * While a dialog is open (cookie consent, paywall, newsletter), modal libraries put
 * aria-hidden="true" on everything else: the body's children or the page's main landmark.
 * That text is still on screen behind the dialog, so there aria-hidden does not hide it.
 */
function isModalBackdropHidden(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') return true;
  const parent = el.parentNode;
  return parent !== null && parent.nodeType === ELEMENT_NODE && tagOf(parent as Element) === 'BODY';
}

/** Editable regions hold the reader's own typing, not the article. */
export function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && editableValue(v);
}

/** `contenteditable` with this value makes the region editable. */
export function editableValue(value: string): boolean {
  return value.trim().toLowerCase() !== 'false';
}

/** Open shadow root of an element, if any (closed roots are invisible to us by design). */
export function openShadowRoot(el: Element): ShadowRoot | null {
  const sr = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  return sr ?? null;
}

/**
 * The nodes a `<slot>` renders: its assigned light-DOM nodes, or its own fallback children.
 * Uses `assignedNodes` when the DOM offers it; otherwise matches by `slot` attribute.
 */
export function slotContent(slot: Element): Node[] {
  const withApi = slot as Element & { assignedNodes?: (o?: { flatten?: boolean }) => Node[] };
  let assigned: Node[] = [];
  if (typeof withApi.assignedNodes === 'function') {
    try {
      assigned = withApi.assignedNodes({ flatten: false });
    } catch {
      assigned = [];
    }
  } else {
    assigned = manualSlotAssignment(slot);
  }
  if (assigned.length > 0) return assigned;
  return childList(slot);
}

function manualSlotAssignment(slot: Element): Node[] {
  const root = slot.getRootNode?.() as (Node & { host?: Element }) | undefined;
  const host = root?.host;
  if (!host) return [];
  const name = slot.getAttribute('name') ?? '';
  const out: Node[] = [];
  for (let c = host.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) {
      if (((c as Element).getAttribute('slot') ?? '') === name) out.push(c);
    } else if (name === '' && c.nodeType === TEXT_NODE) {
      out.push(c);
    }
  }
  return out;
}

export function childList(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/**
 * Children in the rendered (composed) tree: an open shadow root replaces the light
 * children, and a slot renders what is assigned to it.
 */
export function renderedChildren(node: Node): Node[] {
  if (node.nodeType === ELEMENT_NODE) {
    const el = node as Element;
    const sr = openShadowRoot(el);
    if (sr) return childList(sr);
    const tag = tagOf(el);
    if (tag === 'SLOT') return slotContent(el);
    if (tag === 'DETAILS' && !el.hasAttribute('open')) return closedDetailsContent(el);
  }
  return childList(node);
}

/** A closed <details> shows only its first <summary>. */
function closedDetailsContent(el: Element): Node[] {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && tagOf(c as Element) === 'SUMMARY') return [c];
  }
  return [];
}

/** Whitespace as HTML collapses it (not NBSP, which renders as a space but does not collapse). */
export function isCollapsibleSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}
