// Every CSV export, one entry per kind. An exporter names its columns (docs/csv.md lists them)
// and yields rows; writeExport turns them into RFC 4180 text in batches, so a million rows
// stream to a file or stdout without being held in memory.
import { stringify } from 'csv-stringify/sync';
import { calls, type CallInput, type Handlers } from '../../shared/api/contract';
import type { ExportKind } from '../../shared/api/csv-schemas';
import type { HoldingsOutput, PerformanceOutput, RrgOutput } from '../../shared/api/portfolio-schemas';
import type { RealizedOutput } from '../../shared/api/realized-schemas';
import { guardCell } from '../../shared/csv/formula-guard';
import { plainNumber } from '../../shared/csv/plain-number';
import { TRANSACTION_COLUMNS } from '../../shared/csv/transaction-columns';
import { PERIODS } from '../../shared/engine/periods';
import { quadrantOf } from '../../shared/engine/relative-rotation';
import { QUOTE_EXPORT_COLUMNS } from '../../shared/quotes/quotes-export-csv';
import type { ExportRepo } from '../db/store';
import { moneyCell } from './money-cell';

export type Cell = string | number | null;

/** The portfolio service's views, which the holdings, performance and rotation exports write out. */
export interface PortfolioSource {
  holdings(asOf: string | null): Promise<HoldingsOutput>;
  performance(input: CallInput<'portfolio:performance'>): Promise<PerformanceOutput>;
  /** Every member against the benchmark set in Settings, the last 52 weeks up to `to`. */
  rotation(to: string | null): Promise<RrgOutput>;
  /** Realized gains, lot by lot, of one tax year or every year. */
  realized(year: number | null): Promise<RealizedOutput>;
}

/** The source over the backend's own handlers, each input through its contract schema. */
export function portfolioSource(handlers: () => Handlers): PortfolioSource {
  return {
    holdings: async (asOf) =>
      handlers()['portfolio:holdings'](calls['portfolio:holdings'].input.parse(asOf === null ? {} : { asOf })),
    performance: async (input) =>
      handlers()['portfolio:performance'](calls['portfolio:performance'].input.parse(input)),
    rotation: async (to) => {
      const { benchmarkSymbol } = await handlers()['settings:get']({});
      const input = {
        benchmark: { kind: 'symbol', symbol: benchmarkSymbol },
        tail: 52,
        ...(to === null ? {} : { to }),
      };
      return handlers()['rotation:rrg'](calls['rotation:rrg'].input.parse(input));
    },
    realized: async (year) =>
      handlers()['portfolio:realized'](calls['portfolio:realized'].input.parse(year === null ? {} : { year })),
  };
}

export interface ExportContext {
  /** The store's export queries, on the connection the export reads from. */
  exports: ExportRepo;
  /** YYYY-MM-DD: rows up to and including this day (holdings are valued at the last close on or before it). */
  asOf: string | null;
  /** The realized export: this tax year only, or every year (null or absent). */
  year?: number | null;
  /** Needed by the holdings, performance, rotation and realized exports. */
  portfolio?: PortfolioSource;
}

export interface Exporter {
  kind: ExportKind;
  columns: readonly string[];
  /**
   * Columns that hold only numbers, written as they are: a negative amount such as -12.5 is a
   * number, not a formula. Every other cell is text and goes through the formula guard.
   */
  numbers: readonly string[];
  rows(context: ExportContext): Iterable<readonly Cell[]> | Promise<Iterable<readonly Cell[]>>;
}

/** An export that needs the portfolio service, asked for without one. */
export class ExportUnavailableError extends Error {
  constructor(readonly kind: ExportKind) {
    super(`Exporting ${kind} needs the portfolio service, which this caller did not provide.`);
    this.name = 'ExportUnavailableError';
  }
}

function portfolioOf(context: ExportContext, kind: ExportKind): PortfolioSource {
  if (!context.portfolio) throw new ExportUnavailableError(kind);
  return context.portfolio;
}

async function holdingsRows(context: ExportContext): Promise<Cell[][]> {
  const view = await portfolioOf(context, 'holdings').holdings(context.asOf);
  return view.rows.map((row) => [
    row.account,
    row.symbol,
    row.currency,
    row.sleeve,
    row.quantity,
    row.costBasis,
    row.price,
    row.priceDate,
    row.marketValue,
    row.unrealizedPl,
    row.realizedPl,
    row.dividends,
    row.weightPct,
    view.baseCurrency,
    row.fxRate,
    row.marketValueBase,
    row.costBasisBase,
    row.unrealizedPlBase,
    row.currencyEffectBase,
  ]);
}

/**
 * One row per period, each ending on the as-of day (or the last valued day): the performance
 * call resolves each period on the portfolio's own days, valued up to that day.
 */
async function performanceRows(context: ExportContext): Promise<Cell[][]> {
  const source = portfolioOf(context, 'performance');
  const rows: Cell[][] = [];
  for (const period of PERIODS) {
    const view = await source.performance(context.asOf === null ? { period } : { period, to: context.asOf });
    if (view.from === null) continue;
    rows.push([
      period,
      view.from,
      view.to,
      view.baseCurrency,
      moneyCell(view.startValue, view.baseCurrency),
      moneyCell(view.endValue, view.baseCurrency),
      view.twrPct,
      view.mwrPct,
      view.mwrAnnualizedPct,
      view.benchmark?.symbol ?? null,
      view.benchmark?.basis ?? null,
      view.benchmark?.from ?? null,
      view.benchmark?.to ?? null,
      view.benchmark?.pct ?? null,
      view.benchmark?.relativePct ?? null,
    ]);
  }
  return rows;
}

async function rotationRows(context: ExportContext): Promise<Cell[][]> {
  const view = await portfolioOf(context, 'rotation').rotation(context.asOf);
  return view.members.flatMap((member) =>
    member.tail.map((point) => [
      member.label,
      member.kind,
      view.benchmarkLabel,
      point.day,
      point.ratio,
      point.momentum,
      quadrantOf(point.ratio, point.momentum),
    ]),
  );
}

/** One row per lot a sale consumed, sold on or before the as-of day when one is given. */
async function realizedRows(context: ExportContext): Promise<Cell[][]> {
  const view = await portfolioOf(context, 'realized').realized(context.year ?? null);
  return view.rows
    .filter((row) => context.asOf === null || row.sold <= context.asOf)
    .map((row) => [
      Number(row.sold.slice(0, 4)),
      row.account,
      row.symbol,
      row.currency,
      row.method,
      row.acquired,
      row.sold,
      row.quantity,
      row.proceeds,
      row.cost,
      row.gain,
      row.term,
      view.baseCurrency,
      row.proceedsBase,
      row.costBase,
      row.gainBase,
    ]);
}

export const REALIZED_COLUMNS = [
  'tax_year',
  'account',
  'symbol',
  'currency',
  'method',
  'acquired',
  'sold',
  'quantity',
  'proceeds',
  'cost',
  'gain',
  'term',
  'base_currency',
  'proceeds_base',
  'cost_base',
  'gain_base',
] as const;

export const HOLDINGS_COLUMNS = [
  'account',
  'symbol',
  'currency',
  'sleeve',
  'quantity',
  'cost_basis',
  'price',
  'price_date',
  'market_value',
  'unrealized_pl',
  'realized_pl',
  'dividends',
  'weight_pct',
  'base_currency',
  'fx_rate',
  'market_value_base',
  'cost_basis_base',
  'unrealized_pl_base',
  'currency_effect_base',
] as const;

/** Written here and read back by `quotes import` (shared/quotes/quotes-export-csv.ts). */
export const QUOTES_COLUMNS = QUOTE_EXPORT_COLUMNS;

export const PERFORMANCE_COLUMNS = [
  'period',
  'from',
  'to',
  'currency',
  'start_value',
  'end_value',
  'twr_pct',
  'mwr_pct',
  'mwr_annualized_pct',
  'benchmark',
  'benchmark_basis',
  'benchmark_from',
  'benchmark_to',
  'benchmark_pct',
  'relative_pct',
] as const;

export const ROTATION_COLUMNS = ['member', 'kind', 'benchmark', 'date', 'ratio', 'momentum', 'quadrant'] as const;

export const EXPORTERS: Record<ExportKind, Exporter> = {
  transactions: {
    kind: 'transactions',
    columns: TRANSACTION_COLUMNS,
    numbers: ['quantity', 'price', 'fee', 'amount', 'fx_rate'],
    rows: ({ exports, asOf }) => exports.transactions(TRANSACTION_COLUMNS, asOf),
  },
  quotes: {
    kind: 'quotes',
    columns: QUOTES_COLUMNS,
    numbers: ['open', 'high', 'low', 'close', 'adj_close', 'volume'],
    rows: ({ exports, asOf }) => exports.quotes(QUOTES_COLUMNS, asOf),
  },
  holdings: {
    kind: 'holdings',
    columns: HOLDINGS_COLUMNS,
    numbers: [
      'quantity',
      'cost_basis',
      'price',
      'market_value',
      'unrealized_pl',
      'realized_pl',
      'dividends',
      'weight_pct',
      'fx_rate',
      'market_value_base',
      'cost_basis_base',
      'unrealized_pl_base',
      'currency_effect_base',
    ],
    rows: holdingsRows,
  },
  performance: {
    kind: 'performance',
    columns: PERFORMANCE_COLUMNS,
    numbers: ['start_value', 'end_value', 'twr_pct', 'mwr_pct', 'mwr_annualized_pct', 'benchmark_pct', 'relative_pct'],
    rows: performanceRows,
  },
  rotation: { kind: 'rotation', columns: ROTATION_COLUMNS, numbers: ['ratio', 'momentum'], rows: rotationRows },
  realized: {
    kind: 'realized',
    columns: REALIZED_COLUMNS,
    numbers: ['tax_year', 'quantity', 'proceeds', 'cost', 'gain', 'proceeds_base', 'cost_base', 'gain_base'],
    rows: realizedRows,
  },
};

export function exportFileName(kind: ExportKind, asOf: string | null): string {
  return `tiltfolio-${kind}${asOf === null ? '' : `-${asOf}`}.csv`;
}

// RFC 4180: CRLF between records, fields quoted only when they hold a comma, a quote or a line
// break. With an explicit record delimiter csv-stringify would quote only fields holding that
// CRLF, so quote_record_delimiter asks it to quote a lone LF or CR as well.
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

export interface ExportOptions {
  /**
   * OWASP's formula guard on text cells (an apostrophe before =, +, -, @, tab or CR), for files a
   * spreadsheet will open; on unless set to false. The app's own import takes it off again.
   */
  formulaGuard?: boolean | undefined;
}

/** Turns a row into text cells: numbers as plain decimals, text through the formula guard. */
function cellWriter(exporter: Exporter, options: ExportOptions): (row: readonly Cell[]) => string[] {
  const guard = options.formulaGuard ?? true;
  const isNumber = exporter.columns.map((column) => exporter.numbers.includes(column));
  return (row) =>
    row.map((cell, i) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return plainNumber(cell);
      return isNumber[i] ? cell : guardCell(cell, guard);
    });
}

const BATCH_ROWS = 5000;

/**
 * Writes the export through `write` (which may wait for the sink to drain) and returns the row
 * count. Each exporter reads with one statement, which in WAL mode is one consistent snapshot;
 * a long export should run on a connection of its own, since the statement holds its connection
 * busy between batches.
 */
export async function writeExport(
  kind: ExportKind,
  context: ExportContext,
  write: (chunk: string) => void | Promise<void>,
  options: ExportOptions = {},
): Promise<number> {
  const exporter = EXPORTERS[kind];
  const text = cellWriter(exporter, options);
  const rows = (await exporter.rows(context))[Symbol.iterator]();
  try {
    await write(stringify([exporter.columns as string[]], STRINGIFY_OPTIONS));
    let count = 0;
    for (;;) {
      const batch: string[][] = [];
      let next = rows.next();
      while (!next.done) {
        batch.push(text(next.value));
        if (batch.length >= BATCH_ROWS) break;
        next = rows.next();
      }
      if (batch.length > 0) {
        count += batch.length;
        await write(stringify(batch, STRINGIFY_OPTIONS));
      }
      if (next.done) return count;
    }
  } finally {
    // A write that failed part way leaves the statement open, and an open statement keeps its
    // connection busy for every other query: close it.
    rows.return?.();
  }
}

/** The whole export as one string (the API's `csv:export`, browser downloads). */
export async function exportToString(
  kind: ExportKind,
  context: ExportContext,
  options: ExportOptions = {},
): Promise<{ content: string; rows: number }> {
  const parts: string[] = [];
  const rows = await writeExport(kind, context, (chunk) => void parts.push(chunk), options);
  return { content: parts.join(''), rows };
}
