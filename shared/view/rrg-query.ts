// What the relative-rotation graph shows, kept in the Rotation screen's hash beside the window
// (`#/rotation?from=…&to=…&week=2016-11-11&tail=8&vs=SPY&members=symbols&symbols=XLF,XLK,RUT`),
// so a bookmark or a reload comes back to the same week; and the benchmark typed by the person,
// read into a subject or refused in words that name what was typed. Pure: the card is thin over it.
import type { Subject } from '../api/portfolio-schemas';
import { isSleeve, SLEEVE_LABELS, SLEEVES } from '../domain/sleeve';
import { isDay } from '../engine/dates';
import { SYMBOL_RE } from '../quotes/symbols';
import { parseQuery } from './hash-query';

export const RRG_MEMBERS = ['sleeves', 'holdings', 'both', 'symbols'] as const;
export type RrgMembers = (typeof RRG_MEMBERS)[number];
export const RRG_TAILS = [4, 8, 12, 26] as const;

export interface RrgState {
  /** The scrubber's end: the last day of a week (or a day, daily); the graph takes the last stop on or before it. */
  week: string | null;
  tail: number;
  period: 'weekly' | 'daily';
  /** null: the benchmark in Settings. */
  benchmark: Subject | null;
  members: RrgMembers;
  /** The typed members, when `members` is `symbols`. */
  symbols: string[];
}

export const RRG_DEFAULTS: RrgState = {
  week: null,
  tail: 8,
  period: 'weekly',
  benchmark: null,
  members: 'sleeves',
  symbols: ['XLF', 'XLK', 'RUT'],
};

/** Typed symbols, "xlf, XLK rut" → XLF, XLK, RUT: once each, at most 40. */
export function parseSymbols(text: string): string[] {
  return [
    ...new Set(
      text
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ].slice(0, 40);
}

/** A subject in the hash: `portfolio`, `sleeve:financials`, or the symbol itself. */
function subjectToQuery(subject: Subject): string {
  if (subject.kind === 'portfolio') return 'portfolio';
  return subject.kind === 'sleeve' ? `sleeve:${subject.sleeve}` : subject.symbol;
}

function subjectFromQuery(value: string): Subject | null {
  if (value === 'portfolio') return { kind: 'portfolio' };
  if (value.startsWith('sleeve:')) {
    const sleeve = value.slice('sleeve:'.length);
    return isSleeve(sleeve) ? { kind: 'sleeve', sleeve } : null;
  }
  const symbol = value.toUpperCase();
  return SYMBOL_RE.test(symbol) ? { kind: 'symbol', symbol } : null;
}

/**
 * The graph's state from the hash; each key that is absent or does not parse (a hand-edited link)
 * keeps its default rather than failing the screen.
 */
export function rrgFromQuery(query: string): RrgState {
  const params = new Map(parseQuery(query).reverse()); // reversed: the first of a repeated key wins
  const state = { ...RRG_DEFAULTS };
  const week = params.get('week');
  if (week !== undefined && isDay(week)) state.week = week;
  const tail = Number(params.get('tail'));
  if ((RRG_TAILS as readonly number[]).includes(tail)) state.tail = tail;
  const period = params.get('closes');
  if (period === 'weekly' || period === 'daily') state.period = period;
  const vs = params.get('vs');
  if (vs !== undefined) state.benchmark = subjectFromQuery(vs);
  const members = params.get('members');
  if ((RRG_MEMBERS as readonly string[]).includes(members ?? '')) state.members = members as RrgMembers;
  const symbols = parseSymbols(params.get('symbols') ?? '').filter((s) => SYMBOL_RE.test(s));
  if (symbols.length > 0) state.symbols = symbols;
  return state;
}

/** The keys for updateQuery: a value at its default is left out, so a plain link stays short. */
export function rrgQueryChanges(state: Partial<RrgState>): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  const unlessDefault = <T>(value: T, fallback: T, text: string) => (value === fallback ? null : text);
  if (state.week !== undefined) changes.week = state.week;
  if (state.tail !== undefined) changes.tail = unlessDefault(state.tail, RRG_DEFAULTS.tail, String(state.tail));
  if (state.period !== undefined) changes.closes = unlessDefault(state.period, RRG_DEFAULTS.period, state.period);
  if (state.benchmark !== undefined) changes.vs = state.benchmark && subjectToQuery(state.benchmark);
  if (state.members !== undefined) changes.members = unlessDefault(state.members, RRG_DEFAULTS.members, state.members);
  if (state.symbols !== undefined) changes.symbols = state.symbols.length > 0 ? state.symbols.join(',') : null;
  return changes;
}

/** The benchmark as the field shows it: a symbol, "Your portfolio", or a sleeve's name. */
export function benchmarkText(subject: Subject): string {
  if (subject.kind === 'portfolio') return 'Your portfolio';
  return subject.kind === 'sleeve' ? `${SLEEVE_LABELS[subject.sleeve]} sleeve` : subject.symbol;
}

/** Every benchmark the field suggests: the portfolio, its sleeves, then the cached symbols. */
export function benchmarkSuggestions(cached: readonly string[]): string[] {
  return [
    benchmarkText({ kind: 'portfolio' }),
    ...SLEEVES.map((sleeve) => benchmarkText({ kind: 'sleeve', sleeve })),
    ...cached,
  ];
}

/**
 * What the person typed as the benchmark: the portfolio or a sleeve by the name the field
 * suggests, or any symbol with cached prices. An unknown symbol is refused with its name and what
 * to do, before any graph is asked for (else the card would show no graph and no reason).
 */
export function parseBenchmark(
  text: string,
  cached: ReadonlySet<string>,
): { ok: true; value: Subject } | { ok: false; message: string } {
  const typed = text.trim();
  if (typed === '') return { ok: false, message: 'Against: type a symbol, e.g. SPY.' };
  const named = benchmarkSuggestions([]).findIndex((s) => s.toLowerCase() === typed.toLowerCase());
  if (named === 0) return { ok: true, value: { kind: 'portfolio' } };
  if (named > 0) return { ok: true, value: { kind: 'sleeve', sleeve: SLEEVES[named - 1] as (typeof SLEEVES)[number] } };
  const symbol = typed.toUpperCase();
  if (!SYMBOL_RE.test(symbol))
    return { ok: false, message: `Against: "${typed}" is not a ticker symbol (letters, digits and . ^ = - only).` };
  if (!cached.has(symbol))
    return {
      ok: false,
      message: `Against: no cached prices for ${symbol}. Import or refresh its quotes under Import & export, or pick a symbol from the list.`,
    };
  return { ok: true, value: { kind: 'symbol', symbol } };
}
