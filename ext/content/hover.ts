// Pointing at a mark opens its hover card. Hit-testing maps the caret position under the
// pointer to a flat offset and looks the mark up by binary search: nothing is attached to the
// page's elements.
import type { LedeSession } from './session';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (withPosition.caretPositionFromPoint) {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function watchHover(session: LedeSession, signal: AbortSignal): void {
  const { win } = session;
  let frame = 0;
  let openTimer = 0;
  let closeTimer = 0;
  let pending: { x: number; y: number } | null = null;

  const hitTest = () => {
    frame = 0;
    if (!pending || !session.index) return;
    const { x, y } = pending;
    const caret = caretAt(session.doc, x, y);
    const offset = caret ? session.index.fromPosition(caret.node, caret.offset) : null;
    let mark = offset === null ? null : session.markAt(offset);
    // The caret lands between characters: make sure the pointer is really over the mark's text.
    if (mark) {
      const rects = session.rangeOf(mark.start, mark.end)?.getClientRects();
      const inside = rects && Array.from(rects).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (!inside) mark = null;
    }
    win.clearTimeout(openTimer);
    if (mark) {
      win.clearTimeout(closeTimer);
      if (session.card.shownMark === mark) return;
      const group = session.marks.groups.get(mark.key);
      if (group) openTimer = win.setTimeout(() => session.card.show(mark!, group), OPEN_DELAY_MS);
    } else if (session.card.shownMark) {
      win.clearTimeout(closeTimer);
      closeTimer = win.setTimeout(() => session.card.hide(), CLOSE_DELAY_MS);
    }
  };

  win.document.addEventListener(
    'pointermove',
    (event) => {
      // Over our own card: keep it open.
      if (session.ui.contains(event.target as Node)) {
        win.clearTimeout(closeTimer);
        return;
      }
      pending = { x: event.clientX, y: event.clientY };
      if (!frame) frame = win.requestAnimationFrame(hitTest);
    },
    { passive: true, signal },
  );
  win.document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') session.card.hide();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
  });
}
