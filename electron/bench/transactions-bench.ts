import { seededRandom } from '../../shared/engine/bench-cases';
import { applyLedger } from '../../shared/engine/ledger';
import type { Backend } from '../backend/backend';
import { scaleBackend } from '../test-support/scale-ledger';
import { median, timeMs, type BenchResult } from './measure';

/** The scale: one `transactions:create` took 5–8 s and `transactions:list` sent 94 MB. */
const ROWS = 500_000;

async function ok(backend: Backend, name: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/**
 * tx.list_page: one page of 200 rows, newest first, at random places in 500,000, as
 * the table asks while scrolling (JSON included); baseline: the whole list as every call sent it
 * before paging (every row read, then serialised).
 * tx.create_recent and tx.create_middle: a deposit dated in the ledger's last
 * month, or in its middle, through the API (check, write, replay from its date); baseline: what
 * every edit did before, read every row and replay the ledger from the start.
 */
export async function benchTransactions(): Promise<BenchResult[]> {
  const scale = scaleBackend(ROWS);
  try {
    const { backend, today } = scale;
    const { store } = backend;
    const accounts = store.accounts.list().map((a) => a.name);
    await ok(backend, 'portfolio:holdings', {}); // the first snapshot: the one full replay

    const baselineList = median(
      await Promise.all([0, 1, 2].map(() => timeMs(() => JSON.stringify(store.transactions.all())))),
    );
    const random = seededRandom(17);
    await ok(backend, 'transactions:list', { limit: 200 }); // orders the ids once
    const pages: number[] = [];
    for (let i = 0; i < 30; i++) {
      const offset = Math.floor(random() * (ROWS - 200));
      pages.push(
        await timeMs(async () => JSON.stringify(await ok(backend, 'transactions:list', { offset, limit: 200 }))),
      );
    }

    const baselineEdit: number[] = [];
    for (let i = 0; i < 3; i++) {
      baselineEdit.push(await timeMs(() => applyLedger(store.transactions.all(), { today, accounts })));
    }
    const days = [...new Set(store.transactions.all().map((r) => r.date))];
    const create = async (date: string) =>
      timeMs(() =>
        ok(backend, 'transactions:create', {
          date,
          account: accounts[0],
          type: 'deposit',
          amount: '100',
          currency: 'USD',
        }),
      );
    const recent: number[] = [];
    const middle: number[] = [];
    for (let i = 0; i < 7; i++) {
      recent.push(await create(days[days.length - 1 - Math.floor(random() * 20)] as string));
      middle.push(await create(days[Math.floor(days.length / 2)] as string));
    }
    const base = median(baselineEdit);
    const figure = (bench: string, value: number, baseline: number): BenchResult => ({
      bench,
      value: Number(value.toFixed(1)),
      unit: 'ms',
      baseline: Number(baseline.toFixed(1)),
      ratio: Number((value / baseline).toPrecision(3)),
    });
    return [
      figure('tx.list_page', median(pages), baselineList),
      figure('tx.create_recent', median(recent), base),
      figure('tx.create_middle', median(middle), base),
    ];
  } finally {
    scale.dispose();
  }
}
