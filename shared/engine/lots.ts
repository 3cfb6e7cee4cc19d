import { Decimal } from './decimal';
import * as fixed from './fixed';

const R = fixed.R;
const STRIDE = 5;

export type CostMethod = 'fifo' | 'average';

export interface Lot {
  /** When the shares were first acquired (carried through transfers). */
  acquired: string;
  quantity: Decimal;
  cost: Decimal;
  /** The buy or transfer_in that opened it. */
  transactionId: number;
}

/**
 * One account's lots of one instrument, oldest first, as columns of fixed-point values
 * (fixed.ts): a ledger opens tens of thousands of lots, and an object per lot and per figure
 * was most of a replay's time.
 *
 * FIFO: a disposal takes the oldest lots first; a partly taken lot gives up cost in proportion
 * to the shares taken (one rounding, and the rest stays with the lot, so no cost is lost).
 * Average cost: the book's cost is one pool; a disposal takes pool × shares ÷ holding. Lots are
 * still consumed oldest first so that acquisition dates stay meaningful, and their costs are
 * restated from the pool whenever they are shown or transferred.
 */
export class LotQueue {
  /**
   * The lots, STRIDE numbers each: quantity (whole, units), cost (whole, units), transaction id.
   * One plain array of doubles: it grows in place, where typed arrays per column cost an
   * allocation per column at every doubling.
   */
  private figures: number[] = [];
  private acquired: string[] = [];
  /** Index of the oldest live lot: disposals advance it instead of shifting the columns. */
  private head = 0;
  private tail = 0;
  /** The holding's shares and cost basis. */
  quantityWhole = 0;
  quantityUnits = 0;
  costWhole = 0;
  costUnits = 0;
  /** The cost basis that left with the last disposal. */
  disposedWhole = 0;
  disposedUnits = 0;

  constructor(readonly method: CostMethod) {}

  get quantity(): Decimal {
    return fixed.toDecimal(this.quantityWhole, this.quantityUnits);
  }

  get cost(): Decimal {
    return fixed.toDecimal(this.costWhole, this.costUnits);
  }

  acquire(acquired: string, transactionId: number, qw: number, qu: number, cw: number, cu: number): void {
    this.figures.push(qw, qu, cw, cu, transactionId);
    this.acquired.push(acquired);
    this.tail++;
    this.addToBook(qw, qu, cw, cu);
  }

  /** Lots carried in by a transfer keep their acquisition dates, so FIFO sees them in date order. */
  acquireCarried(lots: readonly Lot[]): void {
    for (const lot of lots) {
      let at = this.tail;
      while (at > this.head && (this.acquired[at - 1] as string) > lot.acquired) at--;
      fixed.fromDecimal(lot.quantity);
      const qw = R[0] as number;
      const qu = R[1] as number;
      fixed.fromDecimal(lot.cost);
      const cw = R[0] as number;
      const cu = R[1] as number;
      this.figures.splice(at * STRIDE, 0, qw, qu, cw, cu, lot.transactionId);
      this.acquired.splice(at, 0, lot.acquired);
      this.tail++;
      this.addToBook(qw, qu, cw, cu);
    }
  }

  private addToBook(qw: number, qu: number, cw: number, cu: number): void {
    fixed.add(this.quantityWhole, this.quantityUnits, qw, qu);
    this.quantityWhole = R[0] as number;
    this.quantityUnits = R[1] as number;
    fixed.add(this.costWhole, this.costUnits, cw, cu);
    this.costWhole = R[0] as number;
    this.costUnits = R[1] as number;
  }

  /**
   * Removes `shares` (the caller has checked they are held), leaving their cost basis in
   * disposedWhole/disposedUnits. The lots that left are listed in `taken` when it is given
   * (a transfer carries them); a sale needs just their cost.
   */
  dispose(sw: number, su: number, taken: Lot[] | null): void {
    let rw = sw;
    let ru = su;
    let cw = 0;
    let cu = 0;
    while ((rw > 0 || (rw === 0 && ru > 0)) && this.head < this.tail) {
      const i = this.head;
      const f = this.figures;
      const at = i * STRIDE;
      const lqw = f[at] as number;
      const lqu = f[at + 1] as number;
      const lcw = f[at + 2] as number;
      const lcu = f[at + 3] as number;
      if (fixed.compare(lqw, lqu, rw, ru) <= 0) {
        if (taken !== null) taken.push(this.lotAt(i));
        fixed.add(cw, cu, lcw, lcu);
        cw = R[0] as number;
        cu = R[1] as number;
        fixed.sub(rw, ru, lqw, lqu);
        rw = R[0] as number;
        ru = R[1] as number;
        this.head++;
      } else {
        fixed.mulDiv(lcw, lcu, rw, ru, lqw, lqu);
        const pw = R[0] as number;
        const pu = R[1] as number;
        if (taken !== null) {
          taken.push({
            acquired: this.acquired[i] as string,
            quantity: fixed.toDecimal(rw, ru),
            cost: fixed.toDecimal(pw, pu),
            transactionId: f[at + 4] as number,
          });
        }
        fixed.sub(lcw, lcu, pw, pu);
        f[at + 2] = R[0] as number;
        f[at + 3] = R[1] as number;
        fixed.sub(lqw, lqu, rw, ru);
        f[at] = R[0] as number;
        f[at + 1] = R[1] as number;
        fixed.add(cw, cu, pw, pu);
        cw = R[0] as number;
        cu = R[1] as number;
        rw = 0;
        ru = 0;
      }
    }
    if (this.head > 64 && this.head * 2 > this.tail) this.compact();
    if (this.method === 'average') {
      if (fixed.compare(sw, su, this.quantityWhole, this.quantityUnits) >= 0) {
        cw = this.costWhole;
        cu = this.costUnits;
      } else {
        fixed.mulDiv(this.costWhole, this.costUnits, sw, su, this.quantityWhole, this.quantityUnits);
        cw = R[0] as number;
        cu = R[1] as number;
      }
      if (taken !== null) restate(taken, fixed.toDecimal(cw, cu));
    }
    fixed.sub(this.quantityWhole, this.quantityUnits, sw, su);
    this.quantityWhole = R[0] as number;
    this.quantityUnits = R[1] as number;
    if (this.quantityWhole === 0 && this.quantityUnits === 0) {
      this.costWhole = 0;
      this.costUnits = 0;
    } else {
      fixed.sub(this.costWhole, this.costUnits, cw, cu);
      this.costWhole = R[0] as number;
      this.costUnits = R[1] as number;
    }
    this.disposedWhole = cw;
    this.disposedUnits = cu;
  }

  private compact(): void {
    const { head, tail } = this;
    this.figures = this.figures.slice(head * STRIDE, tail * STRIDE);
    this.acquired = this.acquired.slice(head, tail);
    this.tail = tail - head;
    this.head = 0;
  }

  /** New shares per old: quantities scale (rounded as Decimal.mul), cost stays. */
  split(ratioWhole: number, ratioUnits: number): void {
    let qw = 0;
    let qu = 0;
    const f = this.figures;
    for (let at = this.head * STRIDE; at < this.tail * STRIDE; at += STRIDE) {
      fixed.mul(f[at] as number, f[at + 1] as number, ratioWhole, ratioUnits);
      f[at] = R[0] as number;
      f[at + 1] = R[1] as number;
      fixed.add(qw, qu, R[0] as number, R[1] as number);
      qw = R[0] as number;
      qu = R[1] as number;
    }
    this.quantityWhole = qw;
    this.quantityUnits = qu;
  }

  private lotAt(i: number): Lot {
    const f = this.figures;
    const at = i * STRIDE;
    return {
      acquired: this.acquired[i] as string,
      quantity: fixed.toDecimal(f[at] as number, f[at + 1] as number),
      cost: fixed.toDecimal(f[at + 2] as number, f[at + 3] as number),
      transactionId: f[at + 4] as number,
    };
  }

  /** The live lots, oldest first, costs restated from the pool under average cost. */
  openLots(): Lot[] {
    const open: Lot[] = [];
    for (let i = this.head; i < this.tail; i++) open.push(this.lotAt(i));
    if (this.method === 'average') restate(open, this.cost);
    return open;
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
