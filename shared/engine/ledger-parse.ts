// The one reader of a ledger record: it checks each field and the fields its type needs, and
// reads the numbers into exact fixed-point values (fixed.ts). What a record does to the books is
// not decided here but in its booking function (ledger-bookings.ts).
import { TRANSACTION_TYPES, type Transaction, type TransactionType } from '../domain/transaction';
import { isDay } from './dates';
import { Decimal, DecimalError } from './decimal';
import { Fixed } from './fixed';
import { checkRecord } from './ledger-bookings';
import { LedgerError, tooLargeError, type LedgerField } from './ledger-error';
import { parseSplitRatio, SPLIT_RATIO_HELP, SplitRatioError } from './split-ratio';

export interface ParseContext {
  today: string;
  accounts: ReadonlySet<string>;
}

/** A checked record, its numbers exact. A replay refills one for every record. */
export class LedgerRecord {
  type: TransactionType = 'deposit';
  /** The account's number: its place in the reader's list of accounts. */
  account = -1;
  /** Trimmed; '' when the record has none. */
  symbol = '';
  /** Shares, or the split ratio (rounded to 10 places, for messages); zero when not given. */
  readonly quantity = new Fixed();
  /** A split's exact ratio, new shares ÷ old shares (split-ratio.ts); 1 and 1 for other types. */
  readonly ratioNumerator = new Fixed();
  readonly ratioDenominator = new Fixed();
  readonly price = new Fixed();
  /** Zero when not given. */
  readonly fee = new Fixed();
  readonly amount = new Fixed();
  hasPrice = false;
  hasAmount = false;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(TRANSACTION_TYPES);
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * Reads records into a LedgerRecord; throws LedgerError naming the first thing wrong with one.
 * It remembers the last date and currency that passed: a replay meets each many times in a row.
 */
export class RecordReader {
  private readonly today: string;
  private readonly accounts: ReadonlySet<string>;
  private readonly accountIds: ReadonlyMap<string, number>;
  // Null, not '': a record with an empty date or currency must still be checked.
  private checkedDay: string | null = null;
  private checkedCurrency: string | null = null;

  constructor(context: ParseContext) {
    this.today = context.today;
    this.accounts = context.accounts;
    this.accountIds = new Map([...context.accounts].map((name, i) => [name, i]));
  }

  read(tx: Transaction, out: LedgerRecord): void {
    if (typeof tx.id !== 'number' || !Number.isSafeInteger(tx.id))
      fail(tx, `has no valid id (${String(tx.id)}).`, null);
    if (!KNOWN_TYPES.has(tx.type)) fail(tx, `has an unknown type ${JSON.stringify(String(tx.type))}.`, 'type');
    if (tx.date !== this.checkedDay) {
      if (!isDay(tx.date)) fail(tx, `has an invalid date ${JSON.stringify(String(tx.date))}; use YYYY-MM-DD.`, 'date');
      if (tx.date > this.today) fail(tx, `is dated ${tx.date}, after today (${this.today}).`, 'date');
      this.checkedDay = tx.date;
    }
    if (tx.time !== null && tx.time !== undefined && !TIME_PATTERN.test(tx.time)) {
      fail(tx, `has an invalid time ${JSON.stringify(tx.time)}; use HH:MM.`, 'time');
    }
    const account = this.accountIds.get(tx.account);
    if (account === undefined) {
      const known = [...this.accounts].sort().join(', ') || 'none';
      fail(
        tx,
        `names the account ${JSON.stringify(tx.account)}, which does not exist (known accounts: ${known}).`,
        'account',
      );
    }
    if (tx.currency !== this.checkedCurrency) {
      if (typeof tx.currency !== 'string' || !CURRENCY_PATTERN.test(tx.currency)) {
        fail(tx, `has an invalid currency ${JSON.stringify(tx.currency)}.`, 'currency');
      }
      this.checkedCurrency = tx.currency;
    }
    out.type = tx.type;
    out.account = account;
    out.symbol = symbolOf(tx);
    const { quantity, price, fee, amount } = out;
    const hasQuantity = tx.type === 'split' ? readRatio(tx, out) : readDecimal(tx, tx.quantity, 'quantity', quantity);
    out.hasPrice = readDecimal(tx, tx.price, 'price', price);
    if (!readDecimal(tx, tx.fee, 'fee', fee)) fee.set(0, 0);
    out.hasAmount = readDecimal(tx, tx.amount, 'amount', amount);
    if (fee.isNegative()) fail(tx, `has a negative fee (${text(fee)}).`, 'fee');

    switch (tx.type) {
      case 'buy':
      case 'sell':
        needsSymbol(tx, out);
        positiveQuantity(tx, hasQuantity, quantity);
        if (!out.hasPrice) fail(tx, 'needs a price.', 'price');
        if (price.isNegative()) fail(tx, `has a negative price (${text(price)}).`, 'price');
        break;
      case 'split':
        needsSymbol(tx, out);
        // readRatio has refused a zero, negative or implausible ratio.
        if (!hasQuantity) fail(tx, `needs a ratio in the quantity field: ${SPLIT_RATIO_HELP}.`, 'quantity');
        break;
      case 'transfer_in':
      case 'transfer_out':
        needsSymbol(tx, out);
        positiveQuantity(tx, hasQuantity, quantity);
        if (out.hasPrice && price.isNegative()) fail(tx, `has a negative price (${text(price)}).`, 'price');
        if (out.hasAmount && amount.isNegative()) fail(tx, `has a negative amount (${text(amount)}).`, 'amount');
        break;
      case 'dividend':
      case 'interest':
      case 'fee':
      case 'tax':
      case 'deposit':
      case 'withdrawal':
        if (!out.hasAmount) fail(tx, 'needs an amount.', 'amount');
        if (!amount.isPositive()) {
          fail(
            tx,
            `needs an amount greater than zero (got ${text(amount)}); the type says which way the cash moves.`,
            'amount',
          );
        }
        break;
    }
    // Fields a type does not use are checked above but read as zero, as the bookings expect.
    if (!hasQuantity) quantity.set(0, 0);
    if (!out.hasPrice) price.set(0, 0);
    if (!out.hasAmount) amount.set(0, 0);
    if (tx.type !== 'split') {
      out.ratioNumerator.set(1, 0);
      out.ratioDenominator.set(1, 0);
    }
  }
}

function fail(tx: Transaction, problem: string, field: LedgerField | null): never {
  throw new LedgerError(tx, problem, field);
}

function text(value: Fixed): string {
  return value.toDecimal().toString();
}

/**
 * A decimal field into `out`; false when it is not given (null, or blank text). The usual
 * shapes ('100', '27.5') are read in place; the rest (a sign, an exponent, spaces) by
 * Decimal.parse and its rules.
 */
function readDecimal(
  tx: Transaction,
  value: unknown,
  name: 'quantity' | 'price' | 'fee' | 'amount',
  out: Fixed,
): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string') fail(tx, `has an invalid ${name} (a ${typeof value}, not a decimal string).`, name);
  if (out.parse(value)) return true;
  let parsed: Decimal | null;
  try {
    parsed = Decimal.parseOptional(value);
  } catch (error) {
    if (error instanceof DecimalError) fail(tx, `has an invalid ${name} (${error.message})`, name);
    throw error;
  }
  if (parsed === null) return false;
  try {
    out.setDecimal(parsed);
  } catch (error) {
    throw tooLargeError(tx, error);
  }
  return true;
}

/**
 * A split's ratio into the record (numerator, denominator, and its value rounded into
 * `quantity`); false when it is not given. Any spelling parseSplitRatio reads is accepted here,
 * so a row stored before ratios were canonical reads as it always did.
 */
function readRatio(tx: Transaction, out: LedgerRecord): boolean {
  const value: unknown = tx.quantity;
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string')
    fail(tx, `has an invalid quantity (a ${typeof value}, not a split ratio).`, 'quantity');
  if (value.trim() === '') return false;
  let numerator: bigint;
  let denominator: bigint;
  try {
    ({ numerator, denominator } = parseSplitRatio(value));
  } catch (error) {
    if (error instanceof SplitRatioError) {
      fail(tx, `has the split ratio ${JSON.stringify(value)}, which ${error.reason}; ${SPLIT_RATIO_HELP}.`, 'quantity');
    }
    throw error;
  }
  const n = Decimal.fromInteger(numerator);
  const d = Decimal.fromInteger(denominator);
  out.ratioNumerator.setDecimal(n);
  out.ratioDenominator.setDecimal(d);
  out.quantity.setDecimal(n.div(d));
  return true;
}

function symbolOf(tx: Transaction): string {
  const symbol: unknown = tx.symbol;
  if (symbol === null || symbol === undefined) return '';
  if (typeof symbol !== 'string') return fail(tx, `has an invalid symbol (a ${typeof symbol}, not text).`, 'symbol');
  // trim() is skipped when both ends are visible ASCII, as a symbol's almost always are.
  const first = symbol.charCodeAt(0);
  const last = symbol.charCodeAt(symbol.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? symbol : symbol.trim();
}

function needsSymbol(tx: Transaction, r: LedgerRecord): void {
  if (r.symbol === '') fail(tx, 'needs a symbol.', 'symbol');
}

function positiveQuantity(tx: Transaction, given: boolean, quantity: Fixed): void {
  if (!given) fail(tx, 'needs a quantity.', 'quantity');
  if (!quantity.isPositive()) fail(tx, `needs a quantity greater than zero (got ${text(quantity)}).`, 'quantity');
}

/**
 * Checks one record on its own, as an import or a form does before it is saved: its fields, and
 * what its booking refuses without looking at other records (a trade's amount that does not add
 * up). Throws LedgerError naming it.
 */
export function parseTransaction(tx: Transaction, context: ParseContext): LedgerRecord {
  const record = new LedgerRecord();
  new RecordReader(context).read(tx, record);
  checkRecord(tx, record, new Fixed());
  return record;
}
