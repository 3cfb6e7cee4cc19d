import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDailyCsv } from '../../shared/quotes/daily-csv';

// Yahoo's download of BASF on XETRA (../shared/data/quotes-xetra, as served in 2017): its Close is
// split-adjusted and its Open/High/Low are not, so before 2017 the close lies below the day's low.
const file = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'quotes-xetra', 'BAS.DE.csv');

describe("a real Yahoo history whose close lies outside the day's range", () => {
  it("reads the real BASF file from XETRA, whose closes lie below the day's low before 2017", () => {
    const text = fs.readFileSync(file, 'utf8');
    const { bars } = parseDailyCsv(text, 'BAS.DE.csv', '2026-12-04');
    // 2000-01-03,26.350000,26.600000,24.799999,18.150352,24.875000,3137354 in the file.
    expect(bars[0]).toEqual({
      day: '2000-01-03',
      open: null,
      high: null,
      low: null,
      close: 18.150352,
      adjClose: 24.875,
      volume: 3137354,
    });
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .filter((line) => !line.includes('null'));
    expect(bars).toHaveLength(rows.length);
    for (const b of bars)
      if (b.high !== null && b.low !== null) expect(b.close >= b.low * 0.999 && b.close <= b.high * 1.001).toBe(true);
  });
});
