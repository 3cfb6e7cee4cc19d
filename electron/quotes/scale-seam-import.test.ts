// Issue 15, item 7: AMZN from an older download and then from a later, split-adjusted one. The
// second write is refused whole with the symbol, day, both prices and the factor; asked to, the
// older bars are rescaled and the series is continuous. Real closes from ../shared/data/quotes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuotesRepo } from '../db/quotes-repo';
import { scratchDir } from '../db/test-support/scratch';
import { runCli } from '../cli/program';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { REAL_QUOTES, realBars } from '../test-support/real-data';
import type { FakeSeries } from './test-support/fake-quote-server';
import { loadFixtures } from './test-support/fake-quote-server';
import { startHarness } from './test-support/quote-harness';

const tempDir = useTempDirs();
const lines = fs.readFileSync(path.join(REAL_QUOTES, 'AMZN.csv'), 'utf8').trim().split('\n');
const HEADER = lines[0]!;

/** AMZN's rows in [from, to]; `times` 20 writes them as a download made before the 20:1 split shows them. */
function amznCsv(from: string, to: string, times = 1): string {
  const rows = lines.slice(1).filter((line) => line.slice(0, 10) >= from && line.slice(0, 10) <= to);
  const scaled = rows.map((line) => {
    const [day, ...cells] = line.split(',');
    const prices = cells.slice(0, 5).map((cell) => String(Number(cell) * times));
    return [day, ...prices, String(Math.round(Number(cells[5]) / times))].join(',');
  });
  return [HEADER, ...scaled].join('\n') + '\n';
}

const real = new Map(realBars('AMZN').map((bar) => [bar.day, bar.close]));

describe('a quotes file on another split scale', () => {
  it('is refused whole with the symbol, day, both prices and the factor; nothing is written', async () => {
    const backend = testBackend(tempDir());
    try {
      const older = await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN.csv',
        content: amznCsv('2010-01-04', '2022-05-31', 20),
      });
      expect(older.ok).toBe(true);
      const before = createQuotesRepo(backend.db).rows('AMZN');

      const later = await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN-2022.csv',
        symbol: 'AMZN',
        content: amznCsv('2022-01-03', '2022-12-29'),
      });
      // The file's own rows of January to May 2022 are replaced; the seam is with 2021's last close.
      const text = (close: number) => close.toLocaleString('en-US', { maximumFractionDigits: 4 });
      expect(later).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringContaining(
            `AMZN on 2022-01-03: the cache holds ${text(real.get('2021-12-31')! * 20)} (2021-12-31), the file AMZN-2022.csv ${text(real.get('2022-01-03')!)}, a 20:1 ratio`,
          ),
          issues: ['AMZN: 20:1 scale jump on 2022-01-03'],
        },
      });
      expect(createQuotesRepo(backend.db).rows('AMZN')).toEqual(before);
    } finally {
      backend.close();
    }
  });

  it('with rescaleOlder, brings the older bars onto the later scale and writes the new ones', async () => {
    const backend = testBackend(tempDir());
    try {
      await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN.csv',
        content: amznCsv('2010-01-04', '2022-05-31', 20),
      });
      const later = await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN.csv',
        content: amznCsv('2022-06-01', '2022-12-29'),
        rescaleOlder: true,
      });
      const olderBars = [...real.keys()].filter((day) => day <= '2022-05-31').length;
      expect(later).toMatchObject({
        ok: true,
        value: { note: `rescaled ${olderBars.toLocaleString('en-US')} older cached bars by 20:1` },
      });
      // Independent check: every close is the real, split-adjusted one again.
      const history = createQuotesRepo(backend.db).history('AMZN');
      expect(history).toHaveLength(real.size);
      for (const bar of history) expect(bar.close).toBeCloseTo(real.get(bar.day)!, 9);
    } finally {
      backend.close();
    }
  });

  it('lets a file on the same scale through, overlapping or not', async () => {
    const backend = testBackend(tempDir());
    try {
      await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN.csv',
        content: amznCsv('2010-01-04', '2022-05-31'),
      });
      const later = await backend.dispatch('quotes:importFile', {
        fileName: 'AMZN.csv',
        content: amznCsv('2022-01-03', '2022-12-29'),
      });
      expect(later).toMatchObject({ ok: true, value: { bars: 250 } });
      expect(later.ok && 'note' in (later.value as object)).toBe(false);
    } finally {
      backend.close();
    }
  });

  it('the CLI refuses it, exits 1, and imports it with --rescale-older', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const first = path.join(dir, 'AMZN.csv');
    const later = path.join(dir, 'amzn-later.csv');
    fs.writeFileSync(first, amznCsv('2010-01-04', '2022-05-31', 20));
    fs.writeFileSync(later, amznCsv('2022-06-01', '2022-12-29'));
    const cli = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err };
    };
    expect((await cli('--db', db, 'quotes', 'import', first)).code).toBe(0);
    const refused = await cli('--db', db, 'quotes', 'import', '--symbol', 'AMZN', later);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('AMZN on 2022-06-01: the cache holds');
    expect(refused.err).toContain('(2022-05-31)');
    expect(refused.err).toContain('a 20:1 ratio');
    const taken = await cli('--db', db, 'quotes', 'import', '--symbol', 'AMZN', '--rescale-older', later);
    expect(taken).toMatchObject({ code: 0, err: '' });
    const days = [...real.keys()];
    const newer = days.filter((day) => day >= '2022-06-01').length;
    const older = days.length - newer;
    expect(taken.out).toBe(
      `${later}: ${newer} bars for AMZN (rescaled ${older.toLocaleString('en-US')} older cached bars by 20:1)\n`,
    );
  });
});

describe('a refresh whose answer sits on another split scale than the cache', () => {
  const spy = loadFixtures().get('SPY')!;
  // A file of SPY as if downloaded before a 4:1 split the provider (and its answer) already applies.
  const fileCsv = (bars: FakeSeries['bars']) =>
    [
      'Date,Open,High,Low,Close,Adj Close,Volume',
      ...bars.map(
        (b) => `${b.day},${b.open! * 4},${b.high! * 4},${b.low! * 4},${b.close * 4},${b.adjClose! * 4},${b.volume}`,
      ),
    ].join('\n');

  it('fails the symbol with the seam in the log, then rescales the file bars when asked', async () => {
    const h = await startHarness();
    const older = spy.bars.filter((bar) => bar.day <= '2019-02-15');
    await h.backend.dispatch('quotes:importFile', { fileName: 'SPY.csv', content: fileCsv(older) });
    const before = createQuotesRepo(h.backend.db).rows('SPY');

    const refused = await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(refused).toMatchObject({ state: 'failed', failed: 1, barsWritten: 0 });
    const [entry] = await h.backend.handlers['quotes:refreshLog']({ symbol: 'SPY' });
    expect(entry?.outcome).toBe('error');
    expect(entry?.message).toContain("yahoo's answer");
    expect(entry?.message).toContain('a 4:1 ratio');
    expect(entry?.message).toContain('tiltfolio quotes refresh --rescale-older SPY');
    expect(createQuotesRepo(h.backend.db).rows('SPY')).toEqual(before);

    const taken = await h.backend.quotes.startRefresh({ symbols: ['SPY'], rescaleOlder: true }).done;
    expect(taken).toMatchObject({ state: 'done', ok: 1 });
    const history = createQuotesRepo(h.backend.db).history('SPY');
    const provider = new Map(spy.bars.map((bar) => [bar.day, bar.close]));
    for (const bar of history) expect(bar.close).toBeCloseTo(provider.get(bar.day)!, 9);
  });
});
