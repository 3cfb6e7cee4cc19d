import './skeleton.css';

/** A grey bar where a figure will be: the answer has not come yet (not "there is none"). */
export function Skeleton({ label = 'Loading…', lines = 1 }: { label?: string; lines?: number }) {
  return (
    <span className="skeleton" data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-bar" aria-hidden="true" />
      ))}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
