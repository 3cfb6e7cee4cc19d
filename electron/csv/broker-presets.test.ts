// The broker presets against published sample exports (test-fixtures/brokers/SOURCES.md): each file
// as the broker writes it, unedited. Where a sample is a consistent history it is imported and its
// holdings, cash and realised P&L are checked against a reading by hand; where it starts mid-history
// (a sale of shares bought before the export's window) every row is read and each one booked or
// left out is checked.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { IncomeOutput } from '../../shared/api/income-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import { suggestPreset } from '../../shared/csv/detect';
import { BUILT_IN_PRESETS, builtInPreset } from '../../shared/csv/presets';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { readAll } from './test-support/read-all';
import { dollars, readByHand } from './test-support/schwab-reading';

const fixture = (...parts: string[]) => path.join(import.meta.dirname, 'test-fixtures', ...parts);
const text = (...parts: string[]) => fs.readFileSync(fixture(...parts), 'utf8');

describe('broker presets', () => {
  const tempDir = useTempDirs();
  let backend: Backend | null = null;
  afterEach(() => {
    backend?.close();
    backend = null;
  });

  async function call<T>(name: string, input: unknown): Promise<T> {
    if (backend === null) backend = testBackend(tempDir());
    const result = await backend.dispatch(name as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }

  describe('Charles Schwab', () => {
    it('is detected from the header and imports the sample with the holdings a reading by hand gives', async () => {
      const file = fixture('us-broker', 'schwab-nra-tax-adj.csv');
      const header = text('us-broker', 'schwab-nra-tax-adj.csv').split('\n')[0]?.replace(/"/g, '').split(',') ?? [];
      expect(suggestPreset(header, BUILT_IN_PRESETS)?.name).toBe('schwab');
      const result = await call<ImportResult>('csv:import', {
        fileName: path.basename(file),
        content: fs.readFileSync(file, 'utf8'),
        preset: 'schwab',
        account: 'Schwab',
      });
      expect(result).toMatchObject({ committed: true, rows: 7, added: 7, skipped: 0 });
      const expected = readByHand(text('us-broker', 'schwab-nra-tax-adj.csv'));
      const view = await call<HoldingsOutput>('portfolio:holdings', {});
      expect(view.cash.map((c) => [c.account, c.currency, c.balance])).toEqual([
        ['Schwab', 'USD', dollars(expected.cash)],
      ]);
      expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis, r.realizedPl])).toEqual([
        ['AAPL', '50', dollars(expected.cost.get('AAPL') ?? 0n), dollars(expected.realised.get('AAPL') ?? 0n)],
      ]);
    });

    it('reads every row of two longer samples: as-of dates, reinvestments, transfers, and what it leaves out', async () => {
      const preset = builtInPreset('schwab');
      if (!preset) throw new Error('no schwab preset');
      const example = await readAll(preset, text('brokers', 'schwab-transactions-example.csv'), { account: 'S' });
      expect(example.problems).toEqual([]);
      // 27 rows: 8 trades, 3 dividends, 2 taxes and an interest booked; 12 option rows and one short
      // sale left out (the Buy that covers it cannot be told from any other Buy: see the docs).
      expect(example.skipped).toEqual({
        'options and short sales: Tiltfolio holds long positions in shares only': 13,
      });
      expect(example.inputs.map((i) => i.type).sort()).toEqual(
        [
          ...Array<string>(5).fill('buy'),
          ...Array<string>(3).fill('sell'),
          'dividend',
          'dividend',
          'dividend',
          'interest',
          'tax',
          'tax',
        ].sort(),
      );
      const dell = example.inputs.find((i) => i.symbol === 'DELL' && i.type === 'sell');
      // "07/07/2025 as of 07/03/2025": the trade took effect on the 3rd; $62,499.92 + $0.08 for 500.
      expect(dell).toMatchObject({ date: '2025-07-03', quantity: '500', price: '125', fee: '0.08', currency: 'USD' });
      expect(example.inputs.find((i) => i.symbol === 'RKLB')).toMatchObject({ quantity: '1000', price: '27' });
      // NRA Tax Adj is a tax withheld on the holding's dividend: its own type, not a fee.
      expect(example.inputs.filter((i) => i.type === 'tax').map((i) => [i.symbol, i.amount])).toEqual([
        ['MSFT', '27.30'],
        ['SPY', '109.87'],
      ]);

      const exported = await readAll(preset, text('brokers', 'schwab-export.csv'), { account: 'S' });
      expect(exported.problems).toEqual([]);
      expect(exported.inputs.length + Object.values(exported.skipped).reduce((a, b) => a + b, 0)).toBe(120);
      expect(exported.skipped).toEqual({
        "the export's closing total line": 1,
        'a corporate action Schwab books as shares added or removed (split, merger, spin-off …): enter it by hand': 11,
      });
      // A reinvestment of $694.48 for 1.6531 shares at a printed $420.10: the price makes the cash exact.
      const spy = exported.inputs.find((i) => i.symbol === 'SPY' && i.date === '2023-11-01');
      expect(spy).toMatchObject({ type: 'buy', quantity: '1.6531' });
      const price = Number(spy?.price);
      expect(Math.abs(price * 1.6531 - 694.48)).toBeLessThan(1e-8);
      expect(exported.inputs.find((i) => i.note === 'TO ADVISOR')).toMatchObject({ type: 'fee', symbol: null });
      // The same day's two charges on IBN: the ADR fee stays a fee, the foreign tax is a tax.
      expect(
        exported.inputs.filter((i) => i.symbol === 'IBN' && i.date === '2024-09-06').map((i) => [i.type, i.amount]),
      ).toEqual([
        ['fee', '0.50'],
        ['tax', '1.30'],
      ]);
      expect(exported.inputs.find((i) => i.note.startsWith('WIRED FUNDS'))).toMatchObject({
        type: 'withdrawal',
        amount: '100000.00',
      });
      expect(exported.inputs.find((i) => i.symbol === 'DGLRX' && i.date === '2023-05-22')).toMatchObject({
        type: 'transfer_out',
        quantity: '877',
        price: '22.91',
      });
    });
  });

  describe('Interactive Brokers Flex queries', () => {
    /** Both files read by hand: 10⁻⁵ units as BigInt, trades at quantity × price plus commission. */
    function readFlexByHand(trades: string, cash: string) {
      const rows = (content: string) =>
        content
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.trim().slice(1, -1).split('","'));
      const units = (value: string) => {
        const [whole = '', fraction = ''] = value.replace('-', '').split('.');
        const n = BigInt(whole + fraction.padEnd(5, '0'));
        return value.startsWith('-') ? -n : n;
      };
      const balance = new Map<string, bigint>();
      const shares = new Map<string, bigint>();
      const cost = new Map<string, bigint>();
      const add = (map: Map<string, bigint>, key: string, by: bigint) => map.set(key, (map.get(key) ?? 0n) + by);
      for (const [side = '', , isin = '', quantity = '', price = '', , currency = '', commission = ''] of rows(
        trades,
      )) {
        if (isin === '') continue; // a currency exchange
        expect(side).toBe('BUY');
        const spent = BigInt(quantity) * units(price) - units(commission);
        add(shares, isin, BigInt(quantity));
        add(cost, isin, spent);
        add(balance, currency, -spent);
      }
      for (const [, , , , amount = '', currency = ''] of rows(cash)) add(balance, currency, units(amount));
      return {
        cash: [...balance].map(([currency, value]) => [currency, dollars(value)]).sort(),
        holdings: [...shares].map(([isin, q]) => [isin, q.toString(), dollars(cost.get(isin) ?? 0n)]).sort(),
      };
    }

    it('imports the trades and the cash transactions into one account, forex left out', async () => {
      const trades = text('brokers', 'ibkr-flex-trades.csv');
      const cash = text('brokers', 'ibkr-flex-cash.csv');
      const headerOf = (content: string) => content.split('\n')[0]?.replace(/"/g, '').split(',') ?? [];
      expect(suggestPreset(headerOf(trades), BUILT_IN_PRESETS)?.name).toBe('ibkr-flex-trades');
      expect(suggestPreset(headerOf(cash), BUILT_IN_PRESETS)?.name).toBe('ibkr-flex-cash');
      const first = await call<ImportResult>('csv:import', {
        fileName: 'trades.csv',
        content: trades,
        preset: 'ibkr-flex-trades',
        account: 'IBKR',
      });
      expect(first).toMatchObject({ committed: true, rows: 11, added: 8, skipped: 3 });
      expect(first.skippedMessages).toEqual([
        'trades.csv: 3 rows left out (first on line 10): a currency exchange (no ISIN): cash in each currency moves only by the other rows',
      ]);
      const second = await call<ImportResult>('csv:import', {
        fileName: 'cash.csv',
        content: cash,
        preset: 'ibkr-flex-cash',
        account: 'IBKR',
      });
      expect(second).toMatchObject({ committed: true, rows: 11, added: 11, skipped: 0 });

      const expected = readFlexByHand(trades, cash);
      const view = await call<HoldingsOutput>('portfolio:holdings', {});
      expect(view.cash.map((c) => [c.currency, c.balance]).sort()).toEqual(expected.cash);
      expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis]).sort()).toEqual(expected.holdings);
      expect(view.rows.every((r) => r.realizedPl === '0')).toBe(true);
      // Withholding Tax rows are taxes withheld on the holding: Income adds them up per holding
      // (the USD fund's, read from the file here in cents; CHF needs a rate this test has none of).
      const withheld = cash
        .trim()
        .split('\n')
        .map((line) => line.slice(1, -1).split('","'))
        .filter(([type, , isin]) => type === 'Withholding Tax' && isin === 'US9220427424')
        .reduce((sum, row) => {
          const [whole = '', cents = ''] = (row[4] ?? '').replace('-', '').split('.');
          return sum + BigInt(whole + cents.padEnd(2, '0'));
        }, 0n);
      expect(withheld).toBe(5895n);
      const income = await call<IncomeOutput>('portfolio:income', {});
      expect(income.holdings.find((h) => h.symbol === 'US9220427424')?.taxes).toBe(dollars(withheld * 1000n));
      // The reading's own figures: 7 SMMCHA for CHF 1,983.90 with the commission; 323 VT for USD 31,576.55 + 6.979.
      expect(expected.holdings).toEqual([
        ['CH0111762537', '7', '1983.9'],
        ['US9220427424', '323', '31583.529'],
      ]);
    });

    it('refuses a commission charged in another currency than the trade, naming the column', async () => {
      const preset = builtInPreset('ibkr-flex-trades');
      if (!preset) throw new Error('no preset');
      const header =
        '"Buy/Sell","TradeDate","ISIN","Quantity","TradePrice","TradeMoney","CurrencyPrimary","IBCommission","IBCommissionCurrency"';
      const read = await readAll(
        preset,
        `${header}\n"BUY","20230522","US9220427424","1","93.78","93.78","USD","-1","CHF"\n`,
        {
          account: 'I',
        },
      );
      expect(read.problems).toEqual([
        {
          line: 2,
          column: 'IBCommissionCurrency',
          value: 'CHF',
          reason: "is not the trade's currency (USD): book this commission by hand",
        },
      ]);
    });
  });

  describe('Trading 212', () => {
    /** The sample read by hand: cash per currency and average cost per share, in 10⁻⁵ units. */
    function readT212ByHand(content: string) {
      const [head = '', ...lines] = content.trim().split('\n');
      const names = head.split(',');
      const cells = (line: string) =>
        [...line.matchAll(/(?:"([^"]*)"|([^,]*))(?:,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
      const units = (value: string) => {
        const [whole = '', fraction = ''] = value.split('.');
        return BigInt(whole + fraction.padEnd(5, '0'));
      };
      const cash = new Map<string, bigint>();
      const lots = new Map<string, { shares: bigint; cost: bigint; realised: bigint }>();
      for (const line of lines) {
        const row = Object.fromEntries(cells(line).map((value, i) => [names[i], value]));
        const action = row.Action ?? '';
        const add = (currency: string, by: bigint) => cash.set(currency, (cash.get(currency) ?? 0n) + by);
        if (/buy|sell/i.test(action)) {
          const shares = units(row['No. of shares'] ?? '') / 100000n;
          const gross = shares * units(row['Price / share'] ?? '');
          const currency = row['Currency (Price / share)'] ?? '';
          const lot = lots.get(row.Ticker ?? '') ?? { shares: 0n, cost: 0n, realised: 0n };
          if (/buy/i.test(action)) {
            lot.shares += shares;
            lot.cost += gross;
            add(currency, -gross);
          } else {
            const soldCost = (lot.cost * shares) / lot.shares;
            lot.shares -= shares;
            lot.cost -= soldCost;
            lot.realised += gross - soldCost;
            add(currency, gross);
          }
          lots.set(row.Ticker ?? '', lot);
        } else {
          const total = units(row.Total ?? '');
          add(row['Currency (Total)'] ?? '', action === 'Withdrawal' ? -total : total);
        }
      }
      return {
        cash: [...cash].map(([currency, value]) => [currency, dollars(value)]).sort(),
        holdings: [...lots]
          .filter(([, lot]) => lot.shares !== 0n)
          .map(([symbol, lot]) => [symbol, lot.shares.toString(), dollars(lot.cost), dollars(lot.realised)])
          .sort(),
      };
    }

    it('imports the sample: trades in the share’s currency, cash rows in the account’s', async () => {
      const content = text('brokers', 'trading212-example.csv');
      expect(suggestPreset(content.split('\n')[0]?.split(',') ?? [], BUILT_IN_PRESETS)?.name).toBe('trading212');
      const result = await call<ImportResult>('csv:import', {
        fileName: 't212.csv',
        content,
        preset: 'trading212',
        account: 'T212',
      });
      expect(result.errorMessages).toEqual([]);
      expect(result).toMatchObject({ committed: true, rows: 8, added: 8, skipped: 0 });
      const expected = readT212ByHand(content);
      const view = await call<HoldingsOutput>('portfolio:holdings', {});
      expect(view.cash.map((c) => [c.currency, c.balance]).sort()).toEqual(expected.cash);
      expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis, r.realizedPl]).sort()).toEqual(expected.holdings);
      expect(expected).toEqual({
        cash: [
          ['GBP', '-1266.85'],
          ['USD', '-675'],
        ],
        holdings: [
          ['AAPL', '5', '750', '75'],
          ['VUSA', '25', '1875', '87.5'],
        ],
      });
    });

    it('reads every row of a longer export: fractional shares, dividends net of tax, corporate actions left out', async () => {
      const preset = builtInPreset('trading212');
      if (!preset) throw new Error('no preset');
      const read = await readAll(preset, text('brokers', 'trading212-export.csv'), { account: 'T' });
      expect(read.problems).toEqual([]);
      expect(read.skipped).toEqual({
        'a corporate action or transfer of shares (split, distribution, transfer): enter it by hand': 4,
      });
      expect(read.inputs.map((i) => i.type)).toEqual([
        'deposit',
        'buy',
        'buy',
        'buy',
        'sell',
        'dividend',
        'dividend',
        'dividend',
        'interest',
      ]);
      expect(read.inputs[1]).toMatchObject({
        date: '2023-12-18',
        time: '14:30',
        symbol: 'CSCO',
        quantity: '0.0290530000',
        price: '49.96',
        currency: 'USD',
        fee: null,
      });
      // Paid in EUR on a share priced in USD: the ticker goes to the note (a symbol has one currency).
      expect(read.inputs[5]).toMatchObject({
        symbol: null,
        amount: '0.03',
        currency: 'EUR',
        note: 'MAIN: Main Street Capital (withholding tax 0.01 USD)',
      });
    });

    it('adds fees in the trade’s currency and refuses one charged in another, naming the column', async () => {
      const preset = builtInPreset('trading212');
      if (!preset) throw new Error('no preset');
      const header =
        'Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Total,Currency (Total),Stamp duty reserve tax,Currency (Stamp duty reserve tax),Currency conversion fee,Currency (Currency conversion fee)';
      const rows = [
        'Market buy,2024-01-15 10:30:00,GB00B03MLX29,SHEL,Shell,10,2500.5,GBX,0.01,250.05,GBP,125.03,GBX,,',
        'Market buy,2024-01-16 10:30:00,US0378331005,AAPL,Apple,1,150,USD,0.79,118.50,GBP,,,0.18,GBP',
      ];
      const read = await readAll(preset, [header, ...rows].join('\n'), { account: 'T' });
      expect(read.inputs).toMatchObject([{ symbol: 'SHEL', fee: '125.03', currency: 'GBX' }]);
      expect(read.problems).toEqual([
        {
          line: 3,
          column: 'Currency conversion fee',
          value: '0.18',
          reason: "is charged in GBP, not in the trade's USD: book it by hand as a fee",
        },
      ]);
    });
  });
});
