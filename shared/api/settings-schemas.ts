import { z } from 'zod';

const baseUrl = z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// address.' }).max(500);

export const quoteProviderChoice = z.enum(['yahoo', 'stooq', 'none']);

export const appSettings = z.strictObject({
  /** Where a refresh fetches quotes; `none` never touches the network. */
  quoteProvider: quoteProviderChoice,
  yahooBaseUrl: baseUrl,
  stooqBaseUrl: baseUrl,
  /** Offline: refresh reports "offline" at once, whatever the provider. */
  offline: z.boolean(),
});

export const settingsPatch = appSettings.partial();

export type AppSettings = z.output<typeof appSettings>;
