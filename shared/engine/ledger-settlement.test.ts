// Trades across currencies (docs/engine.md): a buy or sell settles in its account's currency at
// its own fxRate, else at the rate the settlement gives for its day, else in its own currency.
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal';
import { applyLedger, type LedgerResult, type Settlement } from './ledger';
import { LedgerError } from './ledger-error';
import { TODAY, tx } from './test-fixtures/transactions';

const settlement = (rates: Record<string, string>): Settlement => ({
  accountCurrency: new Map([['Euro', 'EUR']]),
  rate: (from, to, day) => {
    const rate = rates[`${from}${to}`];
    return rate === undefined ? `no ${from}→${to} rate on or before ${day}` : Decimal.parse(rate);
  },
});
const records = (fxRate?: string) => [
  tx({ id: 1, date: '2024-05-01', account: 'Euro', currency: 'EUR', type: 'deposit', amount: '1000' }),
  tx({
    id: 2,
    date: '2024-05-02',
    account: 'Euro',
    type: 'buy',
    symbol: 'JPM',
    quantity: '3',
    price: '190.5',
    fee: '1',
    fxRate,
  }),
  tx({
    id: 3,
    date: '2024-05-03',
    account: 'Euro',
    type: 'sell',
    symbol: 'JPM',
    quantity: '1',
    price: '200',
    fee: '1',
  }),
];
const run = (fxRate: string | undefined, rates: Record<string, string>) =>
  applyLedger(records(fxRate), { today: TODAY, accounts: ['Euro'], settlement: settlement(rates) });
const balances = (result: LedgerResult) => result.accounts[0]?.cash.map((c) => [c.currency, c.balance.toString()]);

describe('settling trades across currencies', () => {
  it('pays a buy at its broker rate and books a sale at the day’s rate, both in euros', () => {
    const result = run('0.92', { USDEUR: '0.93' });
    // 1000 − (3 × 190.5 + 1) × 0.92 + (200 − 1) × 0.93 = 1000 − 526.7 + 185.07.
    expect(balances(result)).toEqual([['EUR', '658.37']]);
    // The lot's cost stays in the trade's currency: two of three shares of 572.50 dollars.
    expect(result.accounts[0]?.positions[0]?.costBasis.toString()).toBe('381.6666666667');
    expect(result.unsettled).toEqual([]);
  });

  it('without a rate, settles in the trade’s currency and says which trade and why', () => {
    const result = run(undefined, {});
    expect(balances(result)).toEqual([
      ['EUR', '1000'],
      ['USD', '-373.5'],
    ]);
    expect(result.unsettled).toEqual([
      'Transaction 2 (2024-05-02 buy JPM) in Euro (EUR): no USD→EUR rate on or before 2024-05-02; settled in USD cash, which the account now holds.',
      'Transaction 3 (2024-05-03 sell JPM) in Euro (EUR): no USD→EUR rate on or before 2024-05-03; settled in USD cash, which the account now holds.',
    ]);
  });

  it('refuses an fx_rate that is not a positive number, naming the field', () => {
    const error = (() => {
      try {
        run('-1', {});
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).field).toBe('fxRate');
    expect((error as LedgerError).message).toBe(
      'Transaction 2 (2024-05-02 buy JPM): has an fx_rate "-1" that is not a positive number.',
    );
  });

  it('leaves trades alone without a settlement, as before', () => {
    const result = applyLedger(records('0.92'), { today: TODAY, accounts: ['Euro'] });
    expect(balances(result)).toEqual([
      ['EUR', '1000'],
      ['USD', '-373.5'],
    ]);
  });
});
