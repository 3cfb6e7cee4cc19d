// Wealthfolio exports CSV by writing every cell with JSON.stringify: `"a \"quoted\" note"`, a line
// break as `\n`. That is not RFC 4180 (which doubles a quote), so such a file is read line by line,
// each line as the elements of a JSON array; JSON escapes keep every record on one line.

/** The cells of a line written that way, or null when it is not (a cell unquoted, or not JSON). */
export function jsonQuotedCells(line: string): string[] | null {
  if (!line.startsWith('"')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${line}]`);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((cell) => typeof cell === 'string')) return null;
  return parsed as string[];
}
