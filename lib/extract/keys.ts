// Canonical keys that tie an entity's short and long forms together within one document:
// "Xi" -> "Xi Jinping", "Putin" -> "Vladimir Putin", "SCO" <-> "Shanghai Cooperation Organization".

export interface Keyable {
  start: number;
  end: number;
  text: string;
  type: string;
  key: string;
}

const STOP_IN_ACRONYM = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'du', 'des', 'on', 'in', '&']);

function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !STOP_IN_ACRONYM.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Sets `key` on every entity (mutates), using the document text for "Long Name (ACR)" definitions. */
export function assignKeys(entities: Keyable[], text: string): void {
  const canonical = new Map<string, string>();
  // Acronyms defined in parentheses right after a long form.
  for (let i = 0; i + 1 < entities.length; i++) {
    const long = entities[i]!;
    const short = entities[i + 1]!;
    const between = text.slice(long.end, short.start);
    if (/^\s*\(\s*$/.test(between) && text[short.end] === ')' && words(long.text).length > 1 && /^[A-Z][A-Z0-9.&-]{1,9}$/.test(short.text)) {
      canonical.set(short.text, long.text);
    }
  }
  // First long form per acronym, per word of a person's name, per first word of an org/misc name:
  // maps built in one pass so keying stays linear on long pages.
  const byAcronym = new Map<string, string>();
  const personByWord = new Map<string, string>();
  const nameByFirstWord = new Map<string, string>();
  const persons: string[] = [];
  const personWords: number[] = [];
  // Names repeat within a page: split each distinct text once.
  const split = new Map<string, string[]>();
  /** Whether the entity is the first with its text (a repeated text adds nothing to byAcronym). */
  const firstOfText: boolean[] = [];
  const wordsOf = entities.map((e) => {
    let ws = split.get(e.text);
    firstOfText.push(!ws);
    if (!ws) split.set(e.text, (ws = words(e.text)));
    return ws;
  });
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const ws = wordsOf[i]!;
    if (ws.length < 2) continue;
    if (firstOfText[i]) {
      const acr = acronymOf(e.text);
      if (!byAcronym.has(acr)) byAcronym.set(acr, e.text);
    }
    if (e.type === 'PER') {
      for (const w of ws) if (!personByWord.has(w)) personByWord.set(w, e.text);
      if (persons.length < 200) {
        persons.push(e.text);
        personWords.push(ws.length);
      }
    } else if (e.type === 'ORG' || e.type === 'MISC') {
      const k = `${e.type}\u0000${ws[0]!}`;
      if (!nameByFirstWord.has(k)) nameByFirstWord.set(k, e.text);
    }
  }
  // A key depends only on the entity's text and type once the maps above are built.
  const keyOf = new Map<string, string>();
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const memo = `${e.type}\u0000${e.text}`;
    const done = keyOf.get(memo);
    if (done !== undefined) {
      e.key = done;
      continue;
    }
    const known = canonical.get(e.text);
    if (known !== undefined) {
      e.key = known;
      keyOf.set(memo, known);
      continue;
    }
    const ws = wordsOf[i]!;
    let key = e.text;
    if (ws.length === 1) {
      const w = ws[0]!;
      if (/^[A-Z]{2,6}$/.test(w)) key = byAcronym.get(w) ?? key;
      if (key === e.text && e.type === 'PER') key = personByWord.get(w) ?? key;
      else if (key === e.text && (e.type === 'ORG' || e.type === 'MISC')) key = nameByFirstWord.get(`${e.type}\u0000${w}`) ?? key;
    } else if (e.type === 'PER') {
      // "Jinping Xi" variants: the longest known full name containing this one.
      const match = persons.find((l, k) => l !== e.text && l.includes(e.text) && personWords[k]! > ws.length);
      if (match) key = match;
    }
    e.key = key;
    keyOf.set(memo, key);
  }
}
