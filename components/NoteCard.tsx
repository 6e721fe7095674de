// One of the reader's highlights: its colour, the quoted text, the note and tags, editable in
// place. A highlight the page no longer contains is flagged with its text and can be looked for again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_COLOURS } from '../lib/marks/palette';
import { HIGHLIGHT_COLOURS, type Annotation, type HighlightColour } from '../lib/model/types';
import { parseTags, tagsText } from '../lib/popup/tags';

export interface NoteItem {
  annotation: Annotation;
  status: 'anchored' | 'orphan';
  quote: string;
  start?: number;
  end?: number;
}

export interface NotePatch {
  note: string;
  tags: string[];
  colour: HighlightColour;
}

export interface NoteCardProps {
  item: NoteItem;
  onReveal: () => void;
  onSave: (patch: NotePatch) => Promise<unknown>;
  onDelete: () => void;
  onFindAgain: () => Promise<boolean>;
}

export function NoteCard({ item, onReveal, onSave, onDelete, onFindAgain }: NoteCardProps) {
  const { annotation } = item;
  const [editing, setEditing] = useState(false);
  const [searching, setSearching] = useState<'idle' | 'looking' | 'missing'>('idle');
  const orphan = item.status === 'orphan';
  const id = annotation.id;
  // Closing the editor would drop keyboard focus on the page body: hand it back to "Edit".
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const findAgain = async () => {
    setSearching('looking');
    setSearching((await onFindAgain()) ? 'idle' : 'missing');
  };

  return (
    <li class={`note${orphan ? ' orphan' : ''}`} data-testid="note" data-status={item.status}>
      <div class="note-quote-row">
        <span class="swatch" style={{ background: NOTE_COLOURS[annotation.colour] }} aria-hidden="true" />
        {orphan ? (
          <blockquote class="note-quote" data-testid="note-quote">
            {item.quote}
          </blockquote>
        ) : (
          <button type="button" class="note-quote link-block" data-testid="note-quote" onClick={onReveal} title="Show in the article">
            {item.quote}
          </button>
        )}
      </div>
      {orphan && (
        <p class="orphan-flag" data-testid="note-orphan">
          <strong>Not found on the page.</strong>{' '}
          {searching === 'missing' ? 'Still not found; the article may have changed.' : 'The text may have been edited or not loaded yet.'}{' '}
          <button type="button" class="link" data-testid="note-find-again" disabled={searching === 'looking'} onClick={findAgain}>
            {searching === 'looking' ? 'Looking…' : 'Find again'}
          </button>
        </p>
      )}
      {editing ? (
        <NoteEditor
          id={id}
          annotation={annotation}
          onCancel={() => setEditing(false)}
          onSave={async (patch) => {
            await onSave(patch);
            setEditing(false);
          }}
        />
      ) : (
        <>
          {annotation.note && (
            <p class="note-text" data-testid="note-text">
              {annotation.note}
            </p>
          )}
          {annotation.tags.length > 0 && (
            <ul class="tags" aria-label="Tags">
              {annotation.tags.map((tag) => (
                <li key={tag} class="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <div class="note-actions">
            <button type="button" class="link" data-testid="note-edit" ref={editButton} onClick={() => setEditing(true)} aria-label={`Edit note on “${short(item.quote)}”`}>
              {annotation.note ? 'Edit' : 'Add note'}
            </button>
            <button type="button" class="link danger" data-testid="note-delete" onClick={onDelete} aria-label={`Delete highlight “${short(item.quote)}”`}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

interface NoteEditorProps {
  id: string;
  annotation: Annotation;
  onSave: (patch: NotePatch) => Promise<void>;
  onCancel: () => void;
}

function NoteEditor({ id, annotation, onSave, onCancel }: NoteEditorProps) {
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(tagsText(annotation.tags));
  const [colour, setColour] = useState<HighlightColour>(annotation.colour);
  const [failed, setFailed] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteField.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await onSave({ note, tags: parseTags(tags), colour });
    } catch {
      setFailed(true);
    }
  };

  return (
    <form class="note-editor" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onCancel())}>
      <label for={`note-${id}`}>Note</label>
      <textarea id={`note-${id}`} ref={noteField} rows={3} value={note} data-testid="note-input" onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for={`tags-${id}`}>Tags</label>
      <input id={`tags-${id}`} type="text" value={tags} placeholder="comma, separated" data-testid="note-tags" onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      <fieldset class="colours">
        <legend>Colour</legend>
        {HIGHLIGHT_COLOURS.map((c) => (
          <label key={c} class="colour-choice" title={c}>
            <input type="radio" name={`colour-${id}`} value={c} checked={colour === c} onChange={() => setColour(c)} />
            <span class="swatch" style={{ background: NOTE_COLOURS[c] }} aria-hidden="true" />
            <span class="sr-only">{c}</span>
          </label>
        ))}
      </fieldset>
      {failed && <p class="error" role="alert">Could not save this note. Try again.</p>}
      <div class="note-actions">
        <button type="submit" class="primary" data-testid="note-save">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
