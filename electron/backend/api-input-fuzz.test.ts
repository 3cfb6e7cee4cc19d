import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { callNames, calls, type CallName } from '../../shared/api/contract';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

// One valid input per call: the fuzzer mutates these. A call added to the contract without a
// sample here fails the first test, so no call escapes the fuzzing.
const SAMPLES: Record<CallName, unknown> = {
  'app:info': {},
  'portfolio:summary': {},
  'accounts:list': {},
  'accounts:create': { name: 'Fuzz', currency: 'USD' },
  'accounts:update': { name: 'Fuzz', costMethod: 'hifo' },
  'portfolio:realized': { year: 2016, account: 'Fuzz' },
  'transactions:list': { account: 'Fuzz', from: '2016-01-01' },
  'transactions:position': { id: 1, sort: 'date', dir: 'desc', from: '2016-01-01' },
  'transactions:create': { date: '2016-01-04', account: 'Fuzz', type: 'deposit', amount: '100', currency: 'USD' },
  'transactions:update': {
    id: 1,
    transaction: { date: '2016-01-04', account: 'Fuzz', type: 'deposit', amount: '100', currency: 'USD' },
  },
  'transactions:delete': { id: 1 },
  'transactions:restore': {
    row: { id: 1, date: '2016-01-04', account: 'Fuzz', type: 'deposit', amount: '100', currency: 'USD' },
  },
  'portfolio:income': { from: '2016-01-01', to: '2016-12-31', account: 'Fuzz' },
  'quotes:list': {},
  'quotes:history': { symbol: 'SPY', from: '2016-01-01', to: '2016-12-31' },
  'quotes:refresh': { symbols: ['SPY'] },
  'quotes:cancel': { jobId: 'job-1' },
  'quotes:importFile': { fileName: 'SPY.csv', content: 'Date,Open,High,Low,Close,Adj Close,Volume\n', symbol: 'SPY' },
  'quotes:setManualPrice': { symbol: 'XYZ', day: '2016-01-04', close: 12.5 },
  'quotes:refreshLog': { limit: 10, symbol: 'SPY' },
  'quotes:refreshStatus': {},
  'quotes:delete': { symbol: 'SPY', from: '2016-01-01', to: '2016-12-31' },
  'fx:pairs': {},
  'fx:currencies': {},
  'fx:importFiles': { files: [{ fileName: 'eurofxref-hist.csv', content: 'Date,USD,\n2016-01-04,1.0898,\n' }] },
  'fx:setManualRate': { base: 'EUR', quote: 'USD', day: '2016-01-04', rate: '1.0898' },
  'fx:deletePair': { base: 'EUR', quote: 'USD' },
  'backup:create': {},
  'backup:list': {},
  'backup:restore': { name: 'tiltfolio.sqlite.manual.2026-01-02T03-04-05-000Z.bak' },
  'settings:get': {},
  'settings:set': { quoteProvider: 'stooq', offline: true, theme: 'dark' },
  'portfolio:holdings': { asOf: '2016-12-30', account: 'Fuzz' },
  'portfolio:performance': { period: 'CUSTOM', from: '2016-01-01', to: '2016-12-30', benchmark: 'SPY' },
  'portfolio:tilt': {},
  'portfolio:holding': { symbol: 'AAPL', account: 'Fuzz' },
  'rotation:series': {
    subject: { kind: 'symbol', symbol: 'RUT' },
    vs: { kind: 'symbol', symbol: 'SPY' },
    from: '2016-01-04',
    average: 50,
  },
  'rotation:rrg': {
    benchmark: { kind: 'symbol', symbol: 'SPY' },
    members: [{ kind: 'sleeve', sleeve: 'financials' }],
    tail: 8,
  },
  'instruments:list': {},
  'health:check': {},
  'instruments:update': { symbol: 'AAPL', sleeve: 'other', name: 'Apple', kind: 'stock' },
  'demo:load': {},
  'analyze:symbol': { symbol: 'RUT', to: '2016-11-14', from: '2016-10-31', vs: 'SPY', lookbackDays: 365, window: 5 },
  'portfolio:attribution': { from: '2016-10-31', to: '2016-11-14' },
  'portfolio:signals': { from: '2016-11-01', to: '2016-11-30' },
  'csv:presets': {},
  'csv:preview': { content: 'date,account\n2016-01-04,Fuzz\n', preset: 'tiltfolio', delimiter: ',' },
  'csv:import': {
    fileName: 'fuzz.csv',
    content: 'date,account,type,symbol,quantity,price,fee,amount,currency,note\n',
    preset: 'tiltfolio',
    mapping: { columns: { date: 'Date' }, constants: { currency: 'USD' }, typeValues: { Kauf: 'buy' }, absolute: true },
    dateFormat: 'DD.MM.YYYY',
    numberFormat: '1.234,56',
    account: 'Fuzz',
    dryRun: true,
    jobId: 'fuzz-job',
  },
  'csv:openFile': {},
  'csv:importFile': { path: '/nonexistent/fuzz.csv', preset: 'tiltfolio', dryRun: true },
  'csv:savePreset': {
    name: 'Fuzz',
    mapping: { columns: { date: 'Date' } },
    delimiter: ';',
    dateFormat: 'YYYY-MM-DD',
    numberFormat: '1234.56',
  },
  'csv:deletePreset': { name: 'Fuzz' },
  'csv:cancelImport': { jobId: 'csv-import-1' },
  'csv:export': { kind: 'transactions', asOf: '2016-12-30' },
  'csv:exportFile': { kind: 'transactions', asOf: '2016-12-30', path: '/nonexistent/out.csv' },
};

const HUGE = 'x'.repeat(2_000_000);

function wrongTypeFor(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, true, null, [], {}, HUGE, '\u0000'];
  if (typeof value === 'number') return ['1', -1.5, NaN, Infinity, null, {}, 2 ** 60];
  if (Array.isArray(value)) return ['x', 1, null, {}];
  if (value && typeof value === 'object') return ['x', 1, null, [], { __proto__: null }];
  return ['x', 1, null];
}

/** Mutations of a valid input: each should be refused by the contract's schema. */
function* mutations(sample: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return;
  const record = sample as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    for (const wrong of wrongTypeFor(value))
      yield [`${[...path, key].join('.')} = ${typeof wrong}`, { ...record, [key]: wrong }];
    for (const [label, nested] of mutations(value, [...path, key])) yield [label, { ...record, [key]: nested }];
  }
  yield [`${path.join('.') || 'input'} + unknown key`, { ...record, injected: 1 }];
  const rest = JSON.stringify(record).slice(1);
  yield [
    `${path.join('.') || 'input'} + __proto__`,
    JSON.parse(`{"__proto__":{"polluted":true}${rest === '}' ? '' : ','}${rest}`),
  ];
  yield [`${path.join('.') || 'input'} + constructor`, { ...record, constructor: { prototype: { polluted: true } } }];
}

function isValid(name: CallName, input: unknown): boolean {
  return (calls[name].input as z.ZodType).safeParse(input).success;
}

describe('every contract call refuses invalid payloads and changes nothing', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('has a valid sample for every call', () => {
    for (const name of callNames) {
      expect(SAMPLES[name], `sample for ${name}`).toBeDefined();
      expect(isValid(name, SAMPLES[name]), `sample for ${name} is valid`).toBe(true);
    }
  });

  it.each(callNames)('%s', async (name) => {
    const b = testBackend(tempDir());
    backend = b;
    await b.dispatch('accounts:create', { name: 'Fuzz', currency: 'USD' });
    await b.dispatch('transactions:create', {
      date: '2016-01-04',
      account: 'Fuzz',
      type: 'deposit',
      amount: '100',
      currency: 'USD',
    });
    const snapshot = () =>
      JSON.stringify(
        b.db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .all()
          .map(({ name: table }) => [table, b.db.prepare(`SELECT * FROM "${table}"`).all()]),
      );
    const before = snapshot();
    const events: unknown[] = [];
    b.events.subscribe((event) => events.push(event));

    const payloads: [string, unknown][] = [
      ['a number', 42],
      ['a string', 'x'],
      ['an array', []],
      ['a huge string', HUGE],
      ['true', true],
      ...mutations(SAMPLES[name]),
    ];
    let tried = 0;
    for (const [label, payload] of payloads) {
      if (isValid(name, payload)) continue; // a mutation the schema legitimately accepts (e.g. an optional field)
      tried++;
      const result = await b.dispatch(name, payload);
      expect(result.ok, `${name} with ${label}`).toBe(false);
      if (!result.ok) expect(result.error.code, `${name} with ${label}`).toBe('invalid_input');
    }
    expect(tried).toBeGreaterThan(2);
    expect(snapshot()).toBe(before);
    expect(events).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
