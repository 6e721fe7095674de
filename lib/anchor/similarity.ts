// How well the stored context (the prefix and suffix of a TextQuoteSelector) matches
// the text around a candidate. Edits near the quote matter most, so the context is
// aligned against the quote's edge and may end anywhere on the far side.

/**
 * Edit distance between `pattern` and the best-matching run of `text` that starts
 * exactly at `text[0]` and may end anywhere (insertions, deletions, substitutions).
 */
function anchoredEditDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  // One row per pattern character, columns over the text; prev[j] = D[i-1][j].
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (text.charCodeAt(j - 1) === pc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** Slack for insertions inside the context window. */
function windowFor(length: number): number {
  return length + Math.ceil(length / 2);
}

/**
 * Similarity in [0, 1] of `prefix` to the text just before `at`: 1 minus the
 * edit distance relative to the prefix length. An empty prefix means the quote
 * began the text, so it matches only a candidate at the very start.
 */
export function prefixSimilarity(prefix: string, text: string, at: number): number {
  if (prefix.length === 0) return at === 0 ? 1 : 0;
  if (at >= prefix.length && text.startsWith(prefix, at - prefix.length)) return 1;
  const from = Math.max(0, at - windowFor(prefix.length));
  const d = anchoredEditDistance(reverse(prefix), reverse(text.slice(from, at)));
  return 1 - d / prefix.length;
}

/** Like `prefixSimilarity`, for `suffix` against the text from `at` on. */
export function suffixSimilarity(suffix: string, text: string, at: number): number {
  if (suffix.length === 0) return at === text.length ? 1 : 0;
  if (text.startsWith(suffix, at)) return 1;
  const d = anchoredEditDistance(suffix, text.slice(at, at + windowFor(suffix.length)));
  return 1 - d / suffix.length;
}

/** Plain Levenshtein distance, for tests and the benchmark's ground truth. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (b.charCodeAt(j - 1) === ac ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] as number;
}
