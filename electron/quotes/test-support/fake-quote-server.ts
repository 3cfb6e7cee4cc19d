// A stand-in for Yahoo's chart endpoint and Stooq's CSV download, on 127.0.0.1, serving the real
// histories in ../test-fixtures and injecting the faults a refresh must survive. Used by unit
// tests and, through fake-quote-server-main.ts, by end-to-end tests.
import type { QuoteBar } from '../../../shared/domain/bar';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDailyCsv } from '../../../shared/quotes/daily-csv';
import { toStooqSymbol } from '../../../shared/quotes/stooq';

export type Fault =
  | 'http500'
  | 'http429'
  | 'hang'
  | 'truncated'
  | 'malformed'
  | 'garbage'
  | 'unknown'
  | 'empty'
  | 'nullHoles'
  | 'wrongSymbol';

export interface FaultRule {
  fault: Fault;
  /** How many requests get the fault before the symbol answers normally; default: all of them. */
  times?: number;
  /** How many requests are answered normally before the fault starts (a re-fetch's fault); default 0. */
  after?: number;
  /** For http429. */
  retryAfterSeconds?: number;
  /** For wrongSymbol: whose data to send instead (default: another fixture). */
  otherSymbol?: string;
}

export interface RecordedRequest {
  format: 'yahoo' | 'stooq';
  symbol: string;
  /** Range asked for, as days (Yahoo's period2 is exclusive; this is the day before it). */
  from: string;
  to: string;
  fault: Fault | null;
  headers: IncomingMessage['headers'];
}

export interface FakeSeries {
  bars: QuoteBar[];
  splits?: { day: string; numerator: number; denominator: number }[];
  dividends?: { day: string; amount: number }[];
  instrumentType?: string;
}

export interface FakeQuoteServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Applies a fault to one symbol's requests, or to every request with '*'. */
  setFault(symbol: string, rule: FaultRule | Fault): void;
  clearFaults(): void;
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/** ../test-fixtures beside this file (a function: a CommonJS bundle has no import.meta.url). */
export function defaultFixturesDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-fixtures');
}

// The file is named for the ticker without Yahoo's index caret.
const FILE_SYMBOLS: Record<string, string> = { RUT: '^RUT' };
const INSTRUMENT_TYPES: Record<string, string> = { SPY: 'ETF', XLF: 'ETF', '^RUT': 'INDEX' };

/** The fixtures as the fake server serves them, keyed by Yahoo symbol. */
export function loadFixtures(dir = defaultFixturesDir()): Map<string, FakeSeries> {
  const events = JSON.parse(fs.readFileSync(path.join(dir, 'events.json'), 'utf8')) as Record<
    string,
    Pick<FakeSeries, 'splits' | 'dividends'>
  >;
  const out = new Map<string, FakeSeries>();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.csv'))) {
    const base = file.slice(0, -4);
    const symbol = FILE_SYMBOLS[base] ?? base;
    const { bars } = parseDailyCsv(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    out.set(symbol, { bars, ...events[symbol], instrumentType: INSTRUMENT_TYPES[symbol] ?? 'EQUITY' });
  }
  return out;
}

// 14:30 UTC is the New York open (9:30 EST) or an hour after it (EDT): the same day either way.
const sessionStart = (day: string) => Date.parse(`${day}T14:30:00Z`) / 1000;
const dayFromEpoch = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function yahooChart(symbol: string, series: FakeSeries, from: string, to: string, holes: boolean): string {
  const bars = series.bars.filter((bar) => bar.day >= from && bar.day <= to);
  const hole = (i: number) => holes && i % 3 === 1;
  const column = (pick: (bar: QuoteBar) => number | null) => bars.map((bar, i) => (hole(i) ? null : pick(bar)));
  const inRange = (day: string) => day >= from && day <= to;
  const splits = Object.fromEntries(
    (series.splits ?? [])
      .filter((s) => inRange(s.day))
      .map((s) => {
        const date = sessionStart(s.day);
        return [
          String(date),
          { date, numerator: s.numerator, denominator: s.denominator, splitRatio: `${s.numerator}:${s.denominator}` },
        ];
      }),
  );
  const dividends = Object.fromEntries(
    (series.dividends ?? [])
      .filter((d) => inRange(d.day))
      .map((d) => [String(sessionStart(d.day)), { amount: d.amount, date: sessionStart(d.day) }]),
  );
  const result: Record<string, unknown> = {
    meta: {
      currency: 'USD',
      symbol,
      exchangeName: series.instrumentType === 'INDEX' ? 'WCB' : 'PCX',
      fullExchangeName: series.instrumentType === 'INDEX' ? 'Chicago Options' : 'NYSEArca',
      instrumentType: series.instrumentType ?? 'EQUITY',
      firstTradeDate: sessionStart(series.bars[0]?.day ?? '2000-01-03'),
      gmtoffset: -18000,
      timezone: 'EST',
      exchangeTimezoneName: 'America/New_York',
      dataGranularity: '1d',
      range: '',
    },
    indicators: { quote: [{}], adjclose: [{}] },
  };
  if (bars.length > 0) {
    result.timestamp = bars.map((bar) => sessionStart(bar.day));
    result.indicators = {
      quote: [
        {
          open: column((b) => b.open),
          high: column((b) => b.high),
          low: column((b) => b.low),
          close: column((b) => b.close),
          volume: column((b) => b.volume),
        },
      ],
      adjclose: [{ adjclose: column((b) => b.adjClose) }],
    };
  }
  if (Object.keys(splits).length + Object.keys(dividends).length > 0) result.events = { dividends, splits };
  return JSON.stringify({ chart: { result: [result], error: null } });
}

function stooqCsv(series: FakeSeries, from: string, to: string): string {
  const bars = series.bars.filter((bar) => bar.day >= from && bar.day <= to);
  if (bars.length === 0) return 'No data';
  const lines = bars.map((b) => [b.day, b.open, b.high, b.low, b.close, b.volume].map((v) => v ?? '').join(','));
  return ['Date,Open,High,Low,Close,Volume', ...lines].join('\r\n') + '\r\n';
}

const YAHOO_NOT_FOUND = JSON.stringify({
  chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
});

export async function startFakeQuoteServer(
  options: { series?: Map<string, FakeSeries>; fixturesDir?: string; port?: number } = {},
): Promise<FakeQuoteServer> {
  const series = options.series ?? loadFixtures(options.fixturesDir);
  const byStooqCode = new Map([...series.keys()].map((symbol) => [toStooqSymbol(symbol), symbol]));
  const faults = new Map<string, FaultRule>();
  const requests: RecordedRequest[] = [];
  const held = new Set<ServerResponse>();
  const waiters: { count: number; resolve: () => void }[] = [];

  const takeFault = (symbol: string): FaultRule | null => {
    for (const key of [symbol, '*']) {
      const rule = faults.get(key);
      if (!rule) continue;
      if (rule.after !== undefined && rule.after > 0) {
        rule.after -= 1;
        continue;
      }
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times -= 1;
      }
      return rule;
    }
    return null;
  };

  const otherThan = (symbol: string, rule: FaultRule): [string, FakeSeries] => {
    const name = rule.otherSymbol ?? [...series.keys()].find((s) => s !== symbol)!;
    return [name, series.get(name)!];
  };

  function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let format: 'yahoo' | 'stooq';
    let symbol: string;
    let from: string;
    let to: string;
    const chart = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    if (chart) {
      format = 'yahoo';
      symbol = decodeURIComponent(chart[1]!);
      from = dayFromEpoch(Number(url.searchParams.get('period1') ?? 0));
      to = dayFromEpoch(Number(url.searchParams.get('period2') ?? 0) - 86_400);
    } else if (url.pathname === '/q/d/l/' || url.pathname === '/q/d/l') {
      format = 'stooq';
      const code = url.searchParams.get('s') ?? '';
      symbol = byStooqCode.get(code) ?? code;
      const d = (name: string, fallback: string) =>
        (url.searchParams.get(name) ?? fallback).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
      from = d('d1', '19000101');
      to = d('d2', '99991231');
    } else {
      return send(res, 404, 'Not found', 'text/plain');
    }

    const rule = takeFault(symbol);
    requests.push({ format, symbol, from, to, fault: rule?.fault ?? null, headers: req.headers });
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }

    const json = 'application/json;charset=utf-8';
    const csv = 'text/csv';
    const known = series.get(symbol);
    const normal = (name: string, data: FakeSeries, holes = false) =>
      format === 'yahoo'
        ? send(res, 200, yahooChart(name, data, from, to, holes), json)
        : send(res, 200, stooqCsv(data, from, to), csv);

    switch (rule?.fault) {
      case 'http500':
        return send(res, 500, 'Internal Server Error', 'text/plain');
      case 'http429':
        return send(res, 429, 'Too Many Requests', 'text/plain', {
          'Retry-After': String(rule.retryAfterSeconds ?? 1),
        });
      case 'hang':
        // Held until the client gives up or the server closes; never answered.
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'truncated': {
        const body = known
          ? format === 'yahoo'
            ? yahooChart(symbol, known, from, to, false)
            : stooqCsv(known, from, to)
          : 'x'.repeat(4096);
        res.writeHead(200, {
          'Content-Type': format === 'yahoo' ? json : csv,
          'Content-Length': String(Buffer.byteLength(body)),
        });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        // Flush what was written, then drop the connection mid-body.
        setImmediate(() => res.socket?.destroy());
        return;
      }
      case 'malformed':
        return format === 'yahoo'
          ? send(res, 200, '{"chart":{"result":[{"meta":{"symbol":"' + symbol + '"},"timestamp":[1,2,', json)
          : send(res, 200, 'Date,Open,High,Low,Close,Volume\n2019-01-02,1,2,0.5,abc,100\n', csv);
      case 'garbage':
        return send(res, 200, '<html><body>Sign in to continue</body></html>', 'text/html');
      case 'unknown':
        return format === 'yahoo' ? send(res, 404, YAHOO_NOT_FOUND, json) : send(res, 200, 'No data', 'text/plain');
      case 'empty':
        // Yahoo: a result with meta and no timestamps. Stooq: the header and no rows.
        return format === 'yahoo'
          ? normal(symbol, { bars: [], instrumentType: known?.instrumentType ?? 'EQUITY' })
          : send(res, 200, 'Date,Open,High,Low,Close,Volume\r\n', csv);
      case 'nullHoles':
        return known ? normal(symbol, known, true) : send(res, 404, YAHOO_NOT_FOUND, json);
      case 'wrongSymbol': {
        const [name, data] = otherThan(symbol, rule);
        return normal(name, data);
      }
      default:
        if (!known)
          return format === 'yahoo' ? send(res, 404, YAHOO_NOT_FOUND, json) : send(res, 200, 'No data', 'text/plain');
        return normal(symbol, known);
    }
  }

  const server = http.createServer((req, res) => {
    try {
      answer(req, res);
    } catch (error) {
      send(res, 500, `fake server error: ${(error as Error).message}`, 'text/plain');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setFault(symbol, rule) {
      faults.set(symbol, typeof rule === 'string' ? { fault: rule } : { ...rule });
    },
    clearFaults: () => faults.clear(),
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const res of held) res.socket?.destroy();
        held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
