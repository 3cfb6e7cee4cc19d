// Charles Schwab's brokerage "Transactions" export (Accounts › History › Export › CSV). Every
// amount is in dollars with a $ mark; the export names no account, so one is chosen for the file.
// Action words as Schwab writes them, from its published sample exports (docs/csv.md).
import type { TransactionType } from '../../domain/transaction';
import type { Preset, SourceColumn } from '../preset-types';
import { normaliseWord, wordTable } from '../type-words';
import { tradePrice } from './trade-price';

type Key = 'date' | 'action' | 'symbol' | 'description' | 'quantity' | 'price' | 'fees' | 'amount';

const columns: Record<Key, SourceColumn> = {
  date: { headers: ['Date'], required: true, description: 'MM/DD/YYYY, or "07/07/2025 as of 07/03/2025"' },
  action: { headers: ['Action'], required: true, description: 'Buy, Sell, Qualified Dividend, Credit Interest, …' },
  symbol: { headers: ['Symbol'], required: true, description: 'the ticker (an option has spaces in it)' },
  description: { headers: ['Description'], description: 'kept as the note' },
  quantity: { headers: ['Quantity'], required: true, description: 'shares' },
  price: { headers: ['Price'], required: true, description: 'per share, $' },
  fees: { headers: ['Fees & Comm', 'Fees & Commissions'], required: true, description: 'commission and fees, $' },
  amount: { headers: ['Amount'], required: true, description: 'cash in (+) or out (−), $' },
};

/** How an action is booked: a type, a cash row whose sign decides, or left out with a reason. */
type Booking = TransactionType | 'cash' | 'charge' | 'withheld' | { leaveOut: string };

const OPTION_OR_SHORT = { leaveOut: 'options and short sales: Tiltfolio holds long positions in shares only' };
const CORPORATE_ACTION = {
  leaveOut: 'a corporate action Schwab books as shares added or removed (split, merger, spin-off …): enter it by hand',
};

const ACTIONS = wordTable<Booking>({
  buy: 'buy',
  'reinvest shares': 'buy',
  sell: 'sell',
  dividend: 'dividend',
  'qualified dividend': 'dividend',
  'cash dividend': 'dividend',
  'non-qualified div': 'dividend',
  'special non qual div': 'dividend',
  'special qual div': 'dividend',
  'pr yr cash div': 'dividend',
  'pr yr non-qual div': 'dividend',
  'reinvest dividend': 'dividend',
  'qual div reinvest': 'dividend',
  'pr yr div reinvest': 'dividend',
  'long term cap gain': 'dividend',
  'short term cap gain': 'dividend',
  'long term cap gain reinvest': 'dividend',
  'short term cap gain reinvest': 'dividend',
  'cash in lieu': 'dividend',
  'credit interest': 'interest',
  'bank interest': 'interest',
  'bond interest': 'interest',
  'nra tax adj': 'withheld',
  'foreign tax paid': 'withheld',
  'adr mgmt fee': 'charge',
  'advisor fee': 'charge',
  'service fee': 'charge',
  'margin interest': 'charge',
  'wire fee': 'charge',
  'moneylink transfer': 'cash',
  'moneylink deposit': 'cash',
  'funds received': 'cash',
  'wire received': 'cash',
  'wire sent': 'cash',
  'wire funds': 'cash',
  'wire funds received': 'cash',
  journal: 'cash',
  'internal transfer': 'cash',
  'bank transfer': 'cash',
  'journaled shares': 'transfer_in',
  'security transfer': 'transfer_in',
  'sell short': OPTION_OR_SHORT,
  'buy to cover': OPTION_OR_SHORT,
  'buy to open': OPTION_OR_SHORT,
  'sell to open': OPTION_OR_SHORT,
  'buy to close': OPTION_OR_SHORT,
  'sell to close': OPTION_OR_SHORT,
  expired: OPTION_OR_SHORT,
  assigned: OPTION_OR_SHORT,
  'exchange or exercise': OPTION_OR_SHORT,
  'stock split': CORPORATE_ACTION,
  'reverse split': CORPORATE_ACTION,
  'stock div dist': CORPORATE_ACTION,
  'spin-off': CORPORATE_ACTION,
  'stock merger': CORPORATE_ACTION,
  'name change': CORPORATE_ACTION,
  conversion: CORPORATE_ACTION,
  'stock plan activity': CORPORATE_ACTION,
});

const KNOWN = 'Buy, Sell, Reinvest Shares, a dividend, Credit Interest, a fee or tax, a transfer of cash or shares';
/** "07/07/2025 as of 07/03/2025": posted on the first date, effective on the second. */
const AS_OF = /^\s*\S+\s+as of\s+(\S+)\s*$/i;

export const schwabPreset: Preset<Key> = {
  name: 'schwab',
  label: 'Charles Schwab',
  builtIn: true,
  delimiter: ',',
  dateFormat: 'MM/DD/YYYY',
  numberFormat: '1,234.56',
  columns,
  accountColumns: [],
  fieldSources: {
    date: 'date',
    type: 'action',
    symbol: 'symbol',
    quantity: 'quantity',
    price: 'price',
    fee: 'fees',
    amount: 'amount',
    note: 'description',
  },
  notes: [
    'Every row is in USD; the export names no account, so choose one for the file.',
    'A date "07/07/2025 as of 07/03/2025" is booked on the "as of" date, when the trade took effect.',
    'Buy, Reinvest Shares and Sell: the price is the cash amount less (or plus) Fees & Comm, per share, so cash moves by exactly the Amount.',
    'Dividends and capital gain distributions (also reinvested) → dividend; Credit Interest → interest; taxes withheld (NRA Tax Adj, Foreign Tax Paid) → tax, with the security; fees (Advisor Fee, Wire Fee …) → fee; either → interest when it is refunded.',
    'MoneyLink, wires and journals of cash → deposit or withdrawal by the sign of Amount; Journaled Shares → transfer in or out by the sign of Quantity, at the Price given.',
    'Left out and counted: options, short sales, corporate actions booked as shares added (splits, mergers, spin-offs) and the closing "Transactions Total" line.',
  ],
  read(c) {
    if (normaliseWord(c.text('date')) === 'transactions total') return c.skip("the export's closing total line");
    const actionText = c.text('action');
    const booking = ACTIONS.get(normaliseWord(actionText));
    if (booking === undefined) {
      return c.problem('action', `is not a Schwab action Tiltfolio knows (expected ${KNOWN})`, actionText);
    }
    if (typeof booking === 'object') return c.skip(booking.leaveOut);
    const symbol = c.text('symbol');
    if (/\s/.test(symbol)) return c.skip(OPTION_OR_SHORT.leaveOut);
    const asOf = AS_OF.exec(c.text('date'));
    const date = c.date('date', asOf?.[1]);
    const account = c.account();
    const quantity = c.number('quantity');
    const price = c.number('price', { absolute: true });
    const fee = c.number('fees', { absolute: true });
    const amount = c.number('amount');
    if (date === undefined || account === undefined) return undefined;
    if (quantity === undefined || price === undefined || fee === undefined || amount === undefined) return undefined;
    const draft = {
      date: date.day,
      time: date.time,
      account,
      type: booking as TransactionType,
      symbol: symbol || null,
      quantity: null as string | null,
      price: null as string | null,
      fee: null as string | null,
      amount: null as string | null,
      currency: 'USD',
      note: c.raw('description'),
    };
    const magnitude = (value: string | null) => (value !== null && value.startsWith('-') ? value.slice(1) : value);
    switch (booking) {
      case 'buy':
      case 'sell': {
        const shares = magnitude(quantity);
        const cash = magnitude(amount);
        return {
          ...draft,
          quantity: shares,
          price: tradePrice(booking, shares, cash, fee) ?? price,
          fee: fee,
        };
      }
      case 'transfer_in':
        return {
          ...draft,
          type: quantity?.startsWith('-') ? 'transfer_out' : 'transfer_in',
          quantity: magnitude(quantity),
          price,
        };
      case 'cash':
        return { ...draft, type: amount?.startsWith('-') ? 'withdrawal' : 'deposit', amount: magnitude(amount) };
      case 'charge':
        return { ...draft, type: amount?.startsWith('-') ? 'fee' : 'interest', amount: magnitude(amount) };
      // A tax withheld on a dividend: its own type, so Income counts it as withheld on that holding.
      case 'withheld':
        return { ...draft, type: amount?.startsWith('-') ? 'tax' : 'interest', amount: magnitude(amount) };
      default:
        return { ...draft, type: booking, amount };
    }
  },
};
