import { Decimal } from '../decimal';
import type { CostMethod, Lot } from '../lots';

interface Disposal {
  cost: Decimal;
  lots: Lot[];
}

/**
 * One account's lots of one instrument.
 *
 * FIFO: a disposal takes the oldest lots first; a partly taken lot gives up cost in proportion
 * to the shares taken (one rounding, and the rest stays with the lot, so no cost is lost).
 * Average cost: the book's cost is one pool; a disposal takes pool × shares ÷ holding. Lots are
 * still consumed oldest first so that acquisition dates stay meaningful, and their costs are
 * restated from the pool whenever they are shown or transferred.
 * LIFO and HIFO: see disposeInOrder.
 */
export class LotBook {
  private lots: Lot[] = [];
  /** Index of the oldest live lot: disposals advance it instead of shifting the array. */
  private head = 0;
  quantity = Decimal.ZERO;
  cost = Decimal.ZERO;

  constructor(readonly method: CostMethod) {}

  /** Takes ownership of `lot` (the caller builds it fresh). */
  acquire(lot: Lot): void {
    this.lots.push(lot);
    this.quantity = this.quantity.add(lot.quantity);
    this.cost = this.cost.add(lot.cost);
  }

  /** Lots carried in by a transfer keep their acquisition dates, so FIFO sees them in date order. */
  acquireCarried(lots: readonly Lot[]): void {
    for (const lot of lots) {
      let at = this.lots.length;
      while (at > this.head && (this.lots[at - 1]?.acquired ?? '') > lot.acquired) at--;
      this.lots.splice(at, 0, { ...lot });
      this.quantity = this.quantity.add(lot.quantity);
      this.cost = this.cost.add(lot.cost);
    }
  }

  /**
   * Removes `shares` (the caller has checked they are held). The lots that left are listed only
   * when `keepLots` is set (a transfer carries them); a sale needs just their cost.
   */
  dispose(shares: Decimal, keepLots = false): Disposal {
    if (this.method === 'lifo' || this.method === 'hifo') return this.disposeInOrder(shares, keepLots);
    // FIFO and average take the oldest first: the lots that go are a prefix of the live ones.
    const { cost: takenCost, taken, gone } = takeInOrder(this.lots.slice(this.head), shares, keepLots);
    let cost = takenCost;
    this.head += gone.size;
    if (this.head > 64 && this.head * 2 > this.lots.length) {
      this.lots = this.lots.slice(this.head);
      this.head = 0;
    }
    if (this.method === 'average') {
      cost = shares.gte(this.quantity) ? this.cost : this.cost.mulDiv(shares, this.quantity);
      restate(taken, cost);
    }
    this.quantity = this.quantity.sub(shares);
    this.cost = this.cost.sub(cost);
    if (this.quantity.isZero()) this.cost = Decimal.ZERO;
    return { cost, lots: taken };
  }

  /**
   * LIFO: the newest lots first. HIFO: the highest cost per share first, the earliest of equal
   * ones first. The lots left keep their date order.
   */
  private disposeInOrder(shares: Decimal, keepLots: boolean): Disposal {
    const live = this.lots.slice(this.head);
    const order =
      this.method === 'lifo'
        ? [...live].reverse()
        : // cost_b / quantity_b against cost_a / quantity_a, exactly; sort is stable, so dates break ties.
          [...live].sort((a, b) => b.cost.mul(a.quantity).cmp(a.cost.mul(b.quantity)));
    const { cost, taken, gone } = takeInOrder(order, shares, keepLots);
    this.lots = live.filter((lot) => !gone.has(lot));
    this.head = 0;
    this.quantity = this.quantity.sub(shares);
    this.cost = this.quantity.isZero() ? Decimal.ZERO : this.cost.sub(cost);
    return { cost, lots: taken };
  }

  /** Shares × numerator ÷ denominator, rounded once for the holding; the newest lot takes the rest. Cost stays. */
  split(numerator: Decimal, denominator: Decimal): void {
    this.quantity = this.quantity.mulDiv(numerator, denominator);
    let left = this.quantity;
    for (let i = this.head; i < this.lots.length; i++) {
      const lot = this.lots[i];
      if (lot === undefined) continue;
      lot.quantity = i === this.lots.length - 1 ? left : lot.quantity.mulDiv(numerator, denominator);
      left = left.sub(lot.quantity);
    }
  }

  /**
   * The live lots, oldest first, costs restated from the pool under average cost. Called once,
   * when the ledger is done: the lots are handed over rather than copied.
   */
  openLots(): Lot[] {
    const open = this.lots.slice(this.head);
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

/**
 * Takes `shares` from the lots in the order given: whole lots while they fit, then part of one,
 * its cost in proportion to the shares taken (one rounding; the rest stays with the lot).
 */
function takeInOrder(order: readonly Lot[], shares: Decimal, keepLots: boolean) {
  const taken: Lot[] = [];
  const gone = new Set<Lot>();
  let remaining = shares;
  let cost = Decimal.ZERO;
  for (const lot of order) {
    if (!remaining.isPositive()) break;
    if (lot.quantity.lte(remaining)) {
      if (keepLots) taken.push(lot);
      cost = cost.add(lot.cost);
      remaining = remaining.sub(lot.quantity);
      gone.add(lot);
    } else {
      const partCost = lot.cost.mulDiv(remaining, lot.quantity);
      if (keepLots)
        taken.push({ acquired: lot.acquired, quantity: remaining, cost: partCost, transactionId: lot.transactionId });
      lot.cost = lot.cost.sub(partCost);
      lot.quantity = lot.quantity.sub(remaining);
      cost = cost.add(partCost);
      remaining = Decimal.ZERO;
    }
  }
  return { cost, taken, gone };
}
