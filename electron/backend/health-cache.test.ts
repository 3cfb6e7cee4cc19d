// health:check keeps its report until the data, the settings or the local day change: each change
// below alters what the report must say, so a report kept too long fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import { callOk, testBackend } from '../test-support/backend';
import { REAL_QUOTES } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();
type Report = CallOutput<'health:check'>;

// SPY as the real file has it, to 2019-02-22.
const spyLines = fs
  .readFileSync(path.join(REAL_QUOTES, 'SPY.csv'), 'utf8')
  .trim()
  .split('\n')
  .filter((line, i) => i === 0 || line.slice(0, 10) <= '2019-02-22');
const spyClose = (day: string) => Number(spyLines.find((line) => line.startsWith(`${day},`))!.split(',')[4]);

async function portfolio() {
  let now = new Date('2019-03-20T12:00:00Z');
  const backend = testBackend(tempDir(), { now: () => now });
  await callOk(backend, 'quotes:importFile', { fileName: 'SPY.csv', content: spyLines.join('\n') + '\n' });
  await callOk(backend, 'accounts:create', { name: 'Brokerage', currency: 'USD' });
  const tx = (fields: Record<string, string>) =>
    callOk(backend, 'transactions:create', { account: 'Brokerage', currency: 'USD', ...fields });
  await tx({ date: '2019-01-02', type: 'deposit', amount: '100000' });
  await tx({
    date: '2019-02-01',
    type: 'buy',
    symbol: 'SPY',
    quantity: '10',
    price: spyClose('2019-02-01').toFixed(2),
  });
  const check = () => callOk<Report>(backend, 'health:check', {});
  const kinds = async () => (await check()).problems.map((p) => `${p.kind} ${p.symbol ?? ''}`);
  return { backend, tx, check, kinds, setNow: (date: Date) => (now = date) };
}

describe('health:check, kept until something it reads changes', () => {
  it('answers from the kept report while nothing changed', async () => {
    const { backend, check } = await portfolio();
    const handler = backend.handlers['health:check'];
    expect(await check()).toEqual({ today: '2019-03-20', problems: [], summary: [] });
    expect(await handler({})).toBe(await handler({}));
    backend.close();
  });

  it('sees a quote write', async () => {
    const { backend, kinds } = await portfolio();
    expect(await kinds()).toEqual([]);
    // A typed price three weeks after the file's last day: a gap of more than five weekdays.
    await callOk(backend, 'quotes:setManualPrice', { symbol: 'SPY', day: '2019-03-15', close: 281 });
    expect(await kinds()).toEqual(['price_gap SPY']);
    backend.close();
  });

  it('sees a transaction write', async () => {
    const { backend, tx, kinds } = await portfolio();
    expect(await kinds()).toEqual([]);
    // A buy at a hundredth of the day's price.
    await tx({ date: '2019-02-04', type: 'buy', symbol: 'SPY', quantity: '1', price: '2.70' });
    expect(await kinds()).toEqual(['trade_price SPY']);
    backend.close();
  });

  it('sees a settings change', async () => {
    const { backend, kinds } = await portfolio();
    expect(await kinds()).toEqual([]);
    await callOk(backend, 'settings:set', { benchmarkSymbol: 'QQQ' });
    expect(await kinds()).toEqual(['series_ends_early QQQ']);
    backend.close();
  });

  it('sees the local day change', async () => {
    const { backend, check, setNow } = await portfolio();
    expect((await check()).today).toBe('2019-03-20');
    // The report names the day it was made for (what "stale" is measured against).
    setNow(new Date('2019-03-21T12:00:00Z'));
    expect((await check()).today).toBe('2019-03-21');
    backend.close();
  });
});
