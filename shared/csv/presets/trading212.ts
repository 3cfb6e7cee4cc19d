// Trading 212's history export (History › Export CSV). A trade is booked in the currency the share
// is priced in (Currency (Price / share)); cash rows (deposits, dividends, interest) in the
// account's currency (Currency (Total)). The export names no account, so one is chosen for the file.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { Preset, SourceColumn } from '../preset-types';
import { normaliseWord, wordTable } from '../type-words';

type Fee = 'conversionFee' | 'stampDuty' | 'transactionFee' | 'finraFee' | 'frenchTax';
type Key =
  | 'action'
  | 'time'
  | 'isin'
  | 'ticker'
  | 'name'
  | 'shares'
  | 'price'
  | 'priceCurrency'
  | 'total'
  | 'totalCurrency'
  | 'withholdingTax'
  | 'withholdingTaxCurrency'
  | Fee
  | `${Fee}Currency`;

const fee = (name: string): [SourceColumn, SourceColumn] => [
  { headers: [name], description: 'a charge of the trade' },
  { headers: [`Currency (${name})`], description: `the currency of ${name}` },
];
const [conversionFee, conversionFeeCurrency] = fee('Currency conversion fee');
const [stampDuty, stampDutyCurrency] = fee('Stamp duty reserve tax');
const [transactionFee, transactionFeeCurrency] = fee('Transaction fee');
const [finraFee, finraFeeCurrency] = fee('Finra fee');
const [frenchTax, frenchTaxCurrency] = fee('French transaction tax');

const columns: Record<Key, SourceColumn> = {
  action: { headers: ['Action'], required: true, description: 'Market buy, Limit sell, Dividend (…), Deposit, …' },
  time: { headers: ['Time'], required: true, description: 'YYYY-MM-DD HH:MM:SS' },
  isin: { headers: ['ISIN'], description: 'read but not kept' },
  ticker: { headers: ['Ticker'], required: true, description: 'the symbol' },
  name: { headers: ['Name'], description: 'kept as the note' },
  shares: { headers: ['No. of shares'], required: true, description: 'shares' },
  price: { headers: ['Price / share'], required: true, description: 'per share, in its own currency' },
  priceCurrency: { headers: ['Currency (Price / share)'], required: true, description: 'the trade currency' },
  total: { headers: ['Total'], required: true, description: 'cash in the account currency' },
  totalCurrency: { headers: ['Currency (Total)'], required: true, description: 'the account currency' },
  withholdingTax: { headers: ['Withholding tax'], description: 'already taken off a dividend: noted' },
  withholdingTaxCurrency: { headers: ['Currency (Withholding tax)'], description: 'noted with it' },
  conversionFee,
  conversionFeeCurrency,
  stampDuty,
  stampDutyCurrency,
  transactionFee,
  transactionFeeCurrency,
  finraFee,
  finraFeeCurrency,
  frenchTax,
  frenchTaxCurrency,
};

const FEES: readonly Fee[] = ['conversionFee', 'stampDuty', 'transactionFee', 'finraFee', 'frenchTax'];

type Booking = TransactionType | { leaveOut: string };

const ACTIONS = wordTable<Booking>({
  'market buy': 'buy',
  'limit buy': 'buy',
  'stop buy': 'buy',
  'stop limit buy': 'buy',
  'market sell': 'sell',
  'limit sell': 'sell',
  'stop sell': 'sell',
  'stop limit sell': 'sell',
  deposit: 'deposit',
  withdrawal: 'withdrawal',
  'interest on cash': 'interest',
  'lending interest': 'interest',
  'currency conversion': { leaveOut: 'a currency conversion: Tiltfolio keeps cash per currency and books none' },
});
const CORPORATE_ACTION = {
  leaveOut: 'a corporate action or transfer of shares (split, distribution, transfer): enter it by hand',
};
const CORPORATE = /^(stock (split|distribution)|transfer (in|out)|spin|merger|custom)/;

const KNOWN = 'Market/Limit/Stop buy or sell, Dividend (…), Deposit, Withdrawal, Interest on cash';

export const trading212Preset: Preset<Key> = {
  name: 'trading212',
  label: 'Trading 212',
  builtIn: true,
  delimiter: ',',
  dateFormat: 'YYYY-MM-DD',
  numberFormat: '1234.56',
  columns,
  accountColumns: [],
  fieldSources: {
    date: 'time',
    type: 'action',
    symbol: 'ticker',
    quantity: 'shares',
    price: 'price',
    fee: 'conversionFee',
    amount: 'total',
    currency: 'priceCurrency',
    note: 'name',
  },
  notes: [
    'Buys and sells in the currency of Price / share, with quantity and price as given; the fee columns (conversion fee, stamp duty, transaction and Finra fees, French transaction tax) are added up when they are in that currency, and refused otherwise (book such a fee by hand).',
    'Dividend (…) rows: the Total, in Currency (Total), net of the withholding tax (which goes to the note); paid in another currency than the share is priced in, the dividend keeps its ticker in the note, not as its symbol (a symbol is booked in one currency).',
    'Deposit, Withdrawal and Interest on cash: the Total in Currency (Total). Currency conversions, splits, distributions and transfers of shares are left out and counted.',
  ],
  read(c) {
    const actionText = c.text('action');
    const word = normaliseWord(actionText);
    const booking: Booking | undefined = word.startsWith('dividend')
      ? 'dividend'
      : CORPORATE.test(word)
        ? CORPORATE_ACTION
        : ACTIONS.get(word);
    if (booking === undefined) {
      return c.problem('action', `is not a Trading 212 action Tiltfolio knows (expected ${KNOWN})`, actionText);
    }
    if (typeof booking === 'object') return c.skip(booking.leaveOut);
    const date = c.date('time');
    const account = c.account();
    const draft = {
      time: date?.time ?? null,
      account: account ?? '',
      symbol: c.text('ticker') || null,
      note: c.raw('name'),
    };
    if (booking === 'buy' || booking === 'sell') {
      const quantity = c.number('shares', { absolute: true, required: true });
      const price = c.number('price', { absolute: true, required: true });
      const currency = c.text('priceCurrency').toUpperCase();
      const charges: string[] = [];
      for (const key of FEES) {
        const value = c.number(key, { absolute: true });
        if (value === null || value === undefined) continue;
        const feeCurrency = c.text(`${key}Currency`).toUpperCase();
        if (feeCurrency !== '' && feeCurrency !== currency) {
          c.problem(
            key,
            `is charged in ${feeCurrency}, not in the trade's ${currency}: book it by hand as a fee`,
            value,
          );
        } else charges.push(value);
      }
      if (date === undefined || account === undefined || quantity === undefined || price === undefined)
        return undefined;
      const total = charges.reduce((sum, value) => sum.add(Decimal.parse(value)), Decimal.ZERO);
      return {
        ...draft,
        date: date.day,
        type: booking,
        quantity,
        price,
        fee: charges.length === 0 ? null : total.toString(),
        amount: null,
        currency,
      };
    }
    const amount = c.number('total', { absolute: true, required: true });
    if (date === undefined || account === undefined || amount === undefined) return undefined;
    const tax = c.text('withholdingTax');
    const taxNote =
      booking === 'dividend' && tax !== '' ? ` (withholding tax ${tax} ${c.text('withholdingTaxCurrency')})` : '';
    const currency = c.text('totalCurrency').toUpperCase();
    // A symbol's transactions are in one currency (the ledger's rule): a dividend paid out in the
    // account's currency on a share priced in another (or not said) keeps its ticker in the note instead.
    const priced = c.text('priceCurrency').toUpperCase();
    const keepsSymbol = booking === 'dividend' && priced === currency;
    const ticker = booking === 'dividend' && !keepsSymbol && draft.symbol !== null ? `${draft.symbol}: ` : '';
    return {
      ...draft,
      date: date.day,
      type: booking,
      symbol: keepsSymbol ? draft.symbol : null,
      quantity: null,
      price: null,
      fee: null,
      amount,
      currency,
      note: ticker + draft.note + taxNote,
    };
  },
};
