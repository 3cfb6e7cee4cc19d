import type { ColumnMappingInput } from '../../../../shared/api/csv-schemas';
import { MAPPABLE_FIELDS, REQUIRED_FIELDS } from '../../../../shared/csv/presets/mapping';
import { withColumn } from './import-options';

interface Props {
  header: readonly string[];
  mapping: ColumnMappingInput;
  onChange: (mapping: ColumnMappingInput) => void;
}

/** Which column holds what: one select per field, and one currency for files without a column. */
export function MappingEditor({ header, mapping, onChange }: Props) {
  const currency = mapping.constants?.currency ?? '';
  return (
    <fieldset className="csv-mapping">
      <legend>Columns</legend>
      <div className="tx-grid">
        {MAPPABLE_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>
              {field}
              {REQUIRED_FIELDS.includes(field) ? ' *' : ''}
            </label>
            <select
              id={`map-${field}`}
              value={mapping.columns[field] ?? ''}
              onChange={(event) => onChange(withColumn(mapping, field, event.target.value))}
            >
              <option value="">—</option>
              {header.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="map-currency-constant">Currency of every row</label>
          <input
            id="map-currency-constant"
            value={currency}
            maxLength={3}
            placeholder="e.g. EUR"
            onChange={(event) => {
              const value = event.target.value.toUpperCase();
              const constants = { ...mapping.constants };
              if (value === '') delete constants.currency;
              else constants.currency = value;
              onChange({ ...mapping, constants });
            }}
          />
        </div>
      </div>
    </fieldset>
  );
}
