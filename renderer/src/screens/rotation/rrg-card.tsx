import { useMemo, useState } from 'react';
import type { RrgOutput, Subject } from '../../../../shared/api/portfolio-schemas';
import { SLEEVES } from '../../../../shared/domain/sleeve';
import { useHoldings, useRrg } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay } from '../../format/format';
import { Segmented } from '../../components/segmented';
import { RrgChart } from './rrg-chart';
import { RrgTable } from './rrg-table';
import { SubjectPicker } from './subject-picker';

type Members = 'sleeves' | 'holdings' | 'both';

/** The newest week any member reaches: the week the quadrants are read for. */
function latestWeek(data: RrgOutput): string | null {
  return data.members.reduce<string | null>((max, m) => {
    const day = m.tail.at(-1)?.day ?? null;
    return day !== null && (max === null || day > max) ? day : max;
  }, null);
}

export function RrgCard({ symbols, defaultBenchmark }: { symbols: readonly string[]; defaultBenchmark: Subject }) {
  const [benchmark, setBenchmark] = useState<Subject | null>(null);
  const [members, setMembers] = useState<Members>('sleeves');
  const [tail, setTail] = useState(8);
  const holdings = useHoldings();
  const chosenBenchmark = benchmark ?? defaultBenchmark;

  const subjects = useMemo<Subject[]>(() => {
    const sleeves: Subject[] = SLEEVES.map((sleeve) => ({ kind: 'sleeve', sleeve }));
    const held = [...new Set((holdings.data?.rows ?? []).map((r) => r.symbol))]
      .sort()
      .slice(0, 40 - (members === 'both' ? sleeves.length : 0))
      .map((symbol): Subject => ({ kind: 'symbol', symbol }));
    return members === 'sleeves' ? sleeves : members === 'holdings' ? held : [...sleeves, ...held];
  }, [holdings.data, members]);

  const rrg = useRrg(subjects.length > 0 ? { benchmark: chosenBenchmark, members: subjects, tail } : null);
  const data = rrg.data;

  return (
    <section className="card" aria-labelledby="rrg-title">
      <div className="card-head">
        <h2 id="rrg-title">Relative rotation</h2>
        <p className="muted small">Weekly RS-Ratio × RS-Momentum; tails turn clockwise through the quadrants.</p>
      </div>
      <div className="filters">
        <SubjectPicker
          id="rrg-benchmark"
          label="Against"
          value={chosenBenchmark}
          symbols={symbols}
          onChange={setBenchmark}
        />
        <Segmented
          label="Members"
          options={[
            { value: 'sleeves', label: 'Sleeves' },
            { value: 'holdings', label: 'Holdings' },
            { value: 'both', label: 'Both' },
          ]}
          value={members}
          onChange={setMembers}
        />
        <div className="field">
          <label htmlFor="rrg-tail">Tail</label>
          <select id="rrg-tail" value={tail} onChange={(e) => setTail(Number(e.target.value))}>
            {[4, 8, 12, 26].map((weeks) => (
              <option key={weeks} value={weeks}>
                {weeks} weeks
              </option>
            ))}
          </select>
        </div>
      </div>
      {rrg.isError && <ErrorNote what="draw the rotation" error={rrg.error} />}
      {subjects.length === 0 && <p className="muted">No holdings yet: record a buy to see your positions rotate.</p>}
      {data && data.members.length === 0 && (
        <p className="muted">
          None of these has enough weekly prices against {data.benchmarkLabel} yet (14 weeks are needed).
        </p>
      )}
      {data && data.members.length > 0 && (
        <>
          <p className="muted small" data-testid="rrg-week">
            Quadrants for the week of {formatDay(latestWeek(data))}, each against its own last 14 weeks.
            {data.members.some((m) => m.ended) &&
              ` Ends early: ${data.members
                .filter((m) => m.ended)
                .map((m) => `${m.label} (${formatDay(m.ended)})`)
                .join(', ')}.`}
          </p>
          <RrgChart data={data} />
          <details>
            <summary>Show as a table</summary>
            <RrgTable data={data} />
          </details>
        </>
      )}
    </section>
  );
}
