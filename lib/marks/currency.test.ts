import { describe, expect, it } from 'vitest';
import { withCurrencySign } from './currency';

function money(text: string, amount: string, type = 'MONEY') {
  const start = text.indexOf(amount);
  return withCurrencySign(text, { start, end: start + amount.length, text: amount, type });
}

describe('withCurrencySign', () => {
  it('takes in the sign glued before a plain amount', () => {
    expect(money('It costs $499.', '499')).toMatchObject({ start: 9, end: 13, text: '$499' });
    expect(money('Tickets are €20 each.', '20').text).toBe('€20');
    expect(money('It sold for £1,200,000.', '1,200,000').text).toBe('£1,200,000');
  });

  it('takes in a prefix of capitals glued to the dollar sign', () => {
    expect(money('It raised US$5 in fees.', '5').text).toBe('US$5');
    expect(money('HK$3 a ride', '3').text).toBe('HK$3');
    expect(money('about A$40', '40').text).toBe('A$40');
  });

  it('leaves a word before the dollar sign out, and everything else alone', () => {
    expect(money('the BOSS$5 deal', '5').text).toBe('$5');
    expect(money('It costs $ 499.', '499').text).toBe('499');
    expect(money('$499 or less', '$499').text).toBe('$499');
    expect(money('It rose $3 points', '3', 'CARDINAL').text).toBe('3');
  });
});
