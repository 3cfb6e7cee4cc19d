import { describe, expect, it } from 'vitest';
import { holdingLines, sleeveSubtotal, type HoldingBaseField, type HoldingRow } from './holdings-view';

function row(symbol: string, over: Partial<HoldingRow> = {}): HoldingRow {
  const own: Omit<HoldingRow, HoldingBaseField> = {
    account: 'Brokerage',
    symbol,
    name: null,
    sleeve: 'other',
    currency: 'USD',
    quantity: '10',
    costBasis: '100',
    marketValue: '120.1',
    unrealizedPl: '20.1',
    realizedPl: '0',
    dividends: '0',
    price: 12.01,
    priceDate: '2024-05-01',
    stale: false,
    weightPct: 10,
    dayChange: 1,
    dayChangePct: 0.8,
    atCost: false,
    note: null,
    returnPct: null,
    returnBasePct: null,
    ...over,
  };
  // In the base currency (USD here): the own figures at rate 1, or none without a rate.
  const same = own.currency === 'USD';
  return {
    fxRate: same ? '1' : null,
    fxRateDay: same ? own.priceDate : null,
    marketValueBase: same ? own.marketValue : null,
    costBasisBase: same ? own.costBasis : null,
    unrealizedPlBase: same ? own.unrealizedPl : null,
    priceEffectBase: same ? own.unrealizedPl : null,
    currencyEffectBase: same ? '0' : null,
    realizedPlBase: same ? own.realizedPl : null,
    dividendsBase: same ? own.dividends : null,
    fxNote: same ? null : `no ${own.currency}→USD rate on or before ${own.priceDate ?? ''}`,
    ...own,
  };
}

describe('holdingLines', () => {
  const rows = [
    row('XLF', { sleeve: 'financials', marketValue: '0.1', weightPct: 5 }),
    row('AAPL', { sleeve: 'large_cap_tech', marketValue: '300', weightPct: 30, dayChange: null }),
    row('JPM', { sleeve: 'financials', marketValue: '0.2', weightPct: 7, dayChange: -3 }),
    row('MSFT', { sleeve: 'large_cap_tech', marketValue: null, costBasis: '50', weightPct: 2, price: null }),
  ];

  it('groups in sleeve order with exact subtotals, and sorts within each group', () => {
    const lines = holdingLines(rows, { key: 'marketValue', direction: 'desc' }, 'USD');
    expect(lines.map((l) => (l.kind === 'group' ? l.subtotal.sleeve : l.row.symbol))).toEqual([
      'large_cap_tech',
      'AAPL',
      'MSFT',
      'financials',
      'JPM',
      'XLF',
    ]);
    const financials = lines[3];
    expect(financials?.kind === 'group' && financials.subtotal).toMatchObject({
      positions: 2,
      marketValue: '0.3',
      weightPct: 12,
      dayChange: -2,
    });
    // A position without a quote counts at cost in its sleeve's value.
    const tech = lines[0];
    expect(tech?.kind === 'group' && tech.subtotal).toMatchObject({ marketValue: '350', dayChange: 1 });
  });

  it('puts missing values last in either direction and ties by symbol', () => {
    const asc = holdingLines(rows, { key: 'price', direction: 'asc' }, 'USD').filter((l) => l.kind === 'row');
    expect(asc.map((l) => l.kind === 'row' && l.row.symbol)).toEqual(['AAPL', 'MSFT', 'JPM', 'XLF']);
    const bySymbol = holdingLines(rows, { key: 'symbol', direction: 'desc' }, 'USD').filter((l) => l.kind === 'row');
    expect(bySymbol.map((l) => l.kind === 'row' && l.row.symbol)).toEqual(['MSFT', 'AAPL', 'XLF', 'JPM']);
  });

  it('keeps only the heading of a collapsed sleeve', () => {
    const lines = holdingLines(rows, { key: 'symbol', direction: 'asc' }, 'USD', new Set(['large_cap_tech'] as const));
    expect(lines.map((l) => l.key)).toEqual([
      'group:large_cap_tech',
      'group:financials',
      'Brokerage\u0000JPM',
      'Brokerage\u0000XLF',
    ]);
  });
});

describe('sleeveSubtotal', () => {
  it('adds only the base currency’s rows and lists the others it leaves out', () => {
    const rows = [
      row('AAPL', { marketValue: '1000', costBasis: '900', unrealizedPl: '100', weightPct: 60, dayChange: 0.1 }),
      row('MSFT', { marketValue: null, costBasis: '500.5', unrealizedPl: null, weightPct: 40, dayChange: 0.2 }),
      row('SAP', {
        currency: 'EUR',
        marketValue: '1000',
        costBasis: '800',
        unrealizedPl: '200',
        weightPct: null,
        dayChange: 7,
      }),
      row('ASML', { currency: 'EUR', marketValue: null, costBasis: '0.25', unrealizedPl: null, weightPct: null }),
    ];
    expect(sleeveSubtotal('other', rows, 'USD')).toEqual({
      sleeve: 'other',
      positions: 4,
      marketValue: '1500.5', // AAPL 1000 + MSFT at its cost 500.5; not SAP's EUR 1000
      costBasis: '1400.5',
      unrealizedPl: '100',
      realizedPl: '0',
      weightPct: 100,
      dayChange: 0.3, // 0.1 + 0.2 exactly, not 0.30000000000000004; SAP's 7 is in EUR
      leftOut: [{ currency: 'EUR', amount: '1000.25', count: 2 }],
    });
  });
});
