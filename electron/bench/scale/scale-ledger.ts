// The generated ledger: `count` records over the trading days, in date order, each valid when it
// is written. The generator keeps every account's shares and cash (whole shares, integer cents),
// so a sale never exceeds a holding, a buy is funded by a deposit first when cash is short, and a
// split is recorded in each account holding the symbol that day.
import type { TransactionInput } from '../../../shared/api/transaction-schemas';
import { tradedPrice, type ScaleInstrument } from './scale-prices';

interface Account {
  name: string;
  cash: number; // cents
  held: Map<number, number>; // instrument index → shares
}

const NOTES = ['', '', '', '', '', 'rebalance', 'monthly plan', 'tax-loss harvest', 'Sparplan', 'earnings dip'];

function cents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function generateLedger(
  options: { count: number; accounts: readonly string[]; days: readonly string[] },
  instruments: readonly ScaleInstrument[],
  random: () => number,
): TransactionInput[] {
  const { count, days } = options;
  const accounts: Account[] = options.accounts.map((name) => ({ name, cash: 0, held: new Map() }));
  const splits = instruments
    .flatMap((instrument, index) => instrument.splits.map((split) => ({ index, ...split })))
    .sort((a, b) => a.dayIndex - b.dayIndex || a.index - b.index);
  let nextSplit = 0;
  // The engine applies a day's transfers out before its transfers in: shares received today
  // cannot leave again today.
  let receivedToday = new Set<string>();
  let today = -1;
  const out: TransactionInput[] = [];
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const record = (
    dayIndex: number,
    account: Account,
    fields: Partial<TransactionInput> & Pick<TransactionInput, 'type'>,
  ) =>
    out.push({
      date: days[dayIndex] as string,
      time: null,
      account: account.name,
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: null,
      currency: 'USD',
      note: pick(NOTES),
      ...fields,
    });
  const priceCents = (index: number, dayIndex: number) =>
    Math.max(1, Math.round(tradedPrice(instruments[index] as ScaleInstrument, dayIndex) * 100));
  const heldList = (account: Account) => [...account.held.keys()];
  const deposit = (dayIndex: number, account: Account, amount: number) => {
    account.cash += amount;
    record(dayIndex, account, { type: 'deposit', amount: cents(amount), note: 'savings' });
  };

  const buy = (dayIndex: number, account: Account) => {
    const owned = heldList(account);
    let index = owned.length > 0 && random() < 0.55 ? pick(owned) : int(instruments.length);
    if ((instruments[index] as ScaleInstrument).firstIndex > dayIndex) index = 0; // not listed yet: the index fund
    const price = priceCents(index, dayIndex);
    const quantity = Math.max(1, Math.floor((50_000 + int(800_000)) / price));
    const fee = random() < 0.3 ? 0 : 100 + int(900);
    const cost = quantity * price + fee;
    if (account.cash < cost)
      return deposit(dayIndex, account, Math.ceil((cost - account.cash) / 100_000) * 100_000 + 500_000);
    account.cash -= cost;
    account.held.set(index, (account.held.get(index) ?? 0) + quantity);
    const symbol = (instruments[index] as ScaleInstrument).symbol;
    record(dayIndex, account, {
      type: 'buy',
      symbol,
      quantity: String(quantity),
      price: cents(price),
      fee: fee ? cents(fee) : null,
    });
  };

  while (out.length < count) {
    const dayIndex = Math.min(days.length - 1, Math.floor((out.length / count) * days.length));
    // Splits due by today, in every account holding the symbol, before anything else of the day.
    while (nextSplit < splits.length && (splits[nextSplit] as (typeof splits)[number]).dayIndex <= dayIndex) {
      const split = splits[nextSplit++] as (typeof splits)[number];
      for (const account of accounts) {
        const shares = account.held.get(split.index);
        if (!shares || out.length >= count) continue;
        account.held.set(split.index, shares * split.ratio);
        const symbol = (instruments[split.index] as ScaleInstrument).symbol;
        record(split.dayIndex, account, {
          type: 'split',
          symbol,
          quantity: String(split.ratio),
          note: `${split.ratio}-for-1 split`,
        });
      }
    }
    if (out.length >= count) break;
    if (dayIndex !== today) {
      today = dayIndex;
      receivedToday = new Set();
    }
    const account = pick(accounts);
    const owned = heldList(account);
    const roll = random();
    if (roll < 0.49 || owned.length === 0) {
      buy(dayIndex, account);
    } else if (roll < 0.67) {
      const index = pick(owned);
      const shares = account.held.get(index) as number;
      const quantity = random() < 0.25 ? shares : Math.max(1, Math.floor(shares * (0.1 + random() * 0.5)));
      const price = priceCents(index, dayIndex);
      const fee = 100 + int(900);
      account.cash += quantity * price - fee;
      if (quantity === shares) account.held.delete(index);
      else account.held.set(index, shares - quantity);
      const symbol = (instruments[index] as ScaleInstrument).symbol;
      record(dayIndex, account, {
        type: 'sell',
        symbol,
        quantity: String(quantity),
        price: cents(price),
        fee: cents(fee),
      });
    } else if (roll < 0.81) {
      const index = pick(owned);
      const amount = Math.max(
        1,
        Math.round((account.held.get(index) as number) * priceCents(index, dayIndex) * (0.002 + random() * 0.006)),
      );
      account.cash += amount;
      record(dayIndex, account, {
        type: 'dividend',
        symbol: (instruments[index] as ScaleInstrument).symbol,
        amount: cents(amount),
      });
    } else if (roll < 0.86) {
      deposit(dayIndex, account, (10 + int(190)) * 10_000);
    } else if (roll < 0.88) {
      if (account.cash < 200_000) deposit(dayIndex, account, 1_000_000);
      else {
        const amount = Math.floor((account.cash * (0.05 + random() * 0.25)) / 100) * 100;
        account.cash -= amount;
        record(dayIndex, account, { type: 'withdrawal', amount: cents(amount) });
      }
    } else if (roll < 0.91) {
      const amount = 100 + int(4900);
      account.cash -= amount;
      record(dayIndex, account, { type: 'fee', amount: cents(amount), note: 'account fee' });
    } else if (roll < 0.94) {
      const amount = 50 + int(20_000);
      account.cash += amount;
      record(dayIndex, account, { type: 'interest', amount: cents(amount) });
    } else if (roll < 0.95) {
      const amount = 100 + int(30_000);
      account.cash -= amount;
      record(dayIndex, account, { type: 'tax', amount: cents(amount), note: 'withholding' });
    } else if (out.length + 2 <= count && accounts.length > 1 && !receivedToday.has(`${account.name}|${owned[0]}`)) {
      // A transfer of shares to another account: both legs on the same day, matched by the engine.
      const index = owned[0] as number;
      const shares = account.held.get(index) as number;
      const quantity = random() < 0.5 ? shares : Math.max(1, Math.floor(shares / 2));
      let to = pick(accounts);
      while (to === account) to = pick(accounts);
      if (quantity === shares) account.held.delete(index);
      else account.held.set(index, shares - quantity);
      to.held.set(index, (to.held.get(index) ?? 0) + quantity);
      receivedToday.add(`${to.name}|${index}`);
      const symbol = (instruments[index] as ScaleInstrument).symbol;
      record(dayIndex, account, { type: 'transfer_out', symbol, quantity: String(quantity), note: `to ${to.name}` });
      record(dayIndex, to, { type: 'transfer_in', symbol, quantity: String(quantity), note: `from ${account.name}` });
    } else {
      buy(dayIndex, account);
    }
  }
  return out;
}
