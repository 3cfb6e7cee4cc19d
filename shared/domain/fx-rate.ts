/**
 * One cached exchange rate: on `day`, 1 unit of `base` cost `rate` units of `quote` (EUR→USD
 * 1.0539 on the ECB's reference day). `rate` is a decimal string as the source gave it, so a
 * conversion can be exact; `source` is where it came from (`ecb`, `yahoo`, `stooq`, `manual`).
 */
export interface FxRate {
  base: string;
  quote: string;
  day: string;
  rate: string;
  source: string;
  fetchedAt: string;
}
