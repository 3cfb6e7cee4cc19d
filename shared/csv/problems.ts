// What went wrong in an import, said the way a user finds it again: the file, the line as a text
// editor numbers it (the header is line 1), the column as the file names it, and the reason.

export interface ImportProblem {
  /** 1-based line where the record starts; null for problems with the file as a whole. */
  line: number | null;
  /** The column as the file's header names it (or the field, for values the preset derived). */
  column: string | null;
  /** The offending cell, when there is one. */
  value?: string;
  /** Reads after the value: 'is not a number (expected 1234.56)'. */
  reason: string;
}

/** More than this many problems are counted but not listed. */
export const PROBLEM_CAP = 100;

const MAX_VALUE_CHARS = 60;

function quoteValue(value: string): string {
  const short = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  // JSON quoting shows newlines and control characters instead of breaking the message.
  return JSON.stringify(short);
}

/** `transactions.csv line 12, column price: "1,5" is not a number (expected 1234.56)` */
export function describeProblem(fileName: string, problem: ImportProblem): string {
  const where = [fileName];
  if (problem.line !== null) where.push(` line ${problem.line}`);
  if (problem.column !== null) where.push(`${problem.line !== null ? ',' : ''} column ${problem.column}`);
  const what = problem.value !== undefined ? `${quoteValue(problem.value)} ${problem.reason}` : problem.reason;
  return `${where.join('')}: ${what}`;
}

/** Every listed problem, one line each, then "and N more" when some were only counted. */
export function describeProblems(fileName: string, problems: readonly ImportProblem[], total: number): string[] {
  const lines = problems.map((problem) => describeProblem(fileName, problem));
  if (total > problems.length) lines.push(`and ${total - problems.length} more`);
  return lines;
}

/** Keeps the first `cap` problems and counts the rest. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  total = 0;

  constructor(private readonly cap = PROBLEM_CAP) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.items.length < this.cap) this.items.push(problem);
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }
}
