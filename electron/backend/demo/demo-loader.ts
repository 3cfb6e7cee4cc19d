import type { QuoteBar } from '../../../shared/domain/bar';
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { TransactionInput } from '../../../shared/api/transaction-schemas';
import { indexOnOrBefore } from '../../../shared/engine/bars';
import { applyLedger } from '../../../shared/engine/ledger';
import { parseDailyCsv } from '../../../shared/quotes/daily-csv';
import type { BackendContext } from '../backend-context';
import { localDay } from '../local-day';
import { DEMO_ACCOUNTS, DEMO_END, DEMO_INSTRUMENTS, DEMO_STEPS, DEMO_TARGET_WEIGHTS, type DemoStep } from './demo-plan';

const FEE = '4.95';

function priceOn(bars: readonly QuoteBar[], step: DemoStep): string {
  const bar = bars[indexOnOrBefore(bars, step.date)];
  if (!bar) throw new Error(`demo data has no ${step.symbol} close on or before ${step.date}`);
  return (bar.close * (step.priceFactor ?? 1)).toFixed(2);
}

/** The demo's transactions, priced from the bundled closes. */
export function demoTransactions(closes: ReadonlyMap<string, readonly QuoteBar[]>): TransactionInput[] {
  return DEMO_STEPS.map((step) => {
    const trade = step.type === 'buy' || step.type === 'sell';
    return {
      date: step.date,
      time: null,
      account: step.account,
      type: step.type,
      symbol: step.symbol ?? null,
      quantity: step.quantity ?? null,
      price: trade ? priceOn(closes.get(step.symbol as string) ?? [], step) : null,
      fee: trade ? FEE : null,
      amount: step.amount ?? null,
      currency: 'USD',
      note: step.note ?? '',
    };
  });
}

export function readDemoQuotes(assetsDir: string): Map<string, QuoteBar[]> {
  const dir = path.join(assetsDir, 'quotes');
  const closes = new Map<string, QuoteBar[]>();
  for (const { symbol } of DEMO_INSTRUMENTS) {
    const file = path.join(dir, `${symbol}.csv`);
    const parsed = parseDailyCsv(fs.readFileSync(file, 'utf8'), `${symbol}.csv`);
    closes.set(
      symbol,
      parsed.bars.filter((bar) => bar.day <= DEMO_END),
    );
  }
  return closes;
}

/**
 * `demo:load`: real closes from assets/quotes and a ledger that trades them, written in one
 * transaction into an empty database, so a newcomer sees every screen filled without a network.
 */
export function demoHandlers({ store, events, settings, host, now }: BackendContext): Pick<Handlers, 'demo:load'> {
  return {
    'demo:load': async () => {
      const { summary, accounts, instruments, quotes, transactions } = store;
      const refuseUnlessEmpty = () => {
        const before = summary.counts();
        if (before.accounts > 0 || before.transactions > 0) {
          throw new ApiError(
            'conflict',
            'The demo portfolio loads only into an empty database; this one already has accounts or transactions.',
          );
        }
      };
      refuseUnlessEmpty();
      const closes = readDemoQuotes(host.assetsDir);
      const stamp = now().toISOString();
      const inputs = demoTransactions(closes);
      await store.write(() => {
        // Again at the writer's turn: a write queued before this one may have filled the database.
        refuseUnlessEmpty();
        for (const { symbol, name, kind } of DEMO_INSTRUMENTS) {
          instruments.upsert(symbol, name, kind, 'USD');
          quotes.writeSeries({ symbol, source: 'file', fetchedAt: stamp, bars: closes.get(symbol) ?? [] });
        }
        for (const account of DEMO_ACCOUNTS) accounts.create(account.name, account.currency, stamp);
        for (const input of inputs) transactions.insert(input, stamp);
        applyLedger(transactions.all(), { today: localDay(now()), accounts: DEMO_ACCOUNTS.map((a) => a.name) });
        if (settings.get().targetWeights === null) settings.set({ targetWeights: DEMO_TARGET_WEIGHTS });
      });
      events.emit('data:changed', { scope: 'transactions' });
      events.emit('data:changed', { scope: 'quotes' });
      const after = summary.counts();
      return { accounts: after.accounts, transactions: after.transactions, quoteBars: after.quoteBars };
    },
  };
}
