// Numbers and dates for people, in their own locale (Intl picks it up from the browser/OS).
import { countWord } from '../../../shared/domain/plural';

type Numeric = number | string | null | undefined;

/** The number to show, or null for a blank or unreadable value (shown as a dash). */
function finite(value: Numeric): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(n) ? n : null;
}

// Building an Intl.NumberFormat costs far more than using one, and tables format thousands of cells.
const formatters = new Map<string, Intl.NumberFormat>();

function formatNumber(value: Numeric, options: Intl.NumberFormatOptions): string {
  const n = finite(value);
  if (n === null) return '—';
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    formatters.set(key, format);
  }
  return format.format(n);
}

function currencyOptions(
  currency: string,
  minimumFractionDigits: number,
  maximumFractionDigits: number,
  signed = false,
) {
  return {
    style: 'currency',
    currency,
    minimumFractionDigits,
    maximumFractionDigits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  } as const;
}

/** Cents. `signed` for a change of money, so +$12.00 and −$3.50 read as movements. */
export function formatMoney(value: Numeric, currency = 'USD', signed = false): string {
  return formatNumber(value, currencyOptions(currency, 2, 2, signed));
}

/** From a million up, a sum is written compactly where it must fit a card ("$1.29B"). */
export const COMPACT_FROM = 1_000_000;

/**
 * Money for a card: the full figure in cents up to COMPACT_FROM, beyond it compact notation to
 * three significant places; `full` is always the exact figure in cents, for a title and for
 * screen readers.
 */
export function formatMoneyFit(
  value: Numeric,
  currency = 'USD',
  signed = false,
): { text: string; full: string; compact: boolean } {
  const full = formatMoney(value, currency, signed);
  const n = finite(value);
  if (n === null || Math.abs(n) < COMPACT_FROM) return { text: full, full, compact: false };
  const text = formatNumber(n, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
  return { text, full, compact: true };
}

/** Percentage points between two weights (12.5 → "+12.5 pts"): the active weight of a sleeve. */
export function formatPoints(value: number | null | undefined): string {
  if (finite(value) === null) return '—';
  return `${formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' })} pts`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date-time from the backend (ISO) in the user's words, e.g. for when a quote was fetched. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat.format(date);
}

/** Quantities keep every decimal the user entered: 0.1234 shares show as such. */
export function formatQuantity(value: Numeric): string {
  return formatNumber(value, { maximumFractionDigits: 10 });
}

/**
 * A share count to trade, as every broker takes it: whole shares (fractional orders are not
 * universal), rounded to the nearest; under half a share reads "under 1 share". `exact` keeps every
 * decimal, for a title.
 */
export function formatTradeShares(quantity: number): { text: string; exact: string } {
  const size = Math.abs(quantity);
  const exact = `${formatQuantity(size)} ${countWord(size, 'share')}`;
  const whole = Math.round(size);
  if (whole === 0) return { text: 'under 1 share', exact };
  return { text: `${formatNumber(whole, { maximumFractionDigits: 0 })} ${countWord(whole, 'share')}`, exact };
}

/** A price as entered, to six places. */
export function formatPrice(value: Numeric, currency = 'USD'): string {
  return formatNumber(value, currencyOptions(currency, 2, 6));
}

/** A quoted close for reading (cents, up to four places for pennies); exact figures go in a title. */
export function formatClose(value: number | null | undefined, currency = 'USD'): string {
  return formatNumber(value, currencyOptions(currency, 2, Math.abs(value ?? 0) < 1 ? 4 : 2));
}

/** `pct` is a plain percent number (12.5 means 12.5 %). */
export function formatPercent(pct: number | null | undefined, signed = false): string {
  return formatNumber(typeof pct === 'number' ? pct / 100 : null, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 'YYYY-MM-DD' → the user's way of writing a date. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  return dateFormat.format(new Date(`${day}T00:00:00Z`));
}

export function signClass(value: Numeric): string {
  const n = finite(value);
  if (n === null || n === 0) return '';
  return n > 0 ? 'gain' : 'loss';
}
