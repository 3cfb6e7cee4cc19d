// Every CSV export, one entry per kind. An exporter names its columns (docs/csv.md lists them)
// and yields rows; writeExport turns them into RFC 4180 text in batches, so a million rows
// stream to a file or stdout without being held in memory.
import { stringify } from 'csv-stringify/sync';
import type { ExportKind } from '../../shared/api/csv-schemas';
import type { HoldingsOutput, PerformanceOutput, RrgOutput } from '../../shared/api/portfolio-schemas';
import { plainNumber } from '../../shared/csv/plain-number';
import { quadrantOf } from '../../shared/engine/relative-rotation';
import { TRANSACTION_COLUMNS } from '../../shared/csv/transaction-columns';
import type { Db } from '../db/connection';
import { createExportRepo } from '../db/csv-export-repo';

export type Cell = string | number | null;

export interface ExportContext {
  db: Db;
  /** YYYY-MM-DD: rows up to and including this day (holdings are valued at the last close on or before it). */
  asOf: string | null;
  /** The engine's views of the portfolio, for the exports that are computed rather than stored. */
  views?: ExportViews | undefined;
}

/** What the portfolio service computes, as the computed exports need it. */
export interface ExportViews {
  holdings(asOf: string | null): HoldingsOutput;
  performance(asOf: string | null): { period: string; result: PerformanceOutput }[];
  rotation(asOf: string | null): RrgOutput;
}

export interface Exporter {
  kind: ExportKind;
  columns: readonly string[];
  rows(context: ExportContext): Iterable<readonly Cell[]>;
}

/** An export whose data the backend cannot produce yet. */
export class ExportUnavailableError extends Error {
  constructor(readonly kind: ExportKind) {
    super(`Exporting ${kind} needs the portfolio engine, which this caller did not provide.`);
    this.name = 'ExportUnavailableError';
  }
}

function computed(
  kind: ExportKind,
  columns: readonly string[],
  rows: (views: ExportViews, asOf: string | null) => Iterable<readonly Cell[]>,
): Exporter {
  return {
    kind,
    columns,
    rows: ({ views, asOf }) => {
      if (!views) throw new ExportUnavailableError(kind);
      return rows(views, asOf);
    },
  };
}

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
] as const;

export const QUOTES_COLUMNS = [
  'symbol',
  'date',
  'source',
  'open',
  'high',
  'low',
  'close',
  'adj_close',
  'volume',
  'fetched_at',
] as const;

export const PERFORMANCE_COLUMNS = [
  'period',
  'from',
  'to',
  'start_value',
  'end_value',
  'twr_pct',
  'mwr_pct',
  'mwr_annualized_pct',
  'benchmark',
  'benchmark_pct',
  'relative_pct',
] as const;

export const ROTATION_COLUMNS = ['sleeve', 'benchmark', 'date', 'ratio', 'momentum', 'quadrant'] as const;

export const EXPORTERS: Record<ExportKind, Exporter> = {
  transactions: {
    kind: 'transactions',
    columns: TRANSACTION_COLUMNS,
    rows: ({ db, asOf }) => createExportRepo(db).transactions(asOf),
  },
  quotes: {
    kind: 'quotes',
    columns: QUOTES_COLUMNS,
    rows: ({ db, asOf }) => createExportRepo(db).quotes(asOf),
  },
  holdings: computed('holdings', HOLDINGS_COLUMNS, (views, asOf) =>
    views
      .holdings(asOf)
      .rows.map((r) => [
        r.account,
        r.symbol,
        r.currency,
        r.sleeve,
        r.quantity,
        r.costBasis,
        r.price,
        r.priceDate,
        r.marketValue,
        r.unrealizedPl,
        r.realizedPl,
        r.dividends,
        r.weightPct,
      ]),
  ),
  performance: computed('performance', PERFORMANCE_COLUMNS, (views, asOf) =>
    views
      .performance(asOf)
      .map(({ period, result: p }) => [
        period,
        p.from,
        p.to,
        p.startValue,
        p.endValue,
        p.twrPct,
        p.mwrPct,
        p.mwrAnnualizedPct,
        p.benchmark?.symbol ?? null,
        p.benchmark?.pct ?? null,
        p.benchmark?.relativePct ?? null,
      ]),
  ),
  rotation: computed('rotation', ROTATION_COLUMNS, (views, asOf) => {
    const rrg = views.rotation(asOf);
    return rrg.members
      .filter((m) => m.kind === 'sleeve')
      .flatMap((m) =>
        m.tail.map((p): Cell[] => [
          m.key,
          rrg.benchmarkLabel,
          p.day,
          p.ratio,
          p.momentum,
          quadrantOf(p.ratio, p.momentum),
        ]),
      );
  }),
};

export function exportFileName(kind: ExportKind, asOf: string | null): string {
  return `tiltfolio-${kind}${asOf === null ? '' : `-${asOf}`}.csv`;
}

// RFC 4180: CRLF between records, fields quoted only when they hold a comma, a quote or a line
// break. csv-stringify quotes on its record delimiter only, so a lone LF or CR in a note needs
// quoted_match.
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

function text(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? plainNumber(cell) : cell;
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
): Promise<number> {
  const exporter = EXPORTERS[kind];
  const rows = exporter.rows(context)[Symbol.iterator]();
  await write(stringify([exporter.columns as string[]], STRINGIFY_OPTIONS));
  let count = 0;
  for (;;) {
    const batch: string[][] = [];
    let next = rows.next();
    while (!next.done) {
      batch.push(next.value.map(text));
      if (batch.length >= BATCH_ROWS) break;
      next = rows.next();
    }
    if (batch.length > 0) {
      count += batch.length;
      await write(stringify(batch, STRINGIFY_OPTIONS));
    }
    if (next.done) return count;
  }
}

/** The whole export as one string (the API's `csv:export`, browser downloads). */
export async function exportToString(
  kind: ExportKind,
  context: ExportContext,
): Promise<{ content: string; rows: number }> {
  const parts: string[] = [];
  const rows = await writeExport(kind, context, (chunk) => void parts.push(chunk));
  return { content: parts.join(''), rows };
}
