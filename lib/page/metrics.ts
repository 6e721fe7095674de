// How well a detected article body matches the expected one, by words.
//
// Words: maximal runs of Unicode letters, marks and digits, lower-cased (so "Nyong'o"
// is two words, "10.10" is two). Both texts become word multisets E (expected) and
// D (detected); overlap = Σ_w min(E[w], D[w]).
//   coverage     = overlap / |E|  — share of the expected article's words we found
//   insideShare  = overlap / |D|  — share of our words that belong to the article
// A multiset rather than a sequence alignment: cheap, order-free, and robust to the
// expected text being a reformatted copy (Readability output) of the live page.
// Used by scripts/measure-body.ts and by the in-browser bench:pages.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].toLowerCase());
  return out;
}

export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export interface BodyScore {
  expectedWords: number;
  detectedWords: number;
  overlap: number;
  /** overlap / expectedWords; 0 when nothing is expected. */
  coverage: number;
  /** overlap / detectedWords; 0 when nothing was detected. */
  insideShare: number;
}

export function scoreBody(expectedText: string, detectedText: string): BodyScore {
  const e = wordCounts(expectedText);
  const d = wordCounts(detectedText);
  let expectedWords = 0;
  for (const c of e.values()) expectedWords += c;
  let detectedWords = 0;
  let overlap = 0;
  for (const [w, c] of d) {
    detectedWords += c;
    const ec = e.get(w);
    if (ec) overlap += Math.min(ec, c);
  }
  return {
    expectedWords,
    detectedWords,
    overlap,
    coverage: expectedWords ? overlap / expectedWords : 0,
    insideShare: detectedWords ? overlap / detectedWords : 0,
  };
}

/** Word-weighted totals over pages: Σ overlap / Σ expected and Σ overlap / Σ detected. */
export function poolScores(scores: readonly BodyScore[]): BodyScore {
  let expectedWords = 0;
  let detectedWords = 0;
  let overlap = 0;
  for (const s of scores) {
    expectedWords += s.expectedWords;
    detectedWords += s.detectedWords;
    overlap += s.overlap;
  }
  return {
    expectedWords,
    detectedWords,
    overlap,
    coverage: expectedWords ? overlap / expectedWords : 0,
    insideShare: detectedWords ? overlap / detectedWords : 0,
  };
}
