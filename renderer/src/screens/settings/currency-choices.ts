// The base-currency select's choices: the portfolio's own currencies first, then the others.

/** ISO 4217 codes in current use that a provider or the ECB quotes (a typed code is accepted too, via the CLI). */
export const ISO_CURRENCIES = [
  'AED',
  'ARS',
  'AUD',
  'BGN',
  'BRL',
  'CAD',
  'CHF',
  'CLP',
  'CNY',
  'COP',
  'CZK',
  'DKK',
  'EGP',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'ISK',
  'JPY',
  'KRW',
  'KWD',
  'MAD',
  'MXN',
  'MYR',
  'NGN',
  'NOK',
  'NZD',
  'PEN',
  'PHP',
  'PKR',
  'PLN',
  'QAR',
  'RON',
  'RUB',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TRY',
  'TWD',
  'UAH',
  'USD',
  'VND',
  'ZAR',
] as const;

export interface CurrencyChoices {
  /** Currencies the portfolio's accounts, instruments or transactions use, and the current base. */
  used: string[];
  others: string[];
}

export function currencyChoices(used: readonly string[], current: string): CurrencyChoices {
  const first = [...new Set([...used, current])].sort();
  return { used: first, others: ISO_CURRENCIES.filter((code) => !first.includes(code)) };
}
