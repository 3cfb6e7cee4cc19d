// What the import's type-word step offers: the words each column holds, for a column that holds
// few and short ones (a type column does; dates, prices and notes do not).

/** More distinct values than this, and the column is not one of a handful of type words. */
export const MAX_COLUMN_VALUES = 40;
/** The longest word a preset's type map takes (the contract's limit). */
export const MAX_TYPE_WORD = 100;

export class ColumnValues {
  private readonly seen: (Set<string> | null)[];

  constructor(width: number) {
    this.seen = Array.from({ length: width }, () => new Set<string>());
  }

  add(cells: readonly string[]): void {
    this.seen.forEach((values, column) => {
      if (values === null) return;
      const value = (cells[column] ?? '').trim();
      if (value === '') return;
      if (value.length > MAX_TYPE_WORD) this.seen[column] = null;
      else if (values.add(value).size > MAX_COLUMN_VALUES) this.seen[column] = null;
    });
  }

  /** Per column, its distinct non-blank values in the order first seen; null for too many or too long. */
  values(): (string[] | null)[] {
    return this.seen.map((values) => (values === null ? null : [...values]));
  }
}
