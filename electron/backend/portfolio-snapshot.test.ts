import { describe, expect, it } from 'vitest';
import { createAccountsRepo } from '../db/accounts-repo';
import { openDatabase } from '../db/connection';
import { createStore } from '../db/store';
import { createQuotesRepo } from '../db/quotes-repo';
import { createTransactionsRepo } from '../db/transactions-repo';
import { EventBus } from './event-bus';
import { createSnapshots } from './portfolio-snapshot';
import { createSettingsStore } from './settings-store';

const bar = (day: string, close: number) => ({
  day,
  open: close,
  high: close,
  low: close,
  close,
  adjClose: close,
  volume: 0,
});

function setup() {
  const db = openDatabase(':memory:');
  const events = new EventBus();
  const store = createStore(db);
  const settings = createSettingsStore(store.settings);
  createAccountsRepo(db).create('Brokerage', 'USD', '2020-01-01T00:00:00Z');
  const transactions = createTransactionsRepo(db);
  const add = (date: string, quantity: string) =>
    transactions.insert(
      {
        date,
        time: null,
        account: 'Brokerage',
        type: 'buy',
        symbol: 'SPY',
        quantity,
        price: '100',
        fee: null,
        amount: null,
        currency: 'USD',
        note: '',
      },
      '2020-01-01T00:00:00Z',
    );
  const quotes = createQuotesRepo(db);
  const snapshots = createSnapshots(store, events, settings, () => new Date('2020-06-01T12:00:00Z'));
  return { db, events, add, quotes, snapshots };
}

describe('portfolio snapshots', () => {
  it('re-values on new quotes without replaying the ledger, and replays it when transactions change', () => {
    const { db, events, add, quotes, snapshots } = setup();
    add('2020-01-02', '10');
    quotes.upsertBars('SPY', 'file', '2020-01-10T00:00:00Z', [bar('2020-01-02', 100), bar('2020-01-03', 110)]);
    const first = snapshots.get();
    expect(first.result.series.total.at(-1)).toBe(1100);

    quotes.upsertBars('SPY', 'yahoo', '2020-02-01T00:00:00Z', [bar('2020-01-06', 120)]);
    events.emit('data:changed', { scope: 'quotes' });
    const requoted = snapshots.get();
    expect(requoted).not.toBe(first);
    expect(requoted.result.series.total.at(-1)).toBe(1200); // the new close counts…
    expect(requoted.result.ledger).toBe(first.result.ledger); // …and the ledger was not replayed

    add('2020-01-06', '5');
    events.emit('data:changed', { scope: 'transactions' });
    const traded = snapshots.get();
    expect(traded.result.ledger).not.toBe(first.result.ledger);
    expect(traded.result.series.total.at(-1)).toBe(1800);
    expect(traded.result.accounts[0]?.positions[0]?.quantity.toString()).toBe('15');
    db.close();
  });
});
