// A plain amount's currency sign, on the page. The extractor follows OntoNotes, which leaves the
// sign out of a plain amount's span ("$" "499", while "$1.5 billion" keeps it), and is scored so;
// a reader sees "$499" as one figure, so the mark, the hover card and the popup take the sign in.

/** Currency signs that stand glued before an amount. */
const SIGNS = new Set(['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '฿', '₫', '₴', '¢']);
const CAPITAL = /^[A-Z]$/;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * The figure with the currency sign glued right before it taken in ("$499", "€20", "US$5",
 * "HK$3"), or the figure itself when it is no MONEY or has no such sign.
 */
export function withCurrencySign<T extends { start: number; end: number; text: string; type: string }>(text: string, figure: T): T {
  if (figure.type !== 'MONEY' || figure.start === 0 || !SIGNS.has(text[figure.start - 1]!)) return figure;
  let start = figure.start - 1;
  if (text[start] === '$') {
    // "US$", "A$", "HK$": one or two capitals glued to "$", not the end of a longer word.
    let p = start;
    while (p > 0 && start - p < 2 && CAPITAL.test(text[p - 1]!)) p--;
    if (p < start && (p === 0 || !WORD_CHAR.test(text[p - 1]!))) start = p;
  }
  return { ...figure, start, text: text.slice(start, figure.end) };
}
