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
    expect(names("Shoppers at Sam's Club paid more. A boy in Khartoum. Getty Images")).toEqual(expect.arrayContaining(["Sam's Club/ORG", 'Getty Images/ORG']));
  });

  it('read "Amazon" as the company first, and still find the rainforest', () => {
    expect(names('Jeff Bezos founded Amazon in Seattle.')).toContain('Amazon/ORG');
    expect(names('Amazon bought Whole Foods in 2017.')).toEqual(['Amazon/ORG', 'Whole Foods/ORG']);
    expect(names('Fires in the Amazon rainforest spread on Monday.')).toEqual(['Amazon/LOC']);
  });

  it('are products where reviews name them, not people', () => {
    // theverge and engadget: "Safari", "Retina" and "Dolby Atmos" were people.
    const text = 'The headset has Retina displays and runs Safari, and the console supports Dolby Atmos and Face ID.';
    expect(names(text)).toEqual(expect.arrayContaining(['Retina/MISC', 'Safari/MISC', 'Dolby Atmos/MISC', 'Face ID/MISC']));
  });

  it('read wars as news abbreviates them as MISC', () => {
    // The seed article's "WWII" came out ORG.
    expect(names('The parade marked 80 years since the end of WWII in Asia.')).toContain('WWII/MISC');
  });

  it('leave common words alone', () => {
    expect(names('Target shoppers waited.')).toEqual([]);
  });
});
