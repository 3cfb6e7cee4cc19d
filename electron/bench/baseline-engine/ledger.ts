import type { Transaction } from './domain/transaction';
import { Decimal, DecimalError } from './decimal';
import * as fixed from './fixed';
import { LedgerError } from './ledger-error';
import { datesAscend, dayEnd, DayOrder, sortForLedger } from './ledger-order';
import { FixedRecord, readTransaction, type ReplayContext } from './ledger-parse';
import {
  compareText,
  type AccountCash,
  type AccountState,
  type FlowKind,
  type LedgerFlow,
  type LedgerOptions,
  type LedgerResult,
  type Position,
} from './ledger-types';
import { RowList, RowNames } from './ledger-rows';
import { TimelineRecorder, type Slot } from './ledger-timelines';
import { FixedRows } from './fixed-rows';
import { LotBook, type CostMethod, type Lot } from './lots';

export type * from './ledger-types';
export { compareText } from './ledger-types';

// Running figures are fixed-point values (fixed.ts) changed in place: a replay makes millions of
// arithmetic steps, and an immutable Decimal per step was most of its time. Holdings and cash
// balances are row numbers into tables of such figures (fixed-rows.ts), their names and flags in
// arrays beside them, so a record's bookkeeping reads a row instead of following pointers.

// A holding's figures (its shares and cost basis are in the LotBook).
const REALIZED = 0;
const HOLDING_DIVIDENDS = 1;
const HOLDING_FEES = 2;

// A cash row's figures, in AccountCash's order.
const BALANCE = 0;
const IMPLICIT_FUNDING = 1;
const DEPOSITS = 2;
const WITHDRAWALS = 3;
const CASH_DIVIDENDS = 4;
const INTEREST = 5;
const CASH_FEES = 6;

interface PendingTransfer {
  tx: Transaction;
  /** The holding it left. */
  holding: number;
  symbol: string;
  quantity: Decimal;
  lots: Lot[];
  matched: boolean;
}

/** Applies the ledger in its documented order; throws LedgerError at the first invalid record. */
export function applyLedger(transactions: readonly Transaction[], options: LedgerOptions): LedgerResult {
  const steps = replayLedger(transactions, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same, pausing every `every` records for `pause` to run (and to throw, to stop): a replay of
 * a million imported rows takes seconds, and the process running it must keep answering. Records
 * not in date order are sorted and replayed from the start, so the count passed to `pause` can
 * go back once.
 */
export async function applyLedgerInSteps(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  pause: (recordsDone: number) => Promise<void>,
  every = 20_000,
): Promise<LedgerResult> {
  const steps = replayLedger(transactions, options, every);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause(step.value);
  }
}

// The store hands records over by date, and each day's are ordered and applied as they come,
// while they are still in the processor's cache: a separate pass to sort them first read every
// record from memory twice. Records found out of date order are sorted, and the replay starts over.
function* replayLedger(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  every: number,
): Generator<number, LedgerResult, void> {
  const result = yield* new LedgerRun(options, transactions.length).replay(transactions, every);
  if (result !== null) return result;
  const sorted = sortForLedger(transactions);
  return (yield* new LedgerRun(options, sorted.length).replay(sorted, every)) as LedgerResult;
}

class LedgerRun {
  private readonly costMethod: CostMethod;
  private readonly context: ReplayContext;
  private readonly record = new FixedRecord();
  /** Scratch for a cash balance plus its implicit funding. */
  private readonly funded = new fixed.Fixed();
  private readonly implicit = new fixed.Fixed();
  /** Scratch for a holding's shares and cost (or a cash balance) as floats, for the timelines. */
  private readonly totals = new Float64Array(2);
  private readonly lots: LotBook;
  /** Per account number, holdings by symbol: no string building per record. */
  private readonly holdingIndex: Map<string, number>[];
  private readonly holdingFigures = new FixedRows(3, 256);
  private readonly holdings = new RowNames();
  private readonly holdingDirty: number[] = [];
  private readonly symbolCurrency = new Map<string, string>();
  /** Per account number: cash rows by currency, and the first one's row (an account's usual currency) or −1. */
  private readonly cashIndex: Map<string, number>[];
  private readonly firstCash: number[];
  private readonly cashFigures = new FixedRows(7, 16);
  private readonly cash = new RowNames();
  private readonly cashDirty: number[] = [];
  private readonly flows: LedgerFlow[] = [];
  /** Transfer flows, whose quantities are put in today's shares at the end. */
  private readonly transfers: { flow: LedgerFlow; slot: Slot; day: number }[] = [];
  private readonly timelines: TimelineRecorder;
  private readonly dirtyHoldings = new RowList();
  private readonly dirtyCash = new RowList();
  private pending: PendingTransfer[] = [];
  /** The day being applied (its end-of-day state not yet recorded). */
  private day: string | null = null;
  /** What prefetch read (never used). */
  private touched = 0;

  /** `records`: how many the replay will apply (room for as many timeline rows, up to 65,536). */
  constructor(options: LedgerOptions, records: number) {
    this.costMethod = options.costMethod ?? 'fifo';
    // Lots that leave give their rows to new ones, so the book holds about as many as are open
    // at once: it starts small and grows by doubling.
    this.lots = new LotBook(this.costMethod, 1024);
    this.timelines = new TimelineRecorder(Math.min(records, 65_536));
    const accounts = new Set(options.accounts);
    this.context = {
      today: options.today,
      accounts,
      accountIds: new Map([...accounts].map((name, i) => [name, i])),
      validDays: new Set(),
      currencies: new Set(),
      decimals: new Map(),
    };
    this.holdingIndex = [...accounts].map(() => new Map());
    this.cashIndex = [...accounts].map(() => new Map());
    this.firstCash = [...accounts].map(() => -1);
  }

  /**
   * Yields the number of records applied every `every`; returns the result, or null on meeting
   * records out of date order (before or at an invalid one), which the caller sorts and replays
   * afresh.
   */
  *replay(transactions: readonly Transaction[], every: number): Generator<number, LedgerResult | null, void> {
    const n = transactions.length;
    const days = new DayOrder();
    let pauseAt = every;
    for (let start = 0; start < n;) {
      const end = dayEnd(transactions, start);
      if (start > 0 && (transactions[start] as Transaction).date < (transactions[start - 1] as Transaction).date) {
        return null;
      }
      this.touched += prefetch(transactions, start, end);
      const order = days.order(transactions, start, end);
      // Pauses fall between records, inside a day if need be (an import can put thousands on one).
      for (let from = 0; from < order.length;) {
        const to = Math.min(order.length, from + Math.max(1, pauseAt - (start + from)));
        try {
          this.applyRecords(transactions, order, from, to);
        } catch (error) {
          // The first invalid record in application order only if no earlier-dated record follows.
          if (datesAscend(transactions, end - 1)) throw error;
          return null;
        }
        from = to;
        if (start + from >= pauseAt && start + from < n) {
          yield start + from;
          pauseAt = start + from + every;
        }
      }
      start = end;
    }
    if (this.day !== null) this.endOfDay(this.day);
    for (const { flow, slot, day } of this.transfers) flow.quantity *= this.timelines.factor(slot, day);
    return {
      costMethod: this.costMethod,
      accounts: this.buildAccounts(),
      ...this.timelines.timelines(),
      flows: this.flows,
      firstDay: transactions[0]?.date ?? null,
      lastDay: transactions[n - 1]?.date ?? null,
    };
  }

  /** Records order[from] … order[to − 1] of one day. */
  private applyRecords(transactions: readonly Transaction[], order: readonly number[], from: number, to: number): void {
    const record = this.record;
    for (let k = from; k < to; k++) {
      const tx = transactions[order[k] as number] as Transaction;
      try {
        readTransaction(tx, this.context, record);
      } catch (error) {
        throw asLedgerError(tx, error);
      }
      if (tx.date !== this.day) {
        if (this.day !== null) this.endOfDay(this.day);
        this.day = tx.date;
      }
      try {
        this.apply(tx, record);
      } catch (error) {
        throw asLedgerError(tx, error);
      }
    }
  }

  private apply(tx: Transaction, r: FixedRecord): void {
    const cash = this.cashFigures;
    const c = this.cashOf(r.account, tx);
    const amount = r.amount;
    switch (r.type) {
      case 'buy': {
        const h = this.holding(tx, r);
        this.lots.acquire(h, tx.date, tx.id, r.quantity, amount);
        cash.sub(c, BALANCE, amount);
        break;
      }
      case 'sell': {
        const h = this.holding(tx, r);
        this.requireHeld(tx, r, h);
        this.lots.dispose(h, r.quantity, null);
        this.holdingFigures.add(h, REALIZED, amount);
        this.holdingFigures.sub(h, REALIZED, this.lots.disposed);
        cash.add(c, BALANCE, amount);
        break;
      }
      case 'split': {
        const h = this.holding(tx, r);
        this.lots.split(h, r.quantity);
        this.timelines.split(this.holdings.slot[h] as Slot, r.quantity.toNumber());
        break;
      }
      case 'transfer_out': {
        const h = this.holding(tx, r);
        this.requireHeld(tx, r, h);
        const lots: Lot[] = [];
        this.lots.dispose(h, r.quantity, lots);
        this.pending.push({ tx, holding: h, symbol: r.symbol, quantity: r.quantity.toDecimal(), lots, matched: false });
        break;
      }
      case 'transfer_in':
        this.transferIn(tx, r);
        break;
      case 'dividend':
        if (r.symbol !== '') this.holdingFigures.add(this.holding(tx, r), HOLDING_DIVIDENDS, amount);
        cash.add(c, CASH_DIVIDENDS, amount);
        cash.add(c, BALANCE, amount);
        break;
      case 'interest':
        cash.add(c, INTEREST, amount);
        cash.add(c, BALANCE, amount);
        break;
      case 'fee':
        if (r.symbol !== '') this.holdingFigures.add(this.holding(tx, r), HOLDING_FEES, amount);
        cash.add(c, CASH_FEES, amount);
        cash.sub(c, BALANCE, amount);
        break;
      case 'deposit':
        cash.add(c, DEPOSITS, amount);
        cash.add(c, BALANCE, amount);
        this.flows.push(cashFlow(tx, 'deposit', amount.toNumber()));
        break;
      case 'withdrawal':
        cash.add(c, WITHDRAWALS, amount);
        cash.sub(c, BALANCE, amount);
        this.flows.push(cashFlow(tx, 'withdrawal', -amount.toNumber()));
        break;
    }
    // A trade's fee is already in its cost or proceeds; on any other record it is a cash charge.
    if (r.type !== 'buy' && r.type !== 'sell' && r.fee.isPositive()) {
      cash.add(c, CASH_FEES, r.fee);
      cash.sub(c, BALANCE, r.fee);
    }
  }

  /** A same-day transfer_out of the same shares from another account carries its lots; else a price sets the basis. */
  private transferIn(tx: Transaction, r: FixedRecord): void {
    const h = this.holding(tx, r);
    const quantity = r.quantity.toDecimal();
    const source = this.pending.find(
      (t) => !t.matched && t.symbol === r.symbol && t.tx.account !== tx.account && t.quantity.eq(quantity),
    );
    if (source !== undefined) {
      source.matched = true;
      const cost = Decimal.sum(source.lots.map((lot) => lot.cost));
      this.lots.acquireCarried(h, source.lots);
      this.transferFlow(source.tx, source.holding, source.symbol, source.quantity, -1, cost, true);
      this.transferFlow(tx, h, r.symbol, quantity, 1, cost, true);
    } else if (r.hasTransferCost) {
      this.lots.acquire(h, tx.date, tx.id, r.quantity, r.transferCost);
      this.transferFlow(tx, h, r.symbol, quantity, 1, r.transferCost.toDecimal(), false);
    } else {
      throw new LedgerError(
        tx,
        `no transfer_out of ${quantity.toString()} ${r.symbol} from another account on the same day carries its cost basis; give a price or amount to set it.`,
      );
    }
  }

  private requireHeld(tx: Transaction, r: FixedRecord, h: number): void {
    if (this.lots.compareQuantity(h, r.quantity) >= 0) return;
    const verb = r.type === 'sell' ? 'sells' : 'transfers out';
    throw new LedgerError(
      tx,
      `${verb} ${r.quantity.toDecimal().toString()} shares but the account ${tx.account} holds ${this.lots.quantity(h).toString()}.`,
    );
  }

  /** The holding's row, marked as changed today. */
  private holding(tx: Transaction, r: FixedRecord): number {
    const { currency } = tx;
    const symbol = r.symbol;
    const inAccount = this.holdingIndex[r.account] as Map<string, number>;
    let h = inAccount.get(symbol);
    if (h === undefined) h = this.newHolding(tx, symbol, inAccount);
    const held = this.holdings.currency[h] as string;
    if (held !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${held}.`);
    }
    this.touch(h);
    return h;
  }

  private touch(h: number): void {
    if (this.holdingDirty[h] === 0) {
      this.holdingDirty[h] = 1;
      this.dirtyHoldings.add(h);
    }
  }

  private newHolding(tx: Transaction, symbol: string, inAccount: Map<string, number>): number {
    const { account, currency } = tx;
    const known = this.symbolCurrency.get(symbol);
    if (known === undefined) this.symbolCurrency.set(symbol, currency);
    else if (known !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${known}.`);
    }
    const h = this.lots.addHolding();
    this.holdingFigures.addRow();
    this.holdings.add(account, symbol, currency, this.timelines.holdingSlot(account, symbol, currency));
    this.holdingDirty.push(0);
    inAccount.set(symbol, h);
    return h;
  }

  /** The cash row, marked as changed today. */
  private cashOf(accountId: number, tx: Transaction): number {
    const { account, currency } = tx;
    let c = this.firstCash[accountId] as number;
    if (c < 0 || this.cash.currency[c] !== currency) {
      const inAccount = this.cashIndex[accountId] as Map<string, number>;
      const known = inAccount.get(currency);
      if (known !== undefined) c = known;
      else {
        c = this.cashFigures.addRow();
        this.cash.add(account, currency, currency, this.timelines.cashSlot(account, currency));
        this.cashDirty.push(0);
        inAccount.set(currency, c);
        if ((this.firstCash[accountId] as number) < 0) this.firstCash[accountId] = c;
      }
    }
    if (this.cashDirty[c] === 0) {
      this.cashDirty[c] = 1;
      this.dirtyCash.add(c);
    }
    return c;
  }

  private transferFlow(
    tx: Transaction,
    h: number,
    symbol: string,
    quantity: Decimal,
    sign: 1 | -1,
    cost: Decimal,
    internal: boolean,
  ): void {
    this.touch(h);
    const flow: LedgerFlow = {
      day: tx.date,
      account: tx.account,
      currency: tx.currency,
      kind: sign > 0 ? 'transfer_in' : 'transfer_out',
      amount: 0,
      symbol,
      quantity: sign * quantity.toNumber(),
      cost: sign * cost.toNumber(),
      internal,
    };
    this.flows.push(flow);
    this.transfers.push({ flow, slot: this.holdings.slot[h] as Slot, day: this.timelines.day });
  }

  private endOfDay(day: string): void {
    if (this.pending.length > 0) {
      for (const transfer of this.pending) {
        if (transfer.matched) continue;
        const cost = Decimal.sum(transfer.lots.map((lot) => lot.cost));
        this.transferFlow(transfer.tx, transfer.holding, transfer.symbol, transfer.quantity, -1, cost, false);
      }
      this.pending = [];
    }

    const funded = this.funded;
    const implicit = this.implicit;
    const cash = this.cashFigures;
    const dirtyCash = this.dirtyCash;
    for (let i = 0; i < dirtyCash.count; i++) {
      const c = dirtyCash.at(i);
      cash.read(c, IMPLICIT_FUNDING);
      implicit.setResult();
      cash.read(c, BALANCE);
      funded.setResult();
      funded.add(implicit);
      if (funded.isNegative()) {
        // Short: implicit funding grows by the shortfall, which brings the funded balance to zero.
        cash.sub(c, IMPLICIT_FUNDING, funded);
        this.flows.push({
          day,
          account: this.cash.account[c] as string,
          currency: this.cash.currency[c] as string,
          kind: 'implicit_deposit',
          amount: -funded.toNumber(),
          symbol: null,
          quantity: 0,
          cost: 0,
          internal: false,
        });
        funded.set(0, 0);
      }
      this.totals[0] = funded.toNumber();
      this.totals[1] = 0;
      this.timelines.recordCash(this.cash.slot[c] as Slot, this.totals);
      this.cashDirty[c] = 0;
    }
    dirtyCash.clear();
    const lots = this.lots;
    const totals = this.totals;
    const dirtyHoldings = this.dirtyHoldings;
    for (let i = 0; i < dirtyHoldings.count; i++) {
      const h = dirtyHoldings.at(i);
      lots.totalsAsNumbers(h, totals);
      this.timelines.recordHolding(this.holdings.slot[h] as Slot, totals);
      this.holdingDirty[h] = 0;
    }
    dirtyHoldings.clear();
    this.timelines.endDay(day);
  }

  private buildAccounts(): AccountState[] {
    const byAccount = new Map<string, Position[]>();
    const figures = this.holdingFigures;
    const holdings = this.holdings;
    holdings.account.forEach((account, h) => {
      const list = byAccount.get(account) ?? [];
      list.push({
        account,
        symbol: holdings.name[h] as string,
        currency: holdings.currency[h] as string,
        realizedPnl: figures.toDecimal(h, REALIZED),
        dividends: figures.toDecimal(h, HOLDING_DIVIDENDS),
        fees: figures.toDecimal(h, HOLDING_FEES),
        quantity: this.lots.quantity(h),
        costBasis: this.lots.cost(h),
        lots: this.lots.openLots(h),
      });
      byAccount.set(account, list);
    });
    const cashByAccount = new Map<string, AccountCash[]>();
    const cash = this.cashFigures;
    this.cash.account.forEach((account, c) => {
      const list = cashByAccount.get(account) ?? [];
      list.push({
        currency: this.cash.currency[c] as string,
        balance: cash.toDecimal(c, BALANCE),
        implicitFunding: cash.toDecimal(c, IMPLICIT_FUNDING),
        deposits: cash.toDecimal(c, DEPOSITS),
        withdrawals: cash.toDecimal(c, WITHDRAWALS),
        dividends: cash.toDecimal(c, CASH_DIVIDENDS),
        interest: cash.toDecimal(c, INTEREST),
        fees: cash.toDecimal(c, CASH_FEES),
      });
      cashByAccount.set(account, list);
    });
    return [...this.context.accounts].sort(compareText).map((name) => ({
      name,
      cash: (cashByAccount.get(name) ?? []).sort((a, b) => compareText(a.currency, b.currency)),
      positions: (byAccount.get(name) ?? []).sort((a, b) => compareText(a.symbol, b.symbol)),
    }));
  }
}

/** Beyond the exact range (fixed.ts) is a fault of the record being applied: say which. */
function asLedgerError(tx: Transaction, error: unknown): unknown {
  if (error instanceof DecimalError)
    return new LedgerError(tx, `has an amount too large to keep exactly (${error.message})`);
  return error;
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

// A day's records are touched by a short loop before they are read: each record is an object and
// several strings far apart in memory, and the short loop lets the processor fetch many of them at
// once, where the replay, doing real work between reads, waited for each.

/** A sum of what it read, for the caller to keep, so that the loop is not optimised away. */
function prefetch(ordered: readonly Transaction[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const tx = ordered[i] as Transaction;
    // Optional chains throughout: a record of the wrong shape is for the reader to refuse, by name.
    sum += (tx.date?.length ?? 0) + (tx.account?.length ?? 0) + (tx.symbol?.length ?? 0);
    sum += (tx.quantity?.length ?? 0) + (tx.price?.length ?? 0) + (tx.fee?.length ?? 0) + (tx.amount?.length ?? 0);
  }
  return sum;
}
