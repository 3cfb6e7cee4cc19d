import type { TiltOutput } from '../../../../shared/api/portfolio-schemas';
import { SLEEVE_LABELS } from '../../../../shared/domain/sleeve';
import { useTilt } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { ShortFigure } from '../../components/fit-money';
import { formatDay, formatMoney, formatPercent, formatPoints, formatTradeShares } from '../../format/format';
import { SymbolLink } from '../../components/symbol-link';
import { leftOutNotes, TILT_WEIGHTS } from '../../format/left-out-note';
import { Skeleton } from '../../components/skeleton';
import './tilt-card.css';

/** Over- or under-weight, in words as well as colour and arrow, so colour is never the only cue. */
function Active({ points }: { points: number | null }) {
  if (points === null) return <span className="muted">—</span>;
  const lean = Math.abs(points) < 0.05 ? 'even' : points > 0 ? 'over' : 'under';
  return (
    <span className={`active active-${lean}`}>
      <span aria-hidden="true">{lean === 'over' ? '▲' : lean === 'under' ? '▼' : '■'} </span>
      {formatPoints(points)}
      <span className="visually-hidden">{lean === 'even' ? ', in line' : `, ${lean}weight`}</span>
    </span>
  );
}

function Bars({ sleeve, scale }: { sleeve: TiltOutput['sleeves'][number]; scale: number }) {
  const width = (pct: number) => ({ width: `${Math.max(0, (pct / scale) * 100)}%` });
  return (
    <div className="tilt-bars" aria-hidden="true">
      <div className="tilt-bar portfolio" style={width(sleeve.weightPct)} />
      <div className="tilt-bar benchmark" style={width(sleeve.benchmarkPct)} />
      {sleeve.targetPct !== null && (
        <div className="tilt-target" style={{ left: `${(sleeve.targetPct / scale) * 100}%` }} />
      )}
    </div>
  );
}

export function TiltTable({ tilt }: { tilt: TiltOutput }) {
  const hasTarget = tilt.sleeves.some((s) => s.targetPct !== null);
  const scale = Math.max(1, ...tilt.sleeves.flatMap((s) => [s.weightPct, s.benchmarkPct, s.targetPct ?? 0]));
  return (
    <table className="tilt-table" data-testid="tilt-table">
      <caption className="visually-hidden">
        Sleeve weights: portfolio, {tilt.benchmarkName}
        {hasTarget ? ' and target' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Sleeve</th>
          <th scope="col" className="tilt-bars-head">
            <span className="key portfolio">Portfolio</span> <span className="key benchmark">Benchmark</span>
            {hasTarget && <span className="key target">Target</span>}
          </th>
          <th scope="col" className="num">
            Portfolio
          </th>
          <th scope="col" className="num">
            Benchmark
          </th>
          {hasTarget && (
            <th scope="col" className="num">
              Target
            </th>
          )}
          <th scope="col" className="num">
            vs benchmark
          </th>
          {hasTarget && (
            <th scope="col" className="num">
              vs target
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {tilt.sleeves.map((s) => (
          <tr key={s.sleeve} data-testid={`tilt-${s.sleeve}`}>
            <th scope="row">
              {SLEEVE_LABELS[s.sleeve]}
              <span className="tilt-value muted">{formatMoney(s.value, tilt.baseCurrency)}</span>
            </th>
            <td className="tilt-bars-cell">
              <Bars sleeve={s} scale={scale} />
            </td>
            <td className="num strong">{formatPercent(s.weightPct)}</td>
            <td className="num">{formatPercent(s.benchmarkPct)}</td>
            {hasTarget && <td className="num">{formatPercent(s.targetPct)}</td>}
            <td className="num">
              <Active points={s.activeVsBenchmarkPct} />
            </td>
            {hasTarget && (
              <td className="num">
                <Active points={s.activeVsTargetPct} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whole shares to place the order with; the exact count on hover and for screen readers. */
function TradeShares({ quantity }: { quantity: number }) {
  const shares = formatTradeShares(quantity);
  return (
    <span className="muted">
      {' '}
      (about <ShortFigure text={shares.text} full={shares.exact} />)
    </span>
  );
}

function Trades({ tilt }: { tilt: TiltOutput }) {
  const trades = tilt.trades.filter((t) => Number(t.amount) !== 0);
  if (trades.length === 0) return null;
  return (
    <details className="trades">
      <summary>Trades that would reach your target</summary>
      <ul>
        {trades.map((t) => {
          const amount = Number(t.amount);
          return (
            <li key={`${t.sleeve}:${t.symbol ?? ''}`}>
              <span className={amount > 0 ? 'gain' : 'loss'}>{amount > 0 ? 'Buy' : 'Sell'}</span>{' '}
              {formatMoney(Math.abs(amount), tilt.baseCurrency)} of{' '}
              {t.symbol === null ? SLEEVE_LABELS[t.sleeve] : <SymbolLink symbol={t.symbol} className="" />}
              {t.quantity !== null && <TradeShares quantity={t.quantity} />}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function TiltCard() {
  const tilt = useTilt();
  return (
    <section className="card" aria-labelledby="tilt-title">
      <div className="card-head">
        <h2 id="tilt-title">Where your money leans</h2>
        {tilt.data?.asOf && <p className="muted small">On {formatDay(tilt.data.asOf)}</p>}
      </div>
      {tilt.isError && <ErrorNote what="work out the sleeve weights" error={tilt.error} />}
      {tilt.isPending && <Skeleton label="Loading the sleeve weights…" lines={4} />}
      {tilt.data && tilt.data.total === 0 && (
        <p className="muted">Nothing invested yet: weights appear after your first buy.</p>
      )}
      {tilt.data && tilt.data.total > 0 && (
        <>
          <TiltTable tilt={tilt.data} />
          <p className="muted small">
            Benchmark: {tilt.data.benchmarkName}. ▲ over-weight, ▼ under-weight, in percentage points of the invested
            value.
          </p>
          {!tilt.data.sleeves.some((s) => s.targetPct !== null) && (
            <p className="muted small">
              Set target weights under Settings to see how far each sleeve is from your plan.
            </p>
          )}
          <Trades tilt={tilt.data} />
        </>
      )}
      {tilt.data && tilt.data.leftOut.length > 0 && (
        <ul className="notes">
          {leftOutNotes(tilt.data.leftOut, tilt.data.baseCurrency, TILT_WEIGHTS).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
