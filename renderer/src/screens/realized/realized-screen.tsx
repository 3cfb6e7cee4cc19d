import { useId, useState } from 'react';
import type { RealizedTotal } from '../../../../shared/api/realized-schemas';
import { plural } from '../../../../shared/domain/plural';
import { useRealized } from '../../api/realized-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { Skeleton } from '../../components/skeleton';
import { formatMoney, signClass } from '../../format/format';
import { RealizedTable } from './realized-table';
import './realized.css';

function Totals({ totals }: { totals: RealizedTotal[] }) {
  return (
    <table className="data-table compact-table" data-testid="realized-totals">
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col" className="num">
            Short-term gain
          </th>
          <th scope="col" className="num">
            Long-term gain
          </th>
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={`${t.year}:${t.account}:${t.currency}`}>
            <th scope="row">{t.account}</th>
            <td className={`num ${signClass(t.short.gain)}`}>{formatMoney(t.short.gain, t.currency, true)}</td>
            <td className={`num ${signClass(t.long.gain)}`}>{formatMoney(t.long.gain, t.currency, true)}</td>
            <td className={`num ${signClass(t.gain)}`}>{formatMoney(t.gain, t.currency, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Realized gains by tax year: each sale matched to the lots it consumed, under its account's cost
 * method, with short- and long-term totals per account. The year picker lists the years with sales.
 */
export function RealizedScreen() {
  const id = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const all = useRealized({});
  const years = all.data?.years ?? [];
  const year = chosen ?? years[0] ?? null;
  const view = useRealized(year === null ? {} : { year });
  const data = year === null ? null : view.data;
  return (
    <Screen
      title="Realized gains"
      className="realized"
      actions={
        years.length > 0 && (
          <div className="field inline-field">
            <label htmlFor={`${id}-year`}>Tax year</label>
            <select id={`${id}-year`} value={year ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      {(all.isPending || (year !== null && view.isPending)) && (
        <section className="card" aria-busy="true">
          <Skeleton lines={4} />
        </section>
      )}
      {(all.isError || view.isError) && (
        <section className="card">
          <ErrorNote what="read the realized gains" error={all.error ?? view.error} />
        </section>
      )}
      {all.data && years.length === 0 && (
        <section className="card">
          <h2>Nothing sold yet</h2>
          <p className="muted">Each sale appears here with the lots it used, by tax year.</p>
        </section>
      )}
      {data && (
        <>
          <section className="card compact" aria-labelledby={`${id}-totals`}>
            <div className="card-head">
              <h2 id={`${id}-totals`}>{year} totals</h2>
              <p className="muted small">Long term: held more than one year</p>
            </div>
            <Totals totals={data.totals} />
          </section>
          <section className="card compact realized-lots" aria-labelledby={`${id}-lots`}>
            <div className="card-head">
              <h2 id={`${id}-lots`}>Lots sold</h2>
              <p className="muted small">{plural(data.rows.length, 'lot')}</p>
            </div>
            <RealizedTable rows={data.rows} />
          </section>
        </>
      )}
    </Screen>
  );
}
