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

export type NumberResult = { ok: true; value: string } | { ok: false; reason: string };

const DIGITS = /^\d+$/;
const GROUPED = /^\d{1,3}(?:G\d{3})+$/;

function isGrouped(integer: string, group: readonly string[]): boolean {
  const mark = group.find((candidate) => integer.includes(candidate));
  return mark !== undefined && GROUPED.test(integer.split(mark).join('G'));
}

/**
 * Parses `text` written in `format` into a plain decimal string: an optional '-', digits, and an
 * optional '.' with more digits. Digits are kept as written (trailing zeros stay: "10.50" is
 * stored as "10.50"); a leading '+' and group separators are dropped, a leading or trailing
 * point gets its zero (".5" → "0.5", "5." → "5"), and a Unicode minus becomes '-'.
 * Empty text is not a number: callers decide whether the field may be blank.
 */
export function parseNumber(text: string, format: NumberFormat): NumberResult {
  const spec = SPECS[format];
  const fail = (): NumberResult => ({ ok: false, reason: `is not a number (expected ${format})` });
  let body = text.trim();
  let sign = '';
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    sign = '-';
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  if (body === '') return fail();
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
  return { ok: true, value: fraction === '' ? sign + integer : `${sign}${integer}.${fraction}` };
}

/**
 * Which formats read every sample the same way a person would: used to suggest a format in the
 * import preview. "1,234" alone is ambiguous; a sample with two decimals or a comma decimal decides.
 */
export function guessNumberFormat(samples: readonly string[]): NumberFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  const fits = (format: NumberFormat) => values.every((value) => parseNumber(value, format).ok);
  if (fits('1234.56')) return '1234.56';
  const commaDecimal = values.some((v) => /,\d{1,2}$/.test(v) || /\.\d{3},/.test(v));
  const order: NumberFormat[] = commaDecimal
    ? ['1.234,56', '1 234,56', '1,234.56', "1'234.56"]
    : ['1,234.56', "1'234.56", '1.234,56', '1 234,56'];
  return order.find(fits) ?? null;
}
