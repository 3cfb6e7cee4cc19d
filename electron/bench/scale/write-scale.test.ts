import { describe, expect, it } from 'vitest';
import { applyLedger } from '../../../shared/engine/ledger';
import { TRANSACTION_TYPES } from '../../../shared/domain/transaction';
import { dbPathIn } from '../../backend/paths';
import { openStore } from '../../db/store';
import { useTempDirs } from '../../test-support/temp-dir';
import { writeScaleDataDir, type ScaleOptions } from './write-scale';

const SMALL: ScaleOptions = {
  seed: 7,
  transactions: 3_000,
  instruments: 25,
  accounts: 5,
  bars: 30_000,
  from: '2012-01-02',
  to: '2017-12-29',
};

function readBack(dir: string) {
  const store = openStore(dbPathIn(dir));
  try {
    return {
      transactions: store.transactions.all(),
      bars: store.db
        .prepare('SELECT symbol, day, open, high, low, close, volume FROM quotes ORDER BY symbol, day')
        .raw(true)
        .all(),
      accounts: store.accounts.list().map((a) => a.name),
    };
  } finally {
    store.close();
  }
}

describe('the scale data set generator', () => {
  const tempDir = useTempDirs();

  it('writes exactly the counts asked for, with every kind of record', async () => {
    const dir = tempDir();
    expect(await writeScaleDataDir(dir, SMALL)).toEqual({
      accounts: 5,
      instruments: 25,
      transactions: 3_000,
      bars: 30_000,
    });
    const { transactions } = readBack(dir);
    const types = new Set(transactions.map((t) => t.type));
    // Every type the ledger knows.
    for (const type of TRANSACTION_TYPES) expect(types, type).toContain(type);
    expect(transactions[0]!.date >= SMALL.from && transactions.at(-1)!.date <= SMALL.to).toBe(true);
  });

  it('gives the same database for the same seed, and another for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await writeScaleDataDir(a, SMALL);
    await writeScaleDataDir(b, SMALL);
    await writeScaleDataDir(c, { ...SMALL, seed: 8 });
    const first = readBack(a);
    expect(readBack(b)).toEqual(first);
    const other = readBack(c);
    expect(other.transactions).not.toEqual(first.transactions);
    expect(other.bars).not.toEqual(first.bars);
  });

  it('never sells, transfers or splits shares an account does not hold (replayed here, whole shares)', async () => {
    const dir = tempDir();
    await writeScaleDataDir(dir, SMALL);
    const { transactions, accounts } = readBack(dir);
    expect(() => applyLedger(transactions, { today: SMALL.to, accounts })).not.toThrow();
    // Same-day order as docs/engine.md: splits, buys, transfers out, transfers in, sells, the rest.
    const rank = { split: 0, buy: 1, transfer_out: 2, transfer_in: 3, sell: 4 } as Record<string, number>;
    const ordered = [...transactions].sort(
      (x, y) => x.date.localeCompare(y.date) || (rank[x.type] ?? 5) - (rank[y.type] ?? 5) || x.id - y.id,
    );
    const held = new Map<string, bigint>();
    let sells = 0;
    for (const t of ordered) {
      const key = `${t.account}|${t.symbol}`;
      const have = held.get(key) ?? 0n;
      const quantity = t.quantity === null ? 0n : BigInt(t.quantity);
      if (t.type === 'buy' || t.type === 'transfer_in') held.set(key, have + quantity);
      if (t.type === 'sell' || t.type === 'transfer_out') {
        expect(quantity, `${t.id} ${t.date} ${t.type} ${key}`).toBeLessThanOrEqual(have);
        held.set(key, have - quantity);
        sells++;
      }
      if (t.type === 'split') {
        expect(have, `${t.id} split of nothing`).toBeGreaterThan(0n);
        held.set(key, have * quantity);
      }
    }
    expect(sells).toBeGreaterThan(500);
    // Many positions stay open at the end, as in a real long-lived portfolio.
    expect([...held.values()].filter((q) => q > 0n).length).toBeGreaterThan(50);
  });

  it('refuses to write over an existing database', async () => {
    const dir = tempDir();
    await writeScaleDataDir(dir, { ...SMALL, transactions: 100 });
    await expect(writeScaleDataDir(dir, SMALL)).rejects.toThrow(/exists already/);
  });
});
