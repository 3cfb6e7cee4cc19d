import { TRANSACTION_TYPES, type Transaction, type TransactionType } from './domain/transaction';
import { isDay } from './dates';
import { Decimal, DecimalError } from './decimal';
import * as fixed from './fixed';
import { LedgerError } from './ledger-error';

/** A transaction whose fields have been checked and turned into exact decimals. */
export interface ParsedTransaction {
  tx: Transaction;
  type: TransactionType;
  symbol: string;
  /** Shares, or the split ratio; zero where it does not apply. */
  quantity: Decimal;
  price: Decimal;
  fee: Decimal;
  /** The cash amount as given (cash records) or as implied (trades); zero where it does not apply. */
  amount: Decimal;
  /** Set for transfer_in: the cost basis to book when no same-day transfer_out carries one. */
  transferCost: Decimal | null;
}

export interface ParseContext {
  today: string;
  accounts: ReadonlySet<string>;
  /** Dates already checked: a ledger repeats each date many times. */
  validDays?: Set<string>;
  /** Currency codes already checked. */
  currencies?: Set<string>;
  /** Quantities and fees already parsed ('100', '4.95' recur constantly); decimals are immutable. */
  decimals?: Map<string, Decimal>;
}

/** What the replay's reader needs besides: the caches made required, and accounts by number. */
export interface ReplayContext extends ParseContext {
  validDays: Set<string>;
  currencies: Set<string>;
  /** Every known account and its number (FixedRecord.account). */
  accountIds: ReadonlyMap<string, number>;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(TRANSACTION_TYPES);
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

// Written without per-call closures or object spreads: it runs once per ledger record on every
// recompute, 100,000 times in the benchmark.

function fail(tx: Transaction, problem: string): never {
  throw new LedgerError(tx, problem);
}

const CACHE_LIMIT = 50_000;

function decimalField(
  tx: Transaction,
  name: 'quantity' | 'price' | 'fee' | 'amount',
  cache?: Map<string, Decimal>,
): Decimal | null {
  const text: unknown = tx[name];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') fail(tx, `has an invalid ${name} (a ${typeof text}, not a decimal string).`);
  if (cache !== undefined) {
    const known = cache.get(text);
    if (known !== undefined) return known;
  }
  try {
    const value = Decimal.parseOptional(text);
    if (cache !== undefined && value !== null && cache.size < CACHE_LIMIT) cache.set(text, value);
    return value;
  } catch (error) {
    if (error instanceof DecimalError) fail(tx, `has an invalid ${name} (${error.message})`);
    throw error;
  }
}

function positiveQuantity(tx: Transaction, quantity: Decimal | null): Decimal {
  if (quantity === null) return fail(tx, 'needs a quantity.');
  if (!quantity.isPositive()) return fail(tx, `needs a quantity greater than zero (got ${quantity.toString()}).`);
  return quantity;
}

function parsed(
  tx: Transaction,
  symbol: string,
  quantity: Decimal,
  price: Decimal,
  fee: Decimal,
  amount: Decimal,
  transferCost: Decimal | null,
): ParsedTransaction {
  return { tx, type: tx.type, symbol, quantity, price, fee, amount, transferCost };
}

function symbolOf(tx: Transaction): string {
  const symbol: unknown = tx.symbol;
  if (symbol === null || symbol === undefined) return '';
  if (typeof symbol !== 'string') return fail(tx, `has an invalid symbol (a ${typeof symbol}, not text).`);
  return symbol.trim();
}

/** Checks one record against the rules of its type; throws LedgerError naming it. */
export function parseTransaction(tx: Transaction, context: ParseContext): ParsedTransaction {
  if (typeof tx.id !== 'number' || !Number.isSafeInteger(tx.id)) fail(tx, `has no valid id (${String(tx.id)}).`);
  if (!KNOWN_TYPES.has(tx.type)) fail(tx, `has an unknown type ${JSON.stringify(String(tx.type))}.`);
  if (context.validDays?.has(tx.date) !== true) {
    if (!isDay(tx.date)) fail(tx, `has an invalid date ${JSON.stringify(String(tx.date))}; use YYYY-MM-DD.`);
    context.validDays?.add(tx.date);
  }
  if (tx.date > context.today) fail(tx, `is dated ${tx.date}, after today (${context.today}).`);
  if (tx.time !== null && tx.time !== undefined && !TIME_PATTERN.test(tx.time)) {
    fail(tx, `has an invalid time ${JSON.stringify(tx.time)}; use HH:MM.`);
  }
  if (!context.accounts.has(tx.account)) {
    const known = [...context.accounts].sort().join(', ') || 'none';
    fail(tx, `names the account ${JSON.stringify(tx.account)}, which does not exist (known accounts: ${known}).`);
  }
  if (context.currencies?.has(tx.currency) !== true) {
    if (typeof tx.currency !== 'string' || !CURRENCY_PATTERN.test(tx.currency))
      fail(tx, `has an invalid currency ${JSON.stringify(tx.currency)}.`);
    context.currencies?.add(tx.currency);
  }

  const symbol = symbolOf(tx);
  const quantity = decimalField(tx, 'quantity', context.decimals);
  const price = decimalField(tx, 'price');
  const fee = decimalField(tx, 'fee', context.decimals) ?? Decimal.ZERO;
  const amount = decimalField(tx, 'amount');
  if (fee.isNegative()) fail(tx, `has a negative fee (${fee.toString()}).`);

  switch (tx.type) {
    case 'buy':
    case 'sell': {
      if (symbol === '') fail(tx, 'needs a symbol.');
      const shares = positiveQuantity(tx, quantity);
      if (price === null) return fail(tx, 'needs a price.');
      if (price.isNegative()) fail(tx, `has a negative price (${price.toString()}).`);
      const gross = shares.mul(price);
      const implied = fee.isZero() ? gross : tx.type === 'buy' ? gross.add(fee) : gross.sub(fee);
      if (amount !== null && !amount.eq(implied)) {
        const sign = tx.type === 'buy' ? '+' : '−';
        fail(tx, `has amount ${amount.toString()}, but quantity × price ${sign} fee is ${implied.toString()}.`);
      }
      return parsed(tx, symbol, shares, price, fee, implied, null);
    }
    case 'split': {
      if (symbol === '') fail(tx, 'needs a symbol.');
      if (quantity === null) return fail(tx, 'needs a ratio in the quantity field (7 for a 7-for-1 split).');
      if (!quantity.isPositive()) {
        fail(
          tx,
          `has a split ratio of ${quantity.toString()}; the ratio must be greater than zero (7 for 7-for-1, 0.5 for 1-for-2).`,
        );
      }
      return parsed(tx, symbol, quantity, Decimal.ZERO, fee, Decimal.ZERO, null);
    }
    case 'transfer_in':
    case 'transfer_out': {
      if (symbol === '') fail(tx, 'needs a symbol.');
      const shares = positiveQuantity(tx, quantity);
      if (price !== null && price.isNegative()) fail(tx, `has a negative price (${price.toString()}).`);
      if (amount !== null && amount.isNegative()) fail(tx, `has a negative amount (${amount.toString()}).`);
      const transferCost = amount ?? (price === null ? null : shares.mul(price));
      return parsed(tx, symbol, shares, price ?? Decimal.ZERO, fee, Decimal.ZERO, transferCost);
    }
    case 'dividend':
    case 'interest':
    case 'fee':
    case 'deposit':
    case 'withdrawal': {
      if (amount === null) return fail(tx, 'needs an amount.');
      if (!amount.isPositive()) {
        fail(
          tx,
          `needs an amount greater than zero (got ${amount.toString()}); the type says which way the cash moves.`,
        );
      }
      return parsed(tx, symbol, Decimal.ZERO, Decimal.ZERO, fee, amount, null);
    }
  }
}

/** A checked record's fields in fixed-point (fixed.ts), refilled for every record of a replay. */
export class FixedRecord {
  /** The last date found valid and not after today. */
  checkedDay = '';
  /** The last currency found valid. */
  checkedCurrency = '';
  type: TransactionType = 'deposit';
  /** The account's number in ReplayContext.accountIds. */
  account = -1;
  symbol = '';
  /** Zero where a field does not apply, as in ParsedTransaction. */
  readonly quantity = new fixed.Fixed();
  readonly price = new fixed.Fixed();
  readonly fee = new fixed.Fixed();
  readonly amount = new fixed.Fixed();
  /** transfer_in: whether a price or amount sets the cost basis, and that basis. */
  hasTransferCost = false;
  readonly transferCost = new fixed.Fixed();
}

/**
 * parseTransaction's checks and results, into `out` and without allocating, for the ledger's
 * replay. Records of the usual shapes are read here; anything else (a sign, an exponent, an
 * invalid field) goes to parseTransaction, which says what is wrong in its own words.
 */
export function readTransaction(tx: Transaction, context: ReplayContext, out: FixedRecord): void {
  if (readUsual(tx, context, out)) return;
  const p = parseTransaction(tx, context);
  out.type = p.type;
  out.account = context.accountIds.get(tx.account) as number;
  out.symbol = p.symbol;
  out.quantity.setDecimal(p.quantity);
  out.price.setDecimal(p.price);
  out.fee.setDecimal(p.fee);
  out.amount.setDecimal(p.amount);
  out.hasTransferCost = p.transferCost !== null;
  out.transferCost.setDecimal(p.transferCost ?? Decimal.ZERO);
}

const R = fixed.R;

/** True when `tx` is valid and read into `out`; false to leave it to parseTransaction. */
function readUsual(tx: Transaction, context: ReplayContext, out: FixedRecord): boolean {
  if (typeof tx.id !== 'number' || !Number.isSafeInteger(tx.id)) return false;
  const { validDays, currencies } = context;
  // A replay meets each date many times in a row: the last one that passed is checked by identity.
  if (tx.date !== out.checkedDay) {
    if (!validDays.has(tx.date)) {
      if (!isDay(tx.date)) return false;
      validDays.add(tx.date);
    }
    if (tx.date > context.today) return false;
    out.checkedDay = tx.date;
  }
  if (tx.time !== null && tx.time !== undefined && !TIME_PATTERN.test(tx.time)) return false;
  // One lookup both checks the account and numbers it for the replay's tables.
  const account = context.accountIds.get(tx.account);
  if (account === undefined) return false;
  if (tx.currency !== out.checkedCurrency) {
    if (!currencies.has(tx.currency)) {
      if (typeof tx.currency !== 'string' || !CURRENCY_PATTERN.test(tx.currency)) return false;
      currencies.add(tx.currency);
    }
    out.checkedCurrency = tx.currency;
  }
  // Fields are written to `out` as they are read: a record that turns out unusual is read again
  // in full by parseTransaction, so nothing half-read is ever used.
  const { quantity, price, fee, amount, transferCost } = out;
  if (tx.fee === null || tx.fee === undefined) fee.set(0, 0);
  else if (fixed.parseUnsigned(tx.fee)) fee.setResult();
  else return false;
  quantity.set(0, 0);
  price.set(0, 0);
  amount.set(0, 0);
  out.hasTransferCost = false;
  if (tx.symbol != null && typeof tx.symbol !== 'string') return false;
  const symbol = tx.symbol == null ? '' : trimmed(tx.symbol);
  switch (tx.type) {
    case 'buy':
    case 'sell': {
      if (symbol === '' || !readPositive(tx.quantity)) return false;
      quantity.setResult();
      if (tx.price == null || !fixed.parseUnsigned(tx.price)) return false;
      price.setResult();
      fixed.mul(quantity, price);
      amount.setResult();
      if (tx.type === 'buy') amount.add(fee);
      else amount.sub(fee);
      // A given amount must equal the implied one; when it does not, parseTransaction says so.
      if (tx.amount != null && !(fixed.parseUnsigned(tx.amount) && R[0] === amount.whole && R[1] === amount.units))
        return false;
      break;
    }
    case 'split':
      // Fields a type does not use are still checked by parseTransaction: leave those to it.
      if (symbol === '' || tx.price != null || tx.amount != null || !readPositive(tx.quantity)) return false;
      quantity.setResult();
      break;
    case 'transfer_in':
    case 'transfer_out': {
      if (symbol === '' || !readPositive(tx.quantity)) return false;
      quantity.setResult();
      if (tx.price != null) {
        if (!fixed.parseUnsigned(tx.price)) return false;
        price.setResult();
      }
      if (tx.amount != null) {
        if (!fixed.parseUnsigned(tx.amount)) return false;
        transferCost.setResult();
        out.hasTransferCost = true;
      } else if (tx.price != null) {
        fixed.mul(quantity, price);
        transferCost.setResult();
        out.hasTransferCost = true;
      }
      break;
    }
    case 'dividend':
    case 'interest':
    case 'fee':
    case 'deposit':
    case 'withdrawal':
      if (tx.quantity != null || tx.price != null || !readPositive(tx.amount)) return false;
      amount.setResult();
      break;
    default:
      return false;
  }
  out.type = tx.type;
  out.account = account;
  out.symbol = symbol;
  return true;
}

/** `text.trim()`, skipping the call when both ends are visible ASCII (a symbol almost always is). */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** A plain unsigned decimal above zero, into R. */
function readPositive(text: string | null | undefined): boolean {
  if (text === null || text === undefined || !fixed.parseUnsigned(text)) return false;
  return (R[0] as number) > 0 || (R[1] as number) > 0;
}
