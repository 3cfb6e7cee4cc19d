// Wealthfolio's activities CSV (its import template and its export use these columns).
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { Preset, SourceColumn } from '../preset-types';
import { readWord, wordTable } from '../type-words';

type Key =
  'date' | 'symbol' | 'quantity' | 'activityType' | 'unitPrice' | 'currency' | 'fee' | 'amount' | 'account' | 'comment';

const columns: Record<Key, SourceColumn> = {
  date: { headers: ['date'], required: true, description: 'ISO date or date-time (2024-01-01T15:02:36.000Z)' },
  symbol: { headers: ['symbol'], required: true, description: 'the symbol; $CASH-USD and empty mean cash' },
  quantity: { headers: ['quantity'], required: true, description: 'shares (for cash rows, often the amount)' },
  activityType: { headers: ['activityType', 'type'], required: true, description: 'BUY, SELL, DIVIDEND, …' },
  unitPrice: { headers: ['unitPrice'], required: true, description: 'per share' },
  currency: { headers: ['currency'], required: true, description: 'ISO code' },
  fee: { headers: ['fee'], description: 'fee in the activity currency' },
  amount: { headers: ['amount'], description: 'cash amount (dividends, deposits, …); split ratio for SPLIT' },
  account: { headers: ['account', 'accountName', 'accountId'], description: 'the account (else choose one)' },
  comment: { headers: ['comment', 'notes', 'note'], description: 'kept as the note' },
};

type WfType = TransactionType | 'tax' | 'add_holding' | 'remove_holding' | 'unsupported';

const TYPES = wordTable<WfType>({
  BUY: 'buy',
  SELL: 'sell',
  DIVIDEND: 'dividend',
  INTEREST: 'interest',
  DEPOSIT: 'deposit',
  WITHDRAWAL: 'withdrawal',
  FEE: 'fee',
  TAX: 'tax',
  SPLIT: 'split',
  TRANSFER_IN: 'transfer_in',
  TRANSFER_OUT: 'transfer_out',
  ADD_HOLDING: 'add_holding',
  REMOVE_HOLDING: 'remove_holding',
  CONVERSION_IN: 'unsupported',
  CONVERSION_OUT: 'unsupported',
});

const EXPECTED =
  'BUY, SELL, DIVIDEND, INTEREST, DEPOSIT, WITHDRAWAL, FEE, TAX, SPLIT, TRANSFER_IN, TRANSFER_OUT, ADD_HOLDING, REMOVE_HOLDING';

export const wealthfolioPreset: Preset<Key> = {
  name: 'wealthfolio',
  label: 'Wealthfolio',
  builtIn: true,
  delimiter: null,
  dateFormat: 'YYYY-MM-DD',
  numberFormat: '1234.56',
  columns,
  accountColumns: ['account'],
  fieldSources: {
    date: 'date',
    type: 'activityType',
    symbol: 'symbol',
    quantity: 'quantity',
    price: 'unitPrice',
    fee: 'fee',
    amount: 'amount',
    currency: 'currency',
    note: 'comment',
  },
  notes: [
    'BUY/SELL: quantity, unitPrice and fee (signs dropped); the amount column is not kept (the ledger works it out).',
    'DIVIDEND, INTEREST, DEPOSIT, WITHDRAWAL: the amount column, or quantity × unitPrice when it is empty or zero.',
    'FEE and TAX become fee: the fee column, else the amount; TAX is noted as "Tax".',
    'SPLIT: the ratio is read from amount (Wealthfolio keeps it there).',
    'TRANSFER_IN/OUT of a security become transfer_in/out (unitPrice as the cost per share); of cash ($CASH-… or no symbol) they become deposit/withdrawal. ADD_HOLDING/REMOVE_HOLDING read like security transfers.',
    'CONVERSION_IN/OUT are refused: Tiltfolio does not convert currencies inside an account.',
  ],
  read(c) {
    const date = c.date('date');
    const wf = readWord(c, 'activityType', TYPES, EXPECTED);
    const account = c.account('account');
    const quantity = c.number('quantity', { absolute: true });
    const unitPrice = c.number('unitPrice', { absolute: true });
    const fee = c.number('fee', { absolute: true });
    const amount = c.number('amount', { absolute: true });
    if (wf === 'unsupported') {
      return c.problem(
        'activityType',
        'is a currency conversion, which Tiltfolio does not record',
        c.text('activityType'),
      );
    }
    if (date === undefined || wf === undefined || account === undefined) return undefined;
    if (quantity === undefined || unitPrice === undefined || fee === undefined || amount === undefined)
      return undefined;
    const rawSymbol = c.text('symbol');
    const isCash = rawSymbol === '' || rawSymbol.toUpperCase().startsWith('$CASH');
    const symbol = isCash ? null : rawSymbol;
    const note = c.raw('comment');
    const nonZero = (text: string | null) => (text === null || Decimal.parse(text).isZero() ? null : text);
    const cash =
      nonZero(amount) ??
      Decimal.parse(quantity ?? '0')
        .mul(Decimal.parse(unitPrice ?? '0'))
        .toString();
    const base = {
      date: date.day,
      time: date.time,
      account,
      symbol: null,
      quantity: null,
      price: null,
      fee: nonZero(fee),
      amount: null,
      currency: c.text('currency').toUpperCase(),
      note,
    };
    switch (wf) {
      case 'buy':
      case 'sell':
        return { ...base, type: wf, symbol, quantity, price: unitPrice };
      case 'dividend':
        return { ...base, type: wf, symbol, amount: cash };
      case 'interest':
      case 'deposit':
      case 'withdrawal':
        return { ...base, type: wf, amount: cash };
      case 'fee':
      case 'tax':
        return {
          ...base,
          type: 'fee',
          symbol,
          fee: null,
          amount: nonZero(fee) ?? cash,
          note: wf === 'tax' ? (note.trim() === '' ? 'Tax' : `Tax: ${note}`) : note,
        };
      case 'split':
        return { ...base, type: 'split', symbol, quantity: amount, fee: null };
      case 'transfer_in':
      case 'transfer_out':
      case 'add_holding':
      case 'remove_holding': {
        const inbound = wf === 'transfer_in' || wf === 'add_holding';
        if (isCash) return { ...base, type: inbound ? 'deposit' : 'withdrawal', amount: cash };
        return {
          ...base,
          type: inbound ? 'transfer_in' : 'transfer_out',
          symbol,
          quantity,
          price: inbound ? nonZero(unitPrice) : null,
        };
      }
    }
  },
};
