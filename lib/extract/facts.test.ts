import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function measures(text: string): string[] {
  return extract(text).facts.map((f) => f.measures);
}

describe('what a money fact measures', () => {
  it('leaves out the currency sign OntoNotes keeps outside a plain amount', () => {
    expect(measures('Fresh halibut fillets were priced at $16.99 a pound.')).toEqual(['fresh halibut fillets were priced']);
    expect(measures('The company paid €300 for each ticket.')[0]).not.toMatch(/€/);
  });
});

describe('facts', () => {
  it('read a figure after a possessive as qualifying the noun that follows', () => {
    // seattletimes-1: the fact said "$119" measured "Amazon’s".
    const text = 'Then came the integration of Prime, Amazon’s $119-a-year shipping and media-subscription program, which grew fast.';
    expect(measures(text)).toContain('shipping and media-subscription program');
  });

  it('say what a percentage is a share of when the words before it do not', () => {
    // wapo-1: "15 percent" measured "accounting".
    const text = 'Tourism is critical to Tunisia’s economy, accounting for 15 percent of its gross domestic product in 2013, according to the council.';
    expect(extract(text).facts.find((f) => f.figure.type === 'PERCENT')?.measures).toBe('gross domestic product in 2013');
  });

  it('show the same figure measuring the same thing once', () => {
    // wapo-1: "at least 19 people" in the lede and again further down.
    const text = 'Gunmen killed at least 19 people at the museum on Wednesday, officials said. Later, officials said the attackers had killed at least 19 people in all.';
    const facts = extract(text).facts.filter((f) => f.figure.text === 'at least 19');
    expect(facts).toHaveLength(1);
  });
});

