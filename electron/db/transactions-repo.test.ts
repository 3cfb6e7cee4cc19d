import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transactionPageInput } from '../../shared/api/transaction-schemas';
import { openDatabase } from './connection';
import { scratchDir } from './test-support/scratch';
import { createTransactionsRepo, pageIdsSql } from './transactions-repo';

// The transactions table's search (issue 20): at 50,000 rows the order of the matches is what
// costs, so a search reads the table straight through and sorts the matches.
describe('transactions repo, a search', () => {
  function seeded() {
    const db = openDatabase(path.join(scratchDir(), 'tiltfolio.sqlite'));
    db.prepare(
      `INSERT INTO accounts (id, name, currency, created_at) VALUES (1, 'Spyglass', 'USD', '2019-01-01'), (2, 'IRA', 'USD', '2019-01-01')`,
    ).run();
    db.prepare(`INSERT INTO instruments (symbol, currency) VALUES ('SPY', 'USD'), ('QQQ', 'USD')`).run();
    const insert = db.prepare(
      `INSERT INTO transactions (id, account_id, date, type, symbol, quantity, price, amount, currency, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, '2019-01-01')`,
    );
    // Ids out of date order, two on one day: the order is by date, then id.
    const rows = [
      [1, 2, '2020-03-01', 'buy', 'SPY', '1', '300', null, ''],
      [2, 2, '2019-05-01', 'buy', 'QQQ', '2', '180', null, 'not spy'],
      [3, 1, '2021-01-04', 'deposit', null, null, null, '500', ''],
      [4, 2, '2020-03-01', 'sell', 'SPY', '1', '310', null, ''],
      [5, 2, '2022-06-30', 'buy', 'QQQ', '1', '280', null, 'quarterly'],
      [6, 2, '2018-02-01', 'dividend', 'SPY', null, null, '1.5', ''],
    ] as const;
    for (const row of rows) insert.run(...row);
    return { db, rows };
  }
  const query = (input: object) => transactionPageInput.parse(input);

  it('finds the rows whose symbol, note, account or type hold the text, newest first, as a filter written here finds them', () => {
    const { db, rows } = seeded();
    const repo = createTransactionsRepo(db);
    const accountName = (id: number) => (id === 1 ? 'Spyglass' : 'IRA');
    const expected = (text: string, dir: 'asc' | 'desc') =>
      rows
        .filter((r) => `${r[4] ?? ''} ${r[8]} ${accountName(r[1])} ${r[3]}`.toLowerCase().includes(text))
        .sort((a, b) => (a[2] === b[2] ? a[0] - b[0] : a[2] < b[2] ? -1 : 1) * (dir === 'asc' ? 1 : -1))
        .map((r) => r[0]);
    // SPY: the SPY rows, "not spy" in a note, and the Spyglass account's deposit.
    expect(expected('spy', 'desc')).toEqual([3, 4, 1, 2, 6]);
    expect(repo.page(query({ search: 'SPY' })).rows.map((r) => r.id)).toEqual(expected('spy', 'desc'));
    expect(repo.page(query({ search: 'spy', dir: 'asc' })).rows.map((r) => r.id)).toEqual(expected('spy', 'asc'));
    expect(repo.page(query({ search: 'uart' })).rows.map((r) => r.id)).toEqual([5]);
    expect(repo.page(query({ search: 'spy', offset: 1, limit: 2 }))).toMatchObject({ total: 5, all: 6 });
    db.close();
  });

  it('reads the table through and sorts the matches, while the unfiltered list reads the date index', () => {
    const { db } = seeded();
    const plan = (input: object) => {
      const { sql, params } = pageIdsSql(query(input));
      return db
        .prepare<Record<string, string>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((r) => r.detail)
        .join('\n');
    };
    const searched = plan({ search: 'spy' });
    expect(searched).toMatch(/SCAN t\b/);
    expect(searched).not.toMatch(/transactions_by_date/);
    const all = plan({});
    expect(all).toMatch(/transactions_by_date/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
