// Readers for the CoNLL-2003 and OntoNotes BIO files: documents as plain text with gold spans.
// Tokens are joined the way news text is written (no space before "," or "'s"), so the
// extractor is trained and scored on text that looks like what a page gives it.

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

export interface GoldDoc {
  text: string;
  spans: GoldSpan[];
  /** Token count of the source annotation (for tokens-per-second figures). */
  tokens: number;
  /** The source's document id, where it has one (OntoNotes: "nw/wsj/00/wsj_0012"). */
  id?: string;
}

const PTB: Record<string, string> = {
  '-LRB-': '(', '-RRB-': ')', '-LCB-': '{', '-RCB-': '}', '-LSB-': '[', '-RSB-': ']', '``': '"', "''": '"', '`': "'",
};

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', '}', '%', "'s", "'S", 'n\'t', "N'T", "'re", "'ve", "'ll", "'d", "'m", "'"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', 'US$', 'C$', 'A$', 'HK$', '#']);

interface Sentence {
  tokens: string[];
  types: Array<string | null>;
  /** Whether token i begins a new entity even if the previous token has the same type. */
  begins: boolean[];
  /** Hyphens inside a compound ("last-minute"): written without spaces. */
  hyph?: boolean[];
}

function joinSentence(s: Sentence, text: string[], offset: number, spans: GoldSpan[]): number {
  let pos = offset;
  let open: GoldSpan | null = null;
  let quoteOpen = false;
  for (let i = 0; i < s.tokens.length; i++) {
    const raw = s.tokens[i]!;
    const tok = PTB[raw] ?? raw;
    let space = i > 0;
    const prevRaw = i > 0 ? s.tokens[i - 1]! : '';
    const prevTok = PTB[prevRaw] ?? prevRaw;
    if (NO_SPACE_BEFORE.has(tok) || raw === "''") space = false;
    if (NO_SPACE_AFTER.has(prevTok) || prevRaw === '``') space = false;
    if (tok === '"' && raw === '"') {
      // CoNLL leaves quotes undirected: alternate open and close.
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    } else if (prevTok === '"' && prevRaw === '"' && quoteOpen) space = false;
    if (s.hyph && (s.hyph[i] || (i > 0 && s.hyph[i - 1]))) space = false;
    if (i === 0) space = false;
    if (space) {
      text.push(' ');
      pos++;
    }
    const type = s.types[i] ?? null;
    if (open && (type !== open.type || s.begins[i])) {
      spans.push(open);
      open = null;
    }
    if (type && !open) open = { start: pos, end: pos, type };
    text.push(tok);
    pos += tok.length;
    if (open) open.end = pos;
  }
  if (open) spans.push(open);
  return pos;
}

function buildDoc(sents: Sentence[]): GoldDoc {
  const text: string[] = [];
  const spans: GoldSpan[] = [];
  let pos = 0;
  let tokens = 0;
  for (const s of sents) {
    if (s.tokens.length === 0) continue;
    if (pos > 0) {
      text.push('\n');
      pos++;
    }
    pos = joinSentence(s, text, pos, spans);
    tokens += s.tokens.length;
  }
  return { text: text.join(''), spans, tokens };
}

/** CoNLL-2003 (`token POS chunk NER`, IOB1). */
export function readConll(source: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let sents: Sentence[] = [];
  let cur: Sentence = { tokens: [], types: [], begins: [] };
  const flushSent = (): void => {
    if (cur.tokens.length) sents.push(cur);
    cur = { tokens: [], types: [], begins: [] };
  };
  const flushDoc = (): void => {
    flushSent();
    if (sents.length) docs.push(buildDoc(sents));
    sents = [];
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (line.trim() === '') {
      flushSent();
      continue;
    }
    const cols = line.split(' ');
    const tag = cols[cols.length - 1]!;
    cur.tokens.push(cols[0]!);
    cur.types.push(tag === 'O' ? null : tag.slice(2));
    cur.begins.push(tag.startsWith('B-'));
  }
  flushDoc();
  return docs;
}

/** OntoNotes (`token<TAB>POS<TAB>BIO`). */
export function readOntonotes(source: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let sents: Sentence[] = [];
  let cur: Sentence = { tokens: [], types: [], begins: [] };
  const flushSent = (): void => {
    if (cur.tokens.length) sents.push(cur);
    cur = { tokens: [], types: [], begins: [], hyph: [] };
  };
  let id: string | undefined;
  const flushDoc = (): void => {
    flushSent();
    if (sents.length) docs.push({ ...buildDoc(sents), ...(id ? { id } : {}) });
    sents = [];
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      id = /\(([^)]*)\)/.exec(line)?.[1];
      continue;
    }
    if (line.trim() === '') {
      flushSent();
      continue;
    }
    const cols = line.split('\t');
    const tag = cols[cols.length - 1]!.trim();
    (cur.hyph ??= []).push(cols[1] === 'HYPH');
    cur.tokens.push(cols[0]!);
    cur.types.push(tag === 'O' ? null : tag.slice(2));
    cur.begins.push(tag.startsWith('B-'));
  }
  flushDoc();
  return docs;
}

export const FIGURE_TYPES = ['DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'ORDINAL', 'CARDINAL'] as const;
export const NAME_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** OntoNotes name types in CoNLL terms (the corpus README's mapping). */
export const ONTONOTES_TO_CONLL: Record<string, string> = {
  PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC',
  NORP: 'MISC', EVENT: 'MISC', LAW: 'MISC', PRODUCT: 'MISC', WORK_OF_ART: 'MISC', LANGUAGE: 'MISC',
};
