// The books a replay keeps: every holding and cash balance, the lots, the flows, and the
// end-of-day states for the timelines. How each type of record changes them is written in
// ledger-bookings.ts; this file holds the tables and the end of a day.
//
// Running figures are fixed-point values (fixed.ts) changed in place: a replay makes millions of
// arithmetic steps, and an immutable Decimal per step was most of its time. Holdings and cash
// balances are row numbers into tables of such figures (fixed-rows.ts), their names and flags in
// arrays beside them, so a record's bookkeeping reads a row instead of following pointers.
import type { Transaction } from '../domain/transaction';
import { Decimal } from './decimal';
import { Fixed } from './fixed';
import { FixedRows } from './fixed-rows';
import { LedgerError } from './ledger-error';
import type { LedgerRecord } from './ledger-parse';
import { RowList, RowNames } from './ledger-rows';
import { TimelineRecorder, type Slot } from './ledger-timelines';
import type { StateLog } from './state-log';
import {
  compareText,
  type AccountCash,
  type AccountState,
  type LedgerFlow,
  type Position,
  type SaleLot,
  type SaleMatch,
} from './ledger-types';
import { LotBook, type CostMethod, type Lot } from './lots';

// A holding's figures (its shares and cost basis are in the LotBook).
export const REALIZED = 0;
export const HOLDING_DIVIDENDS = 1;
export const HOLDING_FEES = 2;
export const HOLDING_TAXES = 3;

// A cash row's figures, in AccountCash's order.
export const BALANCE = 0;
export const IMPLICIT_FUNDING = 1;
export const DEPOSITS = 2;
export const WITHDRAWALS = 3;
export const CASH_DIVIDENDS = 4;
export const INTEREST = 5;
export const CASH_FEES = 6;
export const CASH_TAXES = 7;

/** A transfer_out waiting, until the end of its day, for the transfer_in that takes its lots. */
export interface PendingTransfer {
  tx: Transaction;
  /** The holding it left. */
  holding: number;
  symbol: string;
  quantity: Decimal;
  lots: Lot[];
  matched: boolean;
}

/** The parts of the books that only grow: a checkpoint keeps their lengths, not copies. */
export interface AppendOnly {
  flows: unknown[];
  sales: unknown[];
  transfers: unknown[];
  days: string[];
  holdingLog: StateLog;
  cashLog: StateLog;
}

export class LedgerBook {
  readonly costMethod: CostMethod;
  readonly lots: LotBook;
  readonly holdingFigures = new FixedRows(4, 256);
  readonly cashFigures = new FixedRows(8, 16);
  readonly flows: LedgerFlow[] = [];
  /** Sales with the lots they took: append-only, like flows. */
  readonly sales: SaleMatch[] = [];
  pending: PendingTransfer[] = [];
  readonly timelines: TimelineRecorder;
  /** Working values of the booking being applied, which sets each before reading it. */
  readonly money = new Fixed();
  readonly basis = new Fixed();
  /**
   * Set per record by the replay: the rate (account currency per unit of the trade's) at which a
   * trade across currencies settles in its account's cash, or null to settle in its own currency.
   */
  settleRate: Fixed | null = null;
  private readonly settledAmount = new Fixed();

  private readonly accounts: readonly string[];
  /** Per account number, its cost method. */
  private readonly accountMethods: readonly CostMethod[];
  /** Per account number, holdings by symbol: no string building per record. */
  private readonly holdingIndex: Map<string, number>[];
  private readonly holdings = new RowNames();
  private readonly holdingDirty: number[] = [];
  private readonly dirtyHoldings = new RowList();
  private readonly symbolCurrency = new Map<string, string>();
  /** Per account number: cash rows by currency, and the first one's row (an account's usual currency) or −1. */
  private readonly cashIndex: Map<string, number>[];
  private readonly firstCash: number[];
  private readonly cash = new RowNames();
  private readonly cashDirty: number[] = [];
  private readonly dirtyCash = new RowList();
  /**
   * Transfer flows (their place in `flows`), whose quantities are put in today's shares at the
   * end. By place, not by object: a checkpoint (ledger-resume.ts) shares the flows of earlier
   * days with the run resumed from it, so finishing must not change them.
   */
  private readonly transfers: { flow: number; slot: Slot; day: number }[] = [];
  /**
   * Trades across currencies settled in their own currency for want of a rate, in words: in the
   * books, so a checkpoint (ledger-resume.ts) keeps those before it.
   */
  readonly unsettled: string[] = [];
  /** A cash balance plus its implicit funding, and the funding; a figure pair for the timelines. */
  private readonly funded = new Fixed();
  private readonly implicit = new Fixed();
  private readonly totals = new Float64Array(2);

  /**
   * `accounts` in the reader's numbering; `records`: how many the replay will apply;
   * `accountMethods`: accounts' own cost methods, by name (others use `costMethod`).
   */
  constructor(
    costMethod: CostMethod,
    accounts: readonly string[],
    records: number,
    accountMethods: Readonly<Record<string, CostMethod>> = {},
  ) {
    this.costMethod = costMethod;
    this.accountMethods = accounts.map((name) => accountMethods[name] ?? costMethod);
    // Lots that leave give their rows to new ones, so the book holds about as many as are open
    // at once: it starts small and grows by doubling.
    this.lots = new LotBook(costMethod, 1024);
    // Room for as many timeline rows as records, up to 65,536.
    this.timelines = new TimelineRecorder(Math.min(records, 65_536));
    this.accounts = accounts;
    this.holdingIndex = accounts.map(() => new Map());
    this.cashIndex = accounts.map(() => new Map());
    this.firstCash = accounts.map(() => -1);
  }

  /** The holding's row (opened on first use), marked as changed today; refuses a second currency. */
  holding(tx: Transaction, r: LedgerRecord): number {
    const { currency } = tx;
    const symbol = r.symbol;
    const inAccount = this.holdingIndex[r.account] as Map<string, number>;
    let h = inAccount.get(symbol);
    if (h === undefined) h = this.newHolding(tx, symbol, inAccount, this.accountMethods[r.account] as CostMethod);
    const held = this.holdings.currency[h] as string;
    if (held !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${held}.`, 'currency');
    }
    this.touch(h);
    return h;
  }

  /** The holding's place in the timelines. */
  slotOf(h: number): Slot {
    return this.holdings.slot[h] as Slot;
  }

  /** Refuses to take more shares out of a holding than it has. */
  requireHeld(tx: Transaction, r: LedgerRecord, h: number): void {
    if (this.lots.compareQuantity(h, r.quantity) >= 0) return;
    const verb = r.type === 'sell' ? 'sells' : 'transfers out';
    throw new LedgerError(
      tx,
      `${verb} ${r.quantity.toDecimal().toString()} shares but the account ${tx.account} holds ${this.lots.quantity(h).toString()}.`,
      'quantity',
    );
  }

  /** A trade's cash in the currency of the cash row it settles in (see settleRate). */
  settled(amount: Fixed): Fixed {
    if (this.settleRate === null) return amount;
    this.settledAmount.setProduct(amount, this.settleRate);
    return this.settledAmount;
  }

  /**
   * The record's cash row (its account, its currency or the one given; opened on first use),
   * marked as changed today.
   */
  cashRow(tx: Transaction, r: LedgerRecord, currency: string = tx.currency): number {
    const accountId = r.account;
    let c = this.firstCash[accountId] as number;
    if (c < 0 || this.cash.currency[c] !== currency) {
      const inAccount = this.cashIndex[accountId] as Map<string, number>;
      const known = inAccount.get(currency);
      if (known !== undefined) c = known;
      else {
        c = this.cashFigures.addRow();
        this.cash.add(tx.account, currency, currency, this.timelines.cashSlot(tx.account, currency));
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

  /** Shares (and their cost) moving into or out of holding `h`: a flow of its account. */
  transferFlow(
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
    this.transfers.push({ flow: this.flows.length, slot: this.holdings.slot[h] as Slot, day: this.timelines.day });
    this.flows.push(flow);
  }

  /**
   * Records a sale of `quantity` from holding `h` for `proceeds` (after its fee), matched to the
   * lots it took: each lot gets proceeds in proportion to its shares, the last the remainder, so
   * the lots' proceeds add up to the sale's exactly (as their costs add up to the basis).
   */
  recordSale(tx: Transaction, h: number, quantity: Decimal, proceeds: Decimal, taken: readonly Lot[]): void {
    let left = proceeds;
    const lots: SaleLot[] = taken.map((lot, i) => {
      const share = i === taken.length - 1 ? left : proceeds.mulDiv(lot.quantity, quantity);
      left = left.sub(share);
      return {
        acquired: lot.acquired,
        quantity: lot.quantity,
        cost: lot.cost,
        proceeds: share,
        gain: share.sub(lot.cost),
        lotTransactionId: lot.transactionId,
      };
    });
    this.sales.push({
      transactionId: tx.id,
      account: tx.account,
      symbol: this.holdings.name[h] as string,
      currency: tx.currency,
      day: tx.date,
      method: this.lots.methodOf(h),
      quantity,
      proceeds,
      cost: Decimal.sum(taken.map((lot) => lot.cost)),
      lots,
    });
  }

  /**
   * Records the day's end: an account whose cash ends the day below zero is funded implicitly
   * by the shortfall (docs/engine.md, "Implicit funding"), and every changed holding and
   * balance gets a row in the timelines.
   */
  endOfDay(day: string): void {
    const funded = this.funded;
    const implicit = this.implicit;
    const cash = this.cashFigures;
    const dirtyCash = this.dirtyCash;
    for (let i = 0; i < dirtyCash.count; i++) {
      const c = dirtyCash.at(i);
      cash.get(c, IMPLICIT_FUNDING, implicit);
      cash.get(c, BALANCE, funded);
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

  /** The flows, transfers in today's shares (new objects), once every split is known. */
  finishFlows(): LedgerFlow[] {
    const out = this.flows.slice();
    for (const { flow, slot, day } of this.transfers) {
      const leg = out[flow] as LedgerFlow;
      out[flow] = { ...leg, quantity: this.timelines.inTodaysShares(slot, day, leg.quantity) };
    }
    return out;
  }

  /** What only grows during a replay, for a checkpoint to keep as counts (ledger-resume.ts). */
  appendOnly(): AppendOnly {
    return { flows: this.flows, sales: this.sales, transfers: this.transfers, ...this.timelines.appendOnly() };
  }

  /** Every account's positions and cash, in name order, as exact Decimals. */
  accountStates(): AccountState[] {
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
        taxes: figures.toDecimal(h, HOLDING_TAXES),
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
        taxes: cash.toDecimal(c, CASH_TAXES),
      });
      cashByAccount.set(account, list);
    });
    return [...this.accounts].sort(compareText).map((name) => ({
      name,
      cash: (cashByAccount.get(name) ?? []).sort((a, b) => compareText(a.currency, b.currency)),
      positions: (byAccount.get(name) ?? []).sort((a, b) => compareText(a.symbol, b.symbol)),
    }));
  }

  private touch(h: number): void {
    if (this.holdingDirty[h] === 0) {
      this.holdingDirty[h] = 1;
      this.dirtyHoldings.add(h);
    }
  }

  private newHolding(tx: Transaction, symbol: string, inAccount: Map<string, number>, method: CostMethod): number {
    const { account, currency } = tx;
    const known = this.symbolCurrency.get(symbol);
    if (known === undefined) this.symbolCurrency.set(symbol, currency);
    else if (known !== currency) {
      throw new LedgerError(tx, `is in ${currency}, but earlier transactions have ${symbol} in ${known}.`, 'currency');
    }
    const h = this.lots.addHolding(method);
    this.holdingFigures.addRow();
    this.holdings.add(account, symbol, currency, this.timelines.holdingSlot(account, symbol, currency));
    this.holdingDirty.push(0);
    inAccount.set(symbol, h);
    return h;
  }
}
