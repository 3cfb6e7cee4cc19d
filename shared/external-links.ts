// The web pages the app itself links to: the only pages it opens, in the user's browser, after
// asking (electron/main/external-links.ts). A link the page asks for that is not here, exactly and
// over https, is refused, so a crafted note or a bug in the page cannot open anything else.
// A screen that links to a page adds it here and links by key.
export const EXTERNAL_LINKS = {
  /** Where the default quote provider's prices come from. */
  yahooFinance: 'https://finance.yahoo.com/',
  /** The fallback quote provider. */
  stooq: 'https://stooq.com/',
} as const satisfies Record<string, `https://${string}`>;

export type ExternalLink = keyof typeof EXTERNAL_LINKS;
