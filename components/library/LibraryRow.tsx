// One article in the library list: a checkbox to select it, its title as a link to the
// page, and what the reader has kept from it. All text goes in as text, never as HTML.
import type { LibraryEntry } from '../../lib/library/catalogue';
import { articleHref } from '../../lib/library/links';
import type { Preview } from '../../lib/library/query';
import { HIGHLIGHT_COLOURS } from '../../lib/model/types';

export interface LibraryRowProps {
  entry: LibraryEntry;
  index: number;
  count: number;
  height: number;
  selected: boolean;
  onToggle: (id: string, selected: boolean) => void;
  formatDate: (iso: string) => string;
  /** The line under the title: a quote or note, matching the search when there is one. */
  preview?: Preview;
}

const PREVIEW_LABEL: Record<Preview['kind'], string> = { quote: '', note: 'Note: ', 'article-note': 'Article note: ' };

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function LibraryRow({ entry, index, count, height, selected, onToggle, formatDate, preview }: LibraryRowProps) {
  const { article } = entry;
  const href = articleHref(article.url);
  const title = article.title || article.url;
  const checkboxId = `sel-${article.id}`;
  return (
    <li class="lrow" style={{ height: `${height}px` }} data-testid="library-row" data-id={article.id} aria-setsize={count} aria-posinset={index + 1}>
      <input
        id={checkboxId}
        type="checkbox"
        class="lrow-check"
        checked={selected}
        aria-label={`Select “${title}”`}
        onChange={(event) => onToggle(article.id, (event.currentTarget as HTMLInputElement).checked)}
      />
      <div class="lrow-main">
        {href ? (
          <a class="lrow-title" href={href} target="_blank" rel="noopener noreferrer" title={title} data-testid="library-row-title">
            {title}
          </a>
        ) : (
          <span class="lrow-title" title={title} data-testid="library-row-title">
            {title}
          </span>
        )}
        <div class="lrow-meta">
          {article.site && <span>{article.site}</span>}
          <span>Saved {formatDate(article.created)}</span>
          <span data-testid="library-row-highlights">{plural(entry.highlights, 'highlight', 'highlights')}</span>
          <span data-testid="library-row-notes">{plural(entry.notes, 'note', 'notes')}</span>
          <span class="lrow-colours" role="img" aria-label={`Colours: ${HIGHLIGHT_COLOURS.filter((c) => entry.colours.has(c)).join(', ') || 'none'}`}>
            {HIGHLIGHT_COLOURS.filter((c) => entry.colours.has(c)).map((c) => (
              <span key={c} class={`dot dot-${c}`} aria-hidden="true" />
            ))}
          </span>
        </div>
        {preview && (
          <p class={`lrow-preview lrow-preview-${preview.kind}`} data-testid="library-row-preview">
            {PREVIEW_LABEL[preview.kind]}
            {preview.kind === 'quote' ? `“${preview.text}”` : preview.text}
          </p>
        )}
      </div>
      <ul class="lrow-tags" aria-label="Tags">
        {entry.allTags.slice(0, 4).map((t) => (
          <li key={t} class="tag">
            {t}
          </li>
        ))}
        {entry.allTags.length > 4 && <li class="tag more">+{entry.allTags.length - 4}</li>}
      </ul>
    </li>
  );
}
