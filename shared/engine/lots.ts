import { Decimal } from './decimal';
import * as fixed from './fixed';

const R = fixed.R;

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
 * Every lot a replay opens, in columns of fixed-point values (fixed.ts). A ledger opens tens of
 * thousands of lots: an object per lot and per figure, or an array per holding that grows by
 * copying, was most of a replay's time and of its garbage. Each holding's lots are a chain
 * through `next`, oldest first; a lot that has left stays where it is until the replay ends.
 */
export class LotArena {
  quantityWhole: Float64Array;
  quantityUnits: Float64Array;
  costWhole: Float64Array;
  costUnits: Float64Array;
  ids: Float64Array;
  next: Int32Array;
  acquired: string[];
  count = 0;

  /** `capacity`: room for this many lots before the columns grow. */
  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.quantityWhole = new Float64Array(size);
    this.quantityUnits = new Float64Array(size);
    this.costWhole = new Float64Array(size);
    this.costUnits = new Float64Array(size);
    this.ids = new Float64Array(size);
    this.next = new Int32Array(size);
    this.acquired = new Array<string>(size);
  }

  open(acquired: string, id: number, qw: number, qu: number, cw: number, cu: number): number {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.quantityWhole[i] = qw;
    this.quantityUnits[i] = qu;
    this.costWhole[i] = cw;
    this.costUnits[i] = cu;
    this.ids[i] = id;
    this.next[i] = -1;
    this.acquired[i] = acquired;
    return i;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const wider = <A extends Float64Array | Int32Array>(column: A, make: (n: number) => A): A => {
      const out = make(size);
      out.set(column);
      return out;
    };
    const float = (n: number) => new Float64Array(n);
    this.quantityWhole = wider(this.quantityWhole, float);
    this.quantityUnits = wider(this.quantityUnits, float);
    this.costWhole = wider(this.costWhole, float);
    this.costUnits = wider(this.costUnits, float);
    this.ids = wider(this.ids, float);
    this.next = wider(this.next, (n) => new Int32Array(n));
  }

  lot(i: number): Lot {
    return {
      acquired: this.acquired[i] as string,
      quantity: fixed.toDecimal(this.quantityWhole[i] as number, this.quantityUnits[i] as number),
      cost: fixed.toDecimal(this.costWhole[i] as number, this.costUnits[i] as number),
      transactionId: this.ids[i] as number,
    };
  }
}

/**
 * One account's lots of one instrument, oldest first, held in a LotArena.
 *
 * FIFO: a disposal takes the oldest lots first; a partly taken lot gives up cost in proportion
 * to the shares taken (one rounding, and the rest stays with the lot, so no cost is lost).
 * Average cost: the book's cost is one pool; a disposal takes pool × shares ÷ holding. Lots are
 * still consumed oldest first so that acquisition dates stay meaningful, and their costs are
 * restated from the pool whenever they are shown or transferred.
 */
export class LotQueue {
  /** The oldest live lot and the newest, or −1. */
  private head = -1;
  private tail = -1;
  /** The holding's shares and cost basis. */
  readonly quantity = new fixed.Fixed();
  readonly cost = new fixed.Fixed();
  /** The cost basis that left with the last disposal. */
  readonly disposed = new fixed.Fixed();

  constructor(
    readonly method: CostMethod,
    private readonly arena: LotArena,
  ) {}

  acquire(acquired: string, transactionId: number, quantity: fixed.Fixed, cost: fixed.Fixed): void {
    const i = this.arena.open(acquired, transactionId, quantity.whole, quantity.units, cost.whole, cost.units);
    if (this.tail < 0) this.head = i;
    else this.arena.next[this.tail] = i;
    this.tail = i;
    this.quantity.add(quantity);
    this.cost.add(cost);
  }

  /** Lots carried in by a transfer keep their acquisition dates, so FIFO sees them in date order. */
  acquireCarried(lots: readonly Lot[]): void {
    const arena = this.arena;
    const quantity = new fixed.Fixed();
    const cost = new fixed.Fixed();
    for (const lot of lots) {
      quantity.setDecimal(lot.quantity);
      cost.setDecimal(lot.cost);
      const i = arena.open(lot.acquired, lot.transactionId, quantity.whole, quantity.units, cost.whole, cost.units);
      // After every lot acquired on or before it: the chain stays in date order.
      let before = -1;
      let after = this.head;
      while (after >= 0 && (arena.acquired[after] as string) <= lot.acquired) {
        before = after;
        after = arena.next[after] as number;
      }
      arena.next[i] = after;
      if (before < 0) this.head = i;
      else arena.next[before] = i;
      if (after < 0) this.tail = i;
      this.quantity.add(quantity);
      this.cost.add(cost);
    }
  }

  /**
   * Removes `shares` (the caller has checked they are held), leaving their cost basis in
   * `disposed`. The lots that left are listed in `taken` when it is given (a transfer carries
   * them); a sale needs just their cost.
   */
  dispose(shares: fixed.Fixed, taken: Lot[] | null): void {
    const arena = this.arena;
    // The shares still to take and the cost taken so far, as locals: this loop is the replay's busiest.
    let rw = shares.whole;
    let ru = shares.units;
    let cw = 0;
    let cu = 0;
    while ((rw > 0 || (rw === 0 && ru > 0)) && this.head >= 0) {
      const i = this.head;
      const lqw = arena.quantityWhole[i] as number;
      const lqu = arena.quantityUnits[i] as number;
      const lcw = arena.costWhole[i] as number;
      const lcu = arena.costUnits[i] as number;
      if (fixed.compare(lqw, lqu, rw, ru) <= 0) {
        if (taken !== null) taken.push(arena.lot(i));
        fixed.add(cw, cu, lcw, lcu);
        cw = R[0] as number;
        cu = R[1] as number;
        fixed.sub(rw, ru, lqw, lqu);
        rw = R[0] as number;
        ru = R[1] as number;
        this.head = arena.next[i] as number;
        if (this.head < 0) this.tail = -1;
      } else {
        fixed.mulDiv(lcw, lcu, rw, ru, lqw, lqu);
        const pw = R[0] as number;
        const pu = R[1] as number;
        if (taken !== null) {
          taken.push({
            acquired: arena.acquired[i] as string,
            quantity: fixed.toDecimal(rw, ru),
            cost: fixed.toDecimal(pw, pu),
            transactionId: arena.ids[i] as number,
          });
        }
        fixed.sub(lcw, lcu, pw, pu);
        arena.costWhole[i] = R[0] as number;
        arena.costUnits[i] = R[1] as number;
        fixed.sub(lqw, lqu, rw, ru);
        arena.quantityWhole[i] = R[0] as number;
        arena.quantityUnits[i] = R[1] as number;
        fixed.add(cw, cu, pw, pu);
        cw = R[0] as number;
        cu = R[1] as number;
        rw = 0;
        ru = 0;
      }
    }
    const disposed = this.disposed;
    if (this.method === 'average') {
      if (shares.compare(this.quantity) >= 0) {
        disposed.set(this.cost.whole, this.cost.units);
      } else {
        fixed.mulDiv(
          this.cost.whole,
          this.cost.units,
          shares.whole,
          shares.units,
          this.quantity.whole,
          this.quantity.units,
        );
        disposed.setResult();
      }
      if (taken !== null) restate(taken, disposed.toDecimal());
    } else {
      disposed.set(cw, cu);
    }
    this.quantity.sub(shares);
    if (this.quantity.isZero()) this.cost.set(0, 0);
    else this.cost.sub(disposed);
  }

  /** New shares per old: quantities scale (rounded as Decimal.mul), cost stays. */
  split(ratio: fixed.Fixed): void {
    const arena = this.arena;
    this.quantity.set(0, 0);
    for (let i = this.head; i >= 0; i = arena.next[i] as number) {
      fixed.mul(arena.quantityWhole[i] as number, arena.quantityUnits[i] as number, ratio.whole, ratio.units);
      arena.quantityWhole[i] = R[0] as number;
      arena.quantityUnits[i] = R[1] as number;
      fixed.add(this.quantity.whole, this.quantity.units, R[0] as number, R[1] as number);
      this.quantity.setResult();
    }
  }

  /** The live lots, oldest first, costs restated from the pool under average cost. */
  openLots(): Lot[] {
    const open: Lot[] = [];
    for (let i = this.head; i >= 0; i = this.arena.next[i] as number) open.push(this.arena.lot(i));
    if (this.method === 'average') restate(open, this.cost.toDecimal());
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
