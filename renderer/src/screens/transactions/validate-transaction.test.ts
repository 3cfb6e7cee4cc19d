import { describe, expect, it } from 'vitest';
import { FIELDS_BY_TYPE, fieldLabel, fieldProps, TYPE_LABELS } from './transaction-fields';
import { validateDraft, type Draft } from './validate-transaction';

const draft = (fields: Partial<Draft>): Draft => ({
  date: '2016-01-05',
  time: '',
  account: 'Brokerage',
  type: 'buy',
  symbol: 'AAPL',
  quantity: '5',
  price: '100',
  fee: '1',
  amount: '',
  currency: 'USD',
  fxRate: '',
  note: '',
  ...fields,
});

const problemsOf = (fields: Partial<Draft>) => validateDraft(draft(fields), ['Brokerage'], '2026-01-02').problems;

describe('validateDraft', () => {
  it('accepts a valid buy', () => {
    expect(validateDraft(draft({}), ['Brokerage'], '2026-01-02')).toMatchObject({ problems: {} });
  });

  it('puts each of the engine’s problems under the field the engine names', () => {
    // 5 × 100 + 1 = 501: the amount typed disagrees, though the message names quantity first.
    expect(problemsOf({ amount: '500' })).toEqual({
      amount: 'This transaction has amount 500, but quantity × price + fee is 501.',
    });
    expect(problemsOf({ type: 'split', quantity: '', price: '', fee: '' })).toEqual({
      quantity:
        'This transaction needs a ratio in the quantity field: write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3.',
    });
    expect(problemsOf({ date: '2099-01-01' })).toEqual({
      date: 'This transaction is dated 2099-01-01, after today (2026-01-02).',
    });
    expect(problemsOf({ account: 'IRA' })).toEqual({
      account: 'This transaction names the account "IRA", which does not exist (known accounts: Brokerage).',
    });
  });

  it('takes a tax like a fee: an amount, and a symbol only if the tax belongs to a holding', () => {
    const tax = { type: 'tax' as const, quantity: '', price: '', fee: '' };
    expect(problemsOf({ ...tax, symbol: '', amount: '12.34' })).toEqual({});
    expect(problemsOf({ ...tax, amount: '' })).toEqual({ amount: 'This transaction needs an amount.' });
    expect(TYPE_LABELS.tax).toBe('Tax');
    expect(FIELDS_BY_TYPE.tax).toEqual(['symbol', 'amount']);
    expect(fieldLabel('tax', 'symbol')).toBe('Symbol (optional)');
  });

  it('takes a split ratio as new : old shares in any spelling, and saves one spelling', () => {
    const split = { type: 'split' as const, price: '', fee: '' };
    for (const [typed, saved] of [
      ['1:3', '1/3'],
      ['1-for-3', '1/3'],
      ['3 for 1', '3'],
      ['1:2', '0.5'],
      ['7', '7'],
    ]) {
      expect(validateDraft(draft({ ...split, quantity: typed }), ['Brokerage'], '2026-01-02')).toEqual({
        value: expect.objectContaining({ quantity: saved }),
        problems: {},
      });
    }
    expect(problemsOf({ ...split, quantity: '0' })).toEqual({
      quantity:
        'The split ratio "0" must be greater than zero; write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3.',
    });
    // A ratio is a split's only: a buy's quantity stays a plain number.
    expect(problemsOf({ quantity: '1:3' })).toEqual({
      quantity: 'Use a plain number with a dot for decimals, such as 1234.56.',
    });
    // Every field's problem at once, the ratio's beside the others'.
    expect(Object.keys(problemsOf({ ...split, quantity: '1:0', date: '2016-02-30' })).sort()).toEqual([
      'date',
      'quantity',
    ]);
    expect(Object.keys(problemsOf({ quantity: 'x', price: 'y' })).sort()).toEqual(['price', 'quantity']);
    expect(fieldLabel('split', 'quantity')).toBe('Ratio (new : old shares)');
    expect(fieldProps('split', 'quantity')).toMatchObject({ inputMode: 'text', placeholder: '3:1 or 1:3' });
    expect(fieldProps('buy', 'quantity')).toEqual({ inputMode: 'decimal' });
  });
});
