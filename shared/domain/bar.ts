/** One daily close. `day` is 'YYYY-MM-DD'; series are ascending by day with no duplicates. */
export interface Bar {
  day: string;
  close: number;
}
