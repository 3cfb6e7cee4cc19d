// The seam rule on real closes (../shared/data/quotes): a later, split-adjusted download beside an
// older one is found with its factor; no real day's move, crashes included, is read as a split.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findScaleJump, type SeamBar } from '../../shared/quotes/scale-seam';
import { realBars, REAL_QUOTES } from '../test-support/real-data';

const closes = (symbol: string): SeamBar[] => realBars(symbol).map(({ day, close }) => ({ day, close }));

// AMZN's file is split-adjusted for the 20:1 split of 2022-06-06; a download made before it
// shows every close 20 times higher.
const amzn = closes('AMZN');
const preSplit = (bars: SeamBar[]) => bars.map((bar) => ({ ...bar, close: bar.close * 20 }));

describe('findScaleJump', () => {
  it('finds the 20:1 factor where an older download and a later one share days', () => {
    const older = preSplit(amzn.filter((bar) => bar.day <= '2022-05-31'));
    const later = amzn.filter((bar) => bar.day >= '2022-01-03');
    const jump = findScaleJump(older, later);
    const first = amzn.find((bar) => bar.day === '2022-01-03')!;
    expect(jump).toEqual({
      side: 'overlap',
      day: '2022-01-03',
      cachedDay: '2022-01-03',
      cachedClose: first.close * 20,
      newDay: '2022-01-03',
      newClose: first.close,
      factor: { numerator: 20, denominator: 1 },
    });
  });

  it('finds it at a seam with no common day, either side', () => {
    const older = preSplit(amzn.filter((bar) => bar.day <= '2022-05-31'));
    const later = amzn.filter((bar) => bar.day > '2022-05-31');
    expect(findScaleJump(older, later)).toMatchObject({
      side: 'before',
      day: '2022-06-01',
      cachedDay: '2022-05-31',
      factor: { numerator: 20, denominator: 1 },
    });
    // The cache holds the later download; an older file fills the days before it.
    expect(findScaleJump(later, older)).toMatchObject({
      side: 'after',
      day: '2022-05-31',
      cachedDay: '2022-06-01',
      factor: { numerator: 1, denominator: 20 },
    });
  });

  it('finds nothing when both loads are on one scale', () => {
    expect(findScaleJump(amzn.slice(0, 3000), amzn.slice(2900))).toBeNull();
    expect(findScaleJump(amzn.slice(0, 3000), amzn.slice(3000))).toBeNull();
  });

  it('reads no real day-to-day move of any file as a split, crash days included', () => {
    let seams = 0;
    for (const file of fs.readdirSync(REAL_QUOTES).filter((name) => name.endsWith('.csv'))) {
      const bars = closes(file.replace(/\.csv$/, ''));
      for (let i = 1; i < bars.length; i++) {
        seams++;
        expect(findScaleJump([bars[i - 1]!], [bars[i]!]), `${file} ${bars[i]!.day}`).toBeNull();
      }
    }
    expect(seams).toBeGreaterThan(50_000);
  });

  it('passes the worst real days: NFLX on 2022-04-20 (−35 %), AMZN through the March 2020 crash', () => {
    const nflx = closes('NFLX');
    const i = nflx.findIndex((bar) => bar.day === '2022-04-20');
    // Independent figure: the close fell from 348.61 to 226.19.
    expect(nflx[i - 1]!.close / nflx[i]!.close).toBeCloseTo(348.61 / 226.19, 2);
    expect(findScaleJump(nflx.slice(0, i), nflx.slice(i))).toBeNull();
    const amznCovid = amzn.filter((bar) => bar.day >= '2020-02-20' && bar.day <= '2020-03-31');
    for (let k = 1; k < amznCovid.length; k++) {
      expect(findScaleJump(amznCovid.slice(0, k), amznCovid.slice(k))).toBeNull();
    }
  });
});
