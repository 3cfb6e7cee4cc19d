// A table of exact figures (fixed.ts) for many rows, in one Float64Array: a row's figures sit
// side by side as (whole, units) pairs. The replay keeps thousands of holdings and tens of
// thousands of lots; as objects each, a figure was a pointer to a boxed float, and reading one
// meant following pointers across the heap. Here a row is one or two cache lines.
import type { Decimal } from './decimal';
import * as fixed from './fixed';

const R = fixed.R;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export class FixedRows {
  private data: Float64Array;
  private readonly stride: number;
  count = 0;

  /** `figures` per row; room for `capacity` rows before the table grows. */
  constructor(figures: number, capacity: number) {
    this.stride = figures * 2;
    this.data = new Float64Array(Math.max(16, capacity) * this.stride);
  }

  /** A new row, every figure zero. */
  addRow(): number {
    if ((this.count + 1) * this.stride > this.data.length) {
      const wider = new Float64Array(this.data.length * 2);
      wider.set(this.data);
      this.data = wider;
    }
    return this.count++;
  }

  /**
   * Puts the figure in the result register R. (Not a getter returning a float: a float returned
   * by a call the optimiser did not inline is boxed, an allocation per read.)
   */
  read(row: number, figure: number): void {
    const at = row * this.stride + figure * 2;
    R[0] = this.data[at] as number;
    R[1] = this.data[at + 1] as number;
  }

  set(row: number, figure: number, whole: number, units: number): void {
    const at = row * this.stride + figure * 2;
    this.data[at] = whole;
    this.data[at + 1] = units;
  }

  /** Takes the result register R. */
  setResult(row: number, figure: number): void {
    this.set(row, figure, R[0] as number, R[1] as number);
  }

  // add and sub carry in place rather than through fixed.add: one call deep, they are inlined
  // into the replay's busiest paths where two calls deep they often were not.
  add(row: number, figure: number, value: fixed.Fixed): void {
    const data = this.data;
    const at = row * this.stride + figure * 2;
    let units = (data[at + 1] as number) + value.units;
    let whole = (data[at] as number) + value.whole;
    if (units >= fixed.UNIT) {
      units -= fixed.UNIT;
      whole += 1;
    }
    if (whole > MAX_SAFE || whole < -MAX_SAFE) fixed.tooLarge();
    data[at] = whole;
    data[at + 1] = units;
  }

  sub(row: number, figure: number, value: fixed.Fixed): void {
    const data = this.data;
    const at = row * this.stride + figure * 2;
    let units = (data[at + 1] as number) - value.units;
    let whole = (data[at] as number) - value.whole;
    if (units < 0) {
      units += fixed.UNIT;
      whole -= 1;
    }
    if (whole > MAX_SAFE || whole < -MAX_SAFE) fixed.tooLarge();
    data[at] = whole;
    data[at + 1] = units;
  }

  /** The figure against `value`: −1, 0 or 1. */
  compare(row: number, figure: number, value: fixed.Fixed): number {
    const at = row * this.stride + figure * 2;
    const whole = this.data[at] as number;
    if (whole !== value.whole) return whole < value.whole ? -1 : 1;
    const units = this.data[at + 1] as number;
    return units !== value.units ? (units < value.units ? -1 : 1) : 0;
  }

  /** Sets the figure to `value`. */
  store(row: number, figure: number, value: fixed.Fixed): void {
    const at = row * this.stride + figure * 2;
    this.data[at] = value.whole;
    this.data[at + 1] = value.units;
  }

  isZero(row: number, figure: number): boolean {
    const at = row * this.stride + figure * 2;
    return this.data[at] === 0 && this.data[at + 1] === 0;
  }

  toDecimal(row: number, figure: number): Decimal {
    const at = row * this.stride + figure * 2;
    return fixed.toDecimal(this.data[at] as number, this.data[at + 1] as number);
  }
}
