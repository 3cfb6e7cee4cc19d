// The float side of the ledger: end-of-day quantities, costs and cash, per account and summed per
// instrument and currency, for the value series. The exact bookkeeping stays in ledger.ts.
import type { BalanceTimeline, CashTimeline, HoldingTimeline, QuantityTimeline } from './ledger-types';
import { StateLog } from './state-log';

/** One account's holding (or cash in one currency), by its index in its family. */
export type Slot = number;

export type LedgerTimelines = {
  days: string[];
  holdings: HoldingTimeline[];
  symbols: QuantityTimeline[];
  cash: CashTimeline[];
  cashTotals: BalanceTimeline[];
};

/**
 * Slots grouped by name (an instrument, a currency) across accounts. Figures live in typed
 * columns indexed by slot and group, not in an object per slot: the end of every day reads
 * them back to sum each group, and objects scattered over the heap made that a walk of cache
 * misses.
 */
class Family {
  private readonly accounts: string[] = [];
  private readonly names: string[] = [];
  private readonly currencies: string[] = [];
  private readonly slotGroup: number[] = [];
  private readonly groupNames: string[] = [];
  private readonly groupCurrency: string[] = [];
  private readonly members: number[][] = [];
  private readonly byName = new Map<string, number>();
  private value = new Float64Array(64);
  private cost = new Float64Array(64);
  private groupDirty = new Uint8Array(64);
  readonly slotLog = new StateLog(4096);
  readonly groupLog = new StateLog(4096);
  private dirtyGroups: number[] = [];

  get slotCount(): number {
    return this.names.length;
  }

  get groupCount(): number {
    return this.groupNames.length;
  }

  slot(account: string, name: string, currency: string): Slot {
    let group = this.byName.get(name);
    if (group === undefined) {
      group = this.groupNames.length;
      this.byName.set(name, group);
      this.groupNames.push(name);
      this.groupCurrency.push(currency);
      this.members.push([]);
      if (group === this.groupDirty.length) this.groupDirty = widen(this.groupDirty, new Uint8Array(group * 2));
    }
    const slot = this.names.length;
    this.accounts.push(account);
    this.names.push(name);
    this.currencies.push(currency);
    this.slotGroup.push(group);
    (this.members[group] as number[]).push(slot);
    if (slot === this.value.length) {
      this.value = widen(this.value, new Float64Array(slot * 2));
      this.cost = widen(this.cost, new Float64Array(slot * 2));
    }
    return slot;
  }

  record(slot: Slot, day: number, value: number, cost: number): void {
    this.value[slot] = value;
    this.cost[slot] = cost;
    this.slotLog.push(slot, day, value, cost);
    const group = this.slotGroup[slot] as number;
    if (this.groupDirty[group] === 0) {
      this.groupDirty[group] = 1;
      this.dirtyGroups.push(group);
    }
  }

  /** Group sums are taken afresh from the members (not by deltas) so a closed position is exactly zero. */
  endDay(day: number): void {
    const valueOf = this.value;
    const costOf = this.cost;
    for (const group of this.dirtyGroups) {
      let value = 0;
      let cost = 0;
      for (const member of this.members[group] as number[]) {
        value += valueOf[member] as number;
        cost += costOf[member] as number;
      }
      this.groupLog.push(group, day, value, cost);
      this.groupDirty[group] = 0;
    }
    this.dirtyGroups = [];
  }

  slotInfo(slot: Slot): { account: string; name: string; currency: string } {
    return {
      account: this.accounts[slot] as string,
      name: this.names[slot] as string,
      currency: this.currencies[slot] as string,
    };
  }

  groupInfo(group: number): { name: string; currency: string } {
    return { name: this.groupNames[group] as string, currency: this.groupCurrency[group] as string };
  }
}

function widen<A extends Float64Array | Uint8Array>(column: A, wider: A): A {
  wider.set(column);
  return wider;
}

/** Records end-of-day states as rows in columnar logs and turns them into timelines at the end. */
export class TimelineRecorder {
  private readonly days: string[] = [];
  private readonly holdings = new Family();
  private readonly cash = new Family();
  private day = -1;

  holdingSlot(account: string, symbol: string, currency: string): Slot {
    return this.holdings.slot(account, symbol, currency);
  }

  cashSlot(account: string, currency: string): Slot {
    return this.cash.slot(account, currency, currency);
  }

  beginDay(day: string): void {
    this.day = this.days.length;
    this.days.push(day);
  }

  /** `quantity` in today's shares (split-adjusted to the latest split). */
  recordHolding(slot: Slot, quantity: number, cost: number): void {
    this.holdings.record(slot, this.day, quantity, cost);
  }

  recordCash(slot: Slot, balance: number): void {
    this.cash.record(slot, this.day, balance, 0);
  }

  endDay(): void {
    this.holdings.endDay(this.day);
    this.cash.endDay(this.day);
  }

  timelines(): LedgerTimelines {
    const h = this.holdings;
    const c = this.cash;
    const holdingRows = h.slotLog.byKey(h.slotCount);
    const symbolRows = h.groupLog.byKey(h.groupCount);
    const cashRows = c.slotLog.byKey(c.slotCount);
    const currencyRows = c.groupLog.byKey(c.groupCount);
    return {
      days: this.days,
      holdings: holdingRows.map((rows, slot) => {
        const { account, name, currency } = h.slotInfo(slot);
        return { account, symbol: name, currency, day: rows.day, quantity: rows.a, cost: rows.b };
      }),
      symbols: symbolRows.map((rows, group) => {
        const { name, currency } = h.groupInfo(group);
        return { symbol: name, currency, day: rows.day, quantity: rows.a, cost: rows.b };
      }),
      cash: cashRows.map((rows, slot) => {
        const { account, currency } = c.slotInfo(slot);
        return { account, currency, day: rows.day, balance: rows.a };
      }),
      cashTotals: currencyRows.map((rows, group) => {
        const { name } = c.groupInfo(group);
        return { currency: name, day: rows.day, balance: rows.a };
      }),
    };
  }
}
