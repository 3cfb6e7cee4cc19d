/** An error where it happened, in plain words: what could not be done, then why. */
export function ErrorNote({ what, error }: { what: string; error: unknown }) {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    <p className="error-note" role="alert">
      Could not {what}: {reason}
    </p>
  );
}
