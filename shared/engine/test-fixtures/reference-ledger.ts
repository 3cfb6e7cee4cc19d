import type { Transaction } from '../../domain/transaction';
import { Decimal } from '../decimal';
import { LedgerError } from '../ledger-error';
import { sortForLedger } from '../ledger-order';
import { parseTransaction as checkTransaction, type ParseContext } from '../ledger-parse';
import type { CostMethod, Lot } from '../lots';
import {
  compareText,
  type AccountCash,
  type AccountState,
  type FlowKind,
  type LedgerFlow,
  type LedgerOptions,
  type LedgerResult,
  type Position,
} from '../ledger-types';
import { TimelineRecorder, type Slot } from './reference-timelines';
import { LotBook } from './reference-lots';

/** A checked record's fields as Decimals, with the cash each type implies worked out here. */
interface ParsedTransaction {
  tx: Transaction;
  type: Transaction['type'];
  symbol: string;
  /** Shares, or the split ratio; zero where it does not apply. */
  quantity: Decimal;
  /** A split's new shares and old shares (exact); 1 and 1 for other types. */
  ratio: { numerator: Decimal; denominator: Decimal };
  price: Decimal;
  fee: Decimal;
  /** The cash amount as given (cash records) or as implied (trades); zero where it does not apply. */
  amount: Decimal;
  /** Set for transfer_in: the cost basis to book when no same-day transfer_out carries one. */
  transferCost: Decimal | null;
}

/** The engine's reader checks the record and says what is wrong in its words; the figures are the reference's own. */
function parseTransaction(tx: Transaction, context: ParseContext): ParsedTransaction {
  const r = checkTransaction(tx, context);
  const quantity = r.quantity.toDecimal();
  const price = r.price.toDecimal();
  const fee = r.fee.toDecimal();
  const given = r.hasAmount ? r.amount.toDecimal() : null;
  const parsed = {
    tx,
    type: tx.type,
    symbol: r.symbol,
    quantity,
    ratio: { numerator: r.ratioNumerator.toDecimal(), denominator: r.ratioDenominator.toDecimal() },
    price,
    fee,
    amount: Decimal.ZERO,
    transferCost: null,
  };
  switch (tx.type) {
    case 'buy':
    case 'sell': {
      const gross = quantity.mul(price);
      const amount = fee.isZero() ? gross : tx.type === 'buy' ? gross.add(fee) : gross.sub(fee);
      return { ...parsed, amount };
    }
    case 'transfer_in':
    case 'transfer_out':
      return { ...parsed, transferCost: given ?? (r.hasPrice ? quantity.mul(price) : null) };
    case 'split':
      return parsed;
    default:
      return { ...parsed, amount: given ?? Decimal.ZERO };
  }
}

interface HoldingState {
  position: Omit<Position, 'quantity' | 'costBasis' | 'lots'>;
  book: LotBook;
  /** Ratios of this account's split records for the symbol not yet applied, as floats. */
  laterSplits: number[];
  factor: number;
  slot: Slot;
  dirty: boolean;
}

interface CashState {
  account: string;
  cash: AccountCash;
  slot: Slot;
  dirty: boolean;
}

interface PendingTransfer {
  parsed: ParsedTransaction;
  lots: Lot[];
  matched: boolean;
}

// The ledger replay as it was before fixed.ts: one immutable Decimal per value and one object
// per lot. Slower, and simple enough to trust: ledger.test.ts checks the columnar replay against
// it on random ledgers. Not used by the app.
export function referenceLedger(transactions: readonly Transaction[], options: LedgerOptions): LedgerResult {
  const steps = new LedgerRun(options).replay(transactions, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

class LedgerRun {
  private readonly costMethod: CostMethod;
  private readonly context: ParseContext;
  private readonly splitRatios = new Map<string, Map<string, number[]>>();
  // Nested maps (account → symbol) rather than joined keys: no string building per record.
  private readonly holdings = new Map<string, Map<string, HoldingState>>();
  private readonly allHoldings: HoldingState[] = [];
  private readonly symbolCurrency = new Map<string, string>();
  private readonly cashes = new Map<string, Map<string, CashState>>();
  private readonly allCash: CashState[] = [];
  private readonly flows: LedgerFlow[] = [];
  private readonly timelines = new TimelineRecorder();
  private dirtyHoldings: HoldingState[] = [];
  private dirtyCash: CashState[] = [];
  private pending: PendingTransfer[] = [];
  /** The day being applied (its end-of-day state not yet recorded). */
  private day: string | null = null;

  constructor(options: LedgerOptions) {
    this.costMethod = options.costMethod ?? 'fifo';
    this.context = {
      today: options.today,
      accounts: new Set(options.accounts),
    };
  }

  /** Yields the number of records applied every `every` records; returns the result. */
  *replay(transactions: readonly Transaction[], every: number): Generator<number, LedgerResult, void> {
    const ordered = sortForLedger(transactions);
    // Splits are needed ahead of time (a holding's value before a split counts today's shares).
    for (const tx of ordered) {
      if (tx.type !== 'split') continue;
      let p: ParsedTransaction;
      try {
        p = parseTransaction(tx, this.context);
      } catch (error) {
        // Reported in order by the main pass, after any earlier invalid record.
        if (error instanceof LedgerError) continue;
        throw error;
      }
      const bySymbol = this.splitRatios.get(tx.account) ?? new Map<string, number[]>();
      bySymbol.set(p.symbol, [
        ...(bySymbol.get(p.symbol) ?? []),
        p.ratio.numerator.toNumber() / p.ratio.denominator.toNumber(),
      ]);
      this.splitRatios.set(tx.account, bySymbol);
    }
    // Plain loops over stretches of records: the generator only steps between them.
    for (let from = 0; from < ordered.length; from += every) {
      this.applyRecords(ordered, from, Math.min(ordered.length, from + every));
      if (from + every < ordered.length) yield from + every;
    }
    if (this.day !== null) this.endOfDay(this.day);
    return {
      costMethod: this.costMethod,
      accounts: this.buildAccounts(),
      ...this.timelines.timelines(),
      flows: this.flows,
      // Sale matching is not replayed here: the realized-gains tests check it against hand figures.
      sales: [],
      firstDay: ordered[0]?.date ?? null,
      lastDay: ordered[ordered.length - 1]?.date ?? null,
    };
  }

  private applyRecords(ordered: readonly Transaction[], from: number, to: number): void {
    // Parsed one at a time so each record's decimals die young instead of filling the old heap.
    for (let i = from; i < to; i++) {
      const tx = ordered[i] as Transaction;
      const p = parseTransaction(tx, this.context);
      if (tx.date !== this.day) {
        if (this.day !== null) this.endOfDay(this.day);
        this.day = tx.date;
      }
      this.apply(p);
    }
  }

  private apply(p: ParsedTransaction): void {
    const { tx } = p;
    const cash = this.cashOf(tx.account, tx.currency).cash;
    switch (p.type) {
      case 'buy': {
        const h = this.holding(p);
        h.book.acquire({ acquired: tx.date, quantity: p.quantity, cost: p.amount, transactionId: tx.id });
        cash.balance = cash.balance.sub(p.amount);
        break;
      }
      case 'sell': {
        const h = this.holding(p);
        requireHeld(p, h);
        const disposal = h.book.dispose(p.quantity);
        h.position.realizedPnl = h.position.realizedPnl.add(p.amount.sub(disposal.cost));
        cash.balance = cash.balance.add(p.amount);
        break;
      }
      case 'split': {
        const h = this.holding(p);
        h.book.split(p.ratio.numerator, p.ratio.denominator);
        h.laterSplits.shift();
        h.factor = product(h.laterSplits);
        break;
      }
      case 'transfer_out': {
        const h = this.holding(p);
        requireHeld(p, h);
        this.pending.push({ parsed: p, lots: h.book.dispose(p.quantity, true).lots, matched: false });
        break;
      }
      case 'transfer_in':
        this.transferIn(p);
        break;
      case 'dividend':
        if (p.symbol !== '') {
          const h = this.holding(p);
          h.position.dividends = h.position.dividends.add(p.amount);
        }
        cash.dividends = cash.dividends.add(p.amount);
        cash.balance = cash.balance.add(p.amount);
        break;
      case 'interest':
        cash.interest = cash.interest.add(p.amount);
        cash.balance = cash.balance.add(p.amount);
        break;
      case 'fee':
        if (p.symbol !== '') {
          const h = this.holding(p);
          h.position.fees = h.position.fees.add(p.amount);
        }
        cash.fees = cash.fees.add(p.amount);
        cash.balance = cash.balance.sub(p.amount);
        break;
      case 'tax':
        if (p.symbol !== '') {
          const h = this.holding(p);
          h.position.taxes = h.position.taxes.add(p.amount);
        }
        cash.taxes = cash.taxes.add(p.amount);
        cash.balance = cash.balance.sub(p.amount);
        break;
      case 'deposit':
        cash.deposits = cash.deposits.add(p.amount);
        cash.balance = cash.balance.add(p.amount);
        this.flows.push(cashFlow(p, 'deposit', p.amount.toNumber()));
        break;
      case 'withdrawal':
        cash.withdrawals = cash.withdrawals.add(p.amount);
        cash.balance = cash.balance.sub(p.amount);
        this.flows.push(cashFlow(p, 'withdrawal', -p.amount.toNumber()));
        break;
    }
    // A trade's fee is already in its cost or proceeds; on any other record it is a cash charge.
    if (p.type !== 'buy' && p.type !== 'sell' && p.fee.isPositive()) {
      cash.fees = cash.fees.add(p.fee);
      cash.balance = cash.balance.sub(p.fee);
    }
  }

  /** A same-day transfer_out of the same shares from another account carries its lots; else a price sets the basis. */
  private transferIn(p: ParsedTransaction): void {
    const h = this.holding(p);
    const source = this.pending.find(
      (t) =>
        !t.matched &&
        t.parsed.symbol === p.symbol &&
        t.parsed.tx.account !== p.tx.account &&
        t.parsed.quantity.eq(p.quantity),
    );
    if (source !== undefined) {
      source.matched = true;
      const cost = Decimal.sum(source.lots.map((lot) => lot.cost));
      h.book.acquireCarried(source.lots);
      this.transferFlow(source.parsed, this.holding(source.parsed), -1, cost, true);
      this.transferFlow(p, h, 1, cost, true);
    } else if (p.transferCost !== null) {
      h.book.acquire({ acquired: p.tx.date, quantity: p.quantity, cost: p.transferCost, transactionId: p.tx.id });
      this.transferFlow(p, h, 1, p.transferCost, false);
    } else {
      throw new LedgerError(
        p.tx,
        `no transfer_out of ${p.quantity.toString()} ${p.symbol} from another account on the same day carries its cost basis; give a price or amount to set it.`,
        'price',
      );
    }
  }

  private holding(p: ParsedTransaction): HoldingState {
    const { account, currency } = p.tx;
    let inAccount = this.holdings.get(account);
    if (inAccount === undefined) {
      inAccount = new Map();
      this.holdings.set(account, inAccount);
    }
    let state = inAccount.get(p.symbol);
    if (state === undefined) state = this.newHolding(p, inAccount);
    if (state.position.currency !== currency) {
      throw new LedgerError(
        p.tx,
        `is in ${currency}, but earlier transactions have ${p.symbol} in ${state.position.currency}.`,
        'currency',
      );
    }
    if (!state.dirty) {
      state.dirty = true;
      this.dirtyHoldings.push(state);
    }
    return state;
  }

  private newHolding(p: ParsedTransaction, inAccount: Map<string, HoldingState>): HoldingState {
    const { account, currency } = p.tx;
    const symbol = p.symbol;
    const known = this.symbolCurrency.get(symbol);
    if (known === undefined) this.symbolCurrency.set(symbol, currency);
    else if (known !== currency) {
      throw new LedgerError(
        p.tx,
        `is in ${currency}, but earlier transactions have ${symbol} in ${known}.`,
        'currency',
      );
    }
    const laterSplits = [...(this.splitRatios.get(account)?.get(symbol) ?? [])];
    const state: HoldingState = {
      position: {
        account,
        symbol,
        currency,
        realizedPnl: Decimal.ZERO,
        dividends: Decimal.ZERO,
        fees: Decimal.ZERO,
        taxes: Decimal.ZERO,
      },
      book: new LotBook(this.costMethod),
      laterSplits,
      factor: product(laterSplits),
      slot: this.timelines.holdingSlot(account, symbol, currency),
      dirty: false,
    };
    inAccount.set(symbol, state);
    this.allHoldings.push(state);
    return state;
  }

  private cashOf(account: string, currency: string): CashState {
    let inAccount = this.cashes.get(account);
    if (inAccount === undefined) {
      inAccount = new Map();
      this.cashes.set(account, inAccount);
    }
    let state = inAccount.get(currency);
    if (state === undefined) {
      const zero = Decimal.ZERO;
      state = {
        account,
        cash: {
          currency,
          balance: zero,
          implicitFunding: zero,
          deposits: zero,
          withdrawals: zero,
          dividends: zero,
          interest: zero,
          fees: zero,
          taxes: zero,
        },
        slot: this.timelines.cashSlot(account, currency),
        dirty: false,
      };
      inAccount.set(currency, state);
      this.allCash.push(state);
    }
    if (!state.dirty) {
      state.dirty = true;
      this.dirtyCash.push(state);
    }
    return state;
  }

  private transferFlow(p: ParsedTransaction, h: HoldingState, sign: 1 | -1, cost: Decimal, internal: boolean): void {
    this.flows.push({
      day: p.tx.date,
      account: p.tx.account,
      currency: p.tx.currency,
      kind: sign > 0 ? 'transfer_in' : 'transfer_out',
      amount: 0,
      symbol: p.symbol,
      quantity: sign * p.quantity.toNumber() * h.factor,
      cost: sign * cost.toNumber(),
      internal,
    });
  }

  private endOfDay(day: string): void {
    for (const transfer of this.pending) {
      if (transfer.matched) continue;
      const p = transfer.parsed;
      this.transferFlow(p, this.holding(p), -1, Decimal.sum(transfer.lots.map((lot) => lot.cost)), false);
    }
    this.pending = [];

    this.timelines.beginDay(day);
    for (const state of this.dirtyCash) {
      const { cash } = state;
      const short = cash.balance.add(cash.implicitFunding);
      if (short.isNegative()) {
        cash.implicitFunding = cash.implicitFunding.sub(short);
        this.flows.push({
          day,
          account: state.account,
          currency: cash.currency,
          kind: 'implicit_deposit',
          amount: -short.toNumber(),
          symbol: null,
          quantity: 0,
          cost: 0,
          internal: false,
        });
      }
      const funded = cash.implicitFunding.isZero() ? cash.balance : cash.balance.add(cash.implicitFunding);
      this.timelines.recordCash(state.slot, funded.toNumber());
      state.dirty = false;
    }
    this.dirtyCash = [];
    for (const state of this.dirtyHoldings) {
      this.timelines.recordHolding(
        state.slot,
        state.book.quantity.toNumber() * state.factor,
        state.book.cost.toNumber(),
      );
      state.dirty = false;
    }
    this.dirtyHoldings = [];
    this.timelines.endDay();
  }

  private buildAccounts(): AccountState[] {
    const byAccount = new Map<string, Position[]>();
    for (const h of this.allHoldings) {
      const list = byAccount.get(h.position.account) ?? [];
      list.push({ ...h.position, quantity: h.book.quantity, costBasis: h.book.cost, lots: h.book.openLots() });
      byAccount.set(h.position.account, list);
    }
    const cashByAccount = new Map<string, AccountCash[]>();
    for (const c of this.allCash) {
      const list = cashByAccount.get(c.account) ?? [];
      list.push({ ...c.cash });
      cashByAccount.set(c.account, list);
    }
    return [...this.context.accounts].sort(compareText).map((name) => ({
      name,
      cash: (cashByAccount.get(name) ?? []).sort((a, b) => compareText(a.currency, b.currency)),
      positions: (byAccount.get(name) ?? []).sort((a, b) => compareText(a.symbol, b.symbol)),
    }));
  }
}

function requireHeld(p: ParsedTransaction, h: HoldingState): void {
  if (p.quantity.gt(h.book.quantity)) {
    const verb = p.type === 'sell' ? 'sells' : 'transfers out';
    throw new LedgerError(
      p.tx,
      `${verb} ${p.quantity.toString()} shares but the account ${p.tx.account} holds ${h.book.quantity.toString()}.`,
      'quantity',
    );
  }
}

function cashFlow(p: ParsedTransaction, kind: FlowKind, amount: number): LedgerFlow {
  return {
    day: p.tx.date,
    account: p.tx.account,
    currency: p.tx.currency,
    kind,
    amount,
    symbol: null,
    quantity: 0,
    cost: 0,
    internal: false,
  };
}

function product(values: readonly number[]): number {
  let result = 1;
  for (const value of values) result *= value;
  return result;
}
