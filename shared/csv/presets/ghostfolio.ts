// Ghostfolio's activities as its CSV import reads them (Ghostfolio exports JSON; its CSV import
// and the many converters that feed it use these columns). Header names follow Ghostfolio's own
// list of accepted keys.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { Preset, SourceColumn } from '../preset-types';
import { readWord, wordTable } from '../type-words';

type Key = 'date' | 'code' | 'dataSource' | 'currency' | 'price' | 'quantity' | 'action' | 'fee' | 'note' | 'account';

const columns: Record<Key, SourceColumn> = {
  date: { headers: ['Date', 'TradeDate'], required: true, description: 'ISO, or day first: 16-09-2021, 17/11/2021' },
  code: { headers: ['Code', 'Symbol', 'Ticker'], required: true, description: 'the symbol' },
  dataSource: { headers: ['DataSource'], description: 'read but not kept (YAHOO, MANUAL, …)' },
  currency: { headers: ['Currency', 'Ccy', 'CurrencyPrimary'], required: true, description: 'ISO code' },
  price: { headers: ['Price', 'UnitPrice', 'TradePrice', 'Value'], required: true, description: 'per share' },
  quantity: { headers: ['Quantity', 'Qty', 'Shares', 'Units'], required: true, description: 'shares' },
  action: {
    headers: ['Action', 'Type', 'Buy/Sell'],
    required: true,
    description: 'buy, sell, dividend, fee, interest',
  },
  fee: { headers: ['Fee', 'Commission', 'IBCommission'], description: 'fee in the activity currency' },
  note: { headers: ['Note', 'Comment'], description: 'kept as the note' },
  account: { headers: ['Account', 'AccountId'], description: 'the account (else choose one for the file)' },
};

const ACTIONS = wordTable<TransactionType | 'unsupported'>({
  buy: 'buy',
  sell: 'sell',
  dividend: 'dividend',
  fee: 'fee',
  interest: 'interest',
  item: 'unsupported',
  liability: 'unsupported',
});

export const ghostfolioPreset: Preset<Key> = {
  name: 'ghostfolio',
  label: 'Ghostfolio',
  builtIn: true,
  delimiter: null,
  dateFormat: 'day-first',
  numberFormat: '1234.56',
  columns,
  accountColumns: ['account'],
  fieldSources: {
    date: 'date',
    type: 'action',
    symbol: 'code',
    quantity: 'quantity',
    price: 'price',
    fee: 'fee',
    amount: 'price',
    currency: 'currency',
    note: 'note',
  },
  notes: [
    'buy/sell: quantity, price and fee as given (signs dropped).',
    'dividend and interest: the amount is price × quantity; interest keeps no symbol.',
    'fee: the amount is the Fee column (or price × quantity when it is zero); the Code goes to the note when the note is empty.',
    'item and liability activities are refused: Tiltfolio has no such transactions. DataSource is dropped.',
  ],
  read(c) {
    const date = c.date('date');
    const action = readWord(c, 'action', ACTIONS, 'buy, sell, dividend, fee, interest');
    const account = c.account('account');
    const quantity = c.number('quantity', { absolute: true });
    const price = c.number('price', { absolute: true });
    const fee = c.number('fee', { absolute: true });
    if (action === 'unsupported') {
      return c.problem(
        'action',
        'is a Ghostfolio activity Tiltfolio cannot hold (item or liability)',
        c.text('action'),
      );
    }
    if (date === undefined || action === undefined || account === undefined) return undefined;
    if (quantity === undefined || price === undefined || fee === undefined) return undefined;
    const code = c.text('code');
    const note = c.raw('note');
    const base = {
      date: date.day,
      time: date.time,
      account,
      type: action,
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: null,
      currency: c.text('currency').toUpperCase(),
      note,
    };
    const value = Decimal.parse(price ?? '0').mul(Decimal.parse(quantity ?? '0'));
    const feeValue = fee === null || Decimal.parse(fee).isZero() ? null : fee;
    switch (action) {
      case 'buy':
      case 'sell':
        return { ...base, symbol: code || null, quantity, price, fee: feeValue };
      case 'dividend':
        return { ...base, symbol: code || null, amount: value.toString(), fee: feeValue };
      case 'interest':
        return { ...base, amount: value.toString(), fee: feeValue, note: note.trim() === '' ? code : note };
      default:
        return {
          ...base,
          amount: feeValue ?? value.toString(),
          note: note.trim() === '' ? code : note,
        };
    }
  },
};
