// Holdings as the table shows them: grouped by sleeve, each group headed by its subtotal, rows
// sorted within their group. Money sums stay exact (decimal strings in, decimal strings out), and a
// subtotal, like every total, adds only amounts converted to the base currency.
import type { z } from 'zod';
import type { holdingRow, sleeveSubtotalSchema } from '../api/portfolio-schemas';
import { SLEEVES, type Sleeve } from '../domain/sleeve';
import { Decimal } from '../engine/decimal';
import { leftOut } from './left-out';

export type HoldingRow = z.output<typeof holdingRow>;

/** A row's figures in the base currency (and the rate behind them). */
export type HoldingBaseField =
  | 'fxRate'
  | 'fxRateDay'
  | 'marketValueBase'
  | 'costBasisBase'
  | 'unrealizedPlBase'
  | 'priceEffectBase'
  | 'currencyEffectBase'
  | 'realizedPlBase'
  | 'dividendsBase'
  | 'fxNote';

export const HOLDING_SORT_KEYS = [
  'symbol',
  'account',
  'quantity',
  'price',
  'marketValue',
  'weightPct',
  'costBasis',
  'unrealizedPl',
  'realizedPl',
  'returnPct',
  'dayChange',
] as const;
export type HoldingSortKey = (typeof HOLDING_SORT_KEYS)[number];
export interface HoldingSort {
  key: HoldingSortKey;
  direction: 'asc' | 'desc';
}

/** A sleeve's sums in the base currency; `leftOut` lists its positions without a rate. */
export type SleeveSubtotal = z.output<typeof sleeveSubtotalSchema>;

export type HoldingLine =
  | { kind: 'group'; key: string; subtotal: SleeveSubtotal; collapsed: boolean }
  | { kind: 'row'; key: string; row: HoldingRow };

function sortValue(row: HoldingRow, key: HoldingSortKey): string | number | null {
  switch (key) {
    case 'symbol':
    case 'account':
      return row[key];
    case 'price':
    case 'weightPct':
    case 'dayChange':
      return row[key];
    case 'quantity':
      return Number(row.quantity);
    case 'returnPct':
      // In the base currency, so that positions in different currencies compare.
      return row.returnBasePct;
    default: {
      // Money in the base currency, so that positions in different currencies sort together;
      // one without a rate goes last.
      const text = row[`${key}Base`];
      return text === null ? null : Number(text);
    }
  }
}

/** Nulls (no quote, no day change) go last whichever way the column is sorted. */
export function compareHoldings(a: HoldingRow, b: HoldingRow, sort: HoldingSort): number {
  return compareKeyed({ row: a, value: sortValue(a, sort.key) }, { row: b, value: sortValue(b, sort.key) }, sort);
}

interface Keyed {
  row: HoldingRow;
  value: string | number | null;
}

function compareKeyed(a: Keyed, b: Keyed, sort: HoldingSort): number {
  const x = a.value;
  const y = b.value;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
  const signed = sort.direction === 'asc' ? order : -order;
  return signed !== 0 ? signed : a.row.symbol.localeCompare(b.row.symbol) || a.row.account.localeCompare(b.row.account);
}

/**
 * The rows in the sort's order. Each row's key is read once, not in every comparison: a money
 * column's key is decimal text, and parsing it twice per comparison made sorting 2,000 rows
 * several times slower.
 */
export function sortHoldings(rows: readonly HoldingRow[], sort: HoldingSort): HoldingRow[] {
  return rows
    .map((row) => ({ row, value: sortValue(row, sort.key) }))
    .sort((a, b) => compareKeyed(a, b, sort))
    .map((keyed) => keyed.row);
}

const sum = (values: (string | null)[]) =>
  Decimal.sum(values.filter((v): v is string => v !== null).map((v) => Decimal.parse(v))).toString();

/** A row's value in the base currency: market value, or cost without a quote, at its rate; null without one. */
function baseValue(r: HoldingRow): Decimal | null {
  if (r.fxRate === null) return null;
  if (r.marketValueBase !== null) return Decimal.parse(r.marketValueBase);
  return Decimal.parse(r.marketValue ?? r.costBasis).mul(Decimal.parse(r.fxRate));
}

export function sleeveSubtotal(sleeve: Sleeve, rows: readonly HoldingRow[], baseCurrency: string): SleeveSubtotal {
  const counted = rows.filter((r) => r.fxRate !== null);
  const changes = counted.flatMap((r) => (r.dayChange === null ? [] : [r.dayChange * Number(r.fxRate)]));
  return {
    sleeve,
    positions: rows.length,
    marketValue: Decimal.sum(counted.map((r) => baseValue(r) as Decimal)).toString(),
    costBasis: sum(counted.map((r) => r.costBasisBase)),
    unrealizedPl: sum(counted.map((r) => r.unrealizedPlBase)),
    realizedPl: sum(counted.map((r) => r.realizedPlBase)),
    weightPct: counted.reduce((total, r) => total + (r.weightPct ?? 0), 0),
    // Float day changes (closes are floats), summed exactly at their shortest decimal forms.
    dayChange: changes.length === 0 ? null : Decimal.sum(changes.map(Decimal.fromNumber)).toNumber(),
    leftOut: leftOut(
      rows
        .filter((r) => r.fxRate === null)
        .map((r) => ({ currency: r.currency, amount: Decimal.parse(r.marketValue ?? r.costBasis) })),
      baseCurrency,
    ),
  };
}

/** One sleeve's positions and their subtotal. */
export interface SleeveGroup {
  sleeve: Sleeve;
  rows: HoldingRow[];
  subtotal: SleeveSubtotal;
}

/**
 * The rows by sleeve, in the sleeves' fixed order (empty ones left out), each with its subtotal:
 * apart from the sort, so that sorting a column does not add up every sleeve again. `subtotals`:
 * those the holdings answer carries, when `rows` are all of its rows (no search narrows them).
 */
export function sleeveGroups(
  rows: readonly HoldingRow[],
  baseCurrency: string,
  subtotals?: readonly SleeveSubtotal[],
): SleeveGroup[] {
  const given = new Map(subtotals?.map((s) => [s.sleeve, s]));
  const bySleeve = new Map<Sleeve, HoldingRow[]>();
  for (const row of rows) {
    const list = bySleeve.get(row.sleeve);
    if (list) list.push(row);
    else bySleeve.set(row.sleeve, [row]);
  }
  return SLEEVES.flatMap((sleeve) => {
    const members = bySleeve.get(sleeve);
    if (!members) return [];
    return [{ sleeve, rows: members, subtotal: given.get(sleeve) ?? sleeveSubtotal(sleeve, members, baseCurrency) }];
  });
}

/** Each group's heading, then its rows sorted; a collapsed sleeve keeps only its heading. */
export function groupLines(
  groups: readonly SleeveGroup[],
  sort: HoldingSort,
  collapsed: ReadonlySet<Sleeve> = new Set(),
): HoldingLine[] {
  const lines: HoldingLine[] = [];
  for (const { sleeve, rows, subtotal } of groups) {
    const isCollapsed = collapsed.has(sleeve);
    lines.push({ kind: 'group', key: `group:${sleeve}`, subtotal, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const row of sortHoldings(rows, sort))
      lines.push({ kind: 'row', key: `${row.account}\u0000${row.symbol}`, row });
  }
  return lines;
}

/** Sleeves in their fixed order, empty ones left out; a collapsed sleeve keeps only its heading. */
export function holdingLines(
  rows: readonly HoldingRow[],
  sort: HoldingSort,
  baseCurrency: string,
  collapsed: ReadonlySet<Sleeve> = new Set(),
): HoldingLine[] {
  return groupLines(sleeveGroups(rows, baseCurrency), sort, collapsed);
}
