// News-text tokeniser and sentence splitter. Works on char codes (no regex per char in the
// ASCII fast path) because it runs over every article at page load.

export interface Tokens {
  /** Inclusive start offsets into the text. */
  starts: number[];
  /** Exclusive end offsets. */
  ends: number[];
  /** Whether a newline separates this token from the previous one (a newline ends a sentence). */
  newlineBefore: boolean[];
}

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

function isWordCode(c: number): boolean {
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  }
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x85;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

// Abbreviations that keep their full stop. Single capital initials ("J.", "U.S.") are handled by pattern.
export const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gov', 'Sen', 'Rep', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Cmdr', 'Adm', 'Maj', 'Rev', 'Hon',
  'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Plc', 'Cos', 'No', 'Nos', 'vs', 'Vs', 'v', 'etc', 'al', 'approx',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  'Mt', 'Ft', 'Ave', 'Blvd', 'Rd', 'Calif', 'Mass', 'Ariz', 'Fla', 'Ill', 'Penn', 'Wash', 'Conn', 'Mich', 'Minn', 'Tex', 'Va', 'Ga', 'Pa', 'Md', 'Ky', 'Ore', 'Okla', 'Colo', 'Wis', 'Ala', 'Tenn', 'Nev', 'Neb', 'Kan', 'Del', 'Ind',
  'Gov', 'Pres', 'Dept', 'Univ', 'Assn', 'Est', 'Fig', 'Ref', 'Vol', 'p', 'pp', 'ft', 'oz', 'lb', 'lbs', 'mln', 'bln',
]);

/** Title abbreviations never end a sentence ("Mr. Smith"). */
export const TITLE_ABBREVIATIONS = new Set([
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gov.', 'Sen.', 'Rep.', 'Gen.', 'Col.', 'Lt.', 'Sgt.', 'Capt.', 'Cmdr.', 'Adm.', 'Maj.', 'Rev.', 'Hon.', 'St.', 'Mt.', 'Ft.', 'No.', 'vs.', 'v.', 'Pres.',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
]);

// Letters glued to a number that are a separate token: "$1.2bn" -> "1.2" "bn", "3m" -> "3" "m".
const NUMBER_SUFFIX_SPLIT = new Set(['bn', 'b', 'm', 'mn', 'mln', 'k', 'tn', 'trn', 'km', 'kg', 'g', 'mg', 'ml', 'l', 'cm', 'mm', 'mph', 'kmh', 'ft', 'lb', 'lbs', 'oz', 'mi', 'gb', 'mb', 'tb', 'kb', 'bln', 'pc', 'am', 'pm', 'bps', 'x', 'yr', 'yrs', 'min', 'h', 'hr', 'hrs', 'sec', 'gw', 'mw', 'kw', 'kwh', 'ha', 'sq', 'ghz', 'mhz', 'khz', 'hz', 'mah', 'mbps', 'gbps', 'mwh', 'gwh', 'twh', 'mp']);

/** A full stop followed only by spaces up to a newline (or the end) ends the sentence, abbreviation or not. */
function stopEndsLine(text: string, k: number, to: number): boolean {
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const newlineBefore: boolean[] = [];
  let sawNewline = true;
  let i = from;
  const push = (s: number, e: number): void => {
    starts.push(s);
    ends.push(e);
    newlineBefore.push(sawNewline);
    sawNewline = false;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) sawNewline = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      // Number: digits with internal separators followed by a digit ("1,000.5", "10:30", "1/2").
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) { j++; continue; }
        if ((d === 44 || d === 46 || d === 58 || d === 47) && j + 1 < to && isDigit(text.charCodeAt(j + 1))) { j += 2; continue; }
        break;
      }
      // Letters glued on: ordinals and decades stay ("80th", "1990s"), units split off ("1.2bn").
      let k = j;
      while (k < to && isWordCode(text.charCodeAt(k))) k++;
      if (k > j) {
        const suffix = text.slice(j, k).toLowerCase();
        if (NUMBER_SUFFIX_SPLIT.has(suffix)) {
          push(i, j);
          push(j, k);
        } else push(i, k);
      } else push(i, j);
      i = k;
      continue;
    }
    if (isWordCode(c) || (c >= 0xd800 && c <= 0xdbff)) {
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isWordCode(d) || (d >= 0xd800 && d <= 0xdfff)) { j++; continue; }
        // Internal apostrophe followed by a letter: "O'Neill" stays; "'s" and "n't" split below.
        if (isApostrophe(d) && j + 1 < to && isWordCode(text.charCodeAt(j + 1))) {
          const next = text.charCodeAt(j + 1);
          const after = j + 2 < to ? text.charCodeAt(j + 2) : 32;
          if ((next === 115 || next === 83) && !isWordCode(after)) break; // 's
          if ((next === 116 || next === 84) && !isWordCode(after) && j > i + 1 && (text.charCodeAt(j - 1) === 110 || text.charCodeAt(j - 1) === 78)) {
            // don't -> do n't
            push(i, j - 1);
            push(j - 1, j + 2);
            i = j + 2;
            j = -1;
            break;
          }
          if (next === 108 || next === 100 || next === 109 || next === 118 || next === 114) {
            // 'll 'd 'm 've 're are clitics only when the word continues in lower case briefly
            const rest = text.slice(j + 1, Math.min(to, j + 3)).toLowerCase();
            if ((rest === 'll' || rest === 've' || rest === 're') && !isWordCode(j + 3 < to ? text.charCodeAt(j + 3) : 32)) break;
            if ((rest[0] === 'd' || rest[0] === 'm') && !isWordCode(after) && text.charCodeAt(i) >= 97) break;
          }
          j += 2;
          continue;
        }
        break;
      }
      if (j === -1) continue;
      // Abbreviation: "U.S.", "U.N.", "Jan.", "Mr."
      if (j < to && text.charCodeAt(j) === 46) {
        const word = text.slice(i, j);
        if (j - i === 1 && isWordCode(c)) {
          // Initials chain: U.S. / U.S.A. / J.
          let k = j + 1;
          while (k + 1 < to && isWordCode(text.charCodeAt(k)) && text.charCodeAt(k + 1) === 46 && !isWordCode(k + 2 < to ? text.charCodeAt(k + 2) : 32)) k += 2;
          const upper = c >= 65 && c <= 90;
          if (upper || k > j + 1) {
            push(i, k);
            i = k;
            continue;
          }
        } else if (ABBREVIATIONS.has(word) && !stopEndsLine(text, j + 1, to)) {
          push(i, j + 1);
          i = j + 1;
          continue;
        }
      }
      push(i, j);
      i = j;
      continue;
    }
    if (isApostrophe(c) && i + 1 < to) {
      // Clitic: 's 've 'll etc. attached to the previous word.
      let k = i + 1;
      while (k < to && isWordCode(text.charCodeAt(k)) && k - i <= 3) k++;
      const clitic = text.slice(i + 1, k).toLowerCase();
      if (k > i + 1 && (k >= to || !isWordCode(text.charCodeAt(k))) && starts.length > 0 && ends[ends.length - 1] === i &&
          (clitic === 's' || clitic === 've' || clitic === 'll' || clitic === 're' || clitic === 'd' || clitic === 'm')) {
        push(i, k);
        i = k;
        continue;
      }
    }
    // Punctuation: a run of the same character is one token ("--", "...").
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    else while (j < to && text.charCodeAt(j) === c && (c === 45 || c === 46 || c === 0x2014 || c === 0x2013 || c === 42 || c === 61 || c === 95)) j++;
    push(i, j);
    i = j;
  }
  return { starts, ends, newlineBefore };
}

const OPENING_CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d, 0xbb]);

/**
 * Words that start a sentence and never continue a name: after an abbreviation's full stop they
 * say the stop also ended the sentence ("… the Xbox One S. You get …", "… Apple Inc. The company …"),
 * where a name would go on ("George W. Bush", "Apple Inc. Chief").
 */
const SENTENCE_STARTERS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'You', 'Our', 'His', 'Her', 'Their', 'There', 'Here',
  'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For', 'With', 'As', 'If', 'When', 'While', 'After', 'Before', 'Although', 'However',
  'Meanwhile', 'A', 'An', 'What', 'Why', 'How', 'Who',
]);

/** Token t is an abbreviation with its full stop ("S.", "U.S.", "Inc.", not a title such as "Mr.") and the next word starts a sentence. */
function endsAbbreviationSentence(text: string, toks: Tokens, t: number): boolean {
  const s = toks.starts[t]!;
  const e = toks.ends[t]!;
  if (e - s < 2 || text.charCodeAt(e - 1) !== 46) return false;
  const u = t + 1;
  if (toks.newlineBefore[u] || toks.starts[u] === e) return false;
  const next = text.slice(toks.starts[u]!, toks.ends[u]!);
  if (!SENTENCE_STARTERS.has(next)) return false;
  const word = text.slice(s, e);
  if (TITLE_ABBREVIATIONS.has(word)) return false;
  return /^(?:\p{Lu}\.)+$/u.test(word) || ABBREVIATIONS.has(word.slice(0, -1));
}

/**
 * Sentence boundaries as token index ranges [start, end). A newline always ends a sentence
 * (page blocks and headlines arrive newline-separated, headlines carry no final stop).
 */
export function splitSentences(text: string, toks: Tokens): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = toks.starts.length;
  let sStart = 0;
  for (let t = 0; t < n; t++) {
    if (t > sStart && toks.newlineBefore[t]) {
      out.push([sStart, t]);
      sStart = t;
    }
    const s = toks.starts[t]!;
    const e = toks.ends[t]!;
    const c = text.charCodeAt(s);
    const terminal = (c === 46 && e - s === 1) || c === 33 || c === 63 || c === 0x2026 || (c === 46 && e - s === 3);
    if (!terminal) {
      if (t + 1 < n && endsAbbreviationSentence(text, toks, t)) {
        out.push([sStart, t + 1]);
        sStart = t + 1;
      }
      continue;
    }
    // Swallow closing quotes and brackets into this sentence.
    let u = t + 1;
    while (u < n && !toks.newlineBefore[u] && OPENING_CLOSERS.has(text.charCodeAt(toks.starts[u]!)) && toks.ends[u]! - toks.starts[u]! === 1 && toks.starts[u] === toks.ends[u - 1]) u++;
    if (u >= n) continue;
    if (toks.newlineBefore[u]) continue;
    const nc = text.charCodeAt(toks.starts[u]!);
    // A lower-case continuation means the stop was not a sentence end ("e.g. the ...").
    if (nc >= 97 && nc <= 122) continue;
    if (nc === 44 || nc === 59 || nc === 58) continue;
    out.push([sStart, u]);
    sStart = u;
    t = u - 1;
  }
  if (sStart < n) out.push([sStart, n]);
  return out;
}
