import type { ApiErrorCode } from './contract';

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
