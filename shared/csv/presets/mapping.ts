// A preset made from a column mapping: the app's own format is one, and so is every mapping a
// user builds in the import's mapping step (and may save under a name).
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { DateFormat } from '../date-format';
import { unguardCell } from '../formula-guard';
import type { NumberFormat } from '../number-format';
import type { Cells, Draft, Preset, SourceColumn } from '../preset-types';
import { TRANSACTION_COLUMNS } from '../transaction-columns';
import { splitRatioCell } from '../split-ratio-cell';
import { COMMON_TYPE_WORDS, normaliseWord, readWord, wordTable } from '../type-words';

/** The export's columns, and the time of day, which only orders records of one day (docs/csv.md). */
export const MAPPABLE_FIELDS = [...TRANSACTION_COLUMNS, 'time'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Fields a row cannot do without; the account may instead be chosen for the whole file. */
export const REQUIRED_FIELDS: readonly MappableField[] = ['date', 'type', 'currency'];

/** Columns of charges beyond the fee column: commission, fees and taxes each in their own. */
export const MAX_EXTRA_FEES = 5;

export const CONSTANT_FIELDS = ['type', 'currency', 'symbol', 'note'] as const;
export type ConstantField = (typeof CONSTANT_FIELDS)[number];

export interface ColumnMapping {
  /** Field → the header of the column that holds it. */
  columns: Partial<Record<MappableField, string>>;
  /** Field → one value for every row, for a file without such a column (a currency, say). */
  constants?: Partial<Record<ConstantField, string>>;
  /** More columns of charges, added to the fee column's (brokers split commission, fees and taxes). */
  extraFees?: readonly string[];
  /** Words of the type column beyond the built-in ones, such as "Purchase" → buy. */
  typeValues?: Record<string, TransactionType>;
  /** Drop minus signs from quantity, price, fee and amount (the type says which way they go). */
  absolute?: boolean;
}

export interface MappingFormats {
  delimiter: string | null;
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
}

const TIME_CELL = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

const DESCRIPTIONS: Record<MappableField, string> = {
  date: 'the trade or booking date',
  time: 'HH:MM or HH:MM:SS (optional)',
  account: 'the account name',
  type: 'buy, sell, dividend, split, fee, tax, interest, deposit, withdrawal, transfer_in or transfer_out',
  symbol: 'the ticker symbol',
  quantity: 'shares; for a split, its ratio new : old shares (3:1, 1:3, 1-for-3 or 0.5)',
  price: 'per share',
  fee: 'commission and other charges',
  amount: 'the cash amount',
  currency: 'three-letter ISO code',
  note: 'free text',
  fx_rate: "the broker's exchange rate: account currency per 1 unit of the row's currency (optional)",
};

/** The key of the n-th extra fee column (from 1): "fee 1", "fee 2" … */
type ExtraFeeKey = `fee ${number}`;
export type MappingKey = MappableField | ExtraFeeKey;

/** Exact sum of plain decimals (string digits through the engine's Decimal, never a float). */
function sum(values: readonly string[]): string {
  if (values.length === 1) return values[0] as string;
  return values.reduce((total, value) => total.add(Decimal.parse(value)), Decimal.ZERO).toString();
}

export function mappingPreset(
  name: string,
  label: string,
  mapping: ColumnMapping,
  formats: MappingFormats,
  options: {
    builtIn?: boolean;
    words?: Record<string, TransactionType>;
    notes?: readonly string[];
    /** The app's own export: take off the apostrophe its formula guard put before text cells. */
    unguard?: boolean;
  } = {},
): Preset<MappingKey> {
  const constants = mapping.constants ?? {};
  const columns = {} as Record<MappingKey, SourceColumn>;
  for (const field of MAPPABLE_FIELDS) {
    const header = mapping.columns[field];
    if (header === undefined || header.trim() === '') continue;
    const constant = (CONSTANT_FIELDS as readonly string[]).includes(field)
      ? constants[field as ConstantField]
      : undefined;
    columns[field] = {
      headers: [header],
      required: REQUIRED_FIELDS.includes(field) && constant === undefined,
      description: DESCRIPTIONS[field],
    };
  }
  const feeKeys: MappingKey[] = columns.fee === undefined ? [] : ['fee'];
  (mapping.extraFees ?? []).forEach((header, i) => {
    if (header.trim() === '') return;
    const key: ExtraFeeKey = `fee ${i + 1}`;
    columns[key] = { headers: [header], required: true, description: 'more charges, added to the fee' };
    feeKeys.push(key);
  });
  const words = wordTable({ ...(options.words ?? COMMON_TYPE_WORDS), ...(mapping.typeValues ?? {}) });
  const expected = [...new Set(words.values())].join(', ');
  const absolute = mapping.absolute ?? false;
  const numberOptions = { absolute };

  const fieldSources: Partial<Record<keyof Draft, MappingKey>> = {};
  for (const field of MAPPABLE_FIELDS) {
    if (columns[field] !== undefined) fieldSources[field === 'fx_rate' ? 'fxRate' : field] = field;
  }
  if (feeKeys[0] !== undefined) fieldSources.fee = feeKeys[0];

  /** Every fee column's charge added up, then the sign dropped if asked: "-4.95" and "-0.05" cost 5. */
  const readFee = (c: Parameters<Preset<MappingKey>['read']>[0]): string | null | undefined => {
    const values: string[] = [];
    let bad = false;
    for (const key of feeKeys) {
      const value = c.number(key);
      if (value === undefined) bad = true;
      else if (value !== null) values.push(value);
    }
    if (bad) return undefined;
    if (values.length === 0) return null;
    const total = sum(values);
    return absolute && total.startsWith('-') ? total.slice(1) : total;
  };

  return {
    name,
    label,
    builtIn: options.builtIn ?? false,
    delimiter: formats.delimiter,
    dateFormat: formats.dateFormat,
    numberFormat: formats.numberFormat,
    columns,
    accountColumns: columns.account === undefined ? [] : ['account'],
    needsCurrency: columns.currency === undefined && constants.currency === undefined,
    fieldSources,
    notes: options.notes ?? [],
    read(cells) {
      const c = options.unguard ? unguarded(cells) : cells;
      const date = c.date('date');
      const typeText = constants.type;
      const type =
        typeText !== undefined
          ? (words.get(normaliseWord(typeText)) ?? c.problem(null, `has an unknown constant type ${typeText}`))
          : readWord(c, 'type', words, expected);
      const account = c.account('account');
      // A split's quantity is its ratio, signs kept (a negative one is refused, not made positive).
      const quantity = type === 'split' ? splitRatioCell(c, 'quantity') : c.number('quantity', numberOptions);
      const price = c.number('price', numberOptions);
      const fee = readFee(c);
      const amount = c.number('amount', numberOptions);
      // Never `absolute`: a rate is positive, and a minus sign is a mistake the schema names.
      const fxRate = c.number('fx_rate');
      let time = date?.time ?? null;
      const timeText = c.text('time');
      if (timeText !== '') {
        const match = TIME_CELL.exec(timeText);
        if (match === null || Number(match[1]) > 23) c.problem('time', 'is not a time (expected HH:MM)', timeText);
        else time = `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
      }
      if (date === undefined || type === undefined || account === undefined) return undefined;
      if (quantity === undefined || price === undefined || fee === undefined || amount === undefined) return undefined;
      if (fxRate === undefined) return undefined;
      return {
        date: date.day,
        time,
        account,
        type,
        symbol: (constants.symbol ?? c.text('symbol')) || null,
        quantity,
        price,
        fee,
        amount,
        currency: (constants.currency ?? c.text('currency')).toUpperCase(),
        fxRate,
        note: constants.note ?? c.raw('note'),
      };
    },
  };
}

/** The text fields the export guards, read back without the apostrophe it added. */
const GUARDED_FIELDS: ReadonlySet<string> = new Set<MappableField>(['account', 'symbol', 'note']);

function unguarded(cells: Cells<MappableField>): Cells<MappableField> {
  return {
    ...cells,
    text: (key) => (GUARDED_FIELDS.has(key) ? unguardCell(cells.text(key)) : cells.text(key)),
    raw: (key) => (GUARDED_FIELDS.has(key) ? unguardCell(cells.raw(key)) : cells.raw(key)),
    account: (...keys) => {
      const name = cells.account(...keys);
      // Only a name read from the file; one chosen for the whole import is taken as given.
      const fromFile = keys.some((key) => cells.text(key) === name);
      return name !== undefined && fromFile ? unguardCell(name) : name;
    },
  };
}
