import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSACTION_SORTS, transactionPageInput } from '../../shared/api/transaction-schemas';
import { TRANSACTION_TYPES } from '../../shared/domain/transaction';
import { openDatabase, type Db } from './connection';
import { scratchDir } from './test-support/scratch';
import { createTransactionsRepo, pageIdsSql } from './transactions-repo';

// The in-memory search index (issue 20) must find exactly the rows, in exactly the order, that
// the SQL search finds, for every filter and sort, and forget itself when the data changes.
const query = (input: object) => transactionPageInput.parse(input);

/** Every matching id, page after page, as the table reads them. */
function allIds(repo: ReturnType<typeof createTransactionsRepo>, input: object): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = repo.page(query({ ...input, offset, limit: 1000 }));
    ids.push(...page.rows.map((r) => r.id));
    if (offset + 1000 >= page.total) return ids;
  }
}

const ACCOUNTS = ['Spyglass', 'IRA', 'Depot Ü', 'Broker'];
const SYMBOLS = ['SPY', 'SPYG', 'QQQ', 'VOW3.DE', 'ÄPFEL', null];
const NOTES = ['', 'Spy buy', 'not SPY', 'quarterly', 'Überweisung spy', 'ünïcode', 'DRIP', 'y b split'];
const AMOUNTS = [null, '0', '12.5', '-3', '1000.25', '7'];

/** A seeded, real-ish ledger: repeated dates, blanks, mixed case and non-ASCII text. */
function seeded(rowCount: number): { db: Db; file: string } {
  const file = path.join(scratchDir(), 'tiltfolio.sqlite');
  const db = openDatabase(file);
  const addAccount = db.prepare(
    `INSERT INTO accounts (id, name, currency, created_at) VALUES (?, ?, 'USD', '2019-01-01')`,
  );
  ACCOUNTS.forEach((name, i) => addAccount.run(i + 1, name));
  const addInstrument = db.prepare(`INSERT INTO instruments (symbol, currency) VALUES (?, 'USD')`);
  for (const symbol of SYMBOLS) if (symbol) addInstrument.run(symbol);
  const insert = db.prepare(
    `INSERT INTO transactions (id, account_id, date, type, symbol, quantity, price, fee, amount, currency, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, '2019-01-01')`,
  );
  let seed = 20;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The low bits of this generator repeat quickly: take the high ones.
    return Math.floor(seed / 65536) % n;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)] as T;
  db.transaction(() => {
    for (let i = 0; i < rowCount; i += 1) {
      // Ids not in date order, and only 60 distinct days, so ties go by id.
      const id = ((i * 7919) % rowCount) + 1;
      const date = `2020-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(5)).padStart(2, '0')}`;
      const quantity = next(3) === 0 ? null : String(next(50) / 4);
      insert.run(
        id,
        1 + next(ACCOUNTS.length),
        date,
        pick(TRANSACTION_TYPES),
        pick(SYMBOLS),
        quantity,
        pick(AMOUNTS),
        pick(AMOUNTS),
        pick(AMOUNTS),
        pick(NOTES),
      );
    }
  })();
  return { db, file };
}

/** What the SQL search finds, read on a connection of its own (so the repo's caches play no part). */
function sqlSearch(oracle: Db, input: object): number[] {
  const { sql, params } = pageIdsSql(query(input));
  return oracle.prepare(sql).pluck().all(params) as number[];
}

/** Counts the calls to SQLite's instr, which only the SQL search uses. */
function countInstr(db: Db): { calls: number } {
  const count = { calls: 0 };
  db.function('instr', { deterministic: true }, (text: unknown, search: unknown) => {
    count.calls += 1;
    if (typeof text !== 'string' || typeof search !== 'string') return null;
    return text.indexOf(search) + 1;
  });
  return count;
}

describe('transactions search index', () => {
  it('finds what the SQL search finds, in its order, for every sort, direction and filter', () => {
    const { db, file } = seeded(1500);
    const repo = createTransactionsRepo(db);
    const instr = countInstr(db);
    const oracle = openDatabase(file);
    const filters = [
      {},
      { account: 'Depot Ü' },
      { type: 'buy' },
      { from: '2020-03-02', to: '2020-08-04' },
      { symbol: 'spy' },
    ];
    const searches = ['spy', ' SPY ', 'ü', 'Ü', 'e', 'y b', 'y s', 'zzz', 'ira', 'depot ü'];
    let compared = 0;
    for (const sort of TRANSACTION_SORTS) {
      for (const dir of ['asc', 'desc']) {
        for (const filter of filters) {
          // The table shows the unsearched list first; the searches are then filtered from it.
          repo.page(query({ ...filter, sort, dir }));
          for (const search of searches) {
            const input = { ...filter, sort, dir, search };
            const ids = allIds(repo, input);
            expect(ids, JSON.stringify(input)).toEqual(sqlSearch(oracle, input));
            compared += ids.length;
          }
        }
      }
    }
    // The comparisons were not all empty, and the repo never ran the SQL search.
    expect(compared).toBeGreaterThan(10_000);
    expect(instr.calls).toBe(0);
    oracle.close();
    db.close();
  });

  it('agrees with a filter written here: symbol, note, account and type, lower-cased ASCII only', () => {
    const { db } = seeded(400);
    const repo = createTransactionsRepo(db);
    const rows = db
      .prepare<[], { id: number; symbol: string | null; note: string; account: string; type: string; date: string }>(
        'SELECT t.id, t.symbol, t.note, a.name AS account, t.type, t.date FROM transactions t JOIN accounts a ON a.id = t.account_id',
      )
      .all();
    // SQLite's lower() folds A–Z only: "Ü" stays "Ü" in the text, so the search "ü" misses it.
    const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const expected = (search: string) =>
      rows
        .filter((r) => asciiLower(`${r.symbol ?? ''} ${r.note} ${r.account} ${r.type}`).includes(search))
        .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
        .map((r) => r.id);
    repo.page(query({}));
    for (const search of ['spy', 'ü', 'berweisung', 'y b', 'ira']) {
      const ids = allIds(repo, { search });
      expect(ids.length, search).toBeGreaterThan(0);
      expect(ids, search).toEqual(expected(search));
    }
    // The search is lower-cased to "überweisung", but the text keeps "Überweisung": SQL misses it too.
    expect(expected('überweisung')).toEqual([]);
    expect(repo.page(query({ search: 'Überweisung' })).rows).toEqual([]);
    db.close();
  });

  it('forgets the index after a create, an edit, a delete, an import and a write by another connection', () => {
    const { db, file } = seeded(300);
    const repo = createTransactionsRepo(db);
    const found = (search: string) => repo.page(query({ search })).rows.map((r) => r.id);
    repo.page(query({}));
    repo.warmSearch();
    expect(found('needle')).toEqual([]);

    const base = {
      account: 'IRA',
      date: '2021-01-04',
      time: null,
      type: 'deposit' as const,
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: '10',
      currency: 'USD',
      fxRate: null,
    };
    const created = repo.insert({ ...base, note: 'a needle' }, '2021-01-04');
    repo.page(query({}));
    expect(found('needle')).toEqual([created]);

    repo.update(created, { ...base, note: 'a pin' });
    repo.page(query({}));
    expect(found('needle')).toEqual([]);
    expect(found('pin')).toEqual([created]);

    repo.remove(created);
    repo.page(query({}));
    expect(found('pin')).toEqual([]);

    // An import writes its rows with statements of its own, in one SQLite transaction.
    db.transaction(() => {
      db.prepare(
        `INSERT INTO transactions (id, account_id, date, type, amount, currency, note, created_at)
         VALUES (9001, 2, '2021-02-01', 'deposit', '5', 'USD', 'imported needle', '2021-02-01')`,
      ).run();
    })();
    repo.page(query({}));
    expect(found('needle')).toEqual([9001]);

    // The CLI writes through a connection of its own.
    const other = openDatabase(file);
    other.prepare(`UPDATE transactions SET note = 'moved' WHERE id = 9001`).run();
    other.close();
    repo.page(query({}));
    expect(found('needle')).toEqual([]);
    expect(found('moved')).toEqual([9001]);
    db.close();
  });

  it('leaves a search to SQL when a note holds the separator, and still finds the right rows', () => {
    const { db, file } = seeded(200);
    db.prepare(`UPDATE transactions SET note = 'spy' || char(0) || 'glass' WHERE id = 7`).run();
    const repo = createTransactionsRepo(db);
    const instr = countInstr(db);
    const oracle = openDatabase(file);
    repo.page(query({}));
    const ids = allIds(repo, { search: 'spy' });
    expect(ids).toContain(7);
    expect(ids).toEqual(sqlSearch(oracle, { search: 'spy' }));
    expect(instr.calls).toBeGreaterThan(0);
    oracle.close();
    db.close();
  });

  it('searches an empty ledger', () => {
    const { db } = seeded(0);
    const repo = createTransactionsRepo(db);
    repo.page(query({}));
    repo.warmSearch();
    expect(repo.page(query({ search: 'spy' }))).toMatchObject({ rows: [], total: 0, all: 0 });
    db.close();
  });
});
