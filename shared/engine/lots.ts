import { Decimal } from './decimal';
import * as fixed from './fixed';
import { FixedRows } from './fixed-rows';

/** How a disposal picks its lots (docs/engine.md, "Cost methods"). */
export type CostMethod = 'fifo' | 'lifo' | 'hifo' | 'average';

export const COST_METHODS: readonly CostMethod[] = ['fifo', 'lifo', 'hifo', 'average'];

export interface Lot {
  /** When the shares were first acquired (carried through transfers). */
  acquired: string;
  quantity: Decimal;
  cost: Decimal;
  /** The buy or transfer_in that opened it. */
  transactionId: number;
}

// Figures of a lot, and of a holding's totals, in their FixedRows.
const QUANTITY = 0;
const COST = 1;

/**
 * Every holding's lots in a replay, oldest first, with each holding's shares and cost basis.
 * Holdings and lots are row numbers, their figures in FixedRows: a ledger opens tens of
 * thousands of lots, and an object per lot and per figure was most of a replay's time and of
 * its garbage. Each holding's lots are a chain through `next`; the row of a lot that has left
 * goes to the next lot opened.
 *
 * FIFO: a disposal takes the oldest lots first; a partly taken lot gives up cost in proportion
 * to the shares taken (one rounding, and the rest stays with the lot, so no cost is lost).
 * Average cost: the book's cost is one pool; a disposal takes pool × shares ÷ holding. Lots are
 * still consumed oldest first so that acquisition dates stay meaningful, and their costs are
 * restated from the pool whenever they are shown or transferred.
 * LIFO takes the newest lots first; HIFO the lots with the highest cost per share first, the
 * earliest of equal ones first. Each holding has its own method (accounts choose theirs).
 */
export class LotBook {
  private readonly lots: FixedRows;
  private lotIds: Float64Array;
  private next: Int32Array;
  private readonly acquired: string[] = [];
  private readonly holdings = new FixedRows(2, 256);
  /** Each holding's oldest live lot and newest, or −1. */
  private readonly head: number[] = [];
  /** Each holding's cost method. */
  private readonly methods: CostMethod[] = [];
  private readonly tail: number[] = [];
  // Scratch values for disposals and splits, written before they are read within one call.
  private readonly lotCost = new fixed.Fixed();
  private readonly lotQuantity = new fixed.Fixed();
  private readonly rest = new fixed.Fixed();
  private readonly took = new fixed.Fixed();
  private readonly part = new fixed.Fixed();
  /**
   * Rows of lots that have left, chained through `next`. Reused, the table stays the size of the
   * open lots rather than of every lot ever opened, and the rows a replay touches stay in the
   * processor's cache.
   */
  private freeRows = -1;

  /** `capacity`: room for this many lots before the columns grow. */
  constructor(
    readonly method: CostMethod,
    capacity: number,
  ) {
    this.lots = new FixedRows(2, capacity);
    this.lotIds = new Float64Array(Math.max(16, capacity));
    this.next = new Int32Array(Math.max(16, capacity));
  }

  /** A new holding with no lots, under `method` (the book's by default); its number. */
  addHolding(method: CostMethod = this.method): number {
    this.methods.push(method);
    this.head.push(-1);
    this.tail.push(-1);
    return this.holdings.addRow();
  }

  methodOf(holding: number): CostMethod {
    return this.methods[holding] as CostMethod;
  }

  /** The holding's shares against `value`: −1, 0 or 1. */
  compareQuantity(holding: number, value: fixed.Fixed): number {
    return this.holdings.compare(holding, QUANTITY, value);
  }

  quantity(holding: number): Decimal {
    return this.holdings.toDecimal(holding, QUANTITY);
  }

  cost(holding: number): Decimal {
    return this.holdings.toDecimal(holding, COST);
  }

  /** The holding's shares and cost basis as floats, into out[0] and out[1] (for the timelines). */
  totalsAsNumbers(holding: number, out: Float64Array): void {
    out[0] = this.holdings.toNumber(holding, QUANTITY);
    out[1] = this.holdings.toNumber(holding, COST);
  }

  acquire(holding: number, acquired: string, transactionId: number, quantity: fixed.Fixed, cost: fixed.Fixed): void {
    const i = this.openLot(acquired, transactionId, quantity, cost);
    const tail = this.tail[holding] as number;
    if (tail < 0) this.head[holding] = i;
    else this.next[tail] = i;
    this.tail[holding] = i;
    this.holdings.add(holding, QUANTITY, quantity);
    this.holdings.add(holding, COST, cost);
  }

  /** Lots carried in by a transfer keep their acquisition dates, so FIFO sees them in date order. */
  acquireCarried(holding: number, carried: readonly Lot[]): void {
    const quantity = new fixed.Fixed();
    const cost = new fixed.Fixed();
    for (const lot of carried) {
      quantity.setDecimal(lot.quantity);
      cost.setDecimal(lot.cost);
      const i = this.openLot(lot.acquired, lot.transactionId, quantity, cost);
      // After every lot acquired on or before it: the chain stays in date order.
      let before = -1;
      let after = this.head[holding] as number;
      while (after >= 0 && (this.acquired[after] as string) <= lot.acquired) {
        before = after;
        after = this.next[after] as number;
      }
      this.next[i] = after;
      if (before < 0) this.head[holding] = i;
      else this.next[before] = i;
      if (after < 0) this.tail[holding] = i;
      this.holdings.add(holding, QUANTITY, quantity);
      this.holdings.add(holding, COST, cost);
    }
  }

  /**
   * Removes `shares` (the caller has checked they are held) and sets `disposed` to their cost
   * basis. The lots that left are listed in `taken` when it is given, in the order taken, their
   * costs as the method defines them (a transfer carries them; a sale is matched to them).
   */
  dispose(holding: number, shares: fixed.Fixed, taken: Lot[] | null, disposed: fixed.Fixed): void {
    // Running values in Fixed scratch, not float locals: see fixed.ts on floats passed to calls.
    const rest = this.rest;
    const took = this.took;
    const lotQuantity = this.lotQuantity;
    const lotCost = this.lotCost;
    rest.setTo(shares);
    took.set(0, 0);
    const method = this.methods[holding] as CostMethod;
    if (method === 'lifo' || method === 'hifo') {
      this.disposeInOrder(holding, method, taken);
      disposed.setTo(took);
      this.holdings.sub(holding, QUANTITY, shares);
      if (this.holdings.isZero(holding, QUANTITY)) this.holdings.set(holding, COST, 0, 0);
      else this.holdings.sub(holding, COST, disposed);
      return;
    }
    let i = this.head[holding] as number;
    while (rest.isPositive() && i >= 0) {
      if (!this.take(i, taken)) break;
      const gone = i;
      i = this.next[i] as number;
      this.free(gone);
    }
    this.head[holding] = i;
    if (i < 0) this.tail[holding] = -1;
    const book = this.holdings;
    if (method === 'average') {
      if (book.compare(holding, QUANTITY, shares) <= 0) {
        book.get(holding, COST, disposed);
      } else {
        book.get(holding, COST, lotCost);
        book.get(holding, QUANTITY, lotQuantity);
        disposed.setMulDiv(lotCost, shares, lotQuantity);
      }
      if (taken !== null) restate(taken, disposed.toDecimal());
    } else {
      disposed.setTo(took);
    }
    book.sub(holding, QUANTITY, shares);
    if (book.isZero(holding, QUANTITY)) book.set(holding, COST, 0, 0);
    else book.sub(holding, COST, disposed);
  }

  /**
   * LIFO and HIFO: takes `rest` shares from the lots in the method's order into `took` (their
   * cost), then relinks the lots left in date order. A walk over the holding's lots per disposal:
   * these methods are chosen per account, and their holdings seldom have thousands of open lots.
   */
  private disposeInOrder(holding: number, method: 'lifo' | 'hifo', taken: Lot[] | null): void {
    const lots = this.lots;
    const chain: number[] = [];
    for (let i = this.head[holding] as number; i >= 0; i = this.next[i] as number) chain.push(i);
    let order: number[];
    if (method === 'lifo') order = chain.slice().reverse();
    else {
      // Highest cost per share first; the chain is in date order and sort is stable, so equal
      // costs leave the earliest lot first. Cross-multiplied: no division to round.
      const figures = chain.map((i) => ({ i, cost: lots.toDecimal(i, COST), quantity: lots.toDecimal(i, QUANTITY) }));
      figures.sort((a, b) => b.cost.mul(a.quantity).cmp(a.cost.mul(b.quantity)));
      order = figures.map((f) => f.i);
    }
    const gone = new Set<number>();
    for (const i of order) {
      if (!this.rest.isPositive()) break;
      if (this.take(i, taken)) gone.add(i);
    }
    let last = -1;
    this.head[holding] = -1;
    for (const i of chain) {
      if (gone.has(i)) continue;
      if (last < 0) this.head[holding] = i;
      else this.next[last] = i;
      last = i;
    }
    if (last >= 0) this.next[last] = -1;
    this.tail[holding] = last;
    for (const i of gone) this.free(i);
  }

  /**
   * Takes up to `rest` shares from lot `i` into `took` (their cost, in proportion to the shares
   * taken: one rounding, the rest stays with the lot, so no cost is lost), listing them in
   * `taken` when given. True when the whole lot went (the caller unlinks and frees it).
   */
  private take(i: number, taken: Lot[] | null): boolean {
    const { lots, rest, took, lotQuantity, lotCost, part } = this;
    lots.get(i, QUANTITY, lotQuantity);
    lots.get(i, COST, lotCost);
    if (lotQuantity.compare(rest) <= 0) {
      if (taken !== null) taken.push(this.lot(i));
      took.add(lotCost);
      rest.sub(lotQuantity);
      return true;
    }
    part.setMulDiv(lotCost, rest, lotQuantity);
    if (taken !== null) {
      taken.push({
        acquired: this.acquired[i] as string,
        quantity: rest.toDecimal(),
        cost: part.toDecimal(),
        transactionId: this.lotIds[i] as number,
      });
    }
    lotCost.sub(part);
    lots.store(i, COST, lotCost);
    lotQuantity.sub(rest);
    lots.store(i, QUANTITY, lotQuantity);
    took.add(part);
    rest.set(0, 0);
    return false;
  }

  /**
   * New shares = old × numerator ÷ denominator (docs/engine.md, "Split ratios"); each lot's cost
   * stays, so its cost per share scales. The holding's shares are rounded once, half to even at
   * 10 places; each lot is rounded the same way and the newest takes what is left, so the lots
   * always add up to the holding. 300 shares 1-for-3 are exactly 100.
   */
  split(holding: number, numerator: fixed.Fixed, denominator: fixed.Fixed): void {
    const lots = this.lots;
    const book = this.holdings;
    const total = this.took;
    book.get(holding, QUANTITY, total);
    total.setMulDiv(total, numerator, denominator);
    book.store(holding, QUANTITY, total);
    const rest = this.rest;
    rest.setTo(total);
    const quantity = this.lotQuantity;
    for (let i = this.head[holding] as number; i >= 0; i = this.next[i] as number) {
      if ((this.next[i] as number) >= 0) {
        lots.get(i, QUANTITY, quantity);
        quantity.setMulDiv(quantity, numerator, denominator);
      } else {
        quantity.setTo(rest);
      }
      lots.store(i, QUANTITY, quantity);
      rest.sub(quantity);
    }
  }

  /** The live lots, oldest first, costs restated from the pool under average cost. */
  openLots(holding: number): Lot[] {
    const open: Lot[] = [];
    for (let i = this.head[holding] as number; i >= 0; i = this.next[i] as number) open.push(this.lot(i));
    if (this.methods[holding] === 'average') restate(open, this.cost(holding));
    return open;
  }

  /** A lot that has left: its row is reused by the next one opened. */
  private free(i: number): void {
    this.next[i] = this.freeRows;
    this.freeRows = i;
  }

  private openLot(acquired: string, id: number, quantity: fixed.Fixed, cost: fixed.Fixed): number {
    const i = this.freeRows >= 0 ? this.freeRows : this.lots.addRow();
    if (i === this.freeRows) this.freeRows = this.next[i] as number;
    else if (i === this.next.length) {
      const ids = new Float64Array(i * 2);
      ids.set(this.lotIds);
      this.lotIds = ids;
      const next = new Int32Array(i * 2);
      next.set(this.next);
      this.next = next;
    }
    this.lots.store(i, QUANTITY, quantity);
    this.lots.store(i, COST, cost);
    this.lotIds[i] = id;
    this.next[i] = -1;
    this.acquired[i] = acquired;
    return i;
  }

  private lot(i: number): Lot {
    return {
      acquired: this.acquired[i] as string,
      quantity: this.lots.toDecimal(i, QUANTITY),
      cost: this.lots.toDecimal(i, COST),
      transactionId: this.lotIds[i] as number,
    };
  }
}

/** Spreads `total` over lots by quantity, the last lot taking the remainder so the sum is exact. */
function restate(lots: Lot[], total: Decimal): void {
  const quantity = Decimal.sum(lots.map((lot) => lot.quantity));
  if (lots.length === 0 || quantity.isZero()) return;
  let left = total;
  lots.forEach((lot, i) => {
    lot.cost = i === lots.length - 1 ? left : total.mulDiv(lot.quantity, quantity);
    left = left.sub(lot.cost);
  });
}
