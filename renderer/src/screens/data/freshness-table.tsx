import { useState } from 'react';
import type { EventPayload } from '../../../../shared/api/contract';
import type { z } from 'zod';
import type { quoteSeriesInfo } from '../../../../shared/api/quotes-schemas';
import { formatDateTime, formatDay } from '../../format/format';
import { plural } from '../../../../shared/domain/plural';
import { CURRENT_FOR_DAYS, daysOld } from '../../format/staleness';

type SeriesInfo = z.output<typeof quoteSeriesInfo>;
type Progress = EventPayload<'quotes:progress'>;

const SOURCE_LABELS: Record<string, string> = { yahoo: 'Yahoo', stooq: 'Stooq', file: 'File', manual: 'Typed in' };

function Age({ lastDay, now }: { lastDay: string; now: number }) {
  const days = daysOld(lastDay, now);
  if (days <= CURRENT_FOR_DAYS) return <span className="badge badge-ok">current</span>;
  return (
    <span className="badge badge-stale" title={`The last close is ${plural(days, 'day')} old.`}>
      {days > 365 ? `${Math.floor(days / 365)}y old` : `${days}d old`}
    </span>
  );
}

const STATE_LABELS: Record<Progress['state'], string> = {
  running: 'Fetching…',
  done: 'Updated',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function RowProgress({ event }: { event: Progress | undefined }) {
  if (!event) return null;
  return (
    <div className={`row-progress state-${event.state}`}>
      {/* A bar only while fetching or once updated: a full bar on a failed row read as done. */}
      {event.state === 'running' || event.state === 'done' ? (
        <progress
          aria-label={`${event.symbol ?? ''} refresh`}
          max={1}
          {...(event.state === 'running' ? {} : { value: 1 })}
        />
      ) : (
        <span className="row-progress-mark" aria-hidden="true">
          {event.state === 'failed' ? '✕' : '–'}
        </span>
      )}
      <span>{STATE_LABELS[event.state]}</span>
      {event.message && <span className="row-progress-message">{event.message}</span>}
    </div>
  );
}

/** Each cached symbol: its extent, where its last close came from, how old it is, and this refresh's progress. */
export function FreshnessTable({
  series,
  progress,
  onRefresh,
  busy,
}: {
  series: SeriesInfo[];
  progress: Record<string, Progress>;
  onRefresh: (symbol: string) => void;
  busy: boolean;
}) {
  // "Today" for the ages: read once per mount, so a re-render does not shift them.
  const [now] = useState(Date.now);
  const extra = Object.keys(progress).filter((s) => !series.some((x) => x.symbol === s));
  return (
    <div className="table-scroll short" tabIndex={0} role="region" aria-label="Cached prices, scrollable">
      <table className="data-table compact-table" data-testid="freshness-table">
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Last close</th>
            <th scope="col">Freshness</th>
            <th scope="col">Source</th>
            <th scope="col">Fetched</th>
            <th scope="col" className="num">
              Closes
            </th>
            <th scope="col">This refresh</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.symbol} data-testid={`quote-${s.symbol}`}>
              <th scope="row">{s.symbol}</th>
              <td>{formatDay(s.lastDay)}</td>
              <td>
                <Age lastDay={s.lastDay} now={now} />
              </td>
              <td>{SOURCE_LABELS[s.source] ?? s.source}</td>
              <td className="wrap">{formatDateTime(s.fetchedAt)}</td>
              <td className="num" title={`${formatDay(s.firstDay)} to ${formatDay(s.lastDay)}`}>
                {s.bars.toLocaleString()}
              </td>
              <td className="wrap">
                <RowProgress event={progress[s.symbol]} />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  onClick={() => onRefresh(s.symbol)}
                  aria-label={`Refresh ${s.symbol}`}
                >
                  Refresh
                </button>
              </td>
            </tr>
          ))}
          {extra.map((symbol) => (
            <tr key={symbol}>
              <th scope="row">{symbol}</th>
              <td colSpan={5} className="muted">
                Not cached yet
              </td>
              <td>
                <RowProgress event={progress[symbol]} />
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
