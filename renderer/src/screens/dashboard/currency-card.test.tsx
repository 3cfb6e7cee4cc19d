// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { holding, holdingsOutput } from '../../test-support/fixtures';
import { CurrencyCard } from './currency-card';

afterEach(cleanup);

describe('CurrencyCard', () => {
  it('shows each currency’s share in the base currency and the gain’s currency effect', () => {
    const holdings = holdingsOutput([holding('AAPL'), holding('BAS.DE', { currency: 'EUR' })]);
    holdings.currencies = [
      { currency: 'USD', holdings: '1200', cash: '300', total: '1500', sharePct: 60 },
      { currency: 'EUR', holdings: '1000', cash: '0', total: '1000', sharePct: 40 },
    ];
    holdings.totals = { ...holdings.totals, unrealizedPl: '250', priceEffect: '300', currencyEffect: '-50' };
    render(<CurrencyCard holdings={holdings} />);
    const eur = screen.getByTestId('exposure-EUR');
    expect(eur.textContent).toBe('EUR$1,000.00$0.0040.0%');
    expect(screen.getByTestId('currency-effect-total').textContent).toBe('-$50.00');
  });

  it('is not shown while everything is in the base currency', () => {
    const holdings = holdingsOutput([holding('AAPL')]);
    holdings.currencies = [{ currency: 'USD', holdings: '1200', cash: '0', total: '1200', sharePct: 100 }];
    render(<CurrencyCard holdings={holdings} />);
    expect(screen.queryByTestId('currency-exposure')).toBeNull();
  });
});
