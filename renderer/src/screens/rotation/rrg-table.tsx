import type { RrgOutput } from '../../../../shared/api/portfolio-schemas';
import { formatDay } from '../../format/format';
import { QUADRANT_LABELS, QUADRANT_MEANINGS } from '../../../../shared/view/verdicts';

const fmt = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The rotation chart as a table: the latest week of each member and where its tail started. */
export function RrgTable({ data }: { data: RrgOutput }) {
  return (
    <table className="data-table compact-table" data-testid="rrg-table">
      <caption className="visually-hidden">Relative rotation against {data.benchmarkLabel}, latest week</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Quadrant</th>
          <th scope="col" className="num">
            RS-Ratio
          </th>
          <th scope="col" className="num">
            RS-Momentum
          </th>
          <th scope="col">Week of</th>
          <th scope="col">Tail from</th>
        </tr>
      </thead>
      <tbody>
        {data.members.map((m) => {
          const last = m.tail.at(-1);
          const first = m.tail[0];
          return (
            <tr key={m.key}>
              <th scope="row">{m.label}</th>
              <td title={m.quadrant ? QUADRANT_MEANINGS[m.quadrant] : undefined}>
                {m.quadrant ? QUADRANT_LABELS[m.quadrant] : 'Not enough weeks'}
              </td>
              <td className="num">{last ? fmt.format(last.ratio) : '—'}</td>
              <td className="num">{last ? fmt.format(last.momentum) : '—'}</td>
              <td className={m.ended ? 'warn' : undefined}>
                {formatDay(last?.day)}
                {m.ended ? ' (ends early)' : ''}
              </td>
              <td>{first ? `${fmt.format(first.ratio)} / ${fmt.format(first.momentum)}` : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
