import type { RrgOutput } from '../../../../shared/api/portfolio-schemas';
import { formatDay } from '../../format/format';
import { QUADRANT_MEANINGS, QUADRANTS, quadrantWord } from '../../../../shared/view/verdicts';

const fmt = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type Member = RrgOutput['members'][number];

/** Leading, Weakening, Lagging, Improving (clockwise from the top right), then members without weeks. */
export function byQuadrant(members: readonly Member[]): Member[] {
  const rank = (m: Member) => (m.quadrant === null ? QUADRANTS.length : QUADRANTS.indexOf(m.quadrant));
  return [...members].sort((a, b) => rank(a) - rank(b));
}

export interface MemberToggles {
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onHighlight: (key: string | null) => void;
  highlight: string | null;
}

/**
 * The graph's members as a table sorted by quadrant: the latest week of each and where its tail
 * started. With toggles, a checkbox per row shows or hides the member on the graph, and hovering
 * or focusing a row highlights it there.
 */
export function RrgTable({ data, toggles }: { data: RrgOutput; toggles?: MemberToggles }) {
  return (
    <table className="data-table compact-table" data-testid="rrg-table">
      <caption className="visually-hidden">Relative rotation against {data.benchmarkLabel}, latest week</caption>
      <thead>
        <tr>
          {toggles && <th scope="col">Shown</th>}
          <th scope="col">Member</th>
          <th scope="col">Quadrant</th>
          <th scope="col" className="num">
            RS-Ratio
          </th>
          <th scope="col" className="num">
            RS-Momentum
          </th>
          <th scope="col">{data.period === 'daily' ? 'Day' : 'Week of'}</th>
          <th scope="col">Tail from</th>
        </tr>
      </thead>
      <tbody>
        {byQuadrant(data.members).map((m) => {
          const last = m.tail.at(-1);
          const first = m.tail[0];
          const hover = toggles ? () => toggles.onHighlight(m.key) : undefined;
          const leave = toggles ? () => toggles.onHighlight(null) : undefined;
          return (
            <tr
              key={m.key}
              className={toggles?.highlight === m.key ? 'highlighted' : undefined}
              onMouseEnter={hover}
              onMouseLeave={leave}
              onFocus={hover}
              onBlur={leave}
            >
              {toggles && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Show ${m.label}`}
                    checked={!toggles.hidden.has(m.key)}
                    onChange={() => toggles.onToggle(m.key)}
                  />
                </td>
              )}
              <th scope="row">{m.label}</th>
              <td title={m.quadrant ? QUADRANT_MEANINGS[m.quadrant] : undefined}>
                {last ? quadrantWord(last.ratio, last.momentum) : 'Not enough weeks'}
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
