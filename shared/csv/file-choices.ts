// What the user chooses for a whole file that lacks a column (the account, the currency), and how
// each front end names the place to choose it: the import screen's fields, or the CLI's options.

/** Who reads the message: the app's import screen or the CLI. */
export type Wording = 'app' | 'cli';

export const CHOICE_HINTS: Record<Wording, { account: string; currency: string }> = {
  app: {
    account: 'type it in “Account for every row” in the mapping step',
    currency: 'type it in “Currency for every row” in the mapping step',
  },
  cli: {
    account: 'choose the account to import into with --account NAME',
    currency: 'choose the currency of every row with --currency CODE',
  },
};

/** A three-letter code, as the file-wide currency is typed: "usd" is USD. */
export function currencyCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}
