/**
 * An append-only, columnar record of end-of-day states: (key, day, a, b) in typed arrays that
 * grow by doubling. The ledger writes one row per changed holding per day (100,000 rows in the
 * benchmark); rows in typed arrays cost no allocation each, where arrays of numbers per holding
 * cost one growth copy after another and work for the collector.
 */
export class StateLog {
  count = 0;
  key: Int32Array;
  day: Int32Array;
  a: Float64Array;
  b: Float64Array;

  constructor(capacity = 1024) {
    this.key = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.a = new Float64Array(capacity);
    this.b = new Float64Array(capacity);
  }

  /** A row of figures[0] and figures[1]: floats in an array, which a call never boxes. */
  push(key: number, day: number, figures: Float64Array): void {
    if (this.count === this.key.length) this.grow();
    const i = this.count++;
    this.key[i] = key;
    this.day[i] = day;
    this.a[i] = figures[0] as number;
    this.b[i] = figures[1] as number;
  }

  /** A new log holding this one's first `count` rows (and room to grow). */
  prefix(count: number): StateLog {
    const out = new StateLog(Math.max(1024, count * 2));
    out.key.set(this.key.subarray(0, count));
    out.day.set(this.day.subarray(0, count));
    out.a.set(this.a.subarray(0, count));
    out.b.set(this.b.subarray(0, count));
    out.count = count;
    return out;
  }

  private grow(): void {
    const capacity = this.key.length * 2;
    const key = new Int32Array(capacity);
    key.set(this.key);
    const day = new Int32Array(capacity);
    day.set(this.day);
    const a = new Float64Array(capacity);
    a.set(this.a);
    const b = new Float64Array(capacity);
    b.set(this.b);
    this.key = key;
    this.day = day;
    this.a = a;
    this.b = b;
  }

  /**
   * Every row grouped by key, in the order written within a key (a counting sort: one pass to
   * count, one to place): key k's rows are at starts[k] … starts[k + 1] − 1 of the columns.
   */
  sortedByKey(keyCount: number): SortedRows {
    const starts = new Int32Array(keyCount + 1);
    for (let i = 0; i < this.count; i++) {
      const k = (this.key[i] as number) + 1;
      starts[k] = (starts[k] as number) + 1;
    }
    for (let k = 0; k < keyCount; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    const next = starts.slice(0, keyCount);
    const day = new Int32Array(this.count);
    const a = new Float64Array(this.count);
    const b = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const k = this.key[i] as number;
      const at = next[k] as number;
      next[k] = at + 1;
      day[at] = this.day[i] as number;
      a[at] = this.a[i] as number;
      b[at] = this.b[i] as number;
    }
    return { starts, day, a, b };
  }
}

export type Rows = { day: Int32Array; a: Float64Array; b: Float64Array };

export interface SortedRows extends Rows {
  starts: Int32Array;
}

/** Each key's rows of `sorted`, as views. */
export function rowsOf(sorted: SortedRows): Rows[] {
  const { starts, day, a, b } = sorted;
  const out: Rows[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const from = starts[k] as number;
    const to = starts[k + 1] as number;
    out.push({ day: day.subarray(from, to), a: a.subarray(from, to), b: b.subarray(from, to) });
  }
  return out;
}
