// A large, valid transactions CSV in the app's own format, the same for a given seed: for the
// import benchmark, the crash test and the fuzz test. Every sale is covered by earlier buys, so
// the whole file passes the ledger.
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { TRANSACTION_COLUMNS } from '../../../shared/csv/transaction-columns';

/** The columns the generated records fill: all but the optional last `fx_rate` (all USD rows in USD accounts). */
export const GENERATED_COLUMNS = TRANSACTION_COLUMNS.filter((column) => column !== 'fx_rate');
import { dayFromNumber, dayToNumber } from '../../../shared/engine/dates';

/** mulberry32: small, fast and good enough to make test data reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = ['Brokerage', 'IRA', 'Depot München'];
const SYMBOLS = ['AAPL', 'MSFT', 'JPM', 'IWM', 'NVDA', 'BAC', 'BRK.B', 'XLF'];
const NOTES = ['', '', '', '', 'rebalance', 'dividend reinvested, partly', 'said "buy"', 'zwei\nZeilen', 'été 🤓'];

export interface GeneratedFile {
  rows: number;
  bytes: number;
  /** How many rows each account received. */
  perAccount: Record<string, number>;
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Rows of the file, in order; `rows` of them, dated from 1990 to at most 2025. */
export function* generateTransactionRecords(rows: number, seed: number): Generator<string[]> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Tenths of shares held per account and symbol, so sales never exceed holdings.
  const held = new Map<string, number>();
  const first = dayToNumber('1990-01-01');
  const span = dayToNumber('2025-12-31') - first;
  for (let i = 0; i < rows; i++) {
    const date = dayFromNumber(first + Math.floor((i / rows) * span));
    const account = pick(ACCOUNTS);
    const symbol = pick(SYMBOLS);
    const key = `${account}\u0000${symbol}`;
    const holding = held.get(key) ?? 0;
    const note = pick(NOTES);
    const roll = random();
    let record: string[];
    if (roll < 0.4 || (roll < 0.55 && holding < 10)) {
      const tenths = 10 + Math.floor(random() * 1000);
      held.set(key, holding + tenths);
      const quantity = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
      const fee = random() < 0.5 ? money(Math.floor(random() * 1000)) : '';
      record = [
        date,
        account,
        'buy',
        symbol,
        quantity,
        money(100 + Math.floor(random() * 50000)),
        fee,
        '',
        'USD',
        note,
      ];
    } else if (roll < 0.55) {
      const tenths = 10 * (1 + Math.floor(random() * Math.floor(holding / 10)));
      held.set(key, holding - tenths);
      record = [
        date,
        account,
        'sell',
        symbol,
        String(tenths / 10),
        money(100 + Math.floor(random() * 50000)),
        '1.00',
        '',
        'USD',
        note,
      ];
    } else if (roll < 0.67) {
      record = [date, account, 'dividend', symbol, '', '', '', money(1 + Math.floor(random() * 20000)), 'USD', note];
    } else if (roll < 0.8) {
      record = [date, account, 'deposit', '', '', '', '', money(10000 + Math.floor(random() * 1000000)), 'USD', note];
    } else if (roll < 0.88) {
      record = [date, account, 'interest', '', '', '', '', money(1 + Math.floor(random() * 5000)), 'USD', note];
    } else if (roll < 0.94) {
      record = [date, account, 'fee', '', '', '', '', money(1 + Math.floor(random() * 2000)), 'USD', note];
    } else {
      record = [date, account, 'withdrawal', '', '', '', '', money(100 + Math.floor(random() * 100000)), 'USD', note];
    }
    yield record;
  }
}

const STRINGIFY = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** Writes the file and returns what it holds. */
export function writeTransactionsCsv(file: string, rows: number, seed: number): GeneratedFile {
  const fd = fs.openSync(file, 'w');
  const perAccount: Record<string, number> = {};
  let bytes = 0;
  const write = (text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    fs.writeSync(fd, buffer);
    bytes += buffer.length;
  };
  try {
    write(stringify([[...GENERATED_COLUMNS]], STRINGIFY));
    let batch: string[][] = [];
    for (const record of generateTransactionRecords(rows, seed)) {
      perAccount[record[1] as string] = (perAccount[record[1] as string] ?? 0) + 1;
      batch.push(record);
      if (batch.length === 10_000) {
        write(stringify(batch, STRINGIFY));
        batch = [];
      }
    }
    if (batch.length > 0) write(stringify(batch, STRINGIFY));
  } finally {
    fs.closeSync(fd);
  }
  return { rows, bytes, perAccount };
}
