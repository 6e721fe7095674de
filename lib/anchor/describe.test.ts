import { describe as group, expect, it } from 'vitest';
import { MIN_CONTEXT, describe } from './describe';

const text =
  'Chinese President Xi Jinping welcomed Russian President Vladimir Putin to Beijing on Tuesday.\n' +
  'The two leaders signed more than 20 agreements, officials said.';

group('describe', () => {
  it('stores the quote with 32 characters of context each side and the UTF-16 position', () => {
    const start = text.indexOf('Vladimir Putin');
    const [quote, position] = describe(text, start, start + 14);
    expect(quote.exact).toBe('Vladimir Putin');
    expect(quote.prefix).toBe(text.slice(start - MIN_CONTEXT, start));
    expect(quote.suffix).toBe(text.slice(start + 14, start + 14 + MIN_CONTEXT));
    expect(quote.prefix.length).toBe(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 14, unit: 'utf16' });
  });

  it('keeps what context there is at the ends of the text', () => {
    const [quote] = describe(text, 0, 7);
    expect(quote.prefix).toBe('');
    expect(quote.suffix.length).toBe(32);
    const [last] = describe(text, text.length - 5, text.length);
    expect(last.suffix).toBe('');
  });

  it('grows the context until a repeated passage is told apart from its copies', () => {
    const filler = 'Officials said the talks would continue next week. '.repeat(3);
    const doc = `Prices rose sharply. ${filler}\nMarkets fell. ${filler}`;
    const at = doc.lastIndexOf('talks would continue');
    const [quote] = describe(doc, at, at + 20);
    const needle = quote.prefix + quote.exact + quote.suffix;
    expect(quote.prefix.length).toBeGreaterThan(32);
    expect(doc.indexOf(needle)).toBe(at - quote.prefix.length);
    expect(doc.indexOf(needle, doc.indexOf(needle) + 1)).toBe(-1);
  });

  it('does not split an emoji at either edge', () => {
    const t = 'Fans cheered 😀 loudly';
    const inside = t.indexOf('😀') + 1;
    const [quote, position] = describe(t, inside, t.length);
    expect(quote.exact).toBe('😀 loudly');
    expect(position.start).toBe(inside - 1);
  });

  it('rejects spans outside the text', () => {
    expect(() => describe(text, 5, 2)).toThrow(RangeError);
    expect(() => describe(text, 0, text.length + 1)).toThrow(RangeError);
  });
});
