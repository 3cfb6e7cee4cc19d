import type { CostMethod } from '../../../../shared/engine/lots';
import { useAccounts, useUpdateAccount } from '../../api/hooks';
import { ErrorNote } from '../../components/error-note';

const LABELS: Record<CostMethod, string> = {
  fifo: 'First in, first out',
  lifo: 'Last in, first out',
  hifo: 'Highest cost first',
  average: 'Average cost',
};

/** Each account's own cost method; "As above" leaves it to the Portfolio setting. Saved on change. */
export function AccountCostMethods() {
  const accounts = useAccounts();
  const update = useUpdateAccount();
  if (!accounts.data || accounts.data.length === 0) return null;
  return (
    <section className="card settings-form" aria-labelledby="set-account-methods-title">
      <h2 id="set-account-methods-title">Cost basis per account</h2>
      <p className="muted small">Sales in an account use its own method; the others use the Portfolio setting.</p>
      <div className="settings-grid">
        {accounts.data.map((account) => (
          <div className="field" key={account.id}>
            <label htmlFor={`cost-method-${account.id}`}>{account.name}</label>
            <select
              id={`cost-method-${account.id}`}
              value={account.costMethod ?? ''}
              disabled={update.isPending}
              onChange={(e) =>
                update.mutate({
                  name: account.name,
                  costMethod: e.target.value === '' ? null : (e.target.value as CostMethod),
                })
              }
            >
              <option value="">As the Portfolio setting</option>
              {(Object.keys(LABELS) as CostMethod[]).map((m) => (
                <option key={m} value={m}>
                  {LABELS[m]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {update.error && <ErrorNote what="change the cost method" error={update.error} />}
    </section>
  );
}
