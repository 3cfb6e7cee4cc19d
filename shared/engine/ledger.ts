import type { Transaction } from '../domain/transaction';
import { Decimal, DecimalError } from './decimal';
import * as fixed from './fixed';
import { LedgerError } from './ledger-error';
import { sortForLedger } from './ledger-order';
import {
  FixedRecord,
  parseTransaction,
  readTransaction,
  type ParseContext,
  type ParsedTransaction,
} from './ledger-parse';
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
import { TimelineRecorder, type Slot } from './ledger-timelines';
import { LotArena, LotQueue, type CostMethod, type Lot } from './lots';

export type * from './ledger-types';
export { compareText } from './ledger-types';

// Running figures are fixed-point values (fixed.ts) changed in place: a replay makes millions of
// arithmetic steps, and an immutable Decimal per step was most of its time.

interface HoldingState {
  account: string;
  symbol: string;
  currency: string;
  lots: LotQueue;
  realizedPnl: fixed.Fixed;
  dividends: fixed.Fixed;
  fees: fixed.Fixed;
  /** Ratios of this account's split records for the symbol not yet applied, as floats. */
  laterSplits: number[];
  factor: number;
  slot: Slot;
  dirty: boolean;
}

/** AccountCash's figures, in the same order. */
class CashState {
  readonly balance = new fixed.Fixed();
  readonly implicitFunding = new fixed.Fixed();
  readonly deposits = new fixed.Fixed();
  readonly withdrawals = new fixed.Fixed();
  readonly dividends = new fixed.Fixed();
  readonly interest = new fixed.Fixed();
  readonly fees = new fixed.Fixed();
  dirty = false;

  constructor(
    readonly account: string,
    readonly currency: string,
    readonly slot: Slot,
  ) {}

  toAccountCash(): AccountCash {
    return {
      currency: this.currency,
      balance: this.balance.toDecimal(),
      implicitFunding: this.implicitFunding.toDecimal(),
      deposits: this.deposits.toDecimal(),
      withdrawals: this.withdrawals.toDecimal(),
      dividends: this.dividends.toDecimal(),
      interest: this.interest.toDecimal(),
      fees: this.fees.toDecimal(),
    };
  }
}

interface PendingTransfer {
  tx: Transaction;
  symbol: string;
  quantity: Decimal;
  lots: Lot[];
  matched: boolean;
}

/** Applies the ledger in its documented order; throws LedgerError at the first invalid record. */
export function applyLedger(transactions: readonly Transaction[], options: LedgerOptions): LedgerResult {
  const steps = new LedgerRun(options, transactions.length).replay(transactions, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same, pausing every `every` records for `pause` to run (and to throw, to stop): a replay of
 * a million imported rows takes seconds, and the process running it must keep answering.
 */
export async function applyLedgerInSteps(
  transactions: readonly Transaction[],
  options: LedgerOptions,
  pause: (recordsDone: number) => Promise<void>,
  every = 20_000,
): Promise<LedgerResult> {
  const steps = new LedgerRun(options, transactions.length).replay(transactions, every);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause(step.value);
  }
}

class LedgerRun {
  private readonly costMethod: CostMethod;
  private readonly context: ParseContext;
  private readonly record = new FixedRecord();
  /** Scratch for a cash balance plus its implicit funding. */
  private readonly funded = new fixed.Fixed();
  private readonly lots: LotArena;
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

  /** `records`: how many the replay will apply, an upper bound on the lots it opens. */
  constructor(options: LedgerOptions, records: number) {
    this.costMethod = options.costMethod ?? 'fifo';
    // Past 65,536 the arena grows by doubling instead of reserving room for every record of a
    // million-row import.
    this.lots = new LotArena(Math.min(records, 65_536));
    this.context = {
      today: options.today,
      accounts: new Set(options.accounts),
      validDays: new Set(),
      currencies: new Set(),
      decimals: new Map(),
    };
  }

  /** Yields the number of records applied every `every` records; returns the result. */
  *replay(transactions: readonly Transaction[], every: number): Generator<number, LedgerResult, void> {
    // Splits are needed ahead of time (a holding's value before a split counts today's shares).
    const splits: Transaction[] = [];
    const ordered = sortForLedger(transactions, splits);
    for (const tx of splits) {
      let p: ParsedTransaction;
      try {
        p = parseTransaction(tx, this.context);
      } catch (error) {
        // Reported in order by the main pass, after any earlier invalid record.
        if (error instanceof LedgerError) continue;
        throw error;
      }
      const bySymbol = this.splitRatios.get(tx.account) ?? new Map<string, number[]>();
      bySymbol.set(p.symbol, [...(bySymbol.get(p.symbol) ?? []), p.quantity.toNumber()]);
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
      firstDay: ordered[0]?.date ?? null,
      lastDay: ordered[ordered.length - 1]?.date ?? null,
    };
  }

  private applyRecords(ordered: readonly Transaction[], from: number, to: number): void {
    const record = this.record;
    for (let i = from; i < to; i++) {
      const tx = ordered[i] as Transaction;
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
    const cash = this.cashOf(tx.account, tx.currency);
    const amount = r.amount;
    switch (r.type) {
      case 'buy': {
        const h = this.holding(tx, r.symbol);
        h.lots.acquire(tx.date, tx.id, r.quantity, amount);
        cash.balance.sub(amount);
        break;
      }
      case 'sell': {
        const h = this.holding(tx, r.symbol);
        requireHeld(tx, r, h);
        h.lots.dispose(r.quantity, null);
        h.realizedPnl.add(amount);
        h.realizedPnl.sub(h.lots.disposed);
        cash.balance.add(amount);
        break;
      }
      case 'split': {
        const h = this.holding(tx, r.symbol);
        h.lots.split(r.quantity);
        h.laterSplits.shift();
        h.factor = product(h.laterSplits);
        break;
      }
      case 'transfer_out': {
        const h = this.holding(tx, r.symbol);
        requireHeld(tx, r, h);
        const lots: Lot[] = [];
        h.lots.dispose(r.quantity, lots);
        this.pending.push({ tx, symbol: r.symbol, quantity: r.quantity.toDecimal(), lots, matched: false });
        break;
      }
      case 'transfer_in':
        this.transferIn(tx, r);
        break;
      case 'dividend':
        if (r.symbol !== '') this.holding(tx, r.symbol).dividends.add(amount);
        cash.dividends.add(amount);
        cash.balance.add(amount);
        break;
      case 'interest':
        cash.interest.add(amount);
        cash.balance.add(amount);
        break;
      case 'fee':
        if (r.symbol !== '') this.holding(tx, r.symbol).fees.add(amount);
        cash.fees.add(amount);
        cash.balance.sub(amount);
        break;
      case 'deposit':
        cash.deposits.add(amount);
        cash.balance.add(amount);
        this.flows.push(cashFlow(tx, 'deposit', amount.toNumber()));
        break;
      case 'withdrawal':
        cash.withdrawals.add(amount);
        cash.balance.sub(amount);
        this.flows.push(cashFlow(tx, 'withdrawal', -amount.toNumber()));
        break;
    }
    // A trade's fee is already in its cost or proceeds; on any other record it is a cash charge.
    if (r.type !== 'buy' && r.type !== 'sell' && r.fee.isPositive()) {
      cash.fees.add(r.fee);
      cash.balance.sub(r.fee);
    }
  }

  /** A same-day transfer_out of the same shares from another account carries its lots; else a price sets the basis. */
  private transferIn(tx: Transaction, r: FixedRecord): void {
    const h = this.holding(tx, r.symbol);
    const quantity = r.quantity.toDecimal();
    const source = this.pending.find(
      (t) => !t.matched && t.symbol === r.symbol && t.tx.account !== tx.account && t.quantity.eq(quantity),
    );
    if (source !== undefined) {
      source.matched = true;
      const cost = Decimal.sum(source.lots.map((lot) => lot.cost));
      h.lots.acquireCarried(source.lots);
      this.transferFlow(source.tx, source.symbol, source.quantity, -1, cost, true);
      this.transferFlow(tx, r.symbol, quantity, 1, cost, true);
    } else if (r.hasTransferCost) {
      h.lots.acquire(tx.date, tx.id, r.quantity, r.transferCost);
      this.transferFlow(tx, r.symbol, quantity, 1, r.transferCost.toDecimal(), false);
    } else {
      throw new LedgerError(
        tx,
        `no transfer_out of ${quantity.toString()} ${r.symbol} from another account on the same day carries its cost basis; give a price or amount to set it.`,
      );
    }
  }

  private holding(tx: Transaction, symbol: string): HoldingState {
    const { account, currency } = tx;
    let inAccount = this.holdings.get(account);
    if (inAccount === undefined) {
      inAccount = new Map();
      this.holdings.set(account, inAccount);
    }
    let state = inAccount.get(symbol);
    if (state === undefined) state = this.newHolding(tx, symbol, inAccount);
    if (state.currency !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${state.currency}.`);
    }
    if (!state.dirty) {
      state.dirty = true;
      this.dirtyHoldings.push(state);
    }
    return state;
  }

  private newHolding(tx: Transaction, symbol: string, inAccount: Map<string, HoldingState>): HoldingState {
    const { account, currency } = tx;
    const known = this.symbolCurrency.get(symbol);
    if (known === undefined) this.symbolCurrency.set(symbol, currency);
    else if (known !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${known}.`);
    }
    const laterSplits = [...(this.splitRatios.get(account)?.get(symbol) ?? [])];
    const state: HoldingState = {
      account,
      symbol,
      currency,
      lots: new LotQueue(this.costMethod, this.lots),
      realizedPnl: new fixed.Fixed(),
      dividends: new fixed.Fixed(),
      fees: new fixed.Fixed(),
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
      state = new CashState(account, currency, this.timelines.cashSlot(account, currency));
      inAccount.set(currency, state);
      this.allCash.push(state);
    }
    if (!state.dirty) {
      state.dirty = true;
      this.dirtyCash.push(state);
    }
    return state;
  }

  private transferFlow(
    tx: Transaction,
    symbol: string,
    quantity: Decimal,
    sign: 1 | -1,
    cost: Decimal,
    internal: boolean,
  ): void {
    const h = this.holding(tx, symbol);
    this.flows.push({
      day: tx.date,
      account: tx.account,
      currency: tx.currency,
      kind: sign > 0 ? 'transfer_in' : 'transfer_out',
      amount: 0,
      symbol,
      quantity: sign * quantity.toNumber() * h.factor,
      cost: sign * cost.toNumber(),
      internal,
    });
  }

  private endOfDay(day: string): void {
    for (const transfer of this.pending) {
      if (transfer.matched) continue;
      const cost = Decimal.sum(transfer.lots.map((lot) => lot.cost));
      this.transferFlow(transfer.tx, transfer.symbol, transfer.quantity, -1, cost, false);
    }
    this.pending = [];

    this.timelines.beginDay(day);
    const funded = this.funded;
    for (const state of this.dirtyCash) {
      funded.set(state.balance.whole, state.balance.units);
      funded.add(state.implicitFunding);
      if (funded.isNegative()) {
        // Short: implicit funding grows by the shortfall, which brings the funded balance to zero.
        state.implicitFunding.sub(funded);
        this.flows.push({
          day,
          account: state.account,
          currency: state.currency,
          kind: 'implicit_deposit',
          amount: -funded.toNumber(),
          symbol: null,
          quantity: 0,
          cost: 0,
          internal: false,
        });
        funded.set(0, 0);
      }
      this.timelines.recordCash(state.slot, funded.toNumber());
      state.dirty = false;
    }
    this.dirtyCash = [];
    for (const state of this.dirtyHoldings) {
      const { lots } = state;
      this.timelines.recordHolding(state.slot, lots.quantity.toNumber() * state.factor, lots.cost.toNumber());
      state.dirty = false;
    }
    this.dirtyHoldings = [];
    this.timelines.endDay();
  }

  private buildAccounts(): AccountState[] {
    const byAccount = new Map<string, Position[]>();
    for (const h of this.allHoldings) {
      const list = byAccount.get(h.account) ?? [];
      list.push({
        account: h.account,
        symbol: h.symbol,
        currency: h.currency,
        realizedPnl: h.realizedPnl.toDecimal(),
        dividends: h.dividends.toDecimal(),
        fees: h.fees.toDecimal(),
        quantity: h.lots.quantity.toDecimal(),
        costBasis: h.lots.cost.toDecimal(),
        lots: h.lots.openLots(),
      });
      byAccount.set(h.account, list);
    }
    const cashByAccount = new Map<string, AccountCash[]>();
    for (const c of this.allCash) {
      const list = cashByAccount.get(c.account) ?? [];
      list.push(c.toAccountCash());
      cashByAccount.set(c.account, list);
    }
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

function requireHeld(tx: Transaction, r: FixedRecord, h: HoldingState): void {
  if (r.quantity.compare(h.lots.quantity) > 0) {
    const verb = r.type === 'sell' ? 'sells' : 'transfers out';
    throw new LedgerError(
      tx,
      `${verb} ${r.quantity.toDecimal().toString()} shares but the account ${tx.account} holds ${h.lots.quantity.toDecimal().toString()}.`,
    );
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

function product(values: readonly number[]): number {
  let result = 1;
  for (const value of values) result *= value;
  return result;
}
