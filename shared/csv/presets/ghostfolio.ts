// Ghostfolio's activities as its CSV import reads them (Ghostfolio exports JSON; its CSV import
// and the many converters that feed it use these columns). Header names are Ghostfolio's own
// list of accepted keys (ImportActivitiesService in apps/client/src/app/services/
// import-activities.service.ts); dates are the layouts of its parseDate helper.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { Preset, SourceColumn } from '../preset-types';
import { readWord, wordTable } from '../type-words';

type Key = 'date' | 'code' | 'dataSource' | 'currency' | 'price' | 'quantity' | 'action' | 'fee' | 'note' | 'account';

const columns: Record<Key, SourceColumn> = {
  date: {
    headers: ['Date', 'TradeDate'],
    required: true,
    description:
      'year first (2021-09-16, 2021/09/16, 2021.09.16, 20210916, ISO with a time) or day first (16-09-2021, 17/11/2021)',
  },
  code: { headers: ['Code', 'Symbol', 'Ticker'], required: true, description: 'the symbol' },
  dataSource: { headers: ['DataSource'], description: 'MANUAL: the Code may be a name (see below); else not kept' },
  currency: { headers: ['Currency', 'Ccy', 'CurrencyPrimary'], required: true, description: 'ISO code' },
  price: { headers: ['Price', 'UnitPrice', 'TradePrice', 'Value'], required: true, description: 'per share' },
  quantity: { headers: ['Quantity', 'Qty', 'Shares', 'Units'], required: true, description: 'shares' },
  action: {
    headers: ['Action', 'Buy/Sell', 'Type'],
    required: true,
    description: 'buy, sell, dividend, fee, interest (any case)',
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
  // Ghostfolio's ITEM (a manual asset, such as a flat) became a BUY when Ghostfolio dropped the type.
  item: 'buy',
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
  acceptsShortRecords: true,
  notes: [
    'Rows may leave off trailing fields (Ghostfolio files often end without the empty Note): those read as blank.',
    'buy/sell: quantity, price and fee as given (signs dropped); a quantity of 0 is refused (Ghostfolio files use a zero-quantity buy dated in the future to follow a symbol without holding it).',
    'dividend and interest: the amount is price × quantity; interest keeps no symbol.',
    'fee: the amount is the Fee column (or price × quantity when it is zero); the Code goes to the note when the note is empty.',
    'DataSource MANUAL with a Code that is a name rather than a ticker ("Penthouse Apartment"): the symbol is the name in capitals with - between words (PENTHOUSE-APARTMENT), and the name starts the note. Otherwise DataSource is dropped.',
    'item (older Ghostfolio; a manual asset) reads as buy, as Ghostfolio itself converted it; liability is refused: Tiltfolio has no such transaction.',
  ],
  read(c) {
    const date = c.date('date');
    const action = readWord(c, 'action', ACTIONS, 'buy, sell, dividend, fee, interest');
    const account = c.account('account');
    const quantity = c.number('quantity', { absolute: true });
    const price = c.number('price', { absolute: true });
    const fee = c.number('fee', { absolute: true });
    if (action === 'unsupported') {
      return c.problem('action', 'is a Ghostfolio liability, which Tiltfolio cannot hold', c.text('action'));
    }
    if (date === undefined || action === undefined || account === undefined) return undefined;
    if (quantity === undefined || price === undefined || fee === undefined) return undefined;
    const named = manualName(c.text('code'), c.text('dataSource'));
    const code = named?.symbol ?? c.text('code');
    const written = c.raw('note');
    const note = named === undefined ? written : written.trim() === '' ? named.name : `${named.name}: ${written}`;
    if ((action === 'buy' || action === 'sell') && quantity !== null && Decimal.parse(quantity).isZero()) {
      return c.problem(
        'quantity',
        `is zero; a ${action} needs a quantity (Ghostfolio files use a zero-quantity buy, often dated in the future, to follow a symbol without holding it; Tiltfolio records only trades, so delete the line)`,
        c.text('quantity'),
      );
    }
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
        return {
          ...base,
          amount: value.toString(),
          fee: feeValue,
          note: written.trim() === '' ? c.text('code') : written,
        };
      default:
        return {
          ...base,
          amount: feeValue ?? value.toString(),
          note: written.trim() === '' ? c.text('code') : written,
        };
    }
  },
};

const TICKER = /^[A-Z0-9.^=-]{1,32}$/;

/**
 * Ghostfolio lets a MANUAL asset's Code be free text (it then makes up an id and keeps the text as
 * the name); Tiltfolio needs a ticker-like symbol, so one is made from the name.
 */
function manualName(code: string, dataSource: string): { symbol: string; name: string } | undefined {
  if (dataSource.toUpperCase() !== 'MANUAL' || TICKER.test(code.toUpperCase())) return undefined;
  const symbol = code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return symbol === '' ? undefined : { symbol, name: code };
}
