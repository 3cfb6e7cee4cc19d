// Numbers and dates for people, in their own locale (Intl picks it up from the browser/OS).
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    formatters.set(key, format);
  }
  return format;
}

export function formatMoney(value: number | string | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return numberFormat(`money:${currency}`, {
    style: 'currency',
    currency,
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  }).format(n);
}

/** A change of money: always signed, so +$12.00 and −$3.50 read as movements. */
export function formatSignedMoney(value: number | string | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return numberFormat(`smoney:${currency}`, {
    style: 'currency',
    currency,
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(n);
}

/** Percentage points between two weights (12.5 → "+12.5 pts"): the active weight of a sleeve. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = numberFormat('pts', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
  return `${text} pts`;
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
export function formatQuantity(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return numberFormat('qty', { maximumFractionDigits: 10 }).format(n);
}

export function formatPrice(value: number | string | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return numberFormat(`price:${currency}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(n);
}

/** A quoted close for reading (cents, up to four places for pennies); exact figures go in a title. */
export function formatClose(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(`close:${currency}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2,
  }).format(value);
}

/** `pct` is a plain percent number (12.5 means 12.5 %). */
export function formatPercent(pct: number | null | undefined, signed = false): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  return numberFormat(`pct:${signed}`, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(pct / 100);
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

export function signClass(value: number | string | null | undefined): string {
  if (typeof value === 'string') value = Number(value);
  if (value === null || value === undefined || value === 0 || !Number.isFinite(value)) return '';
  return value > 0 ? 'gain' : 'loss';
}
