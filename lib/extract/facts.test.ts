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
