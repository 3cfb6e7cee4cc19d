// Yahoo Finance's chart endpoint: /v8/finance/chart/{symbol}?period1&period2&interval=1d&events=div,split
import type { QuoteBar } from '../domain/bar';
import { z } from 'zod';
import { utcMsToDay } from '../engine/dates';
import {
  QuoteDataError,
  type CorporateAction,
  type InstrumentKind,
  type InstrumentMeta,
  type ParsedSeries,
} from './types';

const maybeNumber = z.number().nullable().optional();
const series = z.array(z.number().nullable());

// Loose objects: Yahoo adds fields freely; only what we read is checked.
const chartSchema = z.looseObject({
  chart: z.looseObject({
    result: z
      .array(
        z.looseObject({
          meta: z
            .looseObject({
              symbol: z.string().optional(),
              currency: z.string().nullable().optional(),
              exchangeName: z.string().nullable().optional(),
              fullExchangeName: z.string().nullable().optional(),
              instrumentType: z.string().nullable().optional(),
              exchangeTimezoneName: z.string().nullable().optional(),
              gmtoffset: maybeNumber,
              longName: z.string().nullable().optional(),
              shortName: z.string().nullable().optional(),
            })
            .optional(),
          timestamp: z.array(z.number()).nullable().optional(),
          events: z
            .looseObject({
              dividends: z.record(z.string(), z.looseObject({ amount: z.number(), date: z.number() })).optional(),
              splits: z
                .record(z.string(), z.looseObject({ date: z.number(), numerator: z.number(), denominator: z.number() }))
                .optional(),
            })
            .nullable()
            .optional(),
          indicators: z
            .looseObject({
              quote: z
                .array(
                  z.looseObject({
                    open: series.optional(),
                    high: series.optional(),
                    low: series.optional(),
                    close: series.optional(),
                    volume: series.optional(),
                  }),
                )
                .optional(),
              adjclose: z.array(z.looseObject({ adjclose: series.optional() })).optional(),
            })
            .optional(),
        }),
      )
      .nullable()
      .optional(),
    error: z.looseObject({ code: z.string().optional(), description: z.string().optional() }).nullable().optional(),
  }),
});

const KINDS: Record<string, InstrumentKind> = {
  EQUITY: 'stock',
  ETF: 'etf',
  INDEX: 'index',
  MUTUALFUND: 'fund',
};

/** The message inside Yahoo's `{"chart":{"result":null,"error":{...}}}`, if the body is that shape. */
export function yahooErrorMessage(body: string): string | null {
  try {
    const parsed = chartSchema.safeParse(JSON.parse(body));
    const error = parsed.success ? parsed.data.chart.error : null;
    if (!error) return null;
    return [error.code, error.description].filter(Boolean).join(': ') || 'unspecified error';
  } catch {
    return null;
  }
}

/**
 * Bars, dividends, splits and instrument facts from a chart response for `symbol`. Throws
 * QuoteDataError for Yahoo's error shape, malformed or truncated JSON, a response about another
 * symbol, misaligned arrays or a price that is not a positive number. A day whose close is
 * `null` is a hole: skipped and counted, never written as zero.
 */
export function parseYahooChart(body: string, symbol: string): ParsedSeries {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new QuoteDataError(
      `Yahoo's answer for ${symbol} is not valid JSON (${body.length} bytes; truncated or garbled).`,
    );
  }
  const parsed = chartSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QuoteDataError(
      `Yahoo's answer for ${symbol} has an unexpected shape (${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  const { chart } = parsed.data;
  if (chart.error) {
    throw new QuoteDataError(
      `Yahoo has no data for ${symbol}: ${[chart.error.code, chart.error.description].filter(Boolean).join(': ')}.`,
    );
  }
  const result = chart.result?.[0];
  if (!result) throw new QuoteDataError(`Yahoo's answer for ${symbol} holds no result.`);

  const rawMeta = result.meta;
  if (!rawMeta?.symbol)
    throw new QuoteDataError(`Yahoo's answer does not say which symbol it is for (asked for ${symbol}).`);
  if (rawMeta.symbol.toUpperCase() !== symbol.toUpperCase()) {
    throw new QuoteDataError(`Yahoo answered for ${rawMeta.symbol} when asked for ${symbol}; nothing was written.`);
  }
  const timeZone = rawMeta.exchangeTimezoneName ?? null;
  const offset = rawMeta.gmtoffset ?? 0;
  const meta: InstrumentMeta = {
    symbol: rawMeta.symbol,
    currency: rawMeta.currency ?? null,
    exchange: rawMeta.fullExchangeName ?? rawMeta.exchangeName ?? null,
    kind: KINDS[rawMeta.instrumentType ?? ''] ?? null,
    timeZone,
    name: rawMeta.longName ?? rawMeta.shortName ?? null,
  };

  const timestamps = result.timestamp ?? [];
  const quote = result.indicators?.quote?.[0];
  const adjclose = result.indicators?.adjclose?.[0]?.adjclose;
  const closes = quote?.close;
  if (timestamps.length > 0 && !closes)
    throw new QuoteDataError(`Yahoo's answer for ${symbol} has timestamps but no closes.`);
  const columns = {
    open: quote?.open,
    high: quote?.high,
    low: quote?.low,
    close: closes,
    volume: quote?.volume,
    adjclose,
  };
  for (const [name, values] of Object.entries(columns)) {
    if (values && values.length !== timestamps.length) {
      throw new QuoteDataError(
        `Yahoo's answer for ${symbol} is inconsistent: ${timestamps.length} timestamps but ${values.length} ${name} values.`,
      );
    }
  }

  const byDay = new Map<string, QuoteBar>();
  let holes = 0;
  // Yahoo now and then publishes 0 for an open or low it did not have: keep the bar, drop that value.
  // A negative price is kept, for checkProviderSeries to refuse the answer with the day.
  const optionalPrice = (value: number | null | undefined): number | null =>
    value === null || value === undefined || value === 0 ? null : value;
  // A timestamp outside what a Date can hold (±8.64e12 s) would fail deep in date formatting as
  // "Invalid time value"; name the answer and the value instead.
  const dayOf = (epochSeconds: number, what: string): string => {
    if (!Number.isFinite(epochSeconds) || Math.abs(epochSeconds) > MAX_EPOCH_SECONDS) {
      throw new QuoteDataError(
        `Yahoo's answer for ${symbol} has a ${what} timestamp of ${epochSeconds}, which is not a date.`,
      );
    }
    return dayInZone(epochSeconds, timeZone, offset);
  };
  timestamps.forEach((ts, i) => {
    const day = dayOf(ts, 'bar');
    const close = closes![i] ?? null;
    if (close === null) {
      holes++;
      return;
    }
    if (!(close > 0)) throw new QuoteDataError(`Yahoo's answer for ${symbol} has a close of ${close} on ${day}.`);
    const volume = quote?.volume?.[i] ?? null;
    if (volume !== null && (!Number.isFinite(volume) || volume < 0)) {
      throw new QuoteDataError(`Yahoo's answer for ${symbol} has volume ${volume} on ${day}.`);
    }
    // A repeated day (Yahoo's live bar next to the session's) keeps the later entry.
    byDay.set(day, {
      day,
      open: optionalPrice(quote?.open?.[i]),
      high: optionalPrice(quote?.high?.[i]),
      low: optionalPrice(quote?.low?.[i]),
      close,
      adjClose: optionalPrice(adjclose?.[i]),
      volume: volume === null ? null : Math.round(volume),
    });
  });
  const bars = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));

  const actions: CorporateAction[] = [];
  for (const dividend of Object.values(result.events?.dividends ?? {})) {
    if (!Number.isFinite(dividend.amount) || dividend.amount < 0) {
      throw new QuoteDataError(`Yahoo's answer for ${symbol} has a dividend of ${dividend.amount}.`);
    }
    actions.push({ kind: 'dividend', day: dayOf(dividend.date, 'dividend'), amount: dividend.amount });
  }
  for (const split of Object.values(result.events?.splits ?? {})) {
    if (!(split.numerator > 0) || !(split.denominator > 0)) {
      throw new QuoteDataError(`Yahoo's answer for ${symbol} has a split of ${split.numerator}:${split.denominator}.`);
    }
    actions.push({
      kind: 'split',
      day: dayOf(split.date, 'split'),
      numerator: split.numerator,
      denominator: split.denominator,
    });
  }
  actions.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind < b.kind ? -1 : 1));
  return { bars, actions, meta, holes };
}

/** The largest Unix time, in seconds, a JavaScript Date can hold (100 million days from 1970). */
const MAX_EPOCH_SECONDS = 8.64e12;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The exchange-local calendar day of a Unix timestamp. Yahoo stamps a daily bar with the
 * session's opening instant, so the day must be read in the exchange's zone, not UTC (a Tokyo
 * bar opens at 00:00 UTC; read in New York it would land on the previous day).
 */
export function dayInZone(epochSeconds: number, timeZone: string | null, fallbackOffsetSeconds = 0): string {
  const formatter = timeZone ? formatterFor(timeZone) : null;
  if (formatter) {
    // en-CA formats as YYYY-MM-DD.
    return formatter.format(new Date(epochSeconds * 1000));
  }
  return utcMsToDay((epochSeconds + fallbackOffsetSeconds) * 1000);
}
