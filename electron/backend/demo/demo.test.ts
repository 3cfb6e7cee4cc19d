import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { CallName, CallOutput } from '../../../shared/api/contract';
import type { Backend } from '../backend';
import { testBackend } from '../../test-support/backend';
import { realBarOn } from '../../test-support/real-data';
import { findAssetsDir } from '../assets-dir';
import { DEMO_END } from './demo-plan';

function closeOn(symbol: string, day: string): number {
  const text = fs.readFileSync(path.join(findAssetsDir(), 'quotes', `${symbol}.csv`), 'utf8');
  const row = text.split('\n').find((line) => line.startsWith(`${day},`));
  if (!row) throw new Error(`no ${symbol} row on ${day}`);
  return Number(row.split(',')[4]);
}

describe('the demo portfolio through the API', () => {
  let backend: Backend;
  let dir: string;
  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as CallOutput<N>;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tiltfolio-demo-'));
    backend = testBackend(dir);
    const loaded = await call('demo:load', {});
    expect(loaded.accounts).toBe(2);
    expect(loaded.transactions).toBeGreaterThan(20);
    expect(loaded.quoteBars).toBeGreaterThan(20_000);
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to load twice', async () => {
    expect(await backend.dispatch('demo:load', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('values each holding at quantity × the cached close, AAPL after its recorded 7-for-1 split', async () => {
    const holdings = await call('portfolio:holdings', {});
    expect(holdings.asOf).toBe(DEMO_END);
    const aapl = holdings.rows.find((r) => r.symbol === 'AAPL');
    expect(aapl?.quantity).toBe('105');
    expect(aapl?.price).toBe(closeOn('AAPL', DEMO_END));
    expect(aapl?.marketValue).toBe('18161.850105');
    for (const row of holdings.rows) {
      expect(row.stale, row.symbol).toBe(false);
      expect(Number(row.marketValue)).toBeCloseTo(Number(row.quantity) * (row.price as number), 6);
    }
    const weights = holdings.rows.reduce((sum, r) => sum + (r.weightPct ?? 0), 0);
    expect(weights).toBeCloseTo(100, 9);
  });

  it('books the GS sale as a realized gain and keeps the rest', async () => {
    const holdings = await call('portfolio:holdings', { account: 'Brokerage' });
    const gs = holdings.rows.find((r) => r.symbol === 'GS');
    expect(gs?.quantity).toBe('15');
    expect(Number(gs?.realizedPl)).toBeGreaterThan(1000);
    expect(holdings.rows.every((r) => r.account === 'Brokerage')).toBe(true);
  });

  it('values the portfolio as of an earlier day at that day’s closes', async () => {
    const holdings = await call('portfolio:holdings', { asOf: '2016-11-14' });
    expect(holdings.asOf).toBe('2016-11-14');
    const rut = holdings.rows.filter((r) => r.symbol === 'RUT');
    expect(rut.map((r) => r.price)).toEqual([closeOn('RUT', '2016-11-14'), closeOn('RUT', '2016-11-14')]);
  });

  it('reports returns against SPY for a period', async () => {
    const perf = await call('portfolio:performance', { period: '1Y' });
    expect(perf.to).toBe(DEMO_END);
    expect(perf.twrPct).not.toBeNull();
    expect(perf.benchmark?.symbol).toBe('SPY');
    // Total return by default: the adjusted closes, dividends reinvested (issue 15, defect 2).
    expect(perf.benchmark?.basis).toBe('total');
    const adjusted = (day: string) => realBarOn('SPY', day)?.adjClose as number;
    expect(perf.benchmark?.pct).toBeCloseTo((adjusted(DEMO_END) / adjusted(perf.from as string) - 1) * 100, 6);
    expect(perf.growth[0]?.value).toBe(100);
    expect(perf.value.at(-1)?.value).toBeCloseTo(perf.endValue as number, 6);
  });

  it('shows the tilt across all four sleeves against benchmark and target, with trades that net to zero', async () => {
    const tilt = await call('portfolio:tilt', {});
    expect(tilt.sleeves.map((s) => s.sleeve)).toEqual(['large_cap_tech', 'financials', 'small_caps', 'other']);
    expect(tilt.sleeves.reduce((sum, s) => sum + s.weightPct, 0)).toBeCloseTo(100, 9);
    for (const s of tilt.sleeves) expect(s.value).toBeGreaterThan(0);
    expect(tilt.sleeves.find((s) => s.sleeve === 'small_caps')?.holdings).toEqual(['RUT']);
    expect(tilt.trades.length).toBeGreaterThan(0);
    expect(tilt.trades.reduce((sum, t) => sum + Number(t.amount), 0)).toBeCloseTo(0, 6);
  });

  it('follows a sleeve override everywhere', async () => {
    await call('instruments:update', { symbol: 'SPY', sleeve: 'financials' });
    const tilt = await call('portfolio:tilt', {});
    expect(tilt.sleeves.find((s) => s.sleeve === 'financials')?.holdings).toContain('SPY');
    await call('instruments:update', { symbol: 'SPY', sleeve: null });
    const list = await call('instruments:list', {});
    expect(list.find((i) => i.symbol === 'SPY')).toMatchObject({ sleeve: 'other', sleeveOverride: null });
  });

  it('draws small caps against the S&P 500 with regime changes, drawdowns and the lowest low', async () => {
    const rs = await call('rotation:series', {
      subject: { kind: 'symbol', symbol: 'RUT' },
      vs: { kind: 'symbol', symbol: 'SPY' },
      from: '2015-01-02',
      to: '2016-12-30',
    });
    expect(rs.ratio[0]?.value).toBe(100);
    expect(rs.regimeChanges.length).toBeGreaterThan(0);
    expect(rs.lowest).toEqual({ day: '2016-02-11', close: closeOn('RUT', '2016-02-11'), abovePct: expect.any(Number) });
    expect(rs.maxDrawdown?.pct).toBeLessThan(-20);
    expect(Math.min(...rs.drawdown.map((p) => p.value))).toBeCloseTo(rs.maxDrawdown?.pct as number, 9);
  });

  it('places sleeves and holdings on the rotation graph', async () => {
    const rrg = await call('rotation:rrg', { benchmark: { kind: 'symbol', symbol: 'SPY' } });
    const labels = rrg.members.map((m) => m.label);
    expect(labels).toContain('AAPL');
    expect(labels.some((l) => l.startsWith('Small caps'))).toBe(true);
    for (const member of rrg.members) {
      expect(member.tail.length).toBe(8);
      expect(member.quadrant).not.toBeNull();
    }
  });
});
