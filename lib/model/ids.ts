// Record ids: random UUID v4 for records made here, and a stable UUID for records
// imported from other annotators whose ids are URLs or opaque strings, so that
// importing their file twice finds the same records again.

export interface UuidSource {
  randomUUID(): string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}

export function newId(source: UuidSource | undefined = (globalThis as { crypto?: UuidSource }).crypto): string {
  if (!source || typeof source.randomUUID !== 'function') {
    throw new Error('No source of random UUIDs: pass one (crypto.randomUUID is in every supported browser and Node 20).');
  }
  return source.randomUUID();
}

/** 128 bits of a non-cryptographic hash (four independent 32-bit FNV-1a style lanes over UTF-16 units). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ 0x9e3779b9, h3 = 0x85ebca6b, h4 = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  // Final avalanche so that short inputs still spread over all bits.
  const mix = (h: number, k: number): number => {
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b ^ k); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    return h >>> 0;
  };
  return [mix(h1 ^ h3, 1), mix(h2 ^ h4, 2), mix(h3 ^ h1 ^ text.length, 3), mix(h4 ^ h2, 4)];
}

/** A UUID (version nibble 8, "custom") that is always the same for the same foreign id. */
export function stableIdFrom(foreignId: string): string {
  if (isUuid(foreignId)) return foreignId.toLowerCase();
  const hex = hash128(foreignId).map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
