import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { codepointToUtf16, offsetConverter, positionToCodepoints, positionToUtf16, utf16ToCodepoint } from './codepoints';

group('code point ↔ UTF-16 offsets', () => {
  const text = 'Xi 😀 met Putin 🇨🇳 in Beijing';

  it('counts an emoji as one code point but two UTF-16 units', () => {
    const after = text.indexOf('met');
    expect(utf16ToCodepoint(text, after)).toBe(after - 1);
    expect(codepointToUtf16(text, after - 1)).toBe(after);
    // Array.from iterates by code point: the W3C count.
    expect([...text].slice(0, after - 1).join('')).toBe(text.slice(0, after));
  });

  it('is the identity on text without astral characters', () => {
    expect(utf16ToCodepoint('plain text', 5)).toBe(5);
    expect(codepointToUtf16('plain text', 5)).toBe(5);
  });

  it('maps an offset inside a surrogate pair to the pair itself', () => {
    const inside = text.indexOf('😀') + 1;
    expect(utf16ToCodepoint(text, inside)).toBe(text.indexOf('😀'));
  });

  it('converts selectors both ways and leaves ones already in the target unit alone', () => {
    const start = text.indexOf('Beijing');
    const sel = { type: 'TextPositionSelector' as const, start, end: start + 7, unit: 'utf16' as const };
    const cp = positionToCodepoints(sel, text);
    expect(cp.unit).toBe('codepoint');
    expect([...text].slice(cp.start, cp.end).join('')).toBe('Beijing');
    expect(positionToUtf16(cp, text)).toEqual(sel);
    expect(positionToCodepoints(cp, text)).toBe(cp);
  });

  it('round-trips every offset of random text with emoji', () => {
    const char = fc.constantFrom('a', ' ', 'é', '😀', '𝔘', '\n', '中');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const t = chars.join('');
        const conv = offsetConverter(t);
        let utf16 = 0;
        for (let cp = 0; cp <= chars.length; cp++) {
          expect(conv.toUtf16(cp)).toBe(utf16);
          expect(conv.toCodepoint(utf16)).toBe(cp);
          utf16 += (chars[cp] ?? '').length;
        }
      }),
    );
  });
});
