// The float side of the ledger: end-of-day quantities, costs and cash, per account and summed per
// instrument and currency, for the value series. The exact bookkeeping stays in ledger.ts.
//
// During the replay a holding's rows hold its shares as they stood that day. Quantities are
// shown in today's shares (times the ratios of the holding's later split records), and the
// sums across accounts are taken, once at the end: the replay then needs no split records
// ahead of time, and no day pays for sums that a later day replaces.
import type { BalanceTimeline, CashTimeline, HoldingTimeline, QuantityTimeline } from './ledger-types';
import { StateLog, rowsOf, type Rows, type SortedRows } from './state-log';

/** One account's holding (or cash in one currency), by its index in its family. */
export type Slot = number;

export type LedgerTimelines = {
  days: string[];
  holdings: HoldingTimeline[];
  symbols: QuantityTimeline[];
  cash: CashTimeline[];
  cashTotals: BalanceTimeline[];
};

interface Split {
  /** The day it applied on: rows and flows of that day are already in its shares. */
  day: number;
  numerator: number;
  denominator: number;
}

/** Slots grouped by name (an instrument, a currency) across accounts. */
class Family {
  readonly accounts: string[] = [];
  readonly names: string[] = [];
  readonly currencies: string[] = [];
  private readonly groupNames: string[] = [];
  private readonly groupCurrency: string[] = [];
  private readonly members: number[][] = [];
  private readonly byName = new Map<string, number>();
  readonly log: StateLog;

  constructor(capacity: number) {
    this.log = new StateLog(capacity);
  }

  slot(account: string, name: string, currency: string): Slot {
    let group = this.byName.get(name);
    if (group === undefined) {
      group = this.groupNames.length;
      this.byName.set(name, group);
      this.groupNames.push(name);
      this.groupCurrency.push(currency);
      this.members.push([]);
    }
    const slot = this.names.length;
    this.accounts.push(account);
    this.names.push(name);
    this.currencies.push(currency);
    (this.members[group] as number[]).push(slot);
    return slot;
  }

  /** Every slot's rows, sorted by slot. */
  slotRows(): SortedRows {
    return this.log.sortedByKey(this.names.length);
  }

  /**
   * Each group's rows: on every day a member has a row, the sum of the members' latest figures
   * (taken afresh in member order, not by deltas, so a closed position is exactly zero).
   */
  groupRows(slots: SortedRows): { name: string; currency: string; rows: Rows }[] {
    // A group has at most as many rows as its members together.
    const size = slots.day.length;
    const out: Rows = { day: new Int32Array(size), a: new Float64Array(size), b: new Float64Array(size) };
    let widest = 0;
    for (const members of this.members) widest = Math.max(widest, members.length);
    const scratch = new Scratch(widest);
    let count = 0;
    return this.members.map((members, group) => {
      const first = count;
      count = sumMembers(members, slots, out, count, scratch);
      return {
        name: this.groupNames[group] as string,
        currency: this.groupCurrency[group] as string,
        rows: { day: out.day.subarray(first, count), a: out.a.subarray(first, count), b: out.b.subarray(first, count) },
      };
    });
  }
}

/** Per member of a group: its next row, where its rows end, and its latest figures. */
class Scratch {
  readonly at: Int32Array;
  readonly end: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;

  constructor(size: number) {
    this.at = new Int32Array(size);
    this.end = new Int32Array(size);
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
  }
}

/**
 * Writes a group's rows to `out` from `count` on, merging its members' rows by day; returns the
 * new count. Plain locals and typed arrays: this runs once per row of every instrument's timeline.
 */
function sumMembers(members: readonly Slot[], slots: SortedRows, out: Rows, count: number, scratch: Scratch): number {
  const { starts, day, a, b } = slots;
  const { at, end } = scratch;
  const lastA = scratch.a;
  const lastB = scratch.b;
  const outDay = out.day;
  const outA = out.a;
  const outB = out.b;
  const m = members.length;
  for (let i = 0; i < m; i++) {
    const slot = members[i] as number;
    at[i] = starts[slot] as number;
    end[i] = starts[slot + 1] as number;
    lastA[i] = 0;
    lastB[i] = 0;
  }
  for (;;) {
    let next = 0x7fffffff;
    for (let i = 0; i < m; i++) {
      const k = at[i] as number;
      if (k < (end[i] as number) && (day[k] as number) < next) next = day[k] as number;
    }
    if (next === 0x7fffffff) return count;
    let sumA = 0;
    let sumB = 0;
    for (let i = 0; i < m; i++) {
      const k = at[i] as number;
      if (k < (end[i] as number) && day[k] === next) {
        lastA[i] = a[k] as number;
        lastB[i] = b[k] as number;
        at[i] = k + 1;
      }
      sumA += lastA[i] as number;
      sumB += lastB[i] as number;
    }
    outDay[count] = next;
    outA[count] = sumA;
    outB[count] = sumB;
    count++;
  }
}

/** Records end-of-day states as rows in columnar logs and turns them into timelines at the end. */
export class TimelineRecorder {
  private readonly days: string[] = [];
  private readonly holdings: Family;
  private readonly cash: Family;
  /** Split records applied, by holding slot, in the order they applied. */
  private readonly splits = new Map<Slot, Split[]>();

  /** `capacity`: rows to make room for (a replay records at most one per record and family). */
  constructor(capacity = 4096) {
    this.holdings = new Family(capacity);
    this.cash = new Family(capacity);
  }

  /** The index of the day being applied: what its rows, splits and flows are recorded under. */
  get day(): number {
    return this.days.length;
  }

  holdingSlot(account: string, symbol: string, currency: string): Slot {
    return this.holdings.slot(account, symbol, currency);
  }

  cashSlot(account: string, currency: string): Slot {
    return this.cash.slot(account, currency, currency);
  }

  /**
   * A split record applied to the holding today: its earlier quantities are shown times
   * numerator ÷ denominator (kept apart, so 300 × 1 ÷ 3 is 100 where 300 × ⅓ in floats is not).
   */
  split(slot: Slot, numerator: number, denominator: number): void {
    const list = this.splits.get(slot) ?? [];
    list.push({ day: this.day, numerator, denominator });
    this.splits.set(slot, list);
  }

  /** A quantity of the holding on `day` in today's shares: times the numerators, then ÷ the denominators. */
  inTodaysShares(slot: Slot, day: number, quantity: number): number {
    let numerator = 1;
    let denominator = 1;
    for (const split of this.splits.get(slot) ?? []) {
      if (split.day <= day) continue;
      numerator *= split.numerator;
      denominator *= split.denominator;
    }
    return (quantity * numerator) / denominator;
  }

  /**
   * figures[0]: the holding's quantity in the shares of that day; figures[1]: its cost. (In an
   * array, not as float arguments, which a call the optimiser does not inline would box.)
   */
  recordHolding(slot: Slot, figures: Float64Array): void {
    this.holdings.log.push(slot, this.day, figures);
  }

  /** figures[0]: the balance; figures[1]: zero. */
  recordCash(slot: Slot, figures: Float64Array): void {
    this.cash.log.push(slot, this.day, figures);
  }

  /** Closes the day: later rows go to the next one. */
  endDay(day: string): void {
    this.days.push(day);
  }

  timelines(): LedgerTimelines {
    const h = this.holdings;
    const c = this.cash;
    const holdingSorted = h.slotRows();
    const holdingRows = rowsOf(holdingSorted);
    for (const [slot, splits] of this.splits) {
      const rows = holdingRows[slot] as Rows;
      const last = (splits[splits.length - 1] as Split).day;
      for (let k = 0; k < rows.day.length && (rows.day[k] as number) < last; k++) {
        rows.a[k] = this.inTodaysShares(slot, rows.day[k] as number, rows.a[k] as number);
      }
    }
    const cashSorted = c.slotRows();
    const cashRows = rowsOf(cashSorted);
    return {
      days: this.days,
      holdings: holdingRows.map((rows, slot) => ({
        account: h.accounts[slot] as string,
        symbol: h.names[slot] as string,
        currency: h.currencies[slot] as string,
        day: rows.day,
        quantity: rows.a,
        cost: rows.b,
      })),
      symbols: h.groupRows(holdingSorted).map(({ name, currency, rows }) => ({
        symbol: name,
        currency,
        day: rows.day,
        quantity: rows.a,
        cost: rows.b,
      })),
      cash: cashRows.map((rows, slot) => ({
        account: c.accounts[slot] as string,
        currency: c.currencies[slot] as string,
        day: rows.day,
        balance: rows.a,
      })),
      cashTotals: c.groupRows(cashSorted).map(({ name, rows }) => ({ currency: name, day: rows.day, balance: rows.a })),
    };
  }
}
