import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function names(text: string): string[] {
  return extract(text).entities.map((e) => `${e.text}/${e.type}`);
}

describe('names news has been full of since the training text', () => {
  it('are organisations, where the tagger read places, people or nothing', () => {
    expect(names('Yahoo will sell its core business to Verizon. Yahoo executives met on Monday.')).toEqual(['Yahoo/ORG', 'Verizon/ORG', 'Yahoo/ORG']);
    expect(names('Amazon bought Whole Foods in 2017. Walmart sued Tumblr.')).toEqual(expect.arrayContaining(['Whole Foods/ORG', 'Walmart/ORG', 'Tumblr/ORG']));
    expect(names('Netflix raised prices on Tuesday.')).toEqual(['Netflix/ORG']);
    expect(names('Meta and Google were fined.')).toEqual(['Meta/ORG', 'Google/ORG']);
    expect(names('Stripe and Airbnb hired.')).toEqual(['Stripe/ORG', 'Airbnb/ORG']);
  });

  it('leave common words alone', () => {
    expect(names('Target shoppers waited.')).toEqual([]);
  });
});
