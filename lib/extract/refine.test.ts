// Figure span rules on text the OntoNotes-trained tagger never saw: money and scales written
// together ("$1.2bn"), plain amounts whose sign sits outside the span, numbers that name things.
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function figures(text: string) {
  return extract(text).figures.map((f) => ({ text: f.text, type: f.type, value: f.value, currency: f.currency }));
}

describe('figures written together', () => {
  it('reads "$1.2bn", "€3m", "£40k" and "$10k" as one amount with its currency and scale', () => {
    expect(figures('Siemens will invest $1.2bn in Berlin.')).toContainEqual({ text: '$1.2bn', type: 'MONEY', value: 1.2e9, currency: 'USD' });
    expect(figures('The club paid €3m for the striker.')).toContainEqual({ text: '€3m', type: 'MONEY', value: 3e6, currency: 'EUR' });
    expect(figures('It costs £40k a year to run.')).toContainEqual({ text: '£40k', type: 'MONEY', value: 40e3, currency: 'GBP' });
    expect(figures('The startup raised $10k from friends.')).toContainEqual({ text: '$10k', type: 'MONEY', value: 10e3, currency: 'USD' });
  });

  it('finds "€3m" where the tagger saw no figure at all', () => {
    const found = figures('Inflation hit 3.2 per cent in Q3 2024, and the club paid €3m.');
    expect(found).toContainEqual({ text: '€3m', type: 'MONEY', value: 3e6, currency: 'EUR' });
  });

  it('reads "1.5m people" as a count of 1.5 million, and "2023/24" as no quotient', () => {
    expect(figures('About 1.5m people live in the city.')).toContainEqual({ text: 'About 1.5m', type: 'CARDINAL', value: 1.5e6, currency: undefined });
    expect(figures('The 2023/24 season ended in May.').find((f) => f.text === '2023/24')?.value ?? null).toBeNull();
  });

  it('gives a plain amount the currency of the sign OntoNotes leaves outside its span', () => {
    expect(figures('Rents hit $3,000 a month in the city.')).toContainEqual({ text: '3,000', type: 'MONEY', value: 3000, currency: 'USD' });
  });

  it('keeps the spelled-out forms as before', () => {
    expect(figures('Revenue rose to $5.2 billion last year.')).toContainEqual({ text: '$5.2 billion', type: 'MONEY', value: 5.2e9, currency: 'USD' });
  });

  it('marks no count in "4K" or "5G", which name a screen and a network', () => {
    expect(figures('The console runs games in native 4K at 30 fps.').map((f) => f.text)).toEqual(['30']);
    expect(figures('Operators are rolling out 5G networks across Europe.')).toEqual([]);
  });
});

describe('news usage the tagger never saw', () => {
  it('reads "per cent" as a percentage, never as money', () => {
    expect(figures('Inflation fell to 2.3 per cent in April from 3.2 per cent in March.').filter((f) => f.type !== 'DATE')).toEqual([
      { text: '2.3 per cent', type: 'PERCENT', value: 2.3, currency: undefined },
      { text: '3.2 per cent', type: 'PERCENT', value: 3.2, currency: undefined },
    ]);
  });

  it('reads "R$10m" as Brazilian reals, not dollars', () => {
    expect(figures('Petrobras will pay R$10m in fines.')).toContainEqual({ text: 'R$10m', type: 'MONEY', value: 1e7, currency: 'BRL' });
  });

  it('reads "A$2.1bn" as Australian dollars', () => {
    // (The tagger also calls "A$" a MISC name, as CoNLL-2003 does with "C$".)
    const r = extract('The deal, worth A$2.1bn, was signed in Sydney on 3 March 2024.');
    expect(r.figures.find((f) => f.type === 'MONEY')).toMatchObject({ text: 'A$2.1bn', value: 2.1e9, currency: 'AUD' });
  });

  it('reads "5pm" as a time', () => {
    expect(figures('Half of the 300 delegates left before 5pm.')).toContainEqual({ text: '5pm', type: 'TIME', value: 'T17:00', currency: undefined });
  });
});

describe('Indian amounts', () => {
  it('reads "Rs 5,000 crore" and "about ₹50bn" as rupees with their scale', () => {
    const found = figures('The government will spend Rs 5,000 crore on the scheme, about ₹50bn.');
    expect(found).toContainEqual({ text: 'Rs 5,000 crore', type: 'MONEY', value: 5e10, currency: 'INR' });
    expect(found).toContainEqual({ text: 'about ₹50bn', type: 'MONEY', value: 5e10, currency: 'INR' });
  });
});

describe('British and business forms', () => {
  it('reads "5pc", "ten per cent", "7.30pm" and "Q3 2024"', () => {
    expect(figures('Profits rose 5pc to £1,200 in the first half of 2024.')).toContainEqual({ text: '5pc', type: 'PERCENT', value: 5, currency: undefined });
    expect(figures('Ten per cent of the 2,500 workers are over 65.')).toContainEqual({ text: 'Ten per cent', type: 'PERCENT', value: 10, currency: undefined });
    expect(figures('The vote is due at 7.30pm on Tuesday.')).toContainEqual({ text: '7.30pm', type: 'TIME', value: 'T19:30', currency: undefined });
    expect(figures('Q3 2024 results beat forecasts, Q4 looks weaker.')).toEqual([
      { text: 'Q3 2024', type: 'DATE', value: '2024-Q3', currency: undefined },
      { text: 'Q4', type: 'DATE', value: 'XXXX-Q4', currency: undefined },
    ]);
  });
});

describe('dates written as numbers', () => {
  it('reads an ISO date ("2015-05-12") as one date, not a bare year', () => {
    expect(figures('Latest update : 2015-05-12')).toEqual([{ text: '2015-05-12', type: 'DATE', value: '2015-05-12', currency: undefined }]);
    expect(figures('The report was published on 2015-05-12 in Dhaka.')).toContainEqual({ text: '2015-05-12', type: 'DATE', value: '2015-05-12', currency: undefined });
  });

  it('leaves look-alikes that are not dates alone', () => {
    for (const text of ['Call 2015-13-40 for tickets.', 'Order 2015-05-12-77 shipped.']) {
      expect(figures(text).some((f) => f.value === '2015-05-12' || f.value === '2015-13-40'), text).toBe(false);
    }
  });
});

describe('percentages the tagger typed otherwise', () => {
  it('reads "10-15 percent" as a PERCENT ending at "percent", whatever type the tagger gave it', () => {
    expect(figures('It costs 10-15 percent more, the ministry said.')).toEqual([{ text: '10-15 percent', type: 'PERCENT', value: 10, currency: undefined }]);
  });
});

describe('quantities', () => {
  function quantities(text: string) {
    return extract(text).figures.map((f) => ({ text: f.text, type: f.type, value: f.value, unit: f.unit }));
  }

  it('reads a number and its unit as a QUANTITY, spelled, abbreviated or written together', () => {
    expect(quantities('The phone weighs 180 grams.')).toContainEqual({ text: '180 grams', type: 'QUANTITY', value: 180, unit: 'grams' });
    expect(quantities('It has 12 gigabytes of memory.')).toContainEqual({ text: '12 gigabytes', type: 'QUANTITY', value: 12, unit: 'gigabytes' });
    expect(quantities('The CPU runs at 2.3GHz with 8GB of RAM.')).toEqual(
      expect.arrayContaining([
        { text: '2.3GHz', type: 'QUANTITY', value: 2.3, unit: 'GHz' },
        { text: '8GB', type: 'QUANTITY', value: 8, unit: 'GB' },
      ]),
    );
    expect(quantities('The battery holds 5,000mAh and the plant makes 500 MW.')).toEqual(
      expect.arrayContaining([
        { text: '5,000mAh', type: 'QUANTITY', value: 5000, unit: 'mAh' },
        { text: '500 MW', type: 'QUANTITY', value: 500, unit: 'MW' },
      ]),
    );
    expect(quantities('She won a 5-mile race.')).toContainEqual({ text: '5-mile', type: 'QUANTITY', value: 5, unit: 'mile' });
  });

  it('ends the quantity at its unit: "5 km in 30 minutes" is a distance and a time', () => {
    const found = quantities('He ran 5 km in 30 minutes.');
    expect(found).toContainEqual({ text: '5 km', type: 'QUANTITY', value: 5, unit: 'km' });
    expect(found.map((f) => f.text)).toContain('30 minutes');
  });

  it('leaves counts of things that are not units, and "4K." at the end of a sentence, alone', () => {
    expect(quantities('Police arrested 12 men.')).toContainEqual({ text: '12', type: 'CARDINAL', value: 12, unit: 'men' });
    expect(quantities('Play the exclusive titles in 4K. Everyone else can wait.')).toEqual([]);
  });
});

describe('prices and screens written together', () => {
  it('reads "$7/month" as money, not a date', () => {
    expect(figures('Subscribe for $7/month or €70/year.')).toEqual([
      { text: '7', type: 'MONEY', value: 7, currency: 'USD' },
      { text: '70', type: 'MONEY', value: 70, currency: 'EUR' },
    ]);
  });

  it('marks no figure in "a roughly 4K display", whatever type the tagger gave it', () => {
    expect(figures('Each eye looks through a roughly 4K display.')).toEqual([]);
    expect(figures('A $5K bonus was paid.')).toContainEqual({ text: '$5K', type: 'MONEY', value: 5000, currency: 'USD' });
  });
});

describe('numbers with two or more dots', () => {
  it('reads a European date ("12.05.2015") as a date, day first, also where the tagger saw none', () => {
    expect(extract('On 12.05.2015 it rained. Der Vertrag vom 31.12.2024 gilt.').figures.map((f) => [f.text, f.type, f.value])).toEqual([
      ['12.05.2015', 'DATE', '2015-05-12'],
      ['31.12.2024', 'DATE', '2024-12-31'],
    ]);
  });

  it('marks no figure in a version or an address', () => {
    expect(figures('The server at 192.168.1.1 crashed after version 1.8.3 shipped.')).toEqual([]);
  });
});

describe('versions and product numbers', () => {
  it('are no counts', () => {
    expect(figures('Apple released iOS 17 and macOS 14. The app needs version 2.5. Windows 11 shipped. OS X 10.10 is required.')).toEqual([]);
  });

  it('leave counts after other words alone, also after verbs that can name versions', () => {
    expect(figures('He won 3 games.').map((f) => f.value)).toEqual([3]);
    expect(figures('The firm plans to build 5 plants and release 3 films.').map((f) => f.value)).toEqual([5, 3]);
    expect(figures('Update 5.3 fixed the bug.')).toEqual([]);
  });
});

describe('squared and cubed units', () => {
  it('end the quantity after the unit they square', () => {
    const found = extract('The fire burned 5 sq km of forest and 10 square miles of farmland.').figures.map((f) => [f.text, f.type, f.value, f.unit]);
    expect(found).toEqual([
      ['5 sq km', 'QUANTITY', 5, 'sq km'],
      ['10 square miles', 'QUANTITY', 10, 'square miles'],
    ]);
  });
});

describe('temperatures', () => {
  it('are quantities in degrees, written together or with a degree sign', () => {
    const found = extract('Temperatures hit 40C on Tuesday, 104F in Phoenix, 40°C in Seville and -5 °C in Oslo.').figures.map((f) => [f.text, f.type, f.value, f.unit]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['40C', 'QUANTITY', 40, '°C'],
        ['104F', 'QUANTITY', 104, '°F'],
        ['40°C', 'QUANTITY', 40, '°C'],
        ['-5 °C', 'QUANTITY', -5, '°C'],
      ]),
    );
  });

  it('leave product names alone', () => {
    expect(extract('Apple sold the iPhone 5C and the 4K TV in 2013.').figures.map((f) => f.text)).toEqual(['2013']);
  });
});

describe('pence', () => {
  it('reads "245p" and "2.5p" as pounds, where the tagger saw nothing or a count', () => {
    expect(figures('Shares fell 12p to 245p in London.')).toEqual([
      { text: '12p', type: 'MONEY', value: 0.12, currency: 'GBP' },
      { text: '245p', type: 'MONEY', value: 2.45, currency: 'GBP' },
    ]);
    expect(figures('Tesco cut milk by 2.5p a litre to 89p.')).toEqual([
      { text: '2.5p', type: 'MONEY', value: 0.025, currency: 'GBP' },
      { text: '89p', type: 'MONEY', value: 0.89, currency: 'GBP' },
    ]);
  });

  it('leaves video resolutions out', () => {
    expect(figures('The TV streams in 1080p and 720p.')).toEqual([]);
  });
});
