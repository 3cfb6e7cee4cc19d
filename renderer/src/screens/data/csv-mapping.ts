// The import's mapping step as plain data: what the selects start from, and what goes to csv:import.
import type { CallInput } from '../../../../shared/api/contract';
import { csvDelimiter, type CsvPreview, type PresetInfo } from '../../../../shared/api/csv-schemas';
import type { DateFormat } from '../../../../shared/csv/date-format';
import type { NumberFormat } from '../../../../shared/csv/number-format';
import { TRANSACTION_COLUMNS } from '../../../../shared/csv/transaction-columns';
import { MAX_EXTRA_FEES, REQUIRED_FIELDS, type MappableField } from '../../../../shared/csv/presets/mapping';
import type { TransactionType } from '../../../../shared/domain/transaction';

export const FIELD_LABELS: Record<MappableField, string> = {
  date: 'Date',
  time: 'Time',
  account: 'Account',
  type: 'Type',
  symbol: 'Symbol',
  quantity: 'Quantity',
  price: 'Price',
  fee: 'Fee',
  amount: 'Amount',
  currency: 'Currency',
  note: 'Note',
  fx_rate: 'Exchange rate',
};

/** The selects of the mapping step: the app's own columns in their order, with the time beside the date. */
export const MAPPING_FIELDS: readonly MappableField[] = [
  'date',
  'time',
  ...TRANSACTION_COLUMNS.filter((field) => field !== 'date'),
];

/** Each date layout shown as New Year's Eve 2016, which is how people recognise theirs. */
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2016-12-31',
  'DD/MM/YYYY': '31/12/2016',
  'MM/DD/YYYY': '12/31/2016',
  'DD.MM.YYYY': '31.12.2016',
  'DD-MM-YYYY': '31-12-2016',
  'YYYY/MM/DD': '2016/12/31',
  YYYYMMDD: '20161231',
  'day-first': 'Day first or year first, mixed (31/12/2016, 31-12-2016, 2016/12/31)',
  'month-first': 'Month first, mixed (12/31/2016 or 12-31-2016)',
};

/** The select value for "this field is not in the file". */
export const NOT_IN_FILE = '';

export type Columns = Partial<Record<MappableField, string>>;

/** Words of the type column → the type each means, where the user chose one by hand. */
export type TypeValues = Record<string, TransactionType>;

export interface MappingState {
  columns: Columns;
  /** Further columns of charges, added to the fee column's (commission, fees, taxes). */
  extraFees: string[];
  typeValues: TypeValues;
  /** The currency of every row, for a file without a currency column (as typed; the API checks it). */
  currency: string;
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
  /** The detected or chosen preset, which imports as is until the user edits the mapping. */
  preset: string | null;
  /** The user changed the suggestion, so the mapping (not the preset) is what imports. */
  edited: boolean;
}

/** What each part of the mapping step is given: the file's preview, and the mapping to show and change. */
export interface MappingStepProps {
  preview: CsvPreview;
  state: MappingState;
  onChange: (state: MappingState) => void;
}

/** The preview's suggestion, keeping only headers the file really has. */
export function initialMapping(preview: CsvPreview): MappingState {
  const columns: Columns = {};
  for (const [field, header] of Object.entries(preview.mapping.columns) as [MappableField, string | undefined][])
    if (header !== undefined && preview.header.includes(header)) columns[field] = header;
  return {
    columns,
    extraFees: (preview.mapping.extraFees ?? []).filter((header) => preview.header.includes(header)),
    typeValues: { ...preview.mapping.typeValues },
    currency: '',
    dateFormat: preview.dateFormat ?? 'YYYY-MM-DD',
    numberFormat: preview.numberFormat ?? '1234.56',
    preset: preview.suggestedPreset,
    edited: false,
  };
}

/**
 * Choosing a preset by hand: a saved one brings its columns, type words and formats; null means a
 * custom mapping.
 */
export function applyPreset(state: MappingState, preset: PresetInfo | null, header: readonly string[]): MappingState {
  if (!preset) return { ...state, preset: null, edited: true };
  const columns: Columns = {};
  for (const [field, name] of Object.entries(preset.mapping?.columns ?? state.columns) as [
    MappableField,
    string | undefined,
  ][])
    if (name !== undefined && header.includes(name)) columns[field] = name;
  return {
    columns,
    extraFees: (preset.mapping?.extraFees ?? []).filter((name) => header.includes(name)),
    typeValues: preset.mapping?.typeValues ?? state.typeValues,
    // A saved mapping for a file without a currency column keeps the currency chosen for it.
    currency: preset.mapping?.constants?.currency ?? state.currency,
    dateFormat: preset.dateFormat,
    numberFormat: preset.numberFormat,
    preset: preset.name,
    edited: false,
  };
}

/** Another type column holds other words: the choices made for the old one go with it. */
export function setColumn(state: MappingState, field: MappableField, header: string): MappingState {
  const columns = { ...state.columns };
  if (header === NOT_IN_FILE) delete columns[field];
  else columns[field] = header;
  const typeValues = field === 'type' && header !== state.columns.type ? {} : state.typeValues;
  return { ...state, columns, typeValues, edited: true };
}

/** A select for one more fee column, to be chosen; a blank one sends nothing. */
export const addFee = (state: MappingState): MappingState => ({
  ...state,
  extraFees: [...state.extraFees, NOT_IN_FILE],
});

/** A fee column after the first changed, or removed by choosing "(none)". */
export function setExtraFee(state: MappingState, index: number, header: string): MappingState {
  const extraFees = [...state.extraFees];
  if (header === NOT_IN_FILE) extraFees.splice(index, 1);
  else extraFees[index] = header;
  return { ...state, extraFees: extraFees.slice(0, MAX_EXTRA_FEES), edited: true };
}

export const canAddFee = (state: MappingState) => Boolean(state.columns.fee) && state.extraFees.length < MAX_EXTRA_FEES;

/**
 * Fields a row needs that are not mapped; the account and the currency may instead be typed for
 * the whole file.
 */
export function missingFields(columns: Columns, account: string, currency = ''): MappableField[] {
  const needed = [...REQUIRED_FIELDS];
  if (account.trim() === '') needed.splice(1, 0, 'account');
  return needed.filter((field) => !columns[field] && !(field === 'currency' && currency.trim() !== ''));
}

type ImportRequest = Omit<CallInput<'csv:import'>, 'fileName' | 'content' | 'dryRun' | 'jobId'>;

/**
 * What csv:import is asked: a detected preset as is (it knows its type words and quirks) unless the
 * user touched the mapping, then the mapping with its formats. Saving needs a mapping, so asking to
 * save sends one too.
 */
export function importRequest(
  preview: CsvPreview,
  state: MappingState,
  options: { account: string; savePresetAs: string },
): ImportRequest {
  const account = options.account.trim();
  const saveAs = options.savePresetAs.trim();
  const delimiter = csvDelimiter.safeParse(preview.delimiter);
  const currency = state.currency.trim();
  const base: ImportRequest = {
    ...(delimiter.success ? { delimiter: delimiter.data } : {}),
    ...(account ? { account } : {}),
    ...(currency ? { currency } : {}),
  };
  if (state.preset && !state.edited && !saveAs) return { ...base, preset: state.preset };
  const extraFees = state.extraFees.filter((header) => header !== NOT_IN_FILE);
  return {
    ...base,
    mapping: {
      columns: state.columns,
      // Saved with the mapping when no column gives the currency: a Schwab file is always in USD.
      ...(currency && !state.columns.currency ? { constants: { currency: currency.toUpperCase() } } : {}),
      ...(extraFees.length > 0 && state.columns.fee ? { extraFees } : {}),
      ...(Object.keys(state.typeValues).length > 0 ? { typeValues: state.typeValues } : {}),
    },
    dateFormat: state.dateFormat,
    numberFormat: state.numberFormat,
    ...(saveAs ? { savePresetAs: saveAs } : {}),
  };
}
