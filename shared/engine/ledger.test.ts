import { describe, expect, it } from 'vitest';
import type { Transaction } from '../domain/transaction';
import { makeRecomputeWorkload } from './bench-cases';
import { applyLedger, applyLedgerInSteps, type LedgerResult, type Position } from './ledger';
import { LedgerError } from './ledger-error';
import { totalPositions } from './positions';
import { ACCOUNTS, TODAY, tx } from './test-fixtures/transactions';

const run = (transactions: Transaction[], costMethod: 'fifo' | 'average' = 'fifo') =>
  applyLedger(transactions, { today: TODAY, accounts: ACCOUNTS, costMethod });

function position(result: LedgerResult, account: string, symbol: string): Position {
  const found = result.accounts.find((a) => a.name === account)?.positions.find((p) => p.symbol === symbol);
  if (!found) throw new Error(`no ${symbol} in ${account}`);
  return found;
}

function cash(result: LedgerResult, account = 'Brokerage') {
  const found = result.accounts.find((a) => a.name === account)?.cash.find((c) => c.currency === 'USD');
  if (!found) throw new Error(`no cash in ${account}`);
  return found;
}

function snapshot(result: LedgerResult) {
  return result.accounts.map((a) => ({
    name: a.name,
    cash: a.cash.map((c) => ({ ...c, balance: c.balance.toString(), implicitFunding: c.implicitFunding.toString() })),
    positions: a.positions.map((p) => ({
      symbol: p.symbol,
      quantity: p.quantity.toString(),
      costBasis: p.costBasis.toString(),
      realized: p.realizedPnl.toString(),
      lots: p.lots.map((lot) => `${lot.acquired} ${lot.quantity.toString()} ${lot.cost.toString()}`),
    })),
  }));
}

// Worked example (docs/engine.md): two buys with fees, then one sale of 150 shares.
const worked: Transaction[] = [
  tx({ id: 1, date: '2020-01-02', type: 'deposit', amount: '5000' }),
  tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'AAPL', quantity: '100', price: '10', fee: '5' }),
  tx({
    id: 3,
    date: '2020-02-03',
    type: 'buy',
    symbol: 'AAPL',
    quantity: '100',
    price: '20',
    fee: '5',
    amount: '2005',
  }),
  tx({
    id: 4,
    date: '2020-03-02',
    type: 'sell',
    symbol: 'AAPL',
    quantity: '150',
    price: '30',
    fee: '10',
    amount: '4490',
  }),
  tx({ id: 5, date: '2020-03-16', type: 'dividend', symbol: 'AAPL', amount: '12.5' }),
];

describe('applyLedger: cost basis', () => {
  it('FIFO takes the oldest lot first; fees add to cost and reduce proceeds', () => {
    const result = run(worked);
    const p = position(result, 'Brokerage', 'AAPL');
    // Sold: all of lot 1 (1005) and half of lot 2 (2005 / 2 = 1002.5); proceeds 4500 − 10.
    expect(p.realizedPnl.toString()).toBe('2482.5');
    expect(p.quantity.toString()).toBe('50');
    expect(p.costBasis.toString()).toBe('1002.5');
    expect(p.lots.map((lot) => [lot.acquired, lot.quantity.toString(), lot.cost.toString()])).toEqual([
      ['2020-02-03', '50', '1002.5'],
    ]);
    expect(p.dividends.toString()).toBe('12.5'); // reported on its own, not in realized P&L
    expect(cash(result).balance.toString()).toBe('6492.5'); // 5000 − 1005 − 2005 + 4490 + 12.5
    expect(cash(result).dividends.toString()).toBe('12.5');
  });

  it('average cost pools the basis: 3010 / 200 shares = 15.05 a share', () => {
    const result = run(worked, 'average');
    const p = position(result, 'Brokerage', 'AAPL');
    expect(p.realizedPnl.toString()).toBe('2232.5'); // 4490 − 150 × 15.05
    expect(p.costBasis.toString()).toBe('752.5');
    expect(p.lots.map((lot) => [lot.acquired, lot.quantity.toString(), lot.cost.toString()])).toEqual([
      ['2020-02-03', '50', '752.5'],
    ]);
    expect(cash(result).balance.toString()).toBe('6492.5'); // cash does not depend on the method
  });

  it('a partial sale under average cost keeps the pool exact (1/3 of 1000)', () => {
    const result = run(
      [
        tx({ id: 1, date: '2020-01-02', type: 'buy', symbol: 'X', quantity: '3', price: '333.33', fee: '0.01' }),
        tx({ id: 2, date: '2020-01-03', type: 'sell', symbol: 'X', quantity: '1', price: '400' }),
        tx({ id: 3, date: '2020-01-04', type: 'sell', symbol: 'X', quantity: '2', price: '400' }),
      ],
      'average',
    );
    const p = position(result, 'Brokerage', 'X');
    expect(p.costBasis.isZero()).toBe(true);
    expect(p.realizedPnl.toString()).toBe('200'); // 1200 − 1000, whatever the intermediate rounding
  });
});

describe('applyLedger: same-day order', () => {
  const day = (first: 'buy' | 'sell'): Transaction[] => {
    const buy = { date: '2021-05-03', type: 'buy' as const, symbol: 'MSFT', quantity: '100', price: '250', fee: '1' };
    const sell = { date: '2021-05-03', type: 'sell' as const, symbol: 'MSFT', quantity: '40', price: '252', fee: '1' };
    return [
      tx({ id: 1, date: '2021-05-03', type: 'deposit', amount: '30000' }),
      tx({ id: 2, ...(first === 'buy' ? buy : sell) }),
      tx({ id: 3, ...(first === 'buy' ? sell : buy) }),
      tx({ id: 4, date: '2021-05-04', type: 'sell', symbol: 'MSFT', quantity: '60', price: '249' }),
    ];
  };

  it('never rejects a sale a same-day buy covers, and entry order does not change the result', () => {
    const buyFirst = run(day('buy'));
    const sellFirst = run(day('sell'));
    expect(snapshot(sellFirst)).toEqual(snapshot(buyFirst));
    expect(sellFirst.flows).toEqual(buyFirst.flows);
    expect(position(sellFirst, 'Brokerage', 'MSFT').realizedPnl.toString()).toBe('18'); // (40×252 − 1 − 40×250.01) + (60×249 − 60×250.01)
  });

  it('a timed sale before a timed buy of the same day is still covered', () => {
    const result = run([
      tx({ id: 1, date: '2021-05-03', time: '09:31', type: 'sell', symbol: 'MSFT', quantity: '10', price: '251' }),
      tx({ id: 2, date: '2021-05-03', time: '15:55', type: 'buy', symbol: 'MSFT', quantity: '10', price: '250' }),
    ]);
    expect(position(result, 'Brokerage', 'MSFT').realizedPnl.toString()).toBe('10');
  });
});

describe('applyLedger: splits', () => {
  it('7-for-1 then 1-for-2 scale every lot and keep the cost', () => {
    const result = run([
      tx({ id: 1, date: '2014-01-02', type: 'buy', symbol: 'AAPL', quantity: '10', price: '560' }),
      tx({ id: 2, date: '2014-03-03', type: 'buy', symbol: 'AAPL', quantity: '5', price: '530' }),
      tx({ id: 3, date: '2014-06-09', type: 'split', symbol: 'AAPL', quantity: '7' }),
      tx({ id: 4, date: '2015-01-05', type: 'split', symbol: 'AAPL', quantity: '0.5' }),
    ]);
    const p = position(result, 'Brokerage', 'AAPL');
    expect(p.lots.map((lot) => [lot.quantity.toString(), lot.cost.toString()])).toEqual([
      ['35', '5600'],
      ['17.5', '2650'],
    ]);
    expect(p.quantity.toString()).toBe('52.5');
    expect(p.costBasis.toString()).toBe('8250');
    // The value timeline counts today's shares: 10 bought in 2014 are 35 of today's.
    const timeline = result.holdings.find((h) => h.symbol === 'AAPL');
    expect(Array.from(timeline?.day ?? [], (i) => result.days[i])).toEqual([
      '2014-01-02',
      '2014-03-03',
      '2014-06-09',
      '2015-01-05',
    ]);
    expect(Array.from(timeline?.quantity ?? [])).toEqual([35, 52.5, 52.5, 52.5]);
  });

  it('a split applies before the same day’s trades, which are at post-split prices', () => {
    const result = run([
      tx({ id: 1, date: '2020-08-28', type: 'buy', symbol: 'AAPL', quantity: '1', price: '500' }),
      tx({ id: 2, date: '2020-08-31', type: 'buy', symbol: 'AAPL', quantity: '4', price: '125' }),
      tx({ id: 3, date: '2020-08-31', type: 'split', symbol: 'AAPL', quantity: '4' }),
    ]);
    expect(position(result, 'Brokerage', 'AAPL').quantity.toString()).toBe('8');
  });
});

describe('applyLedger: transfers', () => {
  const base: Transaction[] = [
    tx({ id: 1, date: '2019-01-02', type: 'buy', symbol: 'JPM', quantity: '100', price: '10' }),
    tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'JPM', quantity: '50', price: '20' }),
    tx({ id: 3, date: '2021-01-04', type: 'buy', account: 'IRA', symbol: 'JPM', quantity: '10', price: '130' }),
    // Entered in the "wrong" order: the in before the out.
    tx({ id: 4, date: '2021-06-01', type: 'transfer_in', account: 'IRA', symbol: 'JPM', quantity: '120' }),
    tx({ id: 5, date: '2021-06-01', type: 'transfer_out', symbol: 'JPM', quantity: '120' }),
  ];

  it('carries lots, acquisition dates and cost basis between accounts', () => {
    const result = run([
      ...base,
      tx({ id: 6, date: '2021-07-01', type: 'sell', account: 'IRA', symbol: 'JPM', quantity: '110', price: '150' }),
    ]);
    const ira = position(result, 'IRA', 'JPM');
    // FIFO in the IRA sees the carried 2019 and 2020 lots before its own 2021 lot.
    expect(ira.realizedPnl.toString()).toBe(String(110 * 150 - (1000 + 10 * 20)));
    expect(ira.lots.map((lot) => [lot.acquired, lot.quantity.toString(), lot.cost.toString()])).toEqual([
      ['2020-01-02', '10', '200'],
      ['2021-01-04', '10', '1300'],
    ]);
    const brokerage = position(result, 'Brokerage', 'JPM');
    expect(brokerage.quantity.toString()).toBe('30');
    expect(brokerage.costBasis.toString()).toBe('600');
    expect(brokerage.realizedPnl.isZero()).toBe(true); // a transfer is not a sale
    const legs = result.flows.filter((f) => f.kind.startsWith('transfer'));
    expect(legs.map((f) => [f.account, f.quantity, f.cost, f.internal])).toEqual([
      ['Brokerage', -120, -1400, true],
      ['IRA', 120, 1400, true],
    ]);
  });

  it('totals positions across accounts with lots in date order', () => {
    const total = totalPositions(run(base).accounts).find((p) => p.symbol === 'JPM');
    expect(total?.quantity.toString()).toBe('160');
    expect(total?.costBasis.toString()).toBe(String(1000 + 1000 + 1300));
    expect(total?.lots.map((lot) => `${lot.account} ${lot.acquired}`)).toEqual([
      'IRA 2019-01-02',
      'Brokerage 2020-01-02',
      'IRA 2020-01-02',
      'IRA 2021-01-04',
    ]);
  });

  it('an unmatched transfer in needs a price or amount for its basis', () => {
    const lone = tx({ id: 9, date: '2021-06-01', type: 'transfer_in', symbol: 'GS', quantity: '5' });
    expect(() => run([lone])).toThrow(/Transaction 9 \(2021-06-01 transfer_in GS\): no transfer_out of 5 GS/);
    const priced = run([{ ...lone, price: '200' }]);
    expect(position(priced, 'Brokerage', 'GS').costBasis.toString()).toBe('1000');
    expect(priced.flows.map((f) => [f.kind, f.internal])).toEqual([['transfer_in', false]]);
  });
});

describe('applyLedger: errors name the transaction', () => {
  const buy = tx({ id: 41, date: '2016-11-01', type: 'buy', symbol: 'AAPL', quantity: '100', price: '110' });

  const failure = (transactions: Transaction[]): LedgerError => {
    try {
      run(transactions);
    } catch (error) {
      if (error instanceof LedgerError) return error;
      throw error;
    }
    throw new Error('expected a LedgerError');
  };

  it('over-selling', () => {
    const error = failure([
      buy,
      tx({ id: 42, date: '2016-11-14', type: 'sell', symbol: 'AAPL', quantity: '120', price: '105' }),
    ]);
    expect(error.message).toBe(
      'Transaction 42 (2016-11-14 sell AAPL): sells 120 shares but the account Brokerage holds 100.',
    );
    expect(error.transactionId).toBe(42);
  });

  it('over-selling is per account', () => {
    const error = failure([
      buy,
      tx({ id: 43, date: '2016-11-14', type: 'sell', account: 'IRA', symbol: 'AAPL', quantity: '1', price: '105' }),
    ]);
    expect(error.message).toBe('Transaction 43 (2016-11-14 sell AAPL): sells 1 shares but the account IRA holds 0.');
  });

  it('a split of zero', () => {
    const error = failure([buy, tx({ id: 44, date: '2017-01-03', type: 'split', symbol: 'AAPL', quantity: '0' })]);
    expect(error.transactionId).toBe(44);
    expect(error.message).toMatch(
      /^Transaction 44 \(2017-01-03 split AAPL\): has the split ratio "0", which must be greater than zero; write new shares : old shares/,
    );
  });

  it('a date in the future', () => {
    const error = failure([tx({ id: 45, date: '2024-06-29', type: 'deposit', amount: '10' })]);
    expect(error.message).toBe('Transaction 45 (2024-06-29 deposit): is dated 2024-06-29, after today (2024-06-28).');
  });

  it('an unknown account', () => {
    const error = failure([tx({ id: 46, date: '2020-01-02', type: 'deposit', account: 'Roth', amount: '10' })]);
    expect(error.message).toBe(
      'Transaction 46 (2020-01-02 deposit): names the account "Roth", which does not exist (known accounts: Brokerage, IRA).',
    );
  });

  it('garbage numbers, amounts that do not add up, mixed currencies', () => {
    expect(failure([{ ...buy, price: 'NaN' }]).message).toContain(
      'has an invalid price (Not a decimal number: "NaN".)',
    );
    expect(failure([{ ...buy, fee: '1', amount: '11000' }]).message).toContain('but quantity × price + fee is 11001.');
    expect(failure([buy, { ...buy, id: 47, currency: 'EUR' }]).message).toContain(
      'is in EUR, but earlier transactions have AAPL in USD.',
    );
    expect(failure([tx({ id: 48, date: '2020-01-02', type: 'deposit', amount: '-5' })]).message).toContain(
      'needs an amount greater than zero',
    );
  });

  it('a record of the wrong shape (from a script, say) is refused by name, not with a TypeError', () => {
    const shapeless = { ...buy, id: 49, quantity: 10 } as unknown as Transaction;
    expect(failure([buy, shapeless]).message).toMatch(/^Transaction 49 .*: has an invalid quantity/);
    const undated = { ...buy, id: 50, date: undefined } as unknown as Transaction;
    expect(failure([undated]).message).toMatch(/^Transaction 50 .*: has an invalid date/);
    const numbered = { ...buy, id: 51, symbol: 7 } as unknown as Transaction;
    expect(failure([numbered]).message).toMatch(/^Transaction 51 .*: has an invalid symbol/);
  });

  it('an empty date or currency is refused like any other invalid one, first record or not', () => {
    const deposit = tx({ id: 1, date: '2020-01-02', type: 'deposit', amount: '5' });
    for (const records of [[], [deposit]]) {
      const undated = tx({ id: 2, date: '', type: 'deposit', amount: '5' });
      expect(failure([undated, ...records]).message).toMatch(/^Transaction 2 .*: has an invalid date ""/);
      const blank = tx({ id: 2, date: '2020-01-02', type: 'deposit', amount: '5', currency: '' });
      expect(failure([...records, blank]).message).toMatch(/^Transaction 2 .*: has an invalid currency ""/);
    }
  });

  it('a sum beyond the exact range (±9,007,199,254,740,991) instead of a rounded one', () => {
    const huge = (id: number) => tx({ id, date: '2020-01-02', type: 'deposit', amount: '5000000000000000' });
    expect(run([huge(1)]).accounts[0]?.cash[0]?.balance.toString()).toBe('5000000000000000');
    const error = failure([huge(1), huge(2)]);
    expect(error.transactionId).toBe(2);
    expect(error.message).toMatch(/^Transaction 2 \(2020-01-02 deposit\): has an amount too large to keep exactly/);
  });
});

describe('applyLedger: cash', () => {
  it('books implicit funding when a ledger spends money it never deposited', () => {
    const result = run([
      tx({ id: 1, date: '2020-01-02', type: 'buy', symbol: 'SPY', quantity: '10', price: '300' }),
      tx({ id: 2, date: '2020-01-03', type: 'sell', symbol: 'SPY', quantity: '5', price: '310' }),
      tx({ id: 3, date: '2020-01-06', type: 'buy', symbol: 'SPY', quantity: '10', price: '305' }),
    ]);
    const c = cash(result);
    expect(c.balance.toString()).toBe('-4500'); // the exact ledger balance
    expect(c.implicitFunding.toString()).toBe('4500'); // 3000, then 1500 more on the 6th
    expect(result.flows.map((f) => [f.day, f.kind, f.amount])).toEqual([
      ['2020-01-02', 'implicit_deposit', 3000],
      ['2020-01-06', 'implicit_deposit', 1500],
    ]);
    expect(Array.from(result.cash[0]?.balance ?? [])).toEqual([0, 1550, 0]);
  });

  it('keeps interest, fees, deposits and withdrawals apart', () => {
    const result = run([
      tx({ id: 1, date: '2020-01-02', type: 'deposit', amount: '1000' }),
      tx({ id: 2, date: '2020-01-31', type: 'interest', amount: '0.83' }),
      tx({ id: 3, date: '2020-01-31', type: 'fee', amount: '2.5' }),
      tx({ id: 4, date: '2020-02-03', type: 'withdrawal', amount: '100', fee: '1' }),
    ]);
    const c = cash(result);
    expect([c.balance, c.interest, c.fees, c.deposits, c.withdrawals].map(String)).toEqual([
      '897.33',
      '0.83',
      '3.5',
      '1000',
      '100',
    ]);
  });

  it('books taxes apart from fees, for the account and the holding they name', () => {
    const result = run([
      tx({ id: 1, date: '2020-01-02', type: 'deposit', amount: '10000' }),
      tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'SPY', quantity: '10', price: '300', fee: '1' }),
      // A dividend's withheld tax stays in its fee, as the docs say: not a tax record.
      tx({ id: 3, date: '2020-03-02', type: 'dividend', symbol: 'SPY', amount: '50', fee: '7.5' }),
      tx({ id: 4, date: '2020-03-02', type: 'tax', symbol: 'SPY', amount: '12.34' }),
      tx({ id: 5, date: '2020-04-15', type: 'tax', amount: '100', fee: '2' }),
      tx({ id: 6, date: '2020-04-16', type: 'fee', symbol: 'SPY', amount: '3' }),
      tx({ id: 7, date: '2020-04-16', type: 'tax', symbol: 'SPY', account: 'IRA', amount: '0.66' }),
    ]);
    // In cents, by hand: 10000 − (10 × 300 + 1) + 50 − 7.5 − 12.34 − 100 − 2 − 3.
    const balanceCents = 1_000_000 - (10 * 30_000 + 100) + 5_000 - 750 - 1_234 - 10_000 - 200 - 300;
    const taxCents = 1_234 + 10_000;
    const feeCents = 750 + 200 + 300;
    const dollars = (cents: number) => (cents / 100).toString();
    const c = cash(result);
    expect([c.balance, c.taxes, c.fees, c.dividends].map(String)).toEqual([
      dollars(balanceCents),
      dollars(taxCents),
      dollars(feeCents),
      '50',
    ]);
    const spy = position(result, 'Brokerage', 'SPY');
    expect([spy.taxes, spy.fees, spy.dividends, spy.costBasis].map(String)).toEqual(['12.34', '3', '50', '3001']);
    // The IRA paid a tax it had no money for: implicit funding, and its own taxes.
    expect(cash(result, 'IRA').taxes.toString()).toBe('0.66');
    expect(cash(result, 'IRA').balance.toString()).toBe('-0.66');
    expect(
      totalPositions(result.accounts)
        .find((p) => p.symbol === 'SPY')
        ?.taxes.toString(),
    ).toBe(dollars(1_234 + 66));
  });
});

describe('applyLedgerInSteps', () => {
  const workload = makeRecomputeWorkload({ transactions: 5_000, instruments: 30, days: 300 });
  const options = { today: workload.today, accounts: [...workload.accounts] };

  it('pauses every N records and ends with the result applyLedger gives', async () => {
    const pauses: number[] = [];
    const stepped = await applyLedgerInSteps(
      workload.transactions,
      options,
      async (done) => {
        pauses.push(done);
      },
      1_000,
    );
    expect(pauses).toEqual([1_000, 2_000, 3_000, 4_000]);
    expect(JSON.stringify(stepped)).toBe(JSON.stringify(applyLedger(workload.transactions, options)));
  });

  it('stops where the pause throws, and reports an invalid record like applyLedger', async () => {
    const stop = new Error('stopped');
    await expect(applyLedgerInSteps(workload.transactions, options, () => Promise.reject(stop), 1_000)).rejects.toBe(
      stop,
    );
    const bad: Transaction[] = [
      ...workload.transactions,
      tx({ id: 999_999, date: workload.today, type: 'sell', symbol: 'AAPL', quantity: '1000000', price: '1' }),
    ];
    await expect(applyLedgerInSteps(bad, options, () => Promise.resolve(), 1_000)).rejects.toThrow(LedgerError);
    expect(() => applyLedger(bad, options)).toThrow(LedgerError);
  });
});
