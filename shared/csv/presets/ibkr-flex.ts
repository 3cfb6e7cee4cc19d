// Interactive Brokers' Flex Query CSVs: a Trades query and a Cash Transactions query (Reports ›
// Flex Queries, format CSV), one file each. Column names are IBKR's Flex field names. IBKR prints
// plain numbers and dates as yyyyMMdd; every row names its currency. The files name no account
// (unless the query adds ClientAccountID), so one may be chosen for the file.
import type { Preset, SourceColumn } from '../preset-types';
import { normaliseWord, wordTable } from '../type-words';

type TradeKey =
  | 'side'
  | 'date'
  | 'symbol'
  | 'isin'
  | 'quantity'
  | 'price'
  | 'currency'
  | 'commission'
  | 'commissionCurrency'
  | 'account'
  | 'description';

const tradeColumns: Record<TradeKey, SourceColumn> = {
  side: { headers: ['Buy/Sell'], required: true, description: 'BUY or SELL' },
  date: { headers: ['TradeDate', 'Date/Time'], required: true, description: 'yyyyMMdd (a time after ; is ignored)' },
  symbol: { headers: ['Symbol'], description: 'the ticker, when the query has it (else the ISIN)' },
  isin: { headers: ['ISIN'], required: true, description: 'the security; blank for a currency exchange' },
  quantity: { headers: ['Quantity'], required: true, description: 'shares, negative for a sale' },
  price: { headers: ['TradePrice'], required: true, description: 'per share' },
  currency: { headers: ['CurrencyPrimary'], required: true, description: 'the trade currency' },
  commission: { headers: ['IBCommission'], description: 'negative: a charge' },
  commissionCurrency: { headers: ['IBCommissionCurrency'], description: 'must be the trade currency' },
  account: { headers: ['ClientAccountID', 'AccountAlias'], description: 'the account (else choose one)' },
  description: { headers: ['Description'], description: 'kept as the note' },
};

/** "20230522", "20230522;093000" or "2023-05-22, 09:30:00": the day is what IBKR traded on. */
function dayPart(text: string): string {
  return text.split(/[;,]/)[0]?.trim() ?? '';
}

const LEFT_OUT_FOREX = 'a currency exchange (no ISIN): cash in each currency moves only by the other rows';

export const ibkrFlexTradesPreset: Preset<TradeKey> = {
  name: 'ibkr-flex-trades',
  label: 'Interactive Brokers Flex: trades',
  builtIn: true,
  delimiter: ',',
  dateFormat: 'YYYYMMDD',
  numberFormat: '1234.56',
  columns: tradeColumns,
  accountColumns: ['account'],
  fieldSources: {
    date: 'date',
    type: 'side',
    symbol: 'isin',
    quantity: 'quantity',
    price: 'price',
    fee: 'commission',
    currency: 'currency',
    account: 'account',
    note: 'description',
  },
  notes: [
    'BUY and SELL with quantity, TradePrice and IBCommission (its sign dropped) in CurrencyPrimary; the symbol is the Symbol column if the query has one, else the ISIN.',
    'Currency exchanges (rows without an ISIN, such as USD.CHF) are left out and counted: Tiltfolio keeps cash per currency and books no conversions.',
    'A commission charged in another currency than the trade is refused: book it by hand.',
  ],
  read(c) {
    const side = normaliseWord(c.text('side'));
    if (side !== 'buy' && side !== 'sell') return c.problem('side', 'is not BUY or SELL', c.text('side'));
    if (c.text('isin') === '' && c.text('symbol') === '') return c.skip(LEFT_OUT_FOREX);
    const date = c.date('date', dayPart(c.text('date')));
    const account = c.account('account');
    const quantity = c.number('quantity', { absolute: true, required: true });
    const price = c.number('price', { absolute: true, required: true });
    const fee = c.number('commission', { absolute: true });
    const currency = c.text('currency').toUpperCase();
    const feeCurrency = c.text('commissionCurrency').toUpperCase();
    if (fee !== null && fee !== undefined && feeCurrency !== '' && feeCurrency !== currency) {
      return c.problem(
        'commissionCurrency',
        `is not the trade's currency (${currency}): book this commission by hand`,
        feeCurrency,
      );
    }
    if (date === undefined || account === undefined) return undefined;
    if (quantity === undefined || price === undefined || fee === undefined) return undefined;
    return {
      date: date.day,
      time: null,
      account,
      type: side,
      symbol: (c.text('symbol') || c.text('isin')).toUpperCase(),
      quantity,
      price,
      fee,
      amount: null,
      currency,
      note: c.raw('description'),
    };
  },
};

type CashKey = 'type' | 'date' | 'symbol' | 'isin' | 'description' | 'amount' | 'currency' | 'account';

const cashColumns: Record<CashKey, SourceColumn> = {
  type: { headers: ['Type'], required: true, description: 'Dividends, Withholding Tax, Deposits/Withdrawals, …' },
  date: { headers: ['SettleDate', 'Date/Time', 'ReportDate'], required: true, description: 'yyyyMMdd' },
  symbol: { headers: ['Symbol'], description: 'the ticker, when the query has it (else the ISIN)' },
  isin: { headers: ['ISIN'], required: true, description: 'the security, if any' },
  description: { headers: ['Description'], description: 'kept as the note' },
  amount: { headers: ['Amount'], required: true, description: 'cash in (+) or out (−)' },
  currency: { headers: ['CurrencyPrimary'], required: true, description: 'ISO code' },
  account: { headers: ['ClientAccountID', 'AccountAlias'], description: 'the account (else choose one)' },
};

/** How each Flex cash type is booked: its own type, or by the sign of Amount. */
const CASH_TYPES = wordTable<'dividend' | 'interest' | 'charge' | 'withheld' | 'cash'>({
  dividends: 'dividend',
  'payment in lieu of dividends': 'dividend',
  'withholding tax': 'withheld',
  '871(m) withholding': 'withheld',
  'other fees': 'charge',
  'commission adjustments': 'charge',
  'broker interest paid': 'charge',
  'broker interest received': 'interest',
  'bond interest received': 'interest',
  'bond interest paid': 'charge',
  'deposits/withdrawals': 'cash',
  'deposits & withdrawals': 'cash',
});

/** The type a cash row is booked as: a charge or a tax refunded (money in) is interest. */
function bookedType(booking: 'dividend' | 'interest' | 'charge' | 'withheld' | 'cash', out: boolean) {
  switch (booking) {
    case 'charge':
      return out ? 'fee' : 'interest';
    case 'withheld':
      return out ? 'tax' : 'interest';
    case 'cash':
      return out ? 'withdrawal' : 'deposit';
    default:
      return booking;
  }
}

export const ibkrFlexCashPreset: Preset<CashKey> = {
  name: 'ibkr-flex-cash',
  label: 'Interactive Brokers Flex: cash transactions',
  builtIn: true,
  delimiter: ',',
  dateFormat: 'YYYYMMDD',
  numberFormat: '1234.56',
  columns: cashColumns,
  accountColumns: ['account'],
  fieldSources: {
    date: 'date',
    type: 'type',
    symbol: 'isin',
    amount: 'amount',
    currency: 'currency',
    account: 'account',
    note: 'description',
  },
  notes: [
    'Dividends and Payment In Lieu Of Dividends → dividend; Broker and Bond Interest Received → interest.',
    'Withholding Tax and 871(m) Withholding → tax, with the security; Other Fees, Commission Adjustments and interest paid → fee; either → interest when the amount is a refund.',
    'Deposits/Withdrawals → deposit or withdrawal by the sign of Amount. The symbol is the Symbol column if the query has one, else the ISIN (as in the trades preset).',
  ],
  read(c) {
    const typeText = c.text('type');
    const booking = CASH_TYPES.get(normaliseWord(typeText));
    if (booking === undefined) {
      return c.problem(
        'type',
        'is not a Flex cash type Tiltfolio knows (Dividends, Withholding Tax, Deposits/Withdrawals, interest or fees)',
        typeText,
      );
    }
    const date = c.date('date', dayPart(c.text('date')));
    const account = c.account('account');
    const amount = c.number('amount', { required: true });
    if (date === undefined || account === undefined || amount === undefined || amount === null) return undefined;
    const out = amount.startsWith('-');
    const magnitude = out ? amount.slice(1) : amount;
    const type = bookedType(booking, out);
    return {
      date: date.day,
      time: null,
      account,
      type,
      symbol: (c.text('symbol') || c.text('isin')).toUpperCase() || null,
      quantity: null,
      price: null,
      fee: null,
      amount: booking === 'dividend' || booking === 'interest' ? amount : magnitude,
      currency: c.text('currency').toUpperCase(),
      note: c.raw('description'),
    };
  },
};
