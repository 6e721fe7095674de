import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditSpans, isStamp } from './credits';

/** The credit texts creditSpans finds in a line. */
function credits(line: string): string[] {
  return creditSpans(line).map(({ start, end }) => line.slice(start, end));
}

describe('creditSpans', () => {
  it('finds the credit forms of real captions (corpus and held-out pages)', () => {
    expect(credits('© Munir uz Zaman, AFP | Police forensics investigate the scene in Dhaka')).toEqual(['© Munir uz Zaman, AFP']);
    expect(credits('Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian')).toEqual(['Photograph: Adrian Malloch for the Guardian']);
    expect(credits('The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters')).toEqual(['Benoit Tessier/Reuters']);
    expect(credits('Olena Shmahalo/Quanta Magazine')).toEqual(['Olena Shmahalo/Quanta Magazine']);
    expect(credits('A carrier parked on a Harare street on Thursday Credit: STR/AFP')).toEqual(['Credit: STR/AFP']);
    expect(credits('Credit Harry Campbell')).toEqual(['Credit Harry Campbell']);
    expect(credits('1Password scannt auch QR-Codes. (Bild: Hersteller)')).toEqual(['(Bild: Hersteller)']);
    expect(credits('The Apple Vision Pro. Image: Vjeran Pavic / The Verge')).toEqual(['Image: Vjeran Pavic / The Verge']);
    expect(credits('© Provided by Business Insider Inc Nintendo/Apple')).toEqual(['© Provided by Business Insider Inc Nintendo/Apple']);
    expect(credits('Image copyright Getty Images')).toEqual(['Image copyright Getty Images']);
    expect(credits('Yoon declared martial law, only to lift the order hours later.Ezra Acayan / Getty Images')).toEqual(['Ezra Acayan / Getty Images']);
  });

  it('finds cues in any case (the quick first test reads the line in lower case)', () => {
    expect(credits('PHOTO: AP')).toEqual(['PHOTO: AP']);
    expect(credits('La place de la République. CRÉDITS : AFP')).toEqual(['CRÉDITS : AFP']);
    expect(credits('Der Bundestag in Berlin. FOTO: dpa')).toEqual(['FOTO: dpa']);
    expect(credits('ILLUSTRATION BY Jane Doe')).toEqual(['ILLUSTRATION BY Jane Doe']);
  });

  it('leaves caption text without a credit alone', () => {
    expect(credits('United Nations peacekeepers at a refugee camp in Sudan on Monday.')).toEqual([]);
    expect(credits('Shoppers paid by credit card at the market in Lagos')).toEqual([]);
    expect(credits('Mr Obama told the BBC that gun control was his biggest frustration')).toEqual([]);
    expect(credits('')).toEqual([]);
  });

  it('keeps the names before a slash credit that are not part of it', () => {
    const line = 'Vladimir Putin and Xi Jinping in Beijing Alexei Druzhinin/AP';
    expect(credits(line)).toEqual(['Alexei Druzhinin/AP']);
  });
});

describe('isStamp', () => {
  it('knows publication stamps', () => {
    expect(isStamp('Latest update : 2015-05-12')).toBe(true);
    expect(isStamp('Updated March 3, 2024 5:00 PM ET')).toBe(true);
    expect(isStamp('Published 3 hours ago')).toBe(true);
    expect(isStamp('Date created : 2015-05-12')).toBe(true);
    expect(isStamp('  LAST UPDATED 12:05, 3 May 2024')).toBe(true);
  });

  it('does not take article sentences or undated labels for stamps', () => {
    expect(isStamp('Published in 1999, the book sold more than two million copies across Europe and Asia.')).toBe(false);
    expect(isStamp('Updated')).toBe(false);
    expect(isStamp('The report was published on Tuesday 3 May.')).toBe(false);
  });
});

describe('creditSpans on any text', () => {
  it('returns spans inside the line, in order, not overlapping', () => {
    const pieces = fc.constantFrom('©', '(', ')', ' | ', 'Photo:', 'Credit', 'Credit:', 'Image copyright', 'Getty Images', '/', ' / ', 'AFP', 'Ezra Acayan', '.', 'the', 'Bild:', '(c)', ' ', 'é');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const line = parts.join('');
        let previous = 0;
        for (const { start, end } of creditSpans(line)) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(line.length);
          previous = end;
        }
      }),
    );
  });
});
