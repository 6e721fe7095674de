// The reader's note on the whole article. Saved as they type (after a short pause), when they
// leave the field, and when the popup closes, with the state shown next to the label.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createAutosave, type SaveStatus } from '../lib/popup/autosave';

export interface ArticleNoteProps {
  note: string;
  save: (note: string) => Promise<unknown>;
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  idle: '',
  pending: 'Not saved yet',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Could not save; keep this popup open and try again',
};

export function ArticleNote({ note, save }: ArticleNoteProps) {
  const [text, setText] = useState(note);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const autosave = useMemo(() => createAutosave({ initial: note, save, onStatus: setStatus }), []);

  useEffect(() => {
    // A popup closes without warning (click outside, Esc): write what is pending as it goes.
    const flush = () => void autosave.flush();
    addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [autosave]);

  return (
    <div class="field article-note">
      <div class="field-head">
        <label for="article-note">Article note</label>
        <span class="save-status" role="status" data-testid="article-note-status" data-status={status}>
          {STATUS_TEXT[status]}
        </span>
      </div>
      <textarea
        id="article-note"
        data-testid="article-note"
        rows={3}
        value={text}
        placeholder="What matters in this article?"
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          autosave.change(value);
        }}
        onBlur={() => void autosave.flush()}
      />
    </div>
  );
}
