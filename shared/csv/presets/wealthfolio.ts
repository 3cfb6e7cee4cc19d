// Wealthfolio's activities CSV: its import template (apps/frontend/public/sample-import.csv and
// the sample of utils/sample-csv.ts), matched by the header aliases of its own column auto-mapping
// (COLUMN_ALIASES in pages/activity/import/hooks/use-import-mapping.ts, exact matches), and its
// activities export (settings › exports), whose every cell is a JSON string. Types follow
// Wealthfolio's docs/activities/activity-types.md.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import { normaliseHeader } from '../convert';
import type { Cells, Draft, Preset, SourceColumn } from '../preset-types';
import { splitRatioCell } from '../split-ratio-cell';
import { readWord, wordTable } from '../type-words';
import { WF_ALIASES } from './wealthfolio-aliases';

type Key =
  | 'date'
  | 'activityType'
  | 'symbol'
  | 'assetSymbol'
  | 'isin'
  | 'instrumentType'
  | 'quantity'
  | 'unitPrice'
  | 'amount'
  | 'currency'
  | 'fee'
  | 'tax'
  | 'accountName'
  | 'account'
  | 'comment'
  | 'fxRate'
  | 'subtype'
  | 'status';

const columns: Record<Key, SourceColumn> = {
  date: { headers: WF_ALIASES.date, required: true, description: 'ISO date or date-time (2024-01-01T15:02:36+00:00)' },
  activityType: { headers: WF_ALIASES.activityType, required: true, description: 'BUY, SELL, DIVIDEND, …' },
  symbol: {
    headers: WF_ALIASES.symbol,
    required: true,
    description: 'the symbol; empty, $CASH-USD or CASH:USD mean cash (in the export: its asset id)',
  },
  assetSymbol: { headers: ['assetSymbol'], description: "the export's ticker, read before symbol" },
  isin: { headers: WF_ALIASES.isin, description: 'the symbol when the symbol column is empty' },
  instrumentType: { headers: WF_ALIASES.instrumentType, description: 'not kept' },
  quantity: { headers: WF_ALIASES.quantity, required: true, description: 'shares' },
  unitPrice: { headers: WF_ALIASES.unitPrice, required: true, description: 'per share' },
  amount: { headers: WF_ALIASES.amount, description: 'cash amount; the ratio of a SPLIT' },
  currency: { headers: WF_ALIASES.currency, required: true, description: 'ISO code' },
  fee: { headers: WF_ALIASES.fee, description: 'fee in the activity currency' },
  tax: { headers: ['tax', 'taxes'], description: 'tax on the row, added to its fee' },
  accountName: { headers: ['accountName', 'account name', 'account_name'], description: 'the account' },
  account: { headers: WF_ALIASES.account, description: 'the account, when there is no accountName' },
  comment: { headers: WF_ALIASES.comment, description: 'kept as the note' },
  fxRate: {
    headers: WF_ALIASES.fxRate,
    description: "the broker's rate: account currency per 1 unit of the activity's",
  },
  subtype: { headers: WF_ALIASES.subtype, description: 'DRIP, STAKING_REWARD, BONUS, … (see below)' },
  status: { headers: ['status'], description: 'PENDING, DRAFT and VOID activities are left out (the export)' },
};

type WfType = TransactionType | 'credit' | 'add_holding' | 'remove_holding' | 'refused';

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
  CREDIT: 'credit',
  TRANSFER_IN: 'transfer_in',
  TRANSFER_OUT: 'transfer_out',
  ADD_HOLDING: 'add_holding',
  REMOVE_HOLDING: 'remove_holding',
  ADJUSTMENT: 'refused',
  UNKNOWN: 'refused',
  CONVERSION_IN: 'refused',
  CONVERSION_OUT: 'refused',
});

const EXPECTED =
  'BUY, SELL, DIVIDEND, INTEREST, DEPOSIT, WITHDRAWAL, FEE, TAX, SPLIT, CREDIT, TRANSFER_IN, TRANSFER_OUT, ADD_HOLDING, REMOVE_HOLDING';

const REFUSED: Record<string, string> = {
  ADJUSTMENT:
    'is a Wealthfolio correction whose effect depends on its details; enter it as the transactions it stands for',
  UNKNOWN: 'is an activity Wealthfolio could not classify; give it a type in Wealthfolio (or the file) first',
  CONVERSION_IN: 'is a currency conversion, which Tiltfolio does not record',
  CONVERSION_OUT: 'is a currency conversion, which Tiltfolio does not record',
};

/** Wealthfolio's statuses other than POSTED: activities its holdings leave out. */
const NOT_POSTED = new Set(['PENDING', 'DRAFT', 'VOID']);

const isCashSymbol = (symbol: string) => symbol === '' || /^\$?CASH([-_:][A-Z]{3})?$/i.test(symbol);

export const wealthfolioPreset: Preset<Key> = {
  name: 'wealthfolio',
  label: 'Wealthfolio',
  builtIn: true,
  delimiter: null,
  dateFormat: 'YYYY-MM-DD',
  numberFormat: '1234.56',
  columns,
  accountColumns: ['accountName', 'account'],
  fieldSources: {
    date: 'date',
    type: 'activityType',
    symbol: 'symbol',
    quantity: 'quantity',
    price: 'unitPrice',
    fee: 'fee',
    amount: 'amount',
    currency: 'currency',
    fxRate: 'fxRate',
    note: 'comment',
  },
  jsonQuoted: (header) => {
    const names = new Set(header.map(normaliseHeader));
    return names.has('id') && names.has('activitytype');
  },
  notes: [
    'Headers are matched by Wealthfolio\'s own aliases (exact, ignoring case): "type" or "activity type" for activityType, "unit_price" or "price" for unitPrice, and so on.',
    "Wealthfolio's export (every cell a JSON string) is read as well as its import template; in the export, assetSymbol gives the symbol and accountName the account, and PENDING, DRAFT and VOID activities are left out, as Wealthfolio leaves them out of its holdings.",
    'BUY/SELL: quantity, unitPrice and fee (signs dropped); the amount column is not kept (the ledger works it out).',
    'DIVIDEND, INTEREST, DEPOSIT, WITHDRAWAL: the amount column, or quantity × unitPrice when it is empty or zero.',
    'DIVIDEND with subtype DRIP and INTEREST with subtype STAKING_REWARD are two transactions, as Wealthfolio books them: the income, and a buy of quantity at unitPrice; DIVIDEND_IN_KIND is the dividend and a transfer_in of the shares at unitPrice. RETURN_OF_CAPITAL is refused.',
    "FEE becomes fee and TAX becomes tax: the amount, else the fee (and tax) column. On any other row a tax column (not among Wealthfolio's) is added to the row's fee: a trade's tax is in its cost or proceeds, a dividend's withheld tax in its fee.",
    'CREDIT becomes interest (a refund or rebate), or deposit with subtype BONUS (new money, as Wealthfolio counts it); the note starts "Credit".',
    'SPLIT: the ratio is read from amount (Wealthfolio keeps it there), or from quantity when amount is empty or zero, as Wealthfolio reads it; 1:3 and 1-for-3 are read too.',
    'TRANSFER_IN/OUT of a security become transfer_in/out (unitPrice as the cost per share); of cash they become deposit/withdrawal. ADD_HOLDING/REMOVE_HOLDING (older Wealthfolio) read like security transfers.',
    "fxRate becomes the row's fx_rate unchanged: Wealthfolio's holdings calculator multiplies an activity-currency amount by it to get the account-currency amount, the direction Tiltfolio uses. 0, as Wealthfolio treats it, means no rate.",
    'ADJUSTMENT, UNKNOWN and CONVERSION_IN/OUT are refused. instrumentType is dropped; other subtypes (QUALIFIED, COUPON, …) are dropped.',
  ],
  read(c) {
    // Only Wealthfolio's own words: a broker's Status column ("Filled") says nothing of the kind.
    const status = c.text('status').toUpperCase();
    if (NOT_POSTED.has(status)) return c.skip(`a ${status} activity; Wealthfolio counts only POSTED ones`);
    const date = c.date('date');
    const wf = readWord(c, 'activityType', TYPES, EXPECTED);
    const account = c.account('accountName', 'account');
    const quantity = wf === 'split' ? null : c.number('quantity', { absolute: true });
    const unitPrice = c.number('unitPrice', { absolute: true });
    const fee = c.number('fee', { absolute: true });
    const tax = c.number('tax', { absolute: true });
    // A SPLIT keeps its ratio in amount, or in quantity when amount is empty or zero (Wealthfolio's
    // own rule): read as a ratio (1:3 or 0.5), its sign kept.
    const amount = wf === 'split' ? null : c.number('amount', { absolute: true });
    const ratio = wf === 'split' ? splitRatioOf(c) : null;
    const fxRate = c.number('fxRate');
    if (wf === 'refused') {
      const word = c.text('activityType');
      return c.problem('activityType', REFUSED[word.toUpperCase()] ?? 'is not supported', word);
    }
    if (date === undefined || wf === undefined || account === undefined) return undefined;
    if (quantity === undefined || unitPrice === undefined || fee === undefined || amount === undefined)
      return undefined;
    if (tax === undefined || fxRate === undefined || ratio === undefined) return undefined;
    const subtype = c.text('subtype').toUpperCase();
    const rawSymbol = c.text('assetSymbol') || c.text('symbol') || c.text('isin');
    const isCash = isCashSymbol(rawSymbol);
    const symbol = isCash ? null : rawSymbol;
    const nonZero = (text: string | null) => (text === null || Decimal.parse(text).isZero() ? null : text);
    const fees = nonZero(
      tax === null
        ? fee
        : Decimal.parse(fee ?? '0')
            .add(Decimal.parse(tax))
            .toString(),
    );
    const cash =
      nonZero(amount) ??
      Decimal.parse(quantity ?? '0')
        .mul(Decimal.parse(unitPrice ?? '0'))
        .toString();
    const note = (prefix: string | null) => {
      const comment = c.raw('comment');
      return prefix === null ? comment : comment.trim() === '' ? prefix : `${prefix}: ${comment}`;
    };
    const base: Draft = {
      date: date.day,
      time: date.time,
      account,
      type: wf,
      symbol: null,
      quantity: null,
      price: null,
      fee: fees,
      amount: null,
      currency: c.text('currency').toUpperCase(),
      fxRate: nonZero(fxRate),
      note: note(null),
    };
    // The shares a reinvested dividend or staking reward buys, as Wealthfolio's compiler books them.
    const received = (type: 'buy' | 'transfer_in'): Draft => ({
      ...base,
      type,
      symbol,
      quantity,
      price: unitPrice,
      fee: null,
    });
    switch (wf) {
      case 'buy':
      case 'sell':
        return { ...base, symbol, quantity, price: unitPrice };
      case 'dividend': {
        if (subtype === 'RETURN_OF_CAPITAL') {
          return c.problem('subtype', 'is a return of capital, which Tiltfolio does not record yet', c.text('subtype'));
        }
        const dividend = { ...base, symbol, amount: cash };
        if (subtype === 'DRIP') return [dividend, received('buy')];
        if (subtype === 'DIVIDEND_IN_KIND') return [dividend, received('transfer_in')];
        return dividend;
      }
      case 'interest': {
        const interest = { ...base, amount: cash };
        return subtype === 'STAKING_REWARD' ? [interest, received('buy')] : interest;
      }
      case 'deposit':
      case 'withdrawal':
        return { ...base, amount: cash };
      case 'credit':
        return { ...base, type: subtype === 'BONUS' ? 'deposit' : 'interest', amount: cash, note: note('Credit') };
      case 'fee':
      case 'tax':
        return { ...base, symbol, fee: null, amount: nonZero(amount) ?? fees ?? cash };
      case 'split':
        if (ratio === null) {
          return c.problem(
            'amount',
            'is empty, and so is quantity; a SPLIT needs its ratio here (2 for a 2-for-1 split), as in Wealthfolio',
          );
        }
        return { ...base, symbol, quantity: ratio, fee: null };
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

const ZERO_TEXT = /^[+-]?0*\.?0*$/;

/** Wealthfolio's handler takes a SPLIT's ratio from amount, and from quantity when amount is empty or zero. */
function splitRatioOf(c: Cells<Key>): string | null | undefined {
  const amount = splitRatioCell(c, 'amount');
  if (amount === undefined || (amount !== null && !ZERO_TEXT.test(amount))) return amount;
  return splitRatioCell(c, 'quantity') ?? amount;
}
