// Replaying a ledger from a day instead of from its first record. A full replay leaves
// checkpoints: copies of the books at day boundaries, about every `spacing` records. An edit
// dated D changes nothing before D, so the books at the last checkpoint before D are the books a
// full replay would have there, and replaying the records from that checkpoint on gives the full
// replay's result exactly (ledger-resume.test.ts compares the two after random edits).
//
// The parts of the books that only grow (flows, days, the timeline logs) are not copied into a
// checkpoint: it keeps their lengths, and a resumed run takes that many from the latest run's.
import type { Transaction } from '../domain/transaction';
import { cloneState } from './clone-state';
import { applyLedger, LedgerRun, type DayBoundary } from './ledger';
import type { AppendOnly, LedgerBook } from './ledger-book';
import type { LedgerOptions, LedgerResult } from './ledger-types';
import { StateLog } from './state-log';

interface Checkpoint {
  /** The first record after the checkpoint. */
  index: number;
  /** The last day the books hold. */
  day: string;
  /** A copy of the books, their append-only parts swapped for `placeholders`. */
  book: LedgerBook;
  placeholders: AppendOnly;
  counts: { flows: number; sales: number; transfers: number; days: number; holdingLog: number; cashLog: number };
}

/** A replay's result and what a later replay can resume from. */
export interface ResumableLedger {
  result: LedgerResult;
  /** today, accounts and cost methods (the app's and accounts' own): a replay under others starts from the beginning. */
  key: string;
  checkpoints: Checkpoint[];
  /** The append-only parts of the last run's books, which hold every checkpoint's. */
  logs: AppendOnly;
  /** How many records the last replay applied: what an edit saved, for tests and the bench. */
  applied: number;
}

/** Records between checkpoints: about 16 for the whole ledger, none closer than 2,000. */
function spacingFor(records: number): number {
  return Math.max(2_000, Math.ceil(records / 16));
}

function optionsKey(options: LedgerOptions): string {
  // Accounts' own methods in name order: the same choices give the same key.
  const own = Object.entries(options.accountCostMethods ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([options.today, [...options.accounts], options.costMethod ?? 'fifo', own]);
}

/** applyLedger, keeping checkpoints. `transactions` in date order, as the store returns them. */
export function applyLedgerResumable(transactions: readonly Transaction[], options: LedgerOptions): ResumableLedger {
  return run(transactions, options, null, []);
}

/**
 * The ledger of `transactions`, which differ from the ones `previous` replayed only in records
 * dated `from` or later (an edit's old and new dates both count). Replays from the last
 * checkpoint before `from` when `previous` was made with the same options and the records are in
 * date order; from the beginning otherwise. Throws LedgerError as applyLedger does.
 */
export function resumeLedger(
  previous: ResumableLedger,
  transactions: readonly Transaction[],
  options: LedgerOptions,
  from: string,
): ResumableLedger {
  if (previous.key !== optionsKey(options)) return applyLedgerResumable(transactions, options);
  const kept = previous.checkpoints.filter((c) => c.day < from);
  const start = kept.at(-1);
  // The records before the checkpoint must be where they were: the last of them on its day.
  if (
    start === undefined ||
    start.index > transactions.length ||
    transactions[start.index - 1]?.date !== start.day ||
    (start.index < transactions.length && (transactions[start.index] as Transaction).date <= start.day)
  ) {
    return applyLedgerResumable(transactions, options);
  }
  const { placeholders: p, counts: c } = start;
  const logs = previous.logs;
  const swap = new Map<object, unknown>([
    [p.flows, logs.flows.slice(0, c.flows)],
    [p.sales, logs.sales.slice(0, c.sales)],
    [p.transfers, logs.transfers.slice(0, c.transfers)],
    [p.days, logs.days.slice(0, c.days)],
    [p.holdingLog, logs.holdingLog.prefix(c.holdingLog)],
    [p.cashLog, logs.cashLog.prefix(c.cashLog)],
  ]);
  return run(transactions, options, { index: start.index, book: cloneState(start.book, swap) }, kept);
}

function run(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  resume: { index: number; book: LedgerBook } | null,
  kept: Checkpoint[],
): ResumableLedger {
  const checkpoints = [...kept];
  const boundary: DayBoundary = (index, day, book) => checkpoints.push(checkpoint(index, day, book));
  const first = resume?.index ?? 0;
  const pass = new LedgerRun(options, transactions.length, resume?.book);
  const steps = pass.replay(transactions, Infinity, first, boundary, spacingFor(transactions.length));
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  if (step.value === null) {
    // Out of date order: applyLedger sorts them. Without checkpoints, as the order is not the store's.
    return {
      result: applyLedger(transactions, options),
      key: '',
      checkpoints: [],
      logs: emptyLogs(),
      applied: transactions.length,
    };
  }
  return {
    result: step.value,
    key: optionsKey(options),
    checkpoints,
    logs: pass.appendOnly(),
    applied: transactions.length - first,
  };
}

function checkpoint(index: number, day: string, book: LedgerBook): Checkpoint {
  const live = book.appendOnly();
  const placeholders = emptyLogs();
  const swap = new Map<object, unknown>([
    [live.flows, placeholders.flows],
    [live.sales, placeholders.sales],
    [live.transfers, placeholders.transfers],
    [live.days, placeholders.days],
    [live.holdingLog, placeholders.holdingLog],
    [live.cashLog, placeholders.cashLog],
  ]);
  return {
    index,
    day,
    book: cloneState(book, swap),
    placeholders,
    counts: {
      flows: live.flows.length,
      sales: live.sales.length,
      transfers: live.transfers.length,
      days: live.days.length,
      holdingLog: live.holdingLog.count,
      cashLog: live.cashLog.count,
    },
  };
}

function emptyLogs(): AppendOnly {
  return { flows: [], sales: [], transfers: [], days: [], holdingLog: new StateLog(16), cashLog: new StateLog(16) };
}
