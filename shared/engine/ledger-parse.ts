import { isTransactionType, type Transaction, type TransactionType } from '../domain/transaction';
import { isDay } from './dates';
import { Decimal, DecimalError } from './decimal';
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
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

const NEEDS_SYMBOL = new Set<TransactionType>(['buy', 'sell', 'split', 'transfer_in', 'transfer_out']);
const NEEDS_AMOUNT = new Set<TransactionType>(['dividend', 'interest', 'fee', 'deposit', 'withdrawal']);

/** Checks one record against the rules of its type; throws LedgerError naming it. */
export function parseTransaction(tx: Transaction, context: ParseContext): ParsedTransaction {
  const fail = (problem: string): never => {
    throw new LedgerError(tx, problem);
  };
  if (!Number.isSafeInteger(tx.id)) fail(`has no valid id (${String(tx.id)}).`);
  if (!isTransactionType(tx.type)) fail(`has an unknown type ${JSON.stringify(String(tx.type))}.`);
  if (!isDay(tx.date)) fail(`has an invalid date ${JSON.stringify(String(tx.date))}; use YYYY-MM-DD.`);
  if (tx.date > context.today) fail(`is dated ${tx.date}, after today (${context.today}).`);
  if (tx.time !== null && tx.time !== undefined && !TIME_PATTERN.test(tx.time)) {
    fail(`has an invalid time ${JSON.stringify(tx.time)}; use HH:MM.`);
  }
  if (!context.accounts.has(tx.account)) {
    const known = [...context.accounts].sort().join(', ') || 'none';
    fail(`names the account ${JSON.stringify(tx.account)}, which does not exist (known accounts: ${known}).`);
  }
  if (!CURRENCY_PATTERN.test(tx.currency)) fail(`has an invalid currency ${JSON.stringify(tx.currency)}.`);

  const symbol = (tx.symbol ?? '').trim();
  if (NEEDS_SYMBOL.has(tx.type) && symbol === '') fail('needs a symbol.');

  const field = (name: 'quantity' | 'price' | 'fee' | 'amount'): Decimal | null => {
    try {
      return Decimal.parseOptional(tx[name]);
    } catch (error) {
      if (error instanceof DecimalError) return fail(`has an invalid ${name} (${error.message})`);
      throw error;
    }
  };
  const quantity = field('quantity');
  const price = field('price');
  const fee = field('fee') ?? Decimal.ZERO;
  const amount = field('amount');
  if (fee.isNegative()) fail(`has a negative fee (${fee.toString()}).`);

  const positiveQuantity = (): Decimal => {
    if (quantity === null) return fail('needs a quantity.');
    if (!quantity.isPositive()) return fail(`needs a quantity greater than zero (got ${quantity.toString()}).`);
    return quantity;
  };

  const base = { tx, type: tx.type, symbol, fee, transferCost: null };
  switch (tx.type) {
    case 'buy':
    case 'sell': {
      const shares = positiveQuantity();
      if (price === null) return fail('needs a price.');
      if (price.isNegative()) return fail(`has a negative price (${price.toString()}).`);
      const gross = shares.mul(price);
      const implied = tx.type === 'buy' ? gross.add(fee) : gross.sub(fee);
      if (amount !== null && !amount.eq(implied)) {
        const sign = tx.type === 'buy' ? '+' : '−';
        fail(`has amount ${amount.toString()}, but quantity × price ${sign} fee is ${implied.toString()}.`);
      }
      return { ...base, quantity: shares, price, amount: implied };
    }
    case 'split': {
      if (quantity === null) return fail('needs a ratio in the quantity field (7 for a 7-for-1 split).');
      if (!quantity.isPositive()) {
        return fail(
          `has a split ratio of ${quantity.toString()}; the ratio must be greater than zero (7 for 7-for-1, 0.5 for 1-for-2).`,
        );
      }
      return { ...base, quantity, price: Decimal.ZERO, amount: Decimal.ZERO };
    }
    case 'transfer_in':
    case 'transfer_out': {
      const shares = positiveQuantity();
      if (price !== null && price.isNegative()) fail(`has a negative price (${price.toString()}).`);
      if (amount !== null && amount.isNegative()) fail(`has a negative amount (${amount.toString()}).`);
      const transferCost = amount ?? (price === null ? null : shares.mul(price));
      return { ...base, quantity: shares, price: price ?? Decimal.ZERO, amount: Decimal.ZERO, transferCost };
    }
    default: {
      if (!NEEDS_AMOUNT.has(tx.type)) return fail('cannot be applied.');
      if (amount === null) return fail('needs an amount.');
      if (!amount.isPositive()) {
        return fail(
          `needs an amount greater than zero (got ${amount.toString()}); the type says which way the cash moves.`,
        );
      }
      return { ...base, quantity: Decimal.ZERO, price: Decimal.ZERO, amount };
    }
  }
}
