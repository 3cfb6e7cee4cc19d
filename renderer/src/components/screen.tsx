import { useId, type ReactNode } from 'react';
import './screen.css';

/** Every screen's frame: one <main> landmark, named by its heading, focusable by the skip link. */
export function Screen({
  title,
  actions,
  className = '',
  children,
}: {
  title: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <main className={`screen ${className}`} id="main" tabIndex={-1} aria-labelledby={id}>
      <div className="screen-head">
        <h1 id={id}>{title}</h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </div>
      {children}
    </main>
  );
}
