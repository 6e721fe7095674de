// The note editor for one highlight, shown in an iframe on the article page. It is an extension
// page: the page's scripts cannot read what the reader types here.
import { useEffect, useState } from 'preact/hooks';
import { NOTE_COLOURS } from '../../lib/marks/palette';
import { HIGHLIGHT_COLOURS, type Annotation, type HighlightColour } from '../../lib/model/types';
import { background } from '../../ext/messages';

function tellPage(message: 'note-closed' | 'note-deleted', id: string): void {
  // Only the id travels; the page learns nothing of the note.
  window.parent.postMessage({ lede: message, id }, '*');
}

export function NoteEditor({ id }: { id: string }) {
  const [annotation, setAnnotation] = useState<Annotation | null>(null);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [colour, setColour] = useState<HighlightColour>('yellow');
  const [error, setError] = useState('');

  useEffect(() => {
    // Framed in a web page, this page's storage is partitioned by the page's site: ask the background.
    background
      .sendMessage('getAnnotation', { id })
      .then((found) => {
        if (!found) return setError('This highlight no longer exists.');
        setAnnotation(found);
        setNote(found.note);
        setTags(found.tags.join(', '));
        setColour(found.colour);
      })
      .catch((e: Error) => setError(`Lede could not read this highlight: ${e.message}`));
  }, [id]);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
      await background.sendMessage('updateAnnotation', { id, patch: { note, tags: tagList, colour } });
      tellPage('note-closed', id);
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}. Your text is still here; try again.`);
    }
  };

  const remove = async () => {
    try {
      await background.sendMessage('deleteAnnotation', { id });
      tellPage('note-deleted', id);
    } catch (e) {
      setError(`Not deleted: ${(e as Error).message}`);
    }
  };

  if (!annotation) return <p class={error ? 'error' : ''}>{error || 'Loading…'}</p>;
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  return (
    <form onSubmit={save} aria-label="Edit highlight">
      {quote && quote.type === 'TextQuoteSelector' && (
        <q style="display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden">{quote.exact}</q>
      )}
      <label for="note">Note</label>
      <textarea id="note" data-testid="note-input" value={note} onInput={(e) => setNote(e.currentTarget.value)} autofocus />
      <label for="tags">Tags (comma-separated)</label>
      <input id="tags" type="text" data-testid="note-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <div class="row" role="group" aria-label="Colour">
        {HIGHLIGHT_COLOURS.map((c) => (
          <button
            type="button"
            class="swatch"
            key={c}
            data-testid={`colour-${c}`}
            aria-label={c}
            aria-pressed={c === colour}
            style={{ background: NOTE_COLOURS[c] }}
            onClick={() => setColour(c)}
          />
        ))}
        <span class="spacer" />
        <button type="button" data-testid="annotation-delete" onClick={remove}>
          Delete
        </button>
        <button type="button" onClick={() => tellPage('note-closed', id)}>
          Cancel
        </button>
        <button type="submit" data-testid="note-save">
          Save
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
