// Guesses for the import preview: the delimiter, the preset whose columns the header has, and a
// starting column mapping for files no preset knows. The user confirms or corrects them.
import { normaliseHeader } from './convert';
import type { AnyPreset } from './preset-types';
import { MAX_EXTRA_FEES, type MappableField } from './presets/mapping';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The candidate seen most often outside quotes on the first line; ',' when none appears. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** The text up to the first line break: enough to detect the delimiter from. */
export function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
}

/** The text up to its last line break: the start of a file, cut so that no record is cut off. */
export function wholeLines(text: string): string {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastBreak < 0 ? text : text.slice(0, lastBreak + 1);
}

/**
 * The preset that finds all its required columns and the most of the others; a match on a
 * column's first name counts double (so German headers pick the German Portfolio Performance).
 */
export function suggestPreset(header: readonly string[], presets: readonly AnyPreset[]): AnyPreset | null {
  const names = new Set(header.map(normaliseHeader));
  let best: AnyPreset | null = null;
  let bestScore = 0;
  for (const preset of presets) {
    let score = 0;
    let complete = true;
    for (const column of Object.values(preset.columns)) {
      const at = column.headers.findIndex((h) => names.has(normaliseHeader(h)));
      if (at < 0 && column.required) complete = false;
      if (at === 0) score += 2;
      else if (at > 0) score += 1;
    }
    if (complete && score > bestScore) {
      best = preset;
      bestScore = score;
    }
  }
  return best;
}

/** A preset's required columns that a header lacks, each by the name the docs show. */
export interface PresetMiss {
  preset: string;
  required: string[];
  missing: string[];
}

/**
 * Why no preset fits a header: every preset with the required columns it looked for and the
 * ones it did not find, the closest first (fewest missing, then the order presets are listed).
 */
export function presetMisses(header: readonly string[], presets: readonly AnyPreset[]): PresetMiss[] {
  const names = new Set(header.map(normaliseHeader));
  return presets
    .map((preset) => {
      const required = Object.values(preset.columns).filter((column) => column.required);
      return {
        preset: preset.name,
        required: required.map((column) => column.headers[0]!),
        missing: required
          .filter((column) => !column.headers.some((h) => names.has(normaliseHeader(h))))
          .map((column) => column.headers[0]!),
      };
    })
    .sort((a, b) => a.missing.length - b.missing.length);
}

// Columns of charges: a broker may have several (Fidelity's Commission ($) and Fees ($)).
const FEE_WORDS = [
  'fee',
  'fees',
  'commission',
  'fees & comm',
  'fees & commissions',
  'commission ($)',
  'fees ($)',
  'commissions',
  'tax',
  'taxes',
  'gebühren',
  'steuern',
];

// Header words people use for each field, for a first guess at a mapping.
const FIELD_WORDS: Record<MappableField, readonly string[]> = {
  date: ['date', 'datum', 'trade date', 'transaction date', 'booking date', 'run date', 'tradedate'],
  time: ['time', 'uhrzeit'],
  account: ['account', 'konto', 'depot', 'account name', 'portfolio'],
  type: ['type', 'action', 'typ', 'transaction type', 'activity type', 'activitytype', 'side'],
  symbol: ['symbol', 'ticker', 'ticker symbol', 'code', 'isin'],
  quantity: ['quantity', 'shares', 'qty', 'units', 'stück', 'anzahl'],
  price: ['price', 'unit price', 'unitprice', 'kurs', 'trade price', 'price ($)'],
  fee: [...FEE_WORDS],
  amount: ['amount', 'value', 'total', 'wert', 'betrag', 'net amount', 'amount ($)'],
  currency: ['currency', 'ccy', 'währung', 'transaction currency'],
  note: ['note', 'notes', 'comment', 'description', 'memo', 'notiz'],
  fx_rate: ['fx_rate', 'fx rate', 'fxrate', 'exchange rate', 'exchange_rate', 'wechselkurs'],
};

export function suggestMapping(header: readonly string[]): Partial<Record<MappableField, string>> {
  const mapping: Partial<Record<MappableField, string>> = {};
  const used = new Set<number>();
  for (const [field, words] of Object.entries(FIELD_WORDS) as [MappableField, readonly string[]][]) {
    for (const word of words) {
      const i = header.findIndex((name, index) => !used.has(index) && normaliseHeader(name) === word);
      if (i >= 0) {
        mapping[field] = header[i]?.trim() ?? '';
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

/** Columns of charges the fee column's guess left over: suggested as further fee columns. */
export function suggestExtraFees(header: readonly string[], columns: Partial<Record<MappableField, string>>): string[] {
  const used = new Set(Object.values(columns).map((name) => normaliseHeader(name)));
  return header
    .map((name) => name.trim())
    .filter((name) => FEE_WORDS.includes(normaliseHeader(name)) && !used.has(normaliseHeader(name)))
    .slice(0, MAX_EXTRA_FEES);
}
