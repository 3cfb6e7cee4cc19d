/**
 * What went wrong, as the UI can act on it. `refused_sender`: the call came from somewhere other
 * than the app's own page (another frame, a navigated-away page) and was not passed on at all.
 * `busy`: another import or process held the database's write lock for longer than a call waits;
 * nothing of the call was written, so it is safe to try again (the UI does, saying so).
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'conflict',
  'refused_sender',
  'busy',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Thrown by backend handlers and by the renderer's client; carries a code the UI can act on. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: string[];

  constructor(code: ApiErrorCode, message: string, issues: string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

/**
 * One line for the log (a terminal, for the CLI and `npm run web`) when a call fails
 * unexpectedly: the message and the error's code (SQLITE_FULL, ENOSPC), never a stack trace, which
 * tells a person nothing they can act on.
 */
export function internalErrorLine(error: unknown): string {
  if (!(error instanceof Error)) return `[tiltfolio] internal error: ${String(error)}`;
  const code = (error as { code?: unknown }).code;
  const suffix = typeof code === 'string' && !error.message.includes(code) ? ` (${code})` : '';
  return `[tiltfolio] internal error: ${error.message.split('\n')[0] ?? ''}${suffix}`;
}
