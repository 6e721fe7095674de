// Tags typed as one comma-separated line; saved when the reader leaves the field or presses Enter.
import { useEffect, useState } from 'preact/hooks';
import { parseTags, tagsText } from '../lib/popup/tags';

export interface TagsFieldProps {
  id: string;
  label: string;
  tags: string[];
  onSave: (tags: string[]) => void;
  testId?: string;
}

export function TagsField({ id, label, tags, onSave, testId }: TagsFieldProps) {
  const [text, setText] = useState(tagsText(tags));
  useEffect(() => setText(tagsText(tags)), [tags.join('\u0000')]);
  const commit = () => {
    const next = parseTags(text);
    setText(tagsText(next));
    if (next.join('\u0000') !== tags.join('\u0000')) onSave(next);
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder="comma, separated"
        data-testid={testId}
        onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}
