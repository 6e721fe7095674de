// The reader's gestures on the page: a selection shows the toolbar, a click on a highlight opens
// its note editor, and the editor frame reports back (closed, deleted) by postMessage from the
// extension's own origin.
import { browser } from 'wxt/browser';
import type { Annotations } from './annotations';
import type { LedeSession } from './session';
import type { Toolbar } from './toolbar';

export interface EditorMessage {
  lede: 'note-closed' | 'note-deleted';
  id: string;
}

export function watchReader(session: LedeSession, annotations: Annotations, toolbar: Toolbar, signal: AbortSignal): void {
  const { win } = session;
  const doc = win.document;
  let timer = 0;
  const selectionSettled = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => toolbar.showForSelection(), 120);
  };
  doc.addEventListener('mouseup', (event) => {
    if (!session.ui.contains(event.target as Node)) selectionSettled();
  }, { signal });
  doc.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key.startsWith('Arrow')) selectionSettled();
  }, { signal });
  doc.addEventListener('selectionchange', () => {
    if (win.getSelection()?.isCollapsed) toolbar.hideBar();
  }, { signal });

  doc.addEventListener('click', (event) => {
    if (session.ui.contains(event.target as Node) || !session.index) return;
    if (!win.getSelection()?.isCollapsed) return;
    const caret = doc.caretRangeFromPoint?.(event.clientX, event.clientY);
    const offset = caret ? session.index.fromPosition(caret.startContainer, caret.startOffset) : null;
    const hit = offset === null ? null : annotations.at(offset);
    if (hit?.start !== undefined && hit.end !== undefined) toolbar.openEditor(hit.annotation.id, { start: hit.start, end: hit.end });
  }, { signal });

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== extensionOrigin) return;
    const data = event.data as Partial<EditorMessage> | null;
    if (!data || typeof data.id !== 'string') return;
    if (data.lede === 'note-closed') toolbar.closeEditor();
    if (data.lede === 'note-deleted') toolbar.offerUndo(data.id);
  }, { signal });
  signal.addEventListener('abort', () => win.clearTimeout(timer));
}
