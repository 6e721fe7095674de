// One key fact: the figure in normalised words, what it measures and when, the sentence on demand.
// The card's main button takes the reader to the sentence in the article; "Pin" keeps the fact
// as a highlight of the article.
import { useState } from 'preact/hooks';

export interface FactLike {
  figure: string;
  value: string;
  measures: string;
  when?: string;
  sentence: string;
}

export interface FactCardProps {
  fact: FactLike;
  pinned: boolean;
  onReveal: () => void;
  onPin: () => void;
  onUnpin: () => void;
}

const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function FactCard({ fact, pinned, onReveal, onPin, onUnpin }: FactCardProps) {
  const [open, setOpen] = useState(false);
  const value = fact.value || fact.figure;
  // The page's own wording is worth showing only when it says more than the normalised form.
  const asWritten = comparable(fact.figure) !== comparable(value) ? fact.figure : null;
  // "5 guiding principles" needs no "guiding principles" under it: the value already says it.
  const measures = comparable(value).endsWith(comparable(fact.measures)) ? '' : fact.measures;
  return (
    <li class="fact" data-testid="fact">
      <button type="button" class="fact-main" data-testid="fact-reveal" onClick={onReveal} title="Show in the article">
        <span class="fact-value" data-testid="fact-value">
          {value}
        </span>
        {asWritten && <span class="fact-written">“{asWritten}”</span>}
        {fact.when && <span class="fact-when">{fact.when}</span>}
        {measures && <span class="fact-measures">{measures}</span>}
      </button>
      <div class="fact-actions">
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="fact-sentence-toggle">
          {open ? 'Hide sentence' : 'Sentence'}
        </button>
        <button
          type="button"
          class="link"
          aria-pressed={pinned}
          data-testid="fact-pin"
          onClick={pinned ? onUnpin : onPin}
          title={pinned ? 'Remove this fact from your highlights' : 'Keep this fact as a highlight of the article'}
        >
          {pinned ? 'Pinned' : 'Pin'}
        </button>
      </div>
      {open && (
        <p class="fact-sentence" data-testid="fact-sentence">
          {fact.sentence}
        </p>
      )}
    </li>
  );
}
