import { describe, expect, it } from 'vitest';
import { canonicalDecimal, transactionFingerprint, transactionRecord } from './transaction-columns';

const row = {
  date: '2016-11-14',
  account: 'Brokerage',
  type: 'buy' as const,
  symbol: 'AAPL',
  quantity: '10.50',
  price: '105.710',
  fee: null,
  amount: null,
  currency: 'USD',
  note: 'a, "quoted"\nnote',
  fxRate: null,
};

describe('transaction columns', () => {
  it('writes the stored strings unchanged, blanks for nulls', () => {
    expect(transactionRecord(row)).toEqual([
      '2016-11-14',
      'Brokerage',
      'buy',
      'AAPL',
      '10.50',
      '105.710',
      '',
      '',
      'USD',
      'a, "quoted"\nnote',
      '',
    ]);
    // The broker's rate is the last column, as stored.
    expect(transactionRecord({ ...row, fxRate: '0.93150' }).at(-1)).toBe('0.93150');
  });

  it('canonicalises decimals exactly', () => {
    expect(canonicalDecimal('010.500')).toBe('10.5');
    expect(canonicalDecimal('+3')).toBe('3');
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(canonicalDecimal('-0.5')).toBe('-0.5');
    expect(canonicalDecimal('0')).toBe('0');
    expect(canonicalDecimal('100')).toBe('100');
    expect(canonicalDecimal(null)).toBe('');
  });

  it('gives the same fingerprint to the same transaction however its numbers are spelled', () => {
    const same = { ...row, quantity: '10.5', price: '105.71' };
    expect(transactionFingerprint(same)).toBe(transactionFingerprint(row));
    expect(transactionFingerprint({ ...row, note: 'other' })).not.toBe(transactionFingerprint(row));
    expect(transactionFingerprint({ ...row, fee: '0' })).not.toBe(transactionFingerprint(row));
    expect(transactionFingerprint({ ...row, fxRate: '0.9315' })).toBe(
      transactionFingerprint({ ...row, fxRate: '0.93150' }),
    );
    expect(transactionFingerprint({ ...row, fxRate: '0.9315' })).not.toBe(transactionFingerprint(row));
    // The separator cannot be forged by the content of a field.
    const a = { ...row, account: 'A","B' };
    const b = { ...row, account: 'A', symbol: 'B' };
    expect(transactionFingerprint(a)).not.toBe(transactionFingerprint(b));
  });
});
