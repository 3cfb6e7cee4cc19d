// Portfolio Performance's CSV export of account and portfolio transactions (File › Export › CSV),
// with English or German headers. PP writes the booked cash value per row; Tiltfolio keeps
// per-share prices, so trades get their price back as (value ∓ fees and taxes) ÷ shares.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { NumberFormat } from '../number-format';
import type { Draft, Preset, SourceColumn } from '../preset-types';
import { readWord, wordTable } from '../type-words';

type Key =
  | 'date'
  | 'time'
  | 'type'
  | 'value'
  | 'currency'
  | 'shares'
  | 'fees'
  | 'taxes'
  | 'ticker'
  | 'isin'
  | 'wkn'
  | 'securityName'
  | 'note'
  | 'securitiesAccount'
  | 'cashAccount';

const columns: Record<Key, SourceColumn> = {
  date: { headers: ['Date', 'Datum'], required: true, description: 'booking date; a time after it is read too' },
  time: { headers: ['Time', 'Uhrzeit'], description: 'HH:MM (optional)' },
  type: { headers: ['Type', 'Typ'], required: true, description: 'the PP transaction type (see the table below)' },
  value: { headers: ['Value', 'Wert'], required: true, description: 'the booked cash value; its sign is ignored' },
  currency: {
    headers: ['Transaction Currency', 'Buchungswährung', 'Currency', 'Währung'],
    required: true,
    description: 'ISO code of the value',
  },
  shares: { headers: ['Shares', 'Stück'], description: 'number of shares (trades and deliveries)' },
  fees: { headers: ['Fees', 'Gebühren'], description: 'fees charged with the transaction' },
  taxes: { headers: ['Taxes', 'Steuern'], description: 'taxes charged with the transaction' },
  ticker: { headers: ['Ticker Symbol', 'Ticker-Symbol', 'Symbol'], description: 'the symbol Tiltfolio keeps' },
  isin: { headers: ['ISIN'], description: 'used as the symbol when the ticker is empty' },
  wkn: { headers: ['WKN'], description: 'used as the symbol when ticker and ISIN are empty' },
  securityName: { headers: ['Security Name', 'Wertpapiername', 'Wertpapier'], description: 'named in messages only' },
  note: { headers: ['Note', 'Notiz'], description: 'kept as the note' },
  securitiesAccount: {
    headers: ['Securities Account', 'Depot', 'Wertpapierdepot'],
    description: 'the account (preferred)',
  },
  cashAccount: { headers: ['Cash Account', 'Konto', 'Referenzkonto', 'Account'], description: 'the account otherwise' },
};

interface PpType {
  type: TransactionType;
  /** Trades and deliveries move shares; they need a symbol and a share count. */
  shares: boolean;
  /** The PP type name kept in the note, where Tiltfolio's type says less than PP's did. */
  keepName?: boolean;
}

const TYPES = wordTable<PpType>({
  Buy: { type: 'buy', shares: true },
  Kauf: { type: 'buy', shares: true },
  Sell: { type: 'sell', shares: true },
  Verkauf: { type: 'sell', shares: true },
  Dividend: { type: 'dividend', shares: false },
  Dividende: { type: 'dividend', shares: false },
  Deposit: { type: 'deposit', shares: false },
  Einlage: { type: 'deposit', shares: false },
  Removal: { type: 'withdrawal', shares: false },
  Entnahme: { type: 'withdrawal', shares: false },
  Interest: { type: 'interest', shares: false },
  Zinsen: { type: 'interest', shares: false },
  'Interest Charge': { type: 'fee', shares: false, keepName: true },
  Zinsbelastung: { type: 'fee', shares: false, keepName: true },
  Fees: { type: 'fee', shares: false },
  Gebühren: { type: 'fee', shares: false },
  Taxes: { type: 'fee', shares: false, keepName: true },
  Steuern: { type: 'fee', shares: false, keepName: true },
  'Fees Refund': { type: 'interest', shares: false, keepName: true },
  Gebührenerstattung: { type: 'interest', shares: false, keepName: true },
  'Tax Refund': { type: 'interest', shares: false, keepName: true },
  Steuerrückerstattung: { type: 'interest', shares: false, keepName: true },
  'Transfer (Inbound)': { type: 'deposit', shares: false, keepName: true },
  'Umbuchung (Eingang)': { type: 'deposit', shares: false, keepName: true },
  'Transfer (Outbound)': { type: 'withdrawal', shares: false, keepName: true },
  'Umbuchung (Ausgang)': { type: 'withdrawal', shares: false, keepName: true },
  'Delivery (Inbound)': { type: 'transfer_in', shares: true },
  Einlieferung: { type: 'transfer_in', shares: true },
  'Delivery (Outbound)': { type: 'transfer_out', shares: true },
  Auslieferung: { type: 'transfer_out', shares: true },
});

const EXPECTED =
  'Buy, Sell, Dividend, Deposit, Removal, Interest, Interest Charge, Fees, Fees Refund, Taxes, Tax Refund, ' +
  'Transfer (Inbound/Outbound), Delivery (Inbound/Outbound), or their German names';

const TIME_CELL = /^(\d{1,2}):([0-5]\d)/;

// The German preset lists German header names first: the docs show them, and detection counts a
// match on a preset's first name higher, which tells the two apart.
function germanFirst(english: Record<Key, SourceColumn>): Record<Key, SourceColumn> {
  const german = Object.fromEntries(
    Object.entries(english).map(([key, column]) => {
      const [first, second, ...rest] = column.headers;
      const headers = second === undefined ? column.headers : [second, first, ...rest];
      return [key, { ...column, headers }];
    }),
  );
  return german as Record<Key, SourceColumn>;
}

function ppPreset(name: string, label: string, numberFormat: NumberFormat, german: boolean): Preset<Key> {
  return {
    name,
    label,
    builtIn: true,
    delimiter: null,
    dateFormat: 'day-first',
    numberFormat,
    columns: german ? germanFirst(columns) : columns,
    accountColumns: ['securitiesAccount', 'cashAccount'],
    fieldSources: {
      date: 'date',
      type: 'type',
      quantity: 'shares',
      price: 'value',
      amount: 'value',
      fee: 'fees',
      symbol: 'ticker',
      currency: 'currency',
      note: 'note',
    },
    notes: [
      'Taxes are added to the fee. Buy/Sell: price = (value − fees − taxes) ÷ shares, or (value + fees + taxes) ÷ shares for a sale, rounded to 10 decimal places; the amount is left for the ledger to work out.',
      'Dividend and Interest: the amount is the gross (value + fees + taxes) and the fee holds fees + taxes, so cash moves by the value PP booked.',
      'Interest Charge and Taxes become fee; Fees Refund and Tax Refund become interest; cash Transfer (Inbound/Outbound) becomes deposit/withdrawal; the PP type is kept at the start of the note.',
      'Delivery (Inbound/Outbound) become transfer_in/transfer_out; an inbound delivery books the value as its cost basis.',
      'Dropped: Gross Amount, Exchange Rate, Offset Account, Security Name (used in messages only).',
    ],
    read(c) {
      const date = c.date('date');
      const pp = readWord(c, 'type', TYPES, EXPECTED);
      const account = c.account('securitiesAccount', 'cashAccount');
      const value = c.number('value', { absolute: true, required: true });
      const fees = c.number('fees', { absolute: true });
      const taxes = c.number('taxes', { absolute: true });
      const shares = pp?.shares ? c.number('shares', { absolute: true, required: true }) : null;
      if (date === undefined || pp === undefined || account === undefined) return undefined;
      if (value === undefined || value === null || fees === undefined || taxes === undefined) return undefined;
      if (shares === undefined) return undefined;

      const symbol = c.text('ticker') || c.text('isin') || c.text('wkn') || null;
      if (pp.shares && symbol === null) {
        const security = c.text('securityName');
        return c.problem('ticker', `is empty, and so are ISIN and WKN${security ? ` (security ${security})` : ''}`);
      }
      let time = date.time;
      const timeMatch = TIME_CELL.exec(c.text('time'));
      if (timeMatch !== null && Number(timeMatch[1]) <= 23)
        time = `${(timeMatch[1] ?? '').padStart(2, '0')}:${timeMatch[2]}`;

      const charges = Decimal.parse(fees ?? '0').add(Decimal.parse(taxes ?? '0'));
      const total = Decimal.parse(value);
      const fee = charges.isZero() ? null : charges.toString();
      const note = c.raw('note');
      const typeName = c.text('type');
      const draft: Draft = {
        date: date.day,
        time,
        account,
        type: pp.type,
        symbol: null,
        quantity: null,
        price: null,
        fee: null,
        amount: null,
        currency: c.text('currency').toUpperCase(),
        note: pp.keepName ? (note.trim() === '' ? typeName : `${typeName}: ${note}`) : note,
      };
      switch (pp.type) {
        case 'buy':
        case 'sell': {
          const quantity = Decimal.parse(shares ?? '0');
          if (!quantity.isPositive()) return c.problem('shares', 'must be more than zero for a trade', shares ?? '');
          const gross = pp.type === 'buy' ? total.sub(charges) : total.add(charges);
          if (gross.isNegative()) return c.problem('value', 'is smaller than the fees and taxes of this buy', value);
          return { ...draft, symbol, quantity: shares, price: gross.div(quantity).toString(), fee };
        }
        case 'transfer_in':
          return { ...draft, symbol, quantity: shares, amount: total.isZero() ? null : value, fee };
        case 'transfer_out':
          return { ...draft, symbol, quantity: shares, fee };
        case 'dividend':
        case 'interest':
          return {
            ...draft,
            symbol: pp.type === 'dividend' ? symbol : null,
            amount: total.add(charges).toString(),
            fee,
          };
        default:
          return { ...draft, symbol: pp.type === 'fee' ? symbol : null, amount: value, fee: null };
      }
    },
  };
}

/** English PP: "1,234.56". */
export const portfolioPerformancePreset = ppPreset('portfolio-performance', 'Portfolio Performance', '1,234.56', false);
/** German PP: "1.234,56". */
export const portfolioPerformanceGermanPreset = ppPreset(
  'portfolio-performance-de',
  'Portfolio Performance (deutsch)',
  '1.234,56',
  true,
);
