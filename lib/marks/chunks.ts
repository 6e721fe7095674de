// Long articles are extracted in slices so that no task of ours blocks the page for long.
// Slices end at block boundaries ("\n"), so no sentence is cut.

export interface Chunk {
  start: number;
  end: number;
}

/** Splits `text` into chunks of at most about `size` characters, ending at a newline where one exists. */
export function chunkAtBlocks(text: string, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > start) end = newline + 1;
    }
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

interface Keyed {
  type: string;
  key: string;
}

/**
 * Links entity keys across chunks the way the extractor links them within one: a later short
 * form ("Putin", key "Putin") joins an earlier long form of the same type whose key ends or
 * starts with it ("Vladimir Putin"). Mutates and returns the later entities.
 */
export function relinkKeys<T extends Keyed>(earlier: readonly Keyed[], later: T[]): T[] {
  const byType = new Map<string, Set<string>>();
  for (const e of earlier) {
    let keys = byType.get(e.type);
    if (!keys) byType.set(e.type, (keys = new Set()));
    keys.add(e.key);
  }
  for (const entity of later) {
    const keys = byType.get(entity.type);
    if (!keys || keys.has(entity.key) || entity.key.includes(' ')) continue;
    for (const key of keys) {
      const words = key.split(' ');
      if (words.length > 1 && (words[words.length - 1] === entity.key || words[0] === entity.key)) {
        entity.key = key;
        break;
      }
    }
  }
  return later;
}
