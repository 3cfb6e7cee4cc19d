// Writes a generated large portfolio into a data folder through the app's own repositories, in
// one transaction, and replays its ledger before committing: what is written is a database the
// app opens, and a generator bug is an error here rather than a broken benchmark.
import fs from 'node:fs';
import type { TransactionInput } from '../../../shared/api/transaction-schemas';
import type { QuoteBar } from '../../../shared/domain/bar';
import { applyLedger } from '../../../shared/engine/ledger';
import { dbPathIn } from '../../backend/paths';
import { seededRandom } from '../../csv/bench/generate-transactions';
import { openStore } from '../../db/store';
import { readRealReturns } from './real-returns';
import { generateLedger } from './scale-ledger';
import { generateInstruments, instrumentBars, tradingDays, type ScaleInstrument } from './scale-prices';

/** Bumped whenever the generator's output changes for a seed: the bench's cache is keyed by it. */
export const SCALE_GENERATOR_VERSION = 3;

export interface ScaleOptions {
  seed: number;
  transactions: number;
  instruments: number;
  accounts: number;
  bars: number;
  from: string;
  to: string;
}

/** The size issue 20 measured at: 49,792 transactions, 12 accounts, 322 instruments, 596,402 bars. */
export const FULL_SCALE: ScaleOptions = {
  seed: 20,
  transactions: 50_000,
  instruments: 320,
  accounts: 12,
  bars: 600_000,
  from: '2012-01-02',
  to: '2024-12-31',
};

const ACCOUNT_NAMES = [
  'Brokerage',
  'IRA',
  'Roth IRA',
  '401k Rollover',
  'Depot München',
  'Kids Custodial',
  'Joint',
  'HSA',
  'Trading',
  'Dividend Growth',
  'Solo 401k',
  'Spouse IRA',
];

export interface ScalePortfolio {
  days: string[];
  accounts: string[];
  instruments: ScaleInstrument[];
  transactions: TransactionInput[];
}

/** The whole portfolio in memory (closes as arrays; bars are made when written). */
export function generateScalePortfolio(options: ScaleOptions): ScalePortfolio {
  if (options.accounts < 1 || options.accounts > ACCOUNT_NAMES.length) {
    throw new Error(`accounts: between 1 and ${ACCOUNT_NAMES.length}, not ${options.accounts}`);
  }
  const random = seededRandom(options.seed);
  const days = tradingDays(options.from, options.to);
  const accounts = ACCOUNT_NAMES.slice(0, options.accounts);
  const instruments = generateInstruments(
    { instruments: options.instruments, bars: options.bars, days: days.length },
    readRealReturns(),
    random,
  );
  const transactions = generateLedger({ count: options.transactions, accounts, days }, instruments, random);
  return { days, accounts, instruments, transactions };
}

export interface ScaleCounts {
  accounts: number;
  instruments: number;
  transactions: number;
  bars: number;
}

/**
 * Generates and writes into `dataDir` (which must hold no database yet), in one transaction at the
 * store's writer's turn like every other write (electron/db/store.ts).
 */
export async function writeScaleDataDir(dataDir: string, options: ScaleOptions): Promise<ScaleCounts> {
  const file = dbPathIn(dataDir);
  if (fs.existsSync(file)) throw new Error(`${file} exists already; the generator writes only a new database`);
  const portfolio = generateScalePortfolio(options);
  const barRandom = seededRandom(options.seed ^ 0x5eed);
  const store = openStore(file);
  const stamp = `${options.to}T22:00:00.000Z`;
  try {
    await store.write(() => {
      for (const instrument of portfolio.instruments) {
        store.instruments.upsert(instrument.symbol, instrument.name, instrument.kind, 'USD');
        const bars: QuoteBar[] = [...instrumentBars(instrument, portfolio.days, barRandom)];
        store.quotes.writeSeries({ symbol: instrument.symbol, source: 'file', fetchedAt: stamp, bars });
      }
      for (const name of portfolio.accounts) store.accounts.create(name, 'USD', stamp);
      for (const input of portfolio.transactions) store.transactions.insert(input, stamp);
      applyLedger(store.transactions.all(), { today: options.to, accounts: portfolio.accounts });
    });
    const counts = store.summary.counts();
    return {
      accounts: counts.accounts,
      instruments: counts.instruments,
      transactions: counts.transactions,
      bars: counts.quoteBars,
    };
  } finally {
    store.close();
  }
}
