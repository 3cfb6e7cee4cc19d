// Splits booked as exact fractions (issue 15, defect 6). Every expected figure is worked out here
// in BigInt counts of 10⁻¹⁰ (the engine's precision), not taken from the engine.
import { describe, expect, it } from 'vitest';
import type { CloseSeries } from '../domain/bar';
import type { Transaction } from '../domain/transaction';
import { closeSeries } from './close-series';
import { applyLedger, type LedgerResult, type Position } from './ledger';
import { LedgerError } from './ledger-error';
import { recompute } from './recompute';
import { ACCOUNTS, TODAY, tx } from './test-fixtures/transactions';

const run = (transactions: Transaction[], costMethod: 'fifo' | 'average' = 'fifo') =>
  applyLedger(transactions, { today: TODAY, accounts: ACCOUNTS, costMethod });

function position(result: LedgerResult, symbol = 'XYZ'): Position | undefined {
  return result.accounts.find((a) => a.name === 'Brokerage')?.positions.find((p) => p.symbol === symbol);
}

const UNIT = 10n ** 10n;
/** a × n ÷ d rounded half to even. */
function mulDiv(a: bigint, n: bigint, d: bigint): bigint {
  const exact = a * n;
  const q = exact / d;
  const r = exact % d;
  if (2n * r > d || (2n * r === d && q % 2n === 1n)) return q + 1n;
  return q;
}
/** `shares` × n ÷ d at 10 places, half to even: the rule docs/engine.md states. */
const scaled = (shares: bigint, n: bigint, d: bigint) => mulDiv(shares * UNIT, n, d);
/** A count of 10⁻¹⁰ as the engine prints it. */
function text(units: bigint): string {
  const whole = units / UNIT;
  const fraction = (units % UNIT).toString().padStart(10, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

const deposit = tx({ id: 1, date: '2020-01-02', type: 'deposit', amount: '100000' });
const buys = [
  tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'XYZ', quantity: '100', price: '10' }),
  tx({ id: 3, date: '2020-02-03', type: 'buy', symbol: 'XYZ', quantity: '200', price: '12', fee: '6' }),
];
const oneForThree = (quantity = '1:3') => tx({ id: 4, date: '2020-03-02', type: 'split', symbol: 'XYZ', quantity });

describe('a 1-for-3 split of 300 shares in two lots', () => {
  it.each(['1:3', '1/3', '1-for-3', '1 for 3'])(
    'typed %j leaves exactly 100, and a sale of 100 is accepted',
    (ratio) => {
      const split = run([deposit, ...buys, oneForThree(ratio)]);
      const held = position(split);
      expect(held?.quantity.toString()).toBe('100');
      // Cost stays: 100 × 10 + (200 × 12 + 6) = 3406, and each lot keeps its own.
      expect(held?.costBasis.toString()).toBe('3406');
      const first = scaled(100n, 1n, 3n); // 33.3333333333
      expect(held?.lots.map((lot) => [lot.quantity.toString(), lot.cost.toString()])).toEqual([
        [text(first), '1000'],
        // The newest lot takes the rest, so the lots add up to the holding.
        [text(100n * UNIT - first), '2406'],
      ]);
      // Per-share cost scales by 3: 10 → 30 (to the 10th place of the rounded lot).
      expect(held!.lots[0]!.cost.toNumber() / held!.lots[0]!.quantity.toNumber()).toBeCloseTo(30, 8);

      const sold = run([
        deposit,
        ...buys,
        oneForThree(ratio),
        tx({ id: 5, date: '2020-04-01', type: 'sell', symbol: 'XYZ', quantity: '100', price: '40', fee: '4' }),
      ]);
      expect(position(sold)?.quantity.toString()).toBe('0');
      // Realized: 100 × 40 − 4 − 3406 = 590.
      expect(position(sold)?.realizedPnl.toString()).toBe('590');
    },
  );

  it('shows the days before the split in today’s shares, 300 × 1 ÷ 3 = 100 exactly', () => {
    const result = run([deposit, ...buys, oneForThree()]);
    const timeline = result.holdings.find((h) => h.symbol === 'XYZ')!;
    const days = Array.from(timeline.day, (d) => result.days[d]);
    const quantities = Array.from(timeline.quantity);
    expect(Object.fromEntries(days.map((day, i) => [day, quantities[i]]))).toEqual({
      '2020-01-02': 100 / 3,
      '2020-02-03': 100,
      '2020-03-02': 100,
    });
  });

  it('under average cost too', () => {
    const result = run(
      [
        deposit,
        ...buys,
        oneForThree(),
        tx({ id: 5, date: '2020-04-01', type: 'sell', symbol: 'XYZ', quantity: '25', price: '40' }),
      ],
      'average',
    );
    // 3406 × 25 ÷ 100 = 851.5 leaves; 75 shares keep 2554.5.
    expect(position(result)?.quantity.toString()).toBe('75');
    expect(position(result)?.costBasis.toString()).toBe('2554.5');
    expect(position(result)?.realizedPnl.toString()).toBe(String(25 * 40 - 851.5));
  });
});

describe('a split whose result is not a whole number of shares', () => {
  it('rounds the holding to 10 places once: 301 shares 1-for-3 are 100.3333333333', () => {
    const ledger = [
      deposit,
      tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'XYZ', quantity: '301', price: '10' }),
      oneForThree(),
    ];
    const expected = scaled(301n, 1n, 3n);
    expect(text(expected)).toBe('100.3333333333');
    expect(position(run(ledger))?.quantity.toString()).toBe(text(expected));
    // The broker pays cash in lieu of the third of a share: a sale of the fraction leaves exactly 100.
    const inLieu = tx({
      id: 5,
      date: '2020-03-02',
      type: 'sell',
      symbol: 'XYZ',
      quantity: text(expected - 100n * UNIT),
      price: '31',
    });
    const after = run([...ledger, inLieu]);
    expect(position(after)?.quantity.toString()).toBe('100');
    // The fraction sold takes its share of the 3010 paid, pro rata: 3010 × ⅓ ÷ 100⅓ ≈ 10.
    const cost = 3010n * UNIT;
    const leaves = mulDiv(cost, expected - 100n * UNIT, expected);
    expect(position(after)?.costBasis.toString()).toBe(text(cost - leaves));
    expect(text(cost - leaves)).toBe('3000.000000001');
  });

  it('a 3-for-2 split of 7 shares is 10.5', () => {
    const ledger = [
      deposit,
      tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'XYZ', quantity: '7', price: '10' }),
      tx({ id: 4, date: '2020-03-02', type: 'split', symbol: 'XYZ', quantity: '3:2' }),
    ];
    expect(position(run(ledger))?.quantity.toString()).toBe(text(scaled(7n, 3n, 2n)));
    expect(text(scaled(7n, 3n, 2n))).toBe('10.5');
  });
});

describe('ratios the ledger refuses, naming the field', () => {
  it.each([
    ['0', 'must be greater than zero'],
    ['-1:3', 'cannot be negative'],
    ['1:0', 'has a zero side'],
    ['50000:1', 'is outside 10000:1 to 1:10000'],
    ['three', 'is not a number or a ratio'],
  ])('%j', (ratio, reason) => {
    let error: unknown;
    try {
      run([deposit, ...buys, oneForThree(ratio)]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).field).toBe('quantity');
    expect((error as LedgerError).message).toContain(
      `Transaction 4 (2020-03-02 split XYZ): has the split ratio ${JSON.stringify(ratio)}, which ${reason}`,
    );
  });

  it('a ratio is only a split’s: a buy of "1:3" shares is not a number', () => {
    expect(() =>
      run([deposit, tx({ id: 2, date: '2020-01-02', type: 'buy', symbol: 'XYZ', quantity: '1:3', price: '1' })]),
    ).toThrow(/has an invalid quantity/);
  });
});

describe('a holding as of a day before a reverse split', () => {
  it('is priced at the close × 1 ÷ 3 exactly, not × 0.3333333333', () => {
    // Closes on today's scale (after the split): 90 then 93.
    const closes = new Map<string, CloseSeries>([
      [
        'XYZ',
        closeSeries([
          { day: '2020-02-28', close: 90 },
          { day: '2020-03-02', close: 93 },
        ]),
      ],
    ]);
    const result = recompute({
      transactions: [deposit, ...buys, oneForThree('1-for-3')],
      closes,
      today: TODAY,
      accounts: ACCOUNTS,
      to: '2020-02-28',
    });
    const held = result.accounts.find((a) => a.name === 'Brokerage')!.positions.find((p) => p.symbol === 'XYZ')!;
    expect(held.quantity.toString()).toBe('300');
    expect(held.price?.toString()).toBe(String(90 / 3));
    expect(held.marketValue?.toString()).toBe(String(300 * (90 / 3)));
    expect(held.scale).toBeCloseTo(1 / 3, 15);
  });
});
