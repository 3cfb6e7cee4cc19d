import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { SLEEVE_LABELS, SLEEVES } from '../../../../shared/domain/sleeve';
import { parseSubjectKey, subjectKey } from './subjects';

/** Pick the portfolio, one of its sleeves, or any symbol with cached prices. */
export function SubjectPicker({
  id,
  label,
  value,
  symbols,
  onChange,
}: {
  id: string;
  label: string;
  value: Subject;
  symbols: readonly string[];
  onChange: (subject: Subject) => void;
}) {
  const key = subjectKey(value);
  const list = value.kind === 'symbol' && !symbols.includes(value.symbol) ? [value.symbol, ...symbols] : symbols;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={key} onChange={(e) => onChange(parseSubjectKey(e.target.value))}>
        <option value="portfolio">Your portfolio</option>
        <optgroup label="Your sleeves">
          {SLEEVES.map((s) => (
            <option key={s} value={`sleeve:${s}`}>
              {SLEEVE_LABELS[s]}
            </option>
          ))}
        </optgroup>
        <optgroup label="Symbols">
          {list.map((symbol) => (
            <option key={symbol} value={`symbol:${symbol}`}>
              {symbol}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
