import { describe, expect, it } from 'vitest';
import type { FxRate } from '../domain/fx-rate';
import { Decimal } from '../engine/decimal';
import { convertAmount, fxTable, lookupRate, MAX_RATE_AGE_DAYS } from './rate-lookup';
import { ecbCell, ecbCells, ecbRates, divideTo10 } from './test-fixtures/ecb';

const ecb = fxTable(ecbRates(['USD', 'GBP', 'JPY']));
const rate = (base: string, quote: string, day: string, value: string): FxRate => ({
  base,
  quote,
  day,
  rate: value,
  source: 'manual',
  fetchedAt: '2026-01-01T00:00:00Z',
});

describe('lookupRate on the ECB file', () => {
  it('takes the day’s own rate for a stored pair', () => {
    const found = lookupRate(ecb, 'EUR', 'USD', '2016-11-14');
    expect(found.ok && found.rate.toString()).toBe(ecbCell('2016-11-14', 'USD'));
    expect(found.ok && found.how).toBe('direct');
    expect(found.ok && found.rateDay).toBe('2016-11-14');
  });

  it('inverts a stored pair: USD→EUR is 1 ÷ EURUSD to 10 places', () => {
    const found = lookupRate(ecb, 'USD', 'EUR', '2016-11-14');
    expect(found.ok && found.rate.toString()).toBe(divideTo10('1', ecbCell('2016-11-14', 'USD')));
    expect(found.ok && found.how).toBe('inverse');
  });

  it('derives GBP→USD through EUR exactly: EURUSD ÷ EURGBP, one division to 10 places', () => {
    for (const day of ['2016-06-24', '2016-11-14', '2020-03-16']) {
      const found = lookupRate(ecb, 'GBP', 'USD', day);
      expect(found.ok && found.rate.toString()).toBe(divideTo10(ecbCell(day, 'USD'), ecbCell(day, 'GBP')));
      expect(found.ok && found.via).toBe('EUR');
    }
    // Two stored quotes on the same base: JPY→GBP = EURGBP ÷ EURJPY.
    const jpy = lookupRate(ecb, 'JPY', 'GBP', '2016-11-14');
    expect(jpy.ok && jpy.rate.toString()).toBe(divideTo10(ecbCell('2016-11-14', 'GBP'), ecbCell('2016-11-14', 'JPY')));
  });

  it('bridges Christmas and Easter with the last rate before them', () => {
    const cells = ecbCells();
    // The file's premise: no rate from Christmas Eve to Boxing Day 2016, nor Good Friday to Easter Monday 2017.
    for (const day of [
      '2016-12-24',
      '2016-12-25',
      '2016-12-26',
      '2017-04-14',
      '2017-04-15',
      '2017-04-16',
      '2017-04-17',
    ])
      expect(cells.has(day)).toBe(false);
    const boxing = lookupRate(ecb, 'EUR', 'USD', '2016-12-26');
    expect(boxing.ok && boxing.rate.toString()).toBe(ecbCell('2016-12-23', 'USD'));
    expect(boxing.ok && boxing.rateDay).toBe('2016-12-23');
    const easter = lookupRate(ecb, 'USD', 'EUR', '2017-04-17');
    expect(easter.ok && easter.rate.toString()).toBe(divideTo10('1', ecbCell('2017-04-13', 'USD')));
    expect(easter.ok && easter.rateDay).toBe('2017-04-13');
  });

  it('says which rate is missing before the file starts, and for a currency it has not', () => {
    expect(lookupRate(ecb, 'EUR', 'USD', '1998-12-31')).toEqual({
      ok: false,
      reason: `no EUR→USD rate on or before 1998-12-31 (within ${MAX_RATE_AGE_DAYS} days)`,
    });
    expect(lookupRate(ecb, 'CHF', 'USD', '2016-11-14')).toEqual({
      ok: false,
      reason: 'no CHF→USD rate on or before 2016-11-14',
    });
  });

  it('converts an amount at the rate, and gives the reason instead of a value without one', () => {
    const converted = convertAmount(ecb, Decimal.parse('10000'), 'EUR', 'USD', '2016-11-14');
    expect(ecbCell('2016-11-14', 'USD')).toBe('1.0777');
    expect(converted.value?.toString()).toBe('10777');
    const missing = convertAmount(ecb, Decimal.parse('10000'), 'CHF', 'USD', '2016-11-14');
    expect(missing).toEqual({ value: null, reason: 'no CHF→USD rate on or before 2016-11-14' });
  });
});

describe('lookupRate rules', () => {
  const gap = fxTable([rate('EUR', 'USD', '2020-01-01', '1.1'), rate('EUR', 'USD', '2020-03-01', '1.2')]);

  it(`uses a rate up to ${MAX_RATE_AGE_DAYS} days old, and none older`, () => {
    const lastGood = lookupRate(gap, 'EUR', 'USD', '2020-01-08');
    expect(lastGood.ok && lastGood.rate.toString()).toBe('1.1');
    expect(lookupRate(gap, 'EUR', 'USD', '2020-01-09')).toEqual({
      ok: false,
      reason: 'no EUR→USD rate on or before 2020-01-09 (within 7 days)',
    });
    const later = lookupRate(gap, 'USD', 'EUR', '2020-03-02');
    expect(later.ok && later.rate.toString()).toBe('0.8333333333');
  });

  it('prefers a direct pair to a cross rate, and crosses through USD when EUR has no route', () => {
    const table = fxTable([
      rate('GBP', 'USD', '2020-01-02', '1.3'),
      rate('EUR', 'USD', '2020-01-02', '1.1'),
      rate('EUR', 'GBP', '2020-01-02', '0.9'),
      rate('USD', 'CAD', '2020-01-02', '1.25'),
    ]);
    const direct = lookupRate(table, 'GBP', 'USD', '2020-01-02');
    expect(direct.ok && [direct.how, direct.rate.toString()]).toEqual(['direct', '1.3']);
    // CAD→GBP: no CAD↔EUR pair, so through USD: (1 ÷ 1.25) × (1 ÷ 1.3) = 1 ÷ 1.625.
    const cad = lookupRate(table, 'CAD', 'GBP', '2020-01-02');
    expect(cad.ok && [cad.how, cad.via, cad.rate.toString()]).toEqual(['cross', 'USD', '0.6153846154']);
  });

  it('ignores a rate of zero rather than dividing by it', () => {
    const table = fxTable([rate('EUR', 'USD', '2020-01-02', '0')]);
    expect(lookupRate(table, 'USD', 'EUR', '2020-01-02').ok).toBe(false);
  });
});
