import type { CallOutput } from '../../../shared/api/contract';

/**
 * The "Account" field of a screen's filters: every account, or "All accounts" (the empty value).
 * The screen passes the accounts it has asked for, so the list is fetched once per screen.
 */
export function AccountFilter({
  id,
  value,
  accounts,
  onChange,
}: {
  id: string;
  value: string;
  accounts: CallOutput<'accounts:list'> | undefined;
  onChange: (account: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All accounts</option>
        {(accounts ?? []).map((a) => (
          <option key={a.id} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
