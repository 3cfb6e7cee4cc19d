import { useId } from 'react';
import type { CsvPreview } from '../../../../shared/api/csv-schemas';
import { DATE_FORMATS } from '../../../../shared/csv/date-format';
import { NUMBER_FORMATS } from '../../../../shared/csv/number-format';
import {
  DATE_FORMAT_LABELS,
  FIELD_LABELS,
  MAPPING_FIELDS,
  NOT_IN_FILE,
  setColumn,
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

/**
 * One select per field of the app's own format, in its order with the time beside the date (the
 * file's headers or "not in file"), then how dates and numbers are written.
 */
export function CsvMappingStep({ preview, state, onChange }: MappingStepProps) {
  const ids = useId();
  return (
    <fieldset className="csv-mapping">
      <legend>Columns</legend>
      <div className="tx-grid">
        {MAPPING_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${ids}-${field}`}>{FIELD_LABELS[field]}</label>
            <select
              id={`${ids}-${field}`}
              value={state.columns[field] ?? NOT_IN_FILE}
              onChange={(e) => onChange(setColumn(state, field, e.target.value))}
            >
              <option value={NOT_IN_FILE}>(not in file)</option>
              {preview.header.map((h, i) => (
                <option key={`${i}-${h}`} value={h}>
                  {h}
                </option>
              ))}
            </select>
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
