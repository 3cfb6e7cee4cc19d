import { afterEach, describe, expect, it } from 'vitest';
import { parseStooqCsv } from '../../../shared/quotes/stooq';
import { parseYahooChart } from '../../../shared/quotes/yahoo-chart';
import { loadFixtures, startFakeQuoteServer, type FakeQuoteServer } from './fake-quote-server';

const servers: FakeQuoteServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(): Promise<FakeQuoteServer> {
  const server = await startFakeQuoteServer();
  servers.push(server);
  return server;
}

const fixtures = loadFixtures();
const epoch = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

describe('fake quote server', () => {
  it('serves the fixtures as Yahoo chart JSON, within the asked period', async () => {
    const server = await start();
    const url = `${server.baseUrl}/v8/finance/chart/%5ERUT?period1=${epoch('2019-02-01')}&period2=${epoch('2019-02-09')}&interval=1d`;
    const series = parseYahooChart(await (await fetch(url)).text(), '^RUT');
    expect(series.bars).toEqual(
      fixtures.get('^RUT')!.bars.filter((b) => b.day >= '2019-02-01' && b.day <= '2019-02-08'),
    );
    expect(series.meta).toMatchObject({ kind: 'index', timeZone: 'America/New_York' });
    expect(server.requests[0]).toMatchObject({ format: 'yahoo', symbol: '^RUT', from: '2019-02-01', to: '2019-02-08' });
  });

  it('serves the fixtures as Stooq CSV, by Stooq code', async () => {
    const server = await start();
    const body = await (await fetch(`${server.baseUrl}/q/d/l/?s=aapl.us&i=d&d1=20190219&d2=20190222`)).text();
    expect(body.startsWith('Date,Open,High,Low,Close,Volume\r\n')).toBe(true);
    expect(parseStooqCsv(body, 'AAPL').bars.map((b) => b.day)).toEqual([
      '2019-02-19',
      '2019-02-20',
      '2019-02-21',
      '2019-02-22',
    ]);
  });

  it('applies a fault the given number of times, then answers normally', async () => {
    const server = await start();
    server.setFault('SPY', { fault: 'http500', times: 1 });
    const url = `${server.baseUrl}/q/d/l/?s=spy.us&i=d`;
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual(['http500', null]);
  });

  it('answers the given number of requests normally before the fault starts', async () => {
    const server = await start();
    server.setFault('SPY', { fault: 'http500', after: 1, times: 1 });
    const url = `${server.baseUrl}/q/d/l/?s=spy.us&i=d`;
    expect([(await fetch(url)).status, (await fetch(url)).status, (await fetch(url)).status]).toEqual([200, 500, 200]);
    expect(server.requests.map((r) => r.fault)).toEqual([null, 'http500', null]);
  });

  it('releases a held ("hang") request when it closes', async () => {
    const server = await startFakeQuoteServer();
    server.setFault('*', 'hang');
    const pending = fetch(`${server.baseUrl}/q/d/l/?s=spy.us&i=d`);
    await server.waitForRequests(1);
    await server.close();
    await expect(pending).rejects.toThrow();
  });
});
