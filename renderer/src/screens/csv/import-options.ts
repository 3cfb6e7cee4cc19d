// What the import card sends, built from what the user chose: kept apart from the component so
// the rules (a custom mapping wins, blank means "the preset's") are plain functions with tests.
import type { ColumnMappingInput } from '../../../../shared/api/csv-schemas';
import type { DateFormat } from '../../../../shared/csv/date-format';
import type { NumberFormat } from '../../../../shared/csv/number-format';
import { MAPPABLE_FIELDS, REQUIRED_FIELDS, type MappableField } from '../../../../shared/csv/presets/mapping';

/** The preset select's value for "my own column mapping". */
export const CUSTOM = '';

export interface ImportChoices {
  preset: string;
  mapping: ColumnMappingInput;
  /** '' keeps the preset's format. */
  dateFormat: DateFormat | '';
  numberFormat: NumberFormat | '';
  delimiter: string;
  /** '' takes the account from the file. */
  account: string;
  /** '' saves nothing. */
  savePresetAs: string;
}

export interface ImportOptions {
  preset?: string;
  mapping?: ColumnMappingInput;
  delimiter?: ',' | ';' | '\t' | '|';
  dateFormat?: DateFormat;
  numberFormat?: NumberFormat;
  account?: string;
  savePresetAs?: string;
  dryRun: boolean;
  jobId: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

export function importOptions(choices: ImportChoices, dryRun: boolean, jobId: string): ImportOptions {
  const options: ImportOptions = { dryRun, jobId };
  if (choices.preset === CUSTOM) {
    options.mapping = choices.mapping;
    const delimiter = DELIMITERS.find((d) => d === choices.delimiter);
    if (delimiter) options.delimiter = delimiter;
    if (choices.savePresetAs.trim() !== '') options.savePresetAs = choices.savePresetAs.trim();
  } else {
    options.preset = choices.preset;
  }
  if (choices.dateFormat !== '') options.dateFormat = choices.dateFormat;
  if (choices.numberFormat !== '') options.numberFormat = choices.numberFormat;
  if (choices.account.trim() !== '') options.account = choices.account.trim();
  return options;
}

/** What a custom mapping still lacks before it can import anything. */
export function mappingProblems(mapping: ColumnMappingInput, header: readonly string[], account: string): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_FIELDS) {
    const column = mapping.columns[field];
    const constant = field === 'type' || field === 'currency' ? mapping.constants?.[field] : undefined;
    if ((column === undefined || column === '') && (constant === undefined || constant === '')) {
      problems.push(
        `Choose the column that holds the ${field}${field === 'currency' ? ', or type one currency' : ''}.`,
      );
    }
  }
  if ((mapping.columns.account ?? '') === '' && account.trim() === '') {
    problems.push('Choose the account column, or an account for every row.');
  }
  for (const field of MAPPABLE_FIELDS) {
    const column = mapping.columns[field];
    if (column && !header.includes(column)) problems.push(`The file has no column "${column}" (${field}).`);
  }
  return problems;
}

/** A mapping with one field changed; '' unmaps it. */
export function withColumn(mapping: ColumnMappingInput, field: MappableField, column: string): ColumnMappingInput {
  const columns = { ...mapping.columns };
  if (column === '') delete columns[field];
  else columns[field] = column;
  return { ...mapping, columns };
}
