import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRecomputeWorkload } from '../../shared/engine/bench-cases';
import { createBackend, type Backend } from '../backend/backend';

export interface ScaleBackend {
  backend: Backend;
  /** The last day of the generated ledger: the backend's clock stands on it. */
  today: string;
  dispose(): void;
}

/**
 * A backend on a scratch database holding `count` generated transactions (the engine bench's
 * seeded workload: buys, sells, dividends, splits and fees over ten years, four accounts), with
 * the clock on the ledger's last day. Rows go in with one prepared INSERT inside one transaction:
 * a million API calls would take longer than the measurement.
 */
export function scaleBackend(
  count: number,
  shape: { instruments?: number; days?: number; seed?: number } = {},
): ScaleBackend & { dbPath: string } {
  const workload = makeRecomputeWorkload({ transactions: count, ...shape });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-scale-'));
  const dbPath = path.join(dir, 'db.sqlite');
  const now = () => new Date(`${workload.today}T12:00:00.000Z`);
  const backend = createBackend({
    dataDir: dir,
    dbPath,
    version: 'bench',
    mode: 'browser',
    runtime: 'bench',
    now,
  });
  const accounts = [...workload.accounts];
  const db = backend.db;
  const insertAccount = db.prepare(
    "INSERT INTO accounts (name, currency, created_at) VALUES (?, 'USD', '2026-01-01T00:00:00.000Z')",
  );
  const ids = new Map<string, number>();
  for (const name of accounts) ids.set(name, Number(insertAccount.run(name).lastInsertRowid));
  const insertInstrument = db.prepare(
    "INSERT INTO instruments (symbol, currency) VALUES (?, 'USD') ON CONFLICT (symbol) DO NOTHING",
  );
  const insert = db.prepare(`
    INSERT INTO transactions (id, account_id, date, time, type, symbol, quantity, price, fee, amount, currency, note, created_at)
    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'USD', '', '2026-01-01T00:00:00.000Z')`);
  db.transaction(() => {
    for (const tx of workload.transactions) {
      if (tx.symbol) insertInstrument.run(tx.symbol);
      insert.run(tx.id, ids.get(tx.account), tx.date, tx.type, tx.symbol, tx.quantity, tx.price, tx.fee, tx.amount);
    }
  })();
  // The rows went in behind the backend's back: a change event drops what it computed before.
  backend.events.emit('data:changed', { scope: 'transactions' });
  return {
    backend,
    dbPath,
    today: workload.today,
    dispose: () => {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
