import type { Transaction } from '../domain/transaction';
import { Decimal } from './decimal';
import { LedgerError } from './ledger-error';
import { sortForLedger } from './ledger-order';
import { parseTransaction, type ParsedTransaction } from './ledger-parse';
import { LotBook, type CostMethod, type Lot } from './lots';

export interface LedgerOptions {
  /** The day the user is living in: later-dated records are refused. The engine never reads a clock. */
  today: string;
  /** Every account name a record may use. */
  accounts: Iterable<string>;
  costMethod?: CostMethod;
}

/** One account's holding of one instrument, exact. Closed positions stay for their realized P&L. */
export interface Position {
  account: string;
  symbol: string;
  currency: string;
  quantity: Decimal;
  costBasis: Decimal;
  lots: Lot[];
  /** Proceeds (after the sale's fee) minus the cost basis of the shares sold. Sales only. */
  realizedPnl: Decimal;
  dividends: Decimal;
  /** Fee records naming this symbol (trade fees are in cost basis or proceeds instead). */
  fees: Decimal;
}

/** An account's money in one currency, exact. */
export interface AccountCash {
  currency: string;
  balance: Decimal;
  /** Money the ledger spent without recording where it came from (see docs/engine.md). */
  implicitFunding: Decimal;
  deposits: Decimal;
  withdrawals: Decimal;
  dividends: Decimal;
  interest: Decimal;
  fees: Decimal;
}

export interface AccountState {
  name: string;
  cash: AccountCash[];
  positions: Position[];
}

/**
 * End-of-day states of one holding, on the days it changed. Floats: they feed the value series.
 * `quantity` is in today's shares: the ledger quantity times the ratios of the account's later
 * split records, so it multiplies split-adjusted closes directly.
 */
export interface HoldingTimeline {
  account: string;
  symbol: string;
  currency: string;
  days: string[];
  quantity: number[];
  cost: number[];
}

/** End-of-day cash of one account in one currency, including implicit funding. */
export interface CashTimeline {
  account: string;
  currency: string;
  days: string[];
  balance: number[];
}

export type FlowKind = 'deposit' | 'withdrawal' | 'implicit_deposit' | 'transfer_in' | 'transfer_out';

/** Money or shares crossing an account's edge: what time-weighted returns neutralise. */
export interface LedgerFlow {
  day: string;
  account: string;
  currency: string;
  kind: FlowKind;
  /** Cash flows: signed money, positive into the account. Zero for transfers. */
  amount: number;
  symbol: string | null;
  /** Transfers: signed shares in today's shares, positive into the account. */
  quantity: number;
  /** Transfers: the cost basis that moved, signed like quantity. */
  cost: number;
  /** The two legs of a matched transfer between accounts: internal to the portfolio. */
  internal: boolean;
}

export interface LedgerResult {
  costMethod: CostMethod;
  accounts: AccountState[];
  holdings: HoldingTimeline[];
  cash: CashTimeline[];
  flows: LedgerFlow[];
  /** The first and last transaction dates, or null for an empty ledger. */
  firstDay: string | null;
  lastDay: string | null;
}

interface HoldingState {
  position: Omit<Position, 'quantity' | 'costBasis' | 'lots'>;
  book: LotBook;
  /** Ratios of this account's split records for the symbol not yet applied, as floats. */
  laterSplits: number[];
  factor: number;
  timeline: HoldingTimeline;
  dirty: boolean;
}

interface CashState {
  cash: AccountCash;
  timeline: CashTimeline;
  dirty: boolean;
}

interface PendingTransfer {
  parsed: ParsedTransaction;
  lots: Lot[];
  matched: boolean;
}

const KEY_SEPARATOR = '\u0000';

/** Applies the ledger in its documented order; throws LedgerError at the first invalid record. */
export function applyLedger(transactions: readonly Transaction[], options: LedgerOptions): LedgerResult {
  const costMethod = options.costMethod ?? 'fifo';
  const context = { today: options.today, accounts: new Set(options.accounts) };
  const parsed = sortForLedger(transactions).map((tx) => parseTransaction(tx, context));

  const splitRatios = new Map<string, number[]>();
  for (const p of parsed) {
    if (p.type !== 'split') continue;
    const key = p.tx.account + KEY_SEPARATOR + p.symbol;
    const list = splitRatios.get(key) ?? [];
    list.push(p.quantity.toNumber());
    splitRatios.set(key, list);
  }

  const holdings = new Map<string, HoldingState>();
  const cashes = new Map<string, CashState>();
  const accountCash = new Map<string, CashState[]>();
  const symbolCurrency = new Map<string, string>();
  const flows: LedgerFlow[] = [];
  let dirtyHoldings: HoldingState[] = [];
  let dirtyCash: CashState[] = [];
  let pending: PendingTransfer[] = [];

  const holding = (p: ParsedTransaction): HoldingState => {
    const { account, currency } = p.tx;
    const known = symbolCurrency.get(p.symbol);
    if (known === undefined) symbolCurrency.set(p.symbol, currency);
    else if (known !== currency) {
      throw new LedgerError(p.tx, `is in ${currency}, but earlier transactions have ${p.symbol} in ${known}.`);
    }
    const key = account + KEY_SEPARATOR + p.symbol;
    let state = holdings.get(key);
    if (state === undefined) {
      const laterSplits = [...(splitRatios.get(key) ?? [])];
      state = {
        position: {
          account,
          symbol: p.symbol,
          currency,
          realizedPnl: Decimal.ZERO,
          dividends: Decimal.ZERO,
          fees: Decimal.ZERO,
        },
        book: new LotBook(costMethod),
        laterSplits,
        factor: product(laterSplits),
        timeline: { account, symbol: p.symbol, currency, days: [], quantity: [], cost: [] },
        dirty: false,
      };
      holdings.set(key, state);
    }
    if (!state.dirty) {
      state.dirty = true;
      dirtyHoldings.push(state);
    }
    return state;
  };

  const cashOf = (account: string, currency: string): CashState => {
    const key = account + KEY_SEPARATOR + currency;
    let state = cashes.get(key);
    if (state === undefined) {
      const zero = Decimal.ZERO;
      state = {
        cash: {
          currency,
          balance: zero,
          implicitFunding: zero,
          deposits: zero,
          withdrawals: zero,
          dividends: zero,
          interest: zero,
          fees: zero,
        },
        timeline: { account, currency, days: [], balance: [] },
        dirty: false,
      };
      cashes.set(key, state);
      const list = accountCash.get(account) ?? [];
      list.push(state);
      accountCash.set(account, list);
    }
    if (!state.dirty) {
      state.dirty = true;
      dirtyCash.push(state);
    }
    return state;
  };

  const transferFlow = (
    p: ParsedTransaction,
    h: HoldingState,
    sign: 1 | -1,
    cost: Decimal,
    internal: boolean,
  ): void => {
    flows.push({
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
  };

  const endOfDay = (day: string): void => {
    for (const transfer of pending) {
      if (transfer.matched) continue;
      const h = holding(transfer.parsed);
      transferFlow(transfer.parsed, h, -1, Decimal.sum(transfer.lots.map((lot) => lot.cost)), false);
    }
    pending = [];
    for (const state of dirtyCash) {
      const { cash } = state;
      const funded = cash.balance.add(cash.implicitFunding);
      if (funded.isNegative()) {
        cash.implicitFunding = cash.implicitFunding.sub(funded);
        flows.push({
          day,
          account: state.timeline.account,
          currency: cash.currency,
          kind: 'implicit_deposit',
          amount: -funded.toNumber(),
          symbol: null,
          quantity: 0,
          cost: 0,
          internal: false,
        });
      }
      state.timeline.days.push(day);
      state.timeline.balance.push(cash.balance.add(cash.implicitFunding).toNumber());
      state.dirty = false;
    }
    for (const state of dirtyHoldings) {
      state.timeline.days.push(day);
      state.timeline.quantity.push(state.book.quantity.toNumber() * state.factor);
      state.timeline.cost.push(state.book.cost.toNumber());
      state.dirty = false;
    }
    dirtyCash = [];
    dirtyHoldings = [];
  };

  let day: string | null = null;
  for (const p of parsed) {
    const { tx } = p;
    if (tx.date !== day) {
      if (day !== null) endOfDay(day);
      day = tx.date;
    }
    const cash = cashOf(tx.account, tx.currency).cash;
    switch (p.type) {
      case 'buy': {
        const h = holding(p);
        h.book.acquire({ acquired: tx.date, quantity: p.quantity, cost: p.amount, transactionId: tx.id });
        cash.balance = cash.balance.sub(p.amount);
        break;
      }
      case 'sell': {
        const h = holding(p);
        requireHeld(p, h);
        const disposal = h.book.dispose(p.quantity);
        h.position.realizedPnl = h.position.realizedPnl.add(p.amount.sub(disposal.cost));
        cash.balance = cash.balance.add(p.amount);
        break;
      }
      case 'split': {
        const h = holding(p);
        h.book.split(p.quantity);
        h.laterSplits.shift();
        h.factor = product(h.laterSplits);
        break;
      }
      case 'transfer_out': {
        const h = holding(p);
        requireHeld(p, h);
        const disposal = h.book.dispose(p.quantity);
        pending.push({ parsed: p, lots: disposal.lots, matched: false });
        break;
      }
      case 'transfer_in': {
        const h = holding(p);
        const source = pending.find(
          (t) =>
            !t.matched &&
            t.parsed.symbol === p.symbol &&
            t.parsed.tx.account !== tx.account &&
            t.parsed.quantity.eq(p.quantity),
        );
        if (source !== undefined) {
          source.matched = true;
          const cost = Decimal.sum(source.lots.map((lot) => lot.cost));
          h.book.acquireCarried(source.lots);
          transferFlow(source.parsed, holding(source.parsed), -1, cost, true);
          transferFlow(p, h, 1, cost, true);
        } else if (p.transferCost !== null) {
          h.book.acquire({ acquired: tx.date, quantity: p.quantity, cost: p.transferCost, transactionId: tx.id });
          transferFlow(p, h, 1, p.transferCost, false);
        } else {
          throw new LedgerError(
            tx,
            `no transfer_out of ${p.quantity.toString()} ${p.symbol} from another account on the same day carries its cost basis; give a price or amount to set it.`,
          );
        }
        break;
      }
      case 'dividend':
        if (p.symbol !== '') {
          const h = holding(p);
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
          const h = holding(p);
          h.position.fees = h.position.fees.add(p.amount);
        }
        cash.fees = cash.fees.add(p.amount);
        cash.balance = cash.balance.sub(p.amount);
        break;
      case 'deposit':
        cash.deposits = cash.deposits.add(p.amount);
        cash.balance = cash.balance.add(p.amount);
        flows.push(cashFlow(p, 'deposit', p.amount.toNumber()));
        break;
      case 'withdrawal':
        cash.withdrawals = cash.withdrawals.add(p.amount);
        cash.balance = cash.balance.sub(p.amount);
        flows.push(cashFlow(p, 'withdrawal', -p.amount.toNumber()));
        break;
    }
    // A trade's fee is already in its cost or proceeds; on any other record it is a cash charge.
    if (p.type !== 'buy' && p.type !== 'sell' && p.fee.isPositive()) {
      cash.fees = cash.fees.add(p.fee);
      cash.balance = cash.balance.sub(p.fee);
    }
  }
  if (day !== null) endOfDay(day);

  return {
    costMethod,
    accounts: buildAccounts(context.accounts, holdings, accountCash),
    holdings: [...holdings.values()].map((h) => h.timeline),
    cash: [...cashes.values()].map((c) => c.timeline),
    flows,
    firstDay: parsed[0]?.tx.date ?? null,
    lastDay: parsed[parsed.length - 1]?.tx.date ?? null,
  };
}

function requireHeld(p: ParsedTransaction, h: HoldingState): void {
  if (p.quantity.gt(h.book.quantity)) {
    const verb = p.type === 'sell' ? 'sells' : 'transfers out';
    throw new LedgerError(
      p.tx,
      `${verb} ${p.quantity.toString()} shares but the account ${p.tx.account} holds ${h.book.quantity.toString()}.`,
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

// Code-point order: the same on every machine, unlike localeCompare.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function product(values: readonly number[]): number {
  let result = 1;
  for (const value of values) result *= value;
  return result;
}

function buildAccounts(
  names: ReadonlySet<string>,
  holdings: ReadonlyMap<string, HoldingState>,
  accountCash: ReadonlyMap<string, CashState[]>,
): AccountState[] {
  const byAccount = new Map<string, Position[]>();
  for (const h of holdings.values()) {
    const list = byAccount.get(h.position.account) ?? [];
    list.push({ ...h.position, quantity: h.book.quantity, costBasis: h.book.cost, lots: h.book.openLots() });
    byAccount.set(h.position.account, list);
  }
  return [...names].sort().map((name) => ({
    name,
    cash: (accountCash.get(name) ?? [])
      .map((state) => ({ ...state.cash }))
      .sort((a, b) => compareText(a.currency, b.currency)),
    positions: (byAccount.get(name) ?? []).sort((a, b) => compareText(a.symbol, b.symbol)),
  }));
}
