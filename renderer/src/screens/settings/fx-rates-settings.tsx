import { useState } from 'react';
import { useDeleteFxPair, useFxPairs } from '../../api/fx-hooks';
import { ErrorNote } from '../../components/error-note';
import { Notice } from '../../components/notice';
import { formatDay } from '../../format/format';
import { FxImportForm } from './fx-import-form';
import { plural } from '../../../../shared/domain/plural';
import { FxRateForm } from './fx-rate-form';

const SOURCE_NAMES: Record<string, string> = {
  ecb: 'ECB file',
  file: 'Yahoo file',
  yahoo: 'Yahoo',
  stooq: 'Stooq',
  manual: 'typed',
};

/** The exchange-rate cache: its pairs, a file import, a typed rate, a pair deleted. */
export function FxRatesSettings({ baseCurrency }: { baseCurrency: string }) {
  const pairs = useFxPairs();
  const remove = useDeleteFxPair();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const list = pairs.data ?? [];

  return (
    <section className="card settings-form" aria-labelledby="set-fx-title">
      <h2 id="set-fx-title">Exchange rates</h2>
      <p className="muted small">
        Daily rates, cached like prices: a refresh fetches the pairs your currencies need from the quote provider, and
        files or typed rates work offline.
      </p>
      {pairs.isError && <ErrorNote what="list the exchange rates" error={pairs.error} />}
      {pairs.data && list.length === 0 && <p>No exchange rates cached yet.</p>}
      {list.length > 0 && (
        <div className="table-scroll short" tabIndex={0} role="region" aria-label="Exchange-rate pairs, scrollable">
          <table className="data-table compact-table" aria-label="Cached currency pairs">
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">First day</th>
                <th scope="col">Last day</th>
                <th scope="col" className="num">
                  Days
                </th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                const name = `${p.base}/${p.quote}`;
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{formatDay(p.firstDay)}</td>
                    <td>{formatDay(p.lastDay)}</td>
                    <td className="num">{p.days.toLocaleString()}</td>
                    <td>
                      {p.sources
                        .split(',')
                        .map((s) => SOURCE_NAMES[s] ?? s)
                        .join(', ')}
                    </td>
                    <td className="row-actions">
                      {confirming === name ? (
                        <>
                          <button
                            type="button"
                            onClick={() =>
                              remove.mutate(
                                { base: p.base, quote: p.quote },
                                {
                                  onSuccess: (r) => {
                                    setConfirming(null);
                                    setDeleted(`Deleted ${plural(r.deleted, 'rate')} of ${name}.`);
                                  },
                                },
                              )
                            }
                          >
                            Delete {plural(p.days, 'rate')}
                          </button>{' '}
                          <button type="button" className="link" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="link"
                          aria-label={`Delete ${name}`}
                          onClick={() => setConfirming(name)}
                        >
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {remove.isError && <ErrorNote what="delete the pair" error={remove.error} />}
      {deleted && <Notice onDismiss={() => setDeleted(null)}>{deleted}</Notice>}
      <div className="fx-forms">
        <FxImportForm />
        <FxRateForm baseCurrency={baseCurrency} />
      </div>
    </section>
  );
}
