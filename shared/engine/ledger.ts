import type { Transaction } from '../domain/transaction';
import { LedgerBook, type AppendOnly } from './ledger-book';
import { BOOKINGS, settleTransfers } from './ledger-bookings';
import { tooLargeError } from './ledger-error';
import { datesAscend, dayEnd, DayOrder, sortForLedger } from './ledger-order';
import { LedgerRecord, RecordReader } from './ledger-parse';
import type { LedgerOptions, LedgerResult, Settlement } from './ledger-types';
import { Decimal } from './decimal';
import { Fixed } from './fixed';
import { describeTransaction, LedgerError } from './ledger-error';

export type * from './ledger-types';
export { compareText } from './ledger-types';

// The replay: records are read (ledger-parse.ts) and booked (ledger-bookings.ts) one at a time,
// in the documented order (ledger-order.ts), into the books (ledger-book.ts).

/** Applies the ledger in its documented order; throws LedgerError at the first invalid record. */
export function applyLedger(transactions: readonly Transaction[], options: LedgerOptions): LedgerResult {
  const steps = replayLedger(transactions, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same, pausing every `every` records for `pause` to run (and to throw, to stop): a replay of
 * a million imported rows takes seconds, and the process running it must keep answering. Records
 * not in date order are sorted and replayed from the start, so the count passed to `pause` can
 * go back once.
 */
export async function applyLedgerInSteps(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  pause: (recordsDone: number) => Promise<void>,
  every = 20_000,
): Promise<LedgerResult> {
  const steps = replayLedger(transactions, options, every);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause(step.value);
  }
}

// The store hands records over by date, and each day's are ordered and applied as they come,
// while they are still in the processor's cache: a separate pass to sort them first read every
// record from memory twice. Records found out of date order are sorted, and the replay starts over.
function* replayLedger(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  every: number,
): Generator<number, LedgerResult, void> {
  const result = yield* new LedgerRun(options, transactions.length).replay(transactions, every);
  if (result !== null) return result;
  const sorted = sortForLedger(transactions);
  return (yield* new LedgerRun(options, sorted.length).replay(sorted, every)) as LedgerResult;
}

/**
 * Called at a day boundary, the books holding every record before `index` (the last of them dated
 * `day`) with that day closed: ledger-resume.ts keeps a copy there to replay later edits from.
 */
export type DayBoundary = (index: number, day: string, book: LedgerBook) => void;

/** One pass over the records, in the order they came, into fresh books (or resumed ones). */
export class LedgerRun {
  private readonly reader: RecordReader;
  private readonly record = new LedgerRecord();
  private readonly book: LedgerBook;
  /** The day being applied (its end-of-day state not yet recorded). */
  private day: string | null = null;
  private readonly settlement: Settlement | null;
  private readonly settleRate = new Fixed();

  /** `records`: how many the replay will apply; `book`: books to go on from (a checkpoint's). */
  constructor(options: LedgerOptions, records: number, book?: LedgerBook) {
    const accounts = new Set(options.accounts);
    this.reader = new RecordReader({ today: options.today, accounts });
    this.book =
      book ?? new LedgerBook(options.costMethod ?? 'fifo', [...accounts], records, options.accountCostMethods);
    this.settlement = options.settlement ?? null;
  }

  /**
   * Yields the number of records applied every `every`; returns the result, or null on meeting
   * records out of date order (before or at an invalid one), which the caller sorts and replays
   * afresh. `first`: the first record to apply (the books hold the ones before);
   * `boundary`, with `spacing`: called at the first day boundary at least `spacing` records after
   * the last call.
   */
  *replay(
    transactions: readonly Transaction[],
    every: number,
    first = 0,
    boundary?: DayBoundary,
    spacing = Infinity,
  ): Generator<number, LedgerResult | null, void> {
    const n = transactions.length;
    const days = new DayOrder();
    let pauseAt = every;
    let marked = first;
    for (let start = first; start < n;) {
      const end = dayEnd(transactions, start);
      if (start > 0 && (transactions[start] as Transaction).date < (transactions[start - 1] as Transaction).date) {
        return null;
      }
      if (boundary && this.day !== null && start - marked >= spacing) {
        // Closing the day now rather than at the next record changes nothing: that record closes it first.
        this.endOfDay(this.day);
        boundary(start, this.day, this.book);
        this.day = null;
        marked = start;
      }
      const order = days.order(transactions, start, end);
      // Pauses fall between records, inside a day if need be (an import can put thousands on one).
      for (let from = 0; from < order.length;) {
        const to = Math.min(order.length, from + Math.max(1, pauseAt - (start + from)));
        try {
          this.applyRecords(transactions, order, from, to);
        } catch (error) {
          // The first invalid record in application order only if no earlier-dated record follows.
          if (datesAscend(transactions, end - 1)) throw error;
          return null;
        }
        from = to;
        if (start + from >= pauseAt && start + from < n) {
          yield start + from;
          pauseAt = start + from + every;
        }
      }
      start = end;
    }
    if (this.day !== null) this.endOfDay(this.day);
    const book = this.book;
    return {
      costMethod: book.costMethod,
      accounts: book.accountStates(),
      ...book.timelines.timelines(),
      flows: book.finishFlows(),
      sales: book.sales.slice(),
      firstDay: transactions[0]?.date ?? null,
      lastDay: transactions[n - 1]?.date ?? null,
      unsettled: this.book.unsettled,
    };
  }

  /** The books' append-only parts (ledger-resume.ts). */
  appendOnly(): AppendOnly {
    return this.book.appendOnly();
  }

  /** Records order[from] … order[to − 1] of one day. */
  private applyRecords(transactions: readonly Transaction[], order: readonly number[], from: number, to: number): void {
    const { reader, record, book } = this;
    for (let k = from; k < to; k++) {
      const tx = transactions[order[k] as number] as Transaction;
      reader.read(tx, record);
      if (tx.date !== this.day) {
        if (this.day !== null) this.endOfDay(this.day);
        this.day = tx.date;
      }
      try {
        const settleIn = this.settlement === null ? null : this.settleCurrency(tx, record);
        book.settleRate = settleIn === null ? null : this.settleRate;
        BOOKINGS[record.type](book, tx, record, book.cashRow(tx, record, settleIn ?? tx.currency));
      } catch (error) {
        throw tooLargeError(tx, error);
      }
    }
  }

  /**
   * The account's currency when a buy or sell in another currency settles in it, with this
   * settleRate set to the trade's own fxRate or else the day's cached rate; null to settle in the
   * trade's currency (the same currency, or no rate, which is said in `unsettled`).
   */
  private settleCurrency(tx: Transaction, r: LedgerRecord): string | null {
    if (r.type !== 'buy' && r.type !== 'sell') return null;
    const settlement = this.settlement as Settlement;
    const account = settlement.accountCurrency.get(tx.account);
    if (account === undefined || account === tx.currency) return null;
    let rate: Decimal | string;
    if (tx.fxRate !== undefined && tx.fxRate !== null && tx.fxRate.trim() !== '') {
      const given = parseRate(tx.fxRate);
      if (given === null)
        throw new LedgerError(tx, `has an fx_rate "${tx.fxRate}" that is not a positive number.`, 'fxRate');
      rate = given;
    } else rate = settlement.rate(tx.currency, account, tx.date);
    if (typeof rate === 'string') {
      this.book.unsettled.push(
        `${describeTransaction(tx)} in ${tx.account} (${account}): ${rate}; settled in ${tx.currency} cash, which the account now holds.`,
      );
      return null;
    }
    this.settleRate.setDecimal(rate);
    return account;
  }

  private endOfDay(day: string): void {
    settleTransfers(this.book);
    this.book.endOfDay(day);
  }
}

function parseRate(text: string): Decimal | null {
  try {
    const rate = Decimal.parse(text);
    return rate.isPositive() ? rate : null;
  } catch {
    return null;
  }
}
