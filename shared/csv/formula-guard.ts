// OWASP's defence against CSV formula injection: a text cell that a spreadsheet would read as a
// formula (it begins with =, +, -, @, a tab or a carriage return) is written with an apostrophe in
// front, which spreadsheets take as "this is text". The app's own import takes exactly that
// apostrophe off again, so its exports still read back to the same bytes (docs/csv.md).

/** What a spreadsheet may treat as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Cells the guard changes: a formula start, after any number of apostrophes already there. */
const GUARDED_BY_EXPORT = /^'*[=+\-@\t\r]/;
/** Cells the import changes back: at least one apostrophe, then a formula start. */
const GUARDED_IN_FILE = /^'+[=+\-@\t\r]/;

/** True when a spreadsheet could run this cell as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The cell as the export writes it. With `guard` (the default) every formula start gains one
 * apostrophe; without it only a cell that would otherwise read back wrongly (apostrophes already
 * in front of a formula start, as in `'=x`) gains one, so the import's rule stays exact in both.
 */
export function guardCell(text: string, guard = true): string {
  if (guard ? GUARDED_BY_EXPORT.test(text) : GUARDED_IN_FILE.test(text)) return `'${text}`;
  return text;
}

/** The cell as it was before `guardCell`: one apostrophe fewer before a formula start. */
export function unguardCell(text: string): string {
  return GUARDED_IN_FILE.test(text) ? text.slice(1) : text;
}
