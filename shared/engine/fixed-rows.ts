// A table of exact figures (fixed.ts) for many rows, in one Float64Array: a row's figures sit
// side by side as (whole, units) pairs. The replay keeps thousands of holdings and tens of
// thousands of lots; as objects each, a figure was a pointer to a boxed float, and reading one
// meant following pointers across the heap. Here a row is one or two cache lines.
import type { Decimal } from './decimal';
import * as fixed from './fixed';

const R = fixed.R;

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

  add(row: number, figure: number, value: fixed.Fixed): void {
    const at = row * this.stride + figure * 2;
    fixed.add(this.data[at] as number, this.data[at + 1] as number, value.whole, value.units);
    this.data[at] = R[0] as number;
    this.data[at + 1] = R[1] as number;
  }

  sub(row: number, figure: number, value: fixed.Fixed): void {
    const at = row * this.stride + figure * 2;
    fixed.sub(this.data[at] as number, this.data[at + 1] as number, value.whole, value.units);
    this.data[at] = R[0] as number;
    this.data[at + 1] = R[1] as number;
  }

  /** The figure against `value`: −1, 0 or 1. */
  compare(row: number, figure: number, value: fixed.Fixed): number {
    const at = row * this.stride + figure * 2;
    return fixed.compare(this.data[at] as number, this.data[at + 1] as number, value.whole, value.units);
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
