// The timeline recorder as it was before ledger-timelines.ts took split factors and group sums
// to the end of the replay: the reference ledger's own, so that the oracle shares no timeline
// code with what it checks. Figures are recorded in today's shares and summed every day.
import type { BalanceTimeline, CashTimeline, HoldingTimeline, QuantityTimeline } from '../ledger-types';
import { rowsOf, StateLog, type Rows } from '../state-log';

interface Group {
  key: number;
  members: Slot[];
  dirty: boolean;
}

/** One account's holding (or cash in one currency): its last recorded figures and its group. */
export interface Slot {
  readonly key: number;
  readonly account: string;
  readonly name: string;
  readonly currency: string;
  readonly group: Group;
  value: number;
  cost: number;
}

export type LedgerTimelines = {
  days: string[];
  holdings: HoldingTimeline[];
  symbols: QuantityTimeline[];
  cash: CashTimeline[];
  cashTotals: BalanceTimeline[];
};

class Family {
  readonly slots: Slot[] = [];
  readonly groups: Group[] = [];
  private readonly groupNames: string[] = [];
  private readonly byName = new Map<string, Group>();
  readonly slotLog = new StateLog(4096);
  readonly groupLog = new StateLog(4096);
  private dirtyGroups: Group[] = [];

  slot(account: string, name: string, currency: string): Slot {
    let group = this.byName.get(name);
    if (group === undefined) {
      group = { key: this.groups.length, members: [], dirty: false };
      this.byName.set(name, group);
      this.groups.push(group);
      this.groupNames.push(name);
    }
    const slot: Slot = { key: this.slots.length, account, name, currency, group, value: 0, cost: 0 };
    group.members.push(slot);
    this.slots.push(slot);
    return slot;
  }

  record(slot: Slot, day: number, value: number, cost: number): void {
    slot.value = value;
    slot.cost = cost;
    this.slotLog.push(slot.key, day, Float64Array.of(value, cost));
    if (!slot.group.dirty) {
      slot.group.dirty = true;
      this.dirtyGroups.push(slot.group);
    }
  }

  /** Group sums are taken afresh from the members (not by deltas) so a closed position is exactly zero. */
  endDay(day: number): void {
    for (const group of this.dirtyGroups) {
      let value = 0;
      let cost = 0;
      for (const member of group.members) {
        value += member.value;
        cost += member.cost;
      }
      this.groupLog.push(group.key, day, Float64Array.of(value, cost));
      group.dirty = false;
    }
    this.dirtyGroups = [];
  }

  groupName(group: Group): string {
    return this.groupNames[group.key] as string;
  }
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
    const holdingRows = rowsOf(h.slotLog.sortedByKey(h.slots.length));
    const symbolRows = rowsOf(h.groupLog.sortedByKey(h.groups.length));
    const cashRows = rowsOf(c.slotLog.sortedByKey(c.slots.length));
    const currencyRows = rowsOf(c.groupLog.sortedByKey(c.groups.length));
    return {
      days: this.days,
      holdings: h.slots.map((slot) => {
        const rows = holdingRows[slot.key] as Rows;
        return {
          account: slot.account,
          symbol: slot.name,
          currency: slot.currency,
          day: rows.day,
          quantity: rows.a,
          cost: rows.b,
        };
      }),
      symbols: h.groups.map((group) => {
        const rows = symbolRows[group.key] as Rows;
        const currency = group.members[0]?.currency ?? '';
        return { symbol: h.groupName(group), currency, day: rows.day, quantity: rows.a, cost: rows.b };
      }),
      cash: c.slots.map((slot) => {
        const rows = cashRows[slot.key] as Rows;
        return { account: slot.account, currency: slot.currency, day: rows.day, balance: rows.a };
      }),
      cashTotals: c.groups.map((group) => {
        const rows = currencyRows[group.key] as Rows;
        return { currency: c.groupName(group), day: rows.day, balance: rows.a };
      }),
    };
  }
}
