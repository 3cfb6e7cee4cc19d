// XETRA closes from ../shared/data/quotes-xetra (Yahoo format with literal `null` rows), read with
// a plain split: the rows without a close are left out, as the importer leaves them out.
import basf from '../../../../shared/data/quotes-xetra/BAS.DE.csv?raw';
import dax from '../../../../shared/data/quotes-xetra/^GDAXI.csv?raw';
import type { Bar } from '../../domain/bar';

function closes(text: string, to: string): Bar[] {
  const lines = text.trim().split(/\r?\n/);
  const at = (lines[0] as string).split(',').indexOf('Close');
  return lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[at] !== 'null' && (cells[0] as string) <= to)
    .map((cells) => ({ day: cells[0] as string, close: Number(cells[at]) }));
}

export const xetraCloses = { 'BAS.DE': (to: string) => closes(basf, to), '^GDAXI': (to: string) => closes(dax, to) };
