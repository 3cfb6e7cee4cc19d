import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../shared/engine/bench-cases';
import { createBackend, type Backend } from './backend';
import { scaleBackend, type ScaleBackend } from '../test-support/scale-ledger';

// An edit patches the rows the last replay read and replays from its date (portfolio-snapshot.ts,
// ledger-resume.ts). The figures must be those of a backend that reads and replays everything.
describe('edits at scale', () => {
  let scale: ScaleBackend & { dbPath: string };
  const opened: Backend[] = [];
  afterEach(() => {
    for (const b of opened.splice(0)) b.close();
    scale.dispose();
  });

  async function ok<T>(backend: Backend, name: string, input: unknown): Promise<T> {
    const result = await backend.dispatch(name as never, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }

  /** What a person sees, from a backend opened afresh on the same file: a full replay. */
  async function figures(backend: Backend) {
    return {
      holdings: await ok(backend, 'portfolio:holdings', {}),
      performance: await ok(backend, 'portfolio:performance', {}),
    };
  }

  it('gives the figures of a full replay after random edits, without reading every row again', async () => {
    scale = scaleBackend(6_000, { instruments: 30, days: 400, seed: 3 });
    const { backend, dbPath, today } = scale;
    const random = seededRandom(9);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    await figures(backend); // the first snapshot: the one full read and replay
    const readAll = vi.spyOn(backend.store.transactions, 'all');
    const rows = backend.store.transactions.all();
    readAll.mockClear();
    const days = [...new Set(rows.map((r) => r.date))];
    const accounts = [...new Set(rows.map((r) => r.account))];
    let refused = 0;
    for (let i = 0; i < 24; i++) {
      const date = pick(days);
      const account = pick(accounts);
      const roll = i % 4;
      let result;
      if (roll === 0) {
        result = await backend.dispatch('transactions:create', {
          date,
          account,
          type: 'deposit',
          amount: '250.25',
          currency: 'USD',
        });
      } else if (roll === 1) {
        const symbol = pick(rows.filter((r) => r.symbol)).symbol as string;
        result = await backend.dispatch('transactions:create', {
          date,
          account,
          type: 'buy',
          symbol,
          quantity: '3',
          price: '12.5',
          currency: 'USD',
        });
      } else {
        const victim = pick(backend.store.transactions.all());
        readAll.mockClear();
        if (roll === 2) result = await backend.dispatch('transactions:delete', { id: victim.id });
        else {
          const { id, ...input } = victim;
          result = await backend.dispatch('transactions:update', { id, transaction: { ...input, date } });
        }
      }
      if (!result.ok) refused++;
    }
    expect(readAll).not.toHaveBeenCalled();
    const incremental = await figures(backend);
    const fresh = createBackend({
      dataDir: scale.backend.store.db.name.replace(/[^/]+$/, ''),
      dbPath,
      version: 'test',
      mode: 'browser',
      runtime: 'vitest',
      now: () => new Date(`${today}T12:00:00.000Z`),
      // The full replay's figures, not the answers the backend above stored for the same data.
      storedAnswers: false,
    });
    opened.push(fresh);
    expect(incremental).toEqual(await figures(fresh));
    // Some of the edits were refused (a deleted buy that later sales needed) and left nothing.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(24);
    const listed = (await ok<{ total: number }>(fresh, 'transactions:list', {})).total;
    expect(listed).toBe(fresh.store.transactions.all().length);
  }, 60_000);
});
