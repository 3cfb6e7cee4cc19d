import { useHealth } from '../../api/health-hooks';

/**
 * The dashboard's word on data health: a count and a link when anything is wrong, nothing when all
 * is well or before the answer (a check still running is no news). Asked only once `after` (the
 * holdings have answered): at 50,000 transactions the check takes seconds, and the cards' calls
 * would otherwise wait behind it (issue 20's profile).
 */
export function HealthLink({ after = true }: { after?: boolean }) {
  const { data } = useHealth({ enabled: after });
  if (!data || data.problems.length === 0) return null;
  const count = data.problems.length;
  return (
    <section className="card health-alert" role="status" aria-label="Data health">
      <p>
        <a href="#/health">
          {count.toLocaleString()} data problem{count === 1 ? '' : 's'}: see Data health
        </a>
      </p>
      <p className="muted small">{data.summary.map((line) => line.text).join('; ')}.</p>
    </section>
  );
}
