import { describe, expect, it } from 'vitest';
import { currencyChoices, ISO_CURRENCIES } from './currency-choices';

describe('currencyChoices', () => {
  it('puts the currencies in use (and the current base) first, each code once', () => {
    const choices = currencyChoices(['USD', 'EUR'], 'GBP');
    expect(choices.used).toEqual(['EUR', 'GBP', 'USD']);
    expect(choices.others).not.toContain('EUR');
    expect(choices.others).toContain('JPY');
    expect(choices.used.length + choices.others.length).toBe(ISO_CURRENCIES.length);
  });

  it('keeps a code outside the list when the portfolio uses it', () => {
    expect(currencyChoices(['XAU'], 'USD').used).toEqual(['USD', 'XAU']);
  });
});
