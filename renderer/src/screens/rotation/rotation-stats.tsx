import type { RotationOutput } from '../../../../shared/api/portfolio-schemas';
import type { DrawdownEpisode } from '../../../../shared/view/drawdown-bands';
import { relativeWords, trendWords } from '../../../../shared/view/verdicts';
import { plural } from '../../../../shared/domain/plural';
import { windowLabel } from '../../../../shared/view/date-window';
import { formatDay, formatPercent, formatClose, signClass } from '../../format/format';

const indexFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Row({ label, value, tone, testId }: { label: string; value: string; tone?: string; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={tone} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The engine's figures beside the chart: change since the first day shown, drawdowns, lows. */
export function RotationStats({
  data,
  episodes,
  money,
  averageDays,
}: {
  data: RotationOutput;
  episodes: DrawdownEpisode[];
  averageDays: number;
  /** A symbol's closes are prices; a sleeve's or the portfolio's are an index (100 at the start). */
  money: boolean;
}) {
  const level = (value: number) => (money ? formatClose(value) : indexFormat.format(value));
  const s = data.stats;
  const dd = data.maxDrawdown;
  const current = data.drawdown.at(-1)?.value ?? null;
  // Every figure below is the backend's for exactly these days: the heading says which.
  const span = s.from && s.to ? windowLabel(s.from, s.to) : '—';
  return (
    <aside className="rotation-stats figures-aside" aria-label="Figures">
      <h3 data-testid="rotation-span">{span}</h3>
      {data.ended.map((side) => (
        <p key={side.label} className="warn small" data-testid="rotation-ended">
          {side.label}&rsquo;s prices end on {formatDay(side.lastDay)}: compared up to that day.
        </p>
      ))}
      <dl className="kv">
        <Row
          label={data.subjectLabel}
          value={formatPercent(s.changePct, true)}
          tone={signClass(s.changePct)}
          testId="since-change"
        />
        <Row label={data.vsLabel} value={formatPercent(s.vsChangePct, true)} tone={signClass(s.vsChangePct)} />
        <Row
          label="Relative"
          value={formatPercent(s.relativePct, true)}
          tone={signClass(s.relativePct)}
          testId="since-relative"
        />
        {s.relativePct !== null && (
          <Row label="Over this span" value={relativeWords(s.relativePct, data.vsLabel)} testId="since-verdict" />
        )}
        <Row
          label={`Trend (RS vs its ${averageDays}-day average)`}
          value={
            data.trend
              ? `${trendWords(data.trend, data.vsLabel)} since ${data.trend.since ? formatDay(data.trend.since) : formatDay(s.from)}${data.trend.since ? '' : ' or earlier'}`
              : 'not enough days for the average'
          }
          testId="rotation-trend"
        />
      </dl>
      {data.notes.length > 0 && (
        <ul className="muted small rotation-notes" aria-label="About this comparison">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <h3>Drawdowns</h3>
      <dl className="kv">
        <Row label="Deepest" value={dd ? formatPercent(dd.pct) : '—'} tone="loss" testId="max-drawdown" />
        {dd && <Row label="Peak" value={`${level(dd.peak.close)} on ${formatDay(dd.peak.day)}`} />}
        {dd && <Row label="Trough" value={`${level(dd.trough.close)} on ${formatDay(dd.trough.day)}`} />}
        <Row
          label="Now below the peak"
          value={current === null ? '—' : formatPercent(current)}
          tone={signClass(current)}
        />
        <Row label="Falls of 10 % or more" value={String(episodes.length)} />
      </dl>
      <h3>Highs and lows</h3>
      <dl className="kv">
        <Row label="New all-time highs" value={data.newHighs.length.toLocaleString()} />
        {data.lowest && (
          <Row label="Lowest close" value={`${level(data.lowest.close)} on ${formatDay(data.lowest.day)}`} />
        )}
        {data.lowest && <Row label="Above that low" value={formatPercent(data.lowest.abovePct, true)} />}
        <Row
          label="From its average"
          value={formatPercent(s.distanceFromAveragePct, true)}
          tone={s.extended ? 'warn' : undefined}
        />
        {s.extended && (
          <Row label="Extended" value={s.extended === 'above' ? 'well above its average' : 'well below its average'} />
        )}
        {s.best && (
          <Row
            label={`Best ${plural(s.best.days, 'day')}`}
            value={`${formatPercent(s.best.pct, true)} to ${formatDay(s.best.end)}`}
          />
        )}
        {s.worst && (
          <Row
            label={`Worst ${plural(s.worst.days, 'day')}`}
            value={`${formatPercent(s.worst.pct, true)} to ${formatDay(s.worst.end)}`}
          />
        )}
      </dl>
    </aside>
  );
}
