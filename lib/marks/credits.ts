// Photo credits and publication stamps: text Lede indexes (a reader may highlight it) but does
// not mark. A credit names the photographer and the agency ("© Munir uz Zaman, AFP", "Photograph:
// Adrian Malloch for the Guardian", "Benoit Tessier/Reuters"); they are real names, but not the
// article's, and marking them put photographers among the article's people. A stamp ("Latest
// update : 2015-05-12", "Updated March 3, 2024 5:00 PM ET") is the page's metadata, not text.
// Pure text rules on one line (a block's text); callers choose which lines are captions.

export interface LineSpan {
  start: number;
  end: number;
}

// A cue that starts a credit: "Photo:", "Image: ", "Credit:", "Photograph by", "©", "(c)",
// "Image copyright", in any case; "Credit" without a colon only before a capitalised name ("Credit
// Harry Campbell", not "credit card"), which needs a case-sensitive pattern of its own.
const CUE =
  /(?:^|(?<=[\s(|]))(?:(?:photo(?:graph)?s?|photography|pictures?|images?|illustrations?|graphics?|credits?|source|fotos?|bild|imagen|cr[ée]dits?)\s?:|(?:photo(?:graph)?|image|illustration)s? by\b|(?:image |photo )?copyright\b|©|\(c\))/giu;
const CREDIT_NAME = /(?:^|(?<=[\s(|]))Credits? (?=\p{Lu})/gu;

// Cheap tests that let most lines skip the patterns: in a page's freshly started content script
// the Unicode classes and look-behinds of CUE, CREDIT_NAME and SLASH_CREDIT cost milliseconds per
// page to compile and run (measured on the corpus pages: 3.4 ms of profiled time a page, on the
// way to the extraction request). Every match of CUE or CREDIT_NAME holds one of these, in lower case.
const CUE_STEMS = ['photo', 'pictur', 'image', 'illustr', 'graphic', 'credit', 'crédit', 'source', 'foto', 'bild', 'copyright', '©', '(c)'];

function mayHoldCue(line: string): boolean {
  const lower = line.toLowerCase();
  for (const stem of CUE_STEMS) if (lower.includes(stem)) return true;
  return false;
}

function firstCue(line: string): number {
  if (!mayHoldCue(line)) return -1;
  CUE.lastIndex = 0;
  CREDIT_NAME.lastIndex = 0;
  const a = CUE.exec(line)?.index ?? -1;
  const b = CREDIT_NAME.exec(line)?.index ?? -1;
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

// "First Last/Agency" or "AGENCY/Getty Images" closing a caption line: one or two capitalised
// words, a slash, one to four capitalised words, then the end of the line; also glued to the
// caption's last full stop ("…hours later.Ezra Acayan / Getty Images").
const SLASH_CREDIT = /(?:^|(?<=[\s.]))(?:\p{Lu}[\p{L}'’.-]*\s)?\p{Lu}[\p{L}'’.&-]*\s?\/\s?\p{Lu}[\p{L}'’.&-]*(?:\s\p{Lu}[\p{L}'’.&-]*){0,3}\s*$/u;

/** The credits in one line of a caption, as spans of the line. */
export function creditSpans(line: string): LineSpan[] {
  const spans: LineSpan[] = [];
  const start = firstCue(line);
  if (start !== -1) {
    let end = line.length;
    if (start > 0 && line[start - 1] === '(') {
      // "(Bild: Hersteller)": the credit is the parenthesis.
      const close = line.indexOf(')', start);
      if (close !== -1) end = close + 1;
    } else {
      // "© Munir uz Zaman, AFP | Police forensics investigate…": the credit ends at the bar.
      const bar = line.indexOf(' | ', start);
      if (bar !== -1) end = bar;
    }
    spans.push({ start: start > 0 && line[start - 1] === '(' ? start - 1 : start, end });
    if (end < line.length) spans.push(...creditSpans(line.slice(end)).map((s) => ({ start: s.start + end, end: s.end + end })));
    return spans;
  }
  const slash = line.includes('/') ? SLASH_CREDIT.exec(line) : null;
  if (slash) spans.push({ start: slash.index, end: line.length });
  return spans;
}

// A block that is only a publication stamp: the label, then a short stretch with a digit in it.
const STAMP = /^\s*(?:latest update|last updated?|updated|(?:date )?published|first published|(?:first )?posted|(?:last )?modified|date modified|(?:date )?created)\b(?=[^\n]*\d)[^\n]{0,60}$/i;

/** The words STAMP can start with, as a quick first test (most lines start otherwise). */
const STAMP_START = /^\s*(?:latest|last|updated|date|published|first|posted|modified|created)/i;

/** Whether a whole line is a publication stamp ("Latest update : 2015-05-12"). */
export function isStamp(line: string): boolean {
  return STAMP_START.test(line) && STAMP.test(line);
}
