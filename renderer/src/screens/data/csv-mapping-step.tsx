import { useId } from 'react';
import type { CsvPreview } from '../../../../shared/api/csv-schemas';
import { DATE_FORMATS } from '../../../../shared/csv/date-format';
import { NUMBER_FORMATS } from '../../../../shared/csv/number-format';
import type { MappableField } from '../../../../shared/csv/presets/mapping';
import {
  addFee,
  canAddFee,
  DATE_FORMAT_LABELS,
  FIELD_LABELS,
  MAPPING_FIELDS,
  NOT_IN_FILE,
  setColumn,
  setExtraFee,
  type MappingState,
  type MappingStepProps,
} from './csv-mapping';

const PREVIEW_ROWS = 5;

/** The first rows of the file as they were read, so the mapping can be checked against them. */
export function CsvPreviewTable({ preview }: { preview: CsvPreview }) {
  return (
    <div className="table-scroll short" tabIndex={0} role="region" aria-label="First rows of the file, scrollable">
      <table className="data-table compact-table" data-testid="csv-preview">
        <thead>
          <tr>
            {preview.header.map((h, i) => (
              <th scope="col" key={`${i}-${h}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
            <tr key={r}>
              {preview.header.map((_, i) => (
                <td key={i}>{row[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeaderOptions({ header, none = '(not in file)' }: { header: readonly string[]; none?: string }) {
  return (
    <>
      <option value={NOT_IN_FILE}>{none}</option>
      {header.map((h, i) => (
        <option key={`${i}-${h}`} value={h}>
          {h}
        </option>
      ))}
    </>
  );
}

interface CsvMappingStepProps extends MappingStepProps {
  /** The account for every row (the import's `account`), typed beside the account column. */
  account: string;
  onAccount: (account: string) => void;
}

/**
 * One select per field of the app's own format, in its order with the time beside the date (the
 * file's headers or "not in file"), then how dates and numbers are written. A file without an
 * account or currency column gets one typed for every row; charges split over several columns
 * (commission, fees, taxes) get a select each, and are added up.
 */
export function CsvMappingStep({ preview, state, onChange, account, onAccount }: CsvMappingStepProps) {
  const ids = useId();
  const select = (field: MappableField) => (
    <select
      id={`${ids}-${field}`}
      value={state.columns[field] ?? NOT_IN_FILE}
      onChange={(e) => onChange(setColumn(state, field, e.target.value))}
    >
      <HeaderOptions header={preview.header} />
    </select>
  );
  return (
    <fieldset className="csv-mapping">
      <legend>Columns</legend>
      <div className="tx-grid">
        {MAPPING_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${ids}-${field}`}>{FIELD_LABELS[field]}</label>
            {select(field)}
            {field === 'account' && (
              <>
                <label htmlFor={`${ids}-account-all`} className="small muted">
                  Account for every row
                </label>
                <input
                  id={`${ids}-account-all`}
                  value={account}
                  maxLength={80}
                  placeholder={state.columns.account ? 'Optional: instead of the column' : 'Needed: an account name'}
                  onChange={(e) => onAccount(e.target.value)}
                />
              </>
            )}
            {field === 'currency' && (
              <>
                <label htmlFor={`${ids}-currency-all`} className="small muted">
                  Currency for every row
                </label>
                <input
                  id={`${ids}-currency-all`}
                  value={state.currency}
                  maxLength={3}
                  placeholder={state.columns.currency ? 'Optional: for blank cells' : 'Needed: e.g. USD'}
                  onChange={(e) => onChange({ ...state, currency: e.target.value.toUpperCase() })}
                />
              </>
            )}
            {field === 'fee' && (
              <>
                {state.extraFees.map((header, i) => (
                  <div key={i} className="csv-extra-fee">
                    <label htmlFor={`${ids}-fee-${i}`} className="small muted">
                      Plus fee column {i + 2}
                    </label>
                    <select
                      id={`${ids}-fee-${i}`}
                      value={header}
                      onChange={(e) => onChange(setExtraFee(state, i, e.target.value))}
                    >
                      <HeaderOptions header={preview.header} none="(none)" />
                    </select>
                  </div>
                ))}
                {canAddFee(state) && (
                  <button type="button" className="link small" onClick={() => onChange(addFee(state))}>
                    Add another fee column
                  </button>
                )}
              </>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${ids}-date-format`}>Dates look like</label>
          <select
            id={`${ids}-date-format`}
            value={state.dateFormat}
            onChange={(e) =>
              onChange({ ...state, dateFormat: e.target.value as MappingState['dateFormat'], edited: true })
            }
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {DATE_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-number-format`}>Numbers look like</label>
          <select
            id={`${ids}-number-format`}
            value={state.numberFormat}
            onChange={(e) =>
              onChange({ ...state, numberFormat: e.target.value as MappingState['numberFormat'], edited: true })
            }
          >
            {NUMBER_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
