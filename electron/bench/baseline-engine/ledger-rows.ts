// The replay's bookkeeping beside its tables of figures (fixed-rows.ts): which rows changed
// today, and whom each row belongs to.
import type { Slot } from './ledger-timelines';

/** Row numbers marked during a day, kept in one array from day to day rather than a new one each. */
export class RowList {
  private rows = new Int32Array(64);
  count = 0;

  add(row: number): void {
    if (this.count === this.rows.length) {
      const wider = new Int32Array(this.count * 2);
      wider.set(this.rows);
      this.rows = wider;
    }
    this.rows[this.count++] = row;
  }

  at(i: number): number {
    return this.rows[i] as number;
  }

  clear(): void {
    this.count = 0;
  }
}

/**
 * Who each row of a table belongs to, in columns: these are read on every record, and an object
 * per row was one more pointer to follow.
 */
export class RowNames {
  readonly account: string[] = [];
  /** The instrument, or for cash the currency. */
  readonly name: string[] = [];
  readonly currency: string[] = [];
  readonly slot: Slot[] = [];

  add(account: string, name: string, currency: string, slot: Slot): void {
    this.account.push(account);
    this.name.push(name);
    this.currency.push(currency);
    this.slot.push(slot);
  }
}
