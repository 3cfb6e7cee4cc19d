// Test-only: turns a bundled Yahoo CSV (Date,Open,High,Low,Close,Adj Close,Volume) into bars.
// Not a parser for production: the importer owns that.
import amzn from '../../../assets/quotes/AMZN.csv?raw';
import jpm from '../../../assets/quotes/JPM.csv?raw';
import qqq from '../../../assets/quotes/QQQ.csv?raw';
import rut from '../../../assets/quotes/RUT.csv?raw';
import spy from '../../../assets/quotes/SPY.csv?raw';
import xlf from '../../../assets/quotes/XLF.csv?raw';
import xlk from '../../../assets/quotes/XLK.csv?raw';
import type { Bar } from '../../domain/bar';

export function splitCsv(text: string): Bar[] {
  const lines = text.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const closeAt = header.indexOf('Close');
  if (header[0] !== 'Date' || closeAt < 0) throw new Error(`Unexpected header: ${lines[0]}`);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return { day: cells[0] as string, close: Number(cells[closeAt]) };
  });
}

const texts = { AMZN: amzn, JPM: jpm, QQQ: qqq, RUT: rut, SPY: spy, XLF: xlf, XLK: xlk };
export type FixtureSymbol = keyof typeof texts;

const cache = new Map<FixtureSymbol, Bar[]>();

export function quotes(symbol: FixtureSymbol): Bar[] {
  let bars = cache.get(symbol);
  if (bars === undefined) {
    bars = splitCsv(texts[symbol]);
    cache.set(symbol, bars);
  }
  return bars;
}
