import type { ReactNode } from 'react';

/** A polite status line with a dismiss button: results of saves, deletes, imports. */
export function Notice({
  children,
  onDismiss,
  tone = 'info',
}: {
  children: ReactNode;
  onDismiss?: () => void;
  tone?: 'info' | 'error';
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{children}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
