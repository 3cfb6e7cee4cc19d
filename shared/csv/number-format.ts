// Numbers as other programs write them ("1.234,56", "1,234.56", "1 234,56") turned into the plain
// decimal strings the store keeps. Never through a float: the digits are moved, not computed.

/** Each format is named by how it writes one thousand two hundred thirty-four and 56 hundredths. */
export const NUMBER_FORMATS = ['1234.56', '1,234.56', '1.234,56', '1 234,56', "1'234.56"] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

interface FormatSpec {
  decimal: '.' | ',';
  /** Characters accepted between groups of three digits; none for the plain format. */
  group: readonly string[];
}

const SPECS: Record<NumberFormat, FormatSpec> = {
  '1234.56': { decimal: '.', group: [] },
  '1,234.56': { decimal: '.', group: [','] },
  '1.234,56': { decimal: ',', group: ['.'] },
  // Space, no-break space and narrow no-break space: what French and Swedish locales print.
  '1 234,56': { decimal: ',', group: [' ', '\u00a0', '\u202f'] },
  "1'234.56": { decimal: '.', group: ["'", '\u2019'] },
};

/** The most digits the store accepts on each side of the point (see transaction-schemas.ts). */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 10;

/** `currency`: the ISO code a currency mark in the text names, when the mark names only one. */
export type NumberResult = { ok: true; value: string; currency?: string } | { ok: false; reason: string };

const DIGITS = /^\d+$/;
const GROUPED = /^\d{1,3}(?:G\d{3})+$/;

function isGrouped(integer: string, group: readonly string[]): boolean {
  const mark = group.find((candidate) => integer.includes(candidate));
  return mark !== undefined && GROUPED.test(integer.split(mark).join('G'));
}

/**
 * Currency marks a broker prints beside its numbers ("$86.70", "86,70 €", "CHF 1'234.50"), and the
 * currency each names; null where one mark serves several ($, ¥, kr). Longest first, so "US$" is
 * not read as "US" and "$". Three capital letters (an ISO code) are accepted too.
 */
const CURRENCY_MARKS: readonly (readonly [string, string | null])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['S$', 'SGD'],
  ['$', null],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', null],
  ['₹', 'INR'],
  ['kr', null],
];
const ISO_CODE = /^[A-Z]{3}$/;

type Mark = { rest: string; currency: string | null } | null;

function markAtStart(text: string): Mark {
  for (const [mark, currency] of CURRENCY_MARKS)
    if (text.startsWith(mark)) return { rest: text.slice(mark.length).trim(), currency };
  const code = text.slice(0, 3);
  if (ISO_CODE.test(code) && !/^[A-Za-z]/.test(text.slice(3))) return { rest: text.slice(3).trim(), currency: code };
  return null;
}

function markAtEnd(text: string): Mark {
  for (const [mark, currency] of CURRENCY_MARKS)
    if (text.endsWith(mark)) return { rest: text.slice(0, -mark.length).trim(), currency };
  const code = text.slice(-3);
  if (ISO_CODE.test(code) && !/[A-Za-z]$/.test(text.slice(0, -3)))
    return { rest: text.slice(0, -3).trim(), currency: code };
  return null;
}

function takeSign(text: string): { sign: '' | '-' | '+'; rest: string } {
  if (text.startsWith('-') || text.startsWith('\u2212')) return { sign: '-', rest: text.slice(1).trim() };
  if (text.startsWith('+')) return { sign: '+', rest: text.slice(1).trim() };
  return { sign: '', rest: text };
}

function inParentheses(text: string): string | null {
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : null;
}

/**
 * Parses `text` written in `format` into a plain decimal string: an optional '-', digits, and an
 * optional '.' with more digits. Digits are kept as written (trailing zeros stay: "10.50" is
 * stored as "10.50"); a leading '+' and group separators are dropped, a leading or trailing
 * point gets its zero (".5" → "0.5", "5." → "5"), and a Unicode minus becomes '-'.
 * What brokers print around a number is read too: one currency mark before or after it
 * ("-$1,234.56", "$-5", "12,50 €", "USD 7") and accountants' parentheses for a negative
 * ("(1,234.56)", "$(5.00)"). Group separators still follow the format: "$1,234.56" needs 1,234.56.
 * Empty text is not a number: callers decide whether the field may be blank.
 */
export function parseNumber(text: string, format: NumberFormat): NumberResult {
  const spec = SPECS[format];
  const fail = (): NumberResult => ({ ok: false, reason: `is not a number (expected ${format})` });
  let body = text.trim();
  let negative = false;
  let signs = 0;
  let currency: string | null | undefined;
  const unwrap = () => {
    const inner = inParentheses(body);
    if (inner !== null) {
      negative = true;
      signs++;
      body = inner;
    }
  };
  const sign = () => {
    const taken = takeSign(body);
    if (taken.sign !== '') signs++;
    if (taken.sign === '-') negative = true;
    body = taken.rest;
  };
  const mark = (at: (text: string) => Mark) => {
    if (currency !== undefined) return;
    const found = at(body);
    if (found === null) return;
    currency = found.currency;
    body = found.rest;
  };
  // Outside in: (…), a sign, a mark before or after, then a sign or (…) again ("$-5", "$(5)").
  unwrap();
  sign();
  mark(markAtStart);
  mark(markAtEnd);
  sign();
  unwrap();
  if (signs > 1 || body === '') return fail();
  const point = body.indexOf(spec.decimal);
  if (point !== body.lastIndexOf(spec.decimal)) return fail();
  let integer = point < 0 ? body : body.slice(0, point);
  const fraction = point < 0 ? '' : body.slice(point + 1);
  if (integer === '' && fraction === '') return fail();
  if (fraction !== '' && !DIGITS.test(fraction)) return fail();
  if (integer !== '' && !DIGITS.test(integer)) {
    if (!isGrouped(integer, spec.group)) return fail();
    integer = integer.replace(/\D/g, '');
  }
  if (integer === '') integer = '0';
  if (integer.length > MAX_INTEGER_DIGITS) {
    return { ok: false, reason: `is too large (at most ${MAX_INTEGER_DIGITS} digits before the decimal point)` };
  }
  if (fraction.length > MAX_FRACTION_DIGITS) {
    return { ok: false, reason: `has more than ${MAX_FRACTION_DIGITS} decimal places` };
  }
  const magnitude = fraction === '' ? integer : `${integer}.${fraction}`;
  const value = negative ? `-${magnitude}` : magnitude;
  return currency ? { ok: true, value, currency } : { ok: true, value };
}

/**
 * Which formats read every sample the same way a person would: used to suggest a format in the
 * import preview. "1,234" alone is ambiguous; a sample with two decimals or a comma decimal decides.
 */
export function guessNumberFormat(samples: readonly string[]): NumberFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  const fits = (format: NumberFormat) => values.every((value) => parseNumber(value, format).ok);
  // Currency marks or parentheses mean numbers formatted for reading, which group thousands even
  // when the first rows happen to be small; 1,234.56 reads every plain number the same way.
  const displayed = values.some((v) => /[^\d.,\s'+\-\u2212]/.test(v));
  if (fits('1234.56') && !(displayed && fits('1,234.56'))) return '1234.56';
  const commaDecimal = values.some((v) => /,\d{1,2}$/.test(v) || /\.\d{3},/.test(v));
  const order: NumberFormat[] = commaDecimal
    ? ['1.234,56', '1 234,56', '1,234.56', "1'234.56"]
    : ['1,234.56', "1'234.56", '1.234,56', '1 234,56'];
  return order.find(fits) ?? null;
}
