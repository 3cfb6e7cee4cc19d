// What each type of record does to the books: one function per type, read top to bottom. To
// change how a fee, a split or a transfer is booked, change its function here (and the plain
// Decimal replay in test-fixtures/reference-ledger.ts, which checks this one).
//
// A booking receives the record as the reader checked it (ledger-parse.ts) and the row of its
// account's cash in its currency: every record opens that row, so an account shows its cash in
// the currency of its records even when only shares moved.
import type { Transaction, TransactionType } from '../domain/transaction';
import { Decimal } from './decimal';
import type { Fixed } from './fixed';
import {
  BALANCE,
  CASH_DIVIDENDS,
  CASH_FEES,
  CASH_TAXES,
  DEPOSITS,
  HOLDING_DIVIDENDS,
  HOLDING_FEES,
  HOLDING_TAXES,
  INTEREST,
  REALIZED,
  WITHDRAWALS,
  type LedgerBook,
} from './ledger-book';
import { LedgerError, tooLargeError } from './ledger-error';
import type { LedgerRecord } from './ledger-parse';
import type { FlowKind, LedgerFlow } from './ledger-types';
import type { Lot } from './lots';

/**
 * `cash`: the row the record's money goes to. A trade across currencies may settle in its
 * account's currency (book.settleRate): its cash then goes through book.settled().
 */
export type Booking = (book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number) => void;

/** A buy opens a lot costing quantity × price + fee, paid from cash. */
function buy(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  const cost = book.money;
  tradeCash(tx, r, cost);
  const h = book.holding(tx, r);
  book.lots.acquire(h, tx.date, tx.id, r.quantity, cost);
  book.cashFigures.sub(cash, BALANCE, book.settled(cost));
}

/**
 * A sale takes shares from its account's lots in the cost method's order (or the pool, under
 * average cost) and brings in quantity × price − fee; the realized P&L is those proceeds less the
 * cost basis that left. The sale is recorded with the lots it took (book.recordSale).
 */
function sell(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  const proceeds = book.money;
  tradeCash(tx, r, proceeds);
  const h = book.holding(tx, r);
  book.requireHeld(tx, r, h);
  const basis = book.basis;
  const taken: Lot[] = [];
  book.lots.dispose(h, r.quantity, taken, basis);
  book.recordSale(tx, h, r.quantity.toDecimal(), proceeds.toDecimal(), taken);
  book.holdingFigures.add(h, REALIZED, proceeds);
  book.holdingFigures.sub(h, REALIZED, basis);
  book.cashFigures.add(cash, BALANCE, book.settled(proceeds));
}

/**
 * A split (quantity = new shares : old shares, an exact fraction) scales the shares of every
 * open lot; cost stays. The timelines show earlier days in today's shares (docs/engine.md, "Splits").
 */
function split(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  const h = book.holding(tx, r);
  book.lots.split(h, r.ratioNumerator, r.ratioDenominator);
  book.timelines.split(book.slotOf(h), r.ratioNumerator.toNumber(), r.ratioDenominator.toNumber());
  chargeFee(book, r, cash);
}

/**
 * A transfer out takes its lots, oldest first, and waits for a transfer_in of the same day to
 * carry them; at the day's end an unmatched one leaves the portfolio (settleTransfers).
 */
function transferOut(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  const h = book.holding(tx, r);
  book.requireHeld(tx, r, h);
  const lots: Lot[] = [];
  book.lots.dispose(h, r.quantity, lots, book.basis);
  book.pending.push({ tx, holding: h, symbol: r.symbol, quantity: r.quantity.toDecimal(), lots, matched: false });
  chargeFee(book, r, cash);
}

/**
 * A transfer in takes the lots of a same-day transfer_out of the same shares from another
 * account, dates and costs kept (both legs internal to the portfolio). Without one, its amount,
 * or else quantity × price, sets the cost basis of a new lot, and it comes from outside.
 */
function transferIn(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  const h = book.holding(tx, r);
  const quantity = r.quantity.toDecimal();
  const source = book.pending.find(
    (t) => !t.matched && t.symbol === r.symbol && t.tx.account !== tx.account && t.quantity.eq(quantity),
  );
  if (source !== undefined) {
    source.matched = true;
    const cost = Decimal.sum(source.lots.map((lot) => lot.cost));
    book.lots.acquireCarried(h, source.lots);
    book.transferFlow(source.tx, source.holding, source.symbol, source.quantity, -1, cost, true);
    book.transferFlow(tx, h, r.symbol, quantity, 1, cost, true);
  } else if (r.hasAmount || r.hasPrice) {
    const cost = book.basis;
    if (r.hasAmount) cost.setTo(r.amount);
    else cost.setProduct(r.quantity, r.price);
    book.lots.acquire(h, tx.date, tx.id, r.quantity, cost);
    book.transferFlow(tx, h, r.symbol, quantity, 1, cost.toDecimal(), false);
  } else {
    throw new LedgerError(
      tx,
      `no transfer_out of ${quantity.toString()} ${r.symbol} from another account on the same day carries its cost basis; give a price or amount to set it.`,
      'price',
    );
  }
  chargeFee(book, r, cash);
}

/** A dividend is cash in, counted for its account and, when it names one, its holding. */
function dividend(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  if (r.symbol !== '') book.holdingFigures.add(book.holding(tx, r), HOLDING_DIVIDENDS, r.amount);
  book.cashFigures.add(cash, CASH_DIVIDENDS, r.amount);
  book.cashFigures.add(cash, BALANCE, r.amount);
  chargeFee(book, r, cash);
}

function interest(book: LedgerBook, _tx: Transaction, r: LedgerRecord, cash: number): void {
  book.cashFigures.add(cash, INTEREST, r.amount);
  book.cashFigures.add(cash, BALANCE, r.amount);
  chargeFee(book, r, cash);
}

/** A fee record is cash out, counted for its account and, when it names one, its holding. */
function fee(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  if (r.symbol !== '') book.holdingFigures.add(book.holding(tx, r), HOLDING_FEES, r.amount);
  book.cashFigures.add(cash, CASH_FEES, r.amount);
  book.cashFigures.sub(cash, BALANCE, r.amount);
  chargeFee(book, r, cash);
}

/**
 * A tax record is cash out like a fee, but counted apart from fees, for its account and, when it
 * names one, its holding, so taxes paid can be read on their own. A dividend's withheld tax is not
 * one: it stays in the dividend's fee.
 */
function tax(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  if (r.symbol !== '') book.holdingFigures.add(book.holding(tx, r), HOLDING_TAXES, r.amount);
  book.cashFigures.add(cash, CASH_TAXES, r.amount);
  book.cashFigures.sub(cash, BALANCE, r.amount);
  chargeFee(book, r, cash);
}

/** A deposit is cash in from outside: a flow for returns. */
function deposit(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  book.cashFigures.add(cash, DEPOSITS, r.amount);
  book.cashFigures.add(cash, BALANCE, r.amount);
  book.flows.push(cashFlow(tx, 'deposit', r.amount.toNumber()));
  chargeFee(book, r, cash);
}

/** A withdrawal is cash out to outside: a flow for returns. */
function withdrawal(book: LedgerBook, tx: Transaction, r: LedgerRecord, cash: number): void {
  book.cashFigures.add(cash, WITHDRAWALS, r.amount);
  book.cashFigures.sub(cash, BALANCE, r.amount);
  book.flows.push(cashFlow(tx, 'withdrawal', -r.amount.toNumber()));
  chargeFee(book, r, cash);
}

export const BOOKINGS: Readonly<Record<TransactionType, Booking>> = {
  buy,
  sell,
  split,
  transfer_out: transferOut,
  transfer_in: transferIn,
  dividend,
  interest,
  fee,
  tax,
  deposit,
  withdrawal,
};

/**
 * A trade's cash into `out`: quantity × price, plus the fee for a buy (its cost), less it for a
 * sale (its proceeds). An amount the record gives must agree.
 */
function tradeCash(tx: Transaction, r: LedgerRecord, out: Fixed): void {
  out.setProduct(r.quantity, r.price);
  if (r.type === 'buy') out.add(r.fee);
  else out.sub(r.fee);
  if (r.hasAmount && !r.amount.equals(out)) {
    const sign = r.type === 'buy' ? '+' : '−';
    throw new LedgerError(
      tx,
      `has amount ${r.amount.toDecimal().toString()}, but quantity × price ${sign} fee is ${out.toDecimal().toString()}.`,
      'amount',
    );
  }
}

/** A fee on a record other than a trade (whose fee is in its cost or proceeds) is a cash charge. */
function chargeFee(book: LedgerBook, r: LedgerRecord, cash: number): void {
  if (!r.fee.isPositive()) return;
  book.cashFigures.add(cash, CASH_FEES, r.fee);
  book.cashFigures.sub(cash, BALANCE, r.fee);
}

/**
 * At a day's end, a transfer_out no transfer_in took leaves the portfolio with its lots' cost:
 * an external flow of its account.
 */
export function settleTransfers(book: LedgerBook): void {
  if (book.pending.length === 0) return;
  for (const transfer of book.pending) {
    if (transfer.matched) continue;
    const cost = Decimal.sum(transfer.lots.map((lot) => lot.cost));
    book.transferFlow(transfer.tx, transfer.holding, transfer.symbol, transfer.quantity, -1, cost, false);
  }
  book.pending = [];
}

/** What a booking refuses without other records: a trade's amount that does not add up. */
export function checkRecord(tx: Transaction, r: LedgerRecord, scratch: Fixed): void {
  if (r.type !== 'buy' && r.type !== 'sell') return;
  try {
    tradeCash(tx, r, scratch);
  } catch (error) {
    throw tooLargeError(tx, error);
  }
}

function cashFlow(tx: Transaction, kind: FlowKind, amount: number): LedgerFlow {
  return {
    day: tx.date,
    account: tx.account,
    currency: tx.currency,
    kind,
    amount,
    symbol: null,
    quantity: 0,
    cost: 0,
    internal: false,
  };
}
