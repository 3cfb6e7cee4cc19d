// Bad input (shipping issue): 10,000 mutated CSV files (1,000 outside the soak) through the real importer. Every one ends
// in a clear error with the database unchanged, or in an import of exactly what the file says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDelimiter, firstLine } from '../../shared/csv/detect';
import { tiltfolioPreset } from '../../shared/csv/presets/tiltfolio';
import { openDatabase, type Db } from '../db/connection';
import { createImportWriter } from '../db/csv-import-repo';
import { GENERATED_COLUMNS, generateTransactionRecords, seededRandom } from './bench/generate-transactions';
import { importTransactions } from './import-transactions';

// `npm test` runs a tenth of the files; `npm run test:soak` (CI runs both) all of them.
const FILES = process.env.TILTFOLIO_SOAK === '1' ? 10_000 : 1_000;
// The production limit is a million characters; a smaller one tests the same code faster.
const MAX_RECORD = 100_000;
const SEED = Number(process.env.TILTFOLIO_FUZZ_SEED ?? 20_161_114);

type Mutation = (bytes: Buffer, random: () => number) => Buffer;

const pickFrom = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const at = (random: () => number, length: number) => Math.floor(random() * Math.max(length, 1));

function replaceCell(text: string, random: () => number, value: string): string {
  const lines = text.split('\r\n');
  const line = 1 + at(random, lines.length - 2);
  let cells: string[] | undefined;
  try {
    cells = (parse(lines[line] ?? '', { relax_column_count: true, relax_quotes: true }) as string[][])[0];
  } catch {
    return text; // an earlier mutation broke this line: leave it broken
  }
  if (!cells || cells.length === 0) return text;
  cells[at(random, cells.length)] = value;
  lines[line] = stringify([cells], { record_delimiter: '' });
  return lines.join('\r\n');
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, random) => bytes.subarray(0, at(random, bytes.length)),
  flipBytes: (bytes, random) => {
    const copy = Buffer.from(bytes);
    for (let n = 1 + at(random, 5); n > 0; n--) copy[at(random, copy.length)] = at(random, 256);
    return copy;
  },
  invalidUtf8: (bytes, random) => {
    const i = at(random, bytes.length);
    return Buffer.concat([
      bytes.subarray(0, i),
      Buffer.from([pickFrom(random, [0xff, 0xc3, 0x80, 0xed])]),
      bytes.subarray(i),
    ]);
  },
  latin1: (bytes) => Buffer.from(bytes.toString('utf8').replace(/ü/g, 'ü').replace(/e/, 'é'), 'latin1'),
  utf8Bom: (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  utf16: (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]),
  hugeField: (bytes, random) =>
    Buffer.from(
      replaceCell(bytes.toString('utf8'), random, 'x'.repeat(pickFrom(random, [10_001, 200_000, 1_100_000]))),
    ),
  dropField: (bytes, random) => {
    const lines = bytes.toString('utf8').split('\r\n');
    const i = at(random, lines.length - 1);
    lines[i] = (lines[i] ?? '').replace(/,[^,]*$/, '');
    return Buffer.from(lines.join('\r\n'));
  },
  addField: (bytes, random) => {
    const lines = bytes.toString('utf8').split('\r\n');
    const i = at(random, lines.length - 1);
    lines[i] = `${lines[i] ?? ''},extra`;
    return Buffer.from(lines.join('\r\n'));
  },
  badNumber: (bytes, random) =>
    Buffer.from(
      replaceCell(bytes.toString('utf8'), random, pickFrom(random, ['NaN', 'Infinity', '1e5', '-', '1,5', '0x10', ''])),
    ),
  badDate: (bytes, random) =>
    Buffer.from(
      replaceCell(
        bytes.toString('utf8'),
        random,
        pickFrom(random, ['2016-02-30', '2016-13-01', '0000-00-00', '16-01-01', '2015-02-29']),
      ),
    ),
  goodValue: (bytes, random) =>
    Buffer.from(
      replaceCell(
        bytes.toString('utf8'),
        random,
        pickFrom(random, ['+12.50', '.5', 'BUY', ' note ', 'eur', '2016-02-29', '7.', 'brk.b']),
      ),
    ),
  deleteLine: (bytes, random) => {
    const lines = bytes.toString('utf8').split('\r\n');
    lines.splice(at(random, lines.length - 1), 1);
    return Buffer.from(lines.join('\r\n'));
  },
  duplicateLine: (bytes, random) => {
    const lines = bytes.toString('utf8').split('\r\n');
    const i = 1 + at(random, lines.length - 2);
    lines.splice(i, 0, lines[i] ?? '');
    return Buffer.from(lines.join('\r\n'));
  },
  shuffleLines: (bytes, random) => {
    const [header, ...rest] = bytes.toString('utf8').split('\r\n');
    rest.sort(() => random() - 0.5);
    return Buffer.from([header, ...rest].join('\r\n'));
  },
  semicolons: (bytes) => Buffer.from(bytes.toString('utf8').replace(/,/g, ';')),
  stray: (bytes, random) => {
    const i = at(random, bytes.length);
    const insert = pickFrom(random, ['"', '\n', '\r', ',', '""', '\u0000', '\r\n\r\n']);
    return Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(i)]);
  },
  empty: (_bytes, random) =>
    Buffer.from(pickFrom(random, ['', '\r\n', '\n\n\n', GENERATED_COLUMNS.join(','), '\uFEFF'])),
  lineEndings: (bytes, random) => Buffer.from(bytes.toString('utf8').replace(/\r\n/g, pickFrom(random, ['\n', '\r']))),
};

/** Plain decimal as the importer documents it: '+' dropped, a bare point completed, blank is null. */
function expectedNumber(cell: string): string | null {
  let text = cell.trim();
  if (text === '') return null;
  if (text.startsWith('+')) text = text.slice(1);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  if (text.startsWith('.')) text = `0${text}`;
  if (text.endsWith('.')) text = text.slice(0, -1);
  return (negative ? '-' : '') + text;
}

/** What the file says, read independently of the importer (csv-parse's own defaults). */
function expectedRows(bytes: Buffer, account: (name: string) => string) {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // The delimiter is detected from the header (documented); everything else is csv-parse's own.
  const records = parse(text, {
    delimiter: detectDelimiter(firstLine(text)),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
  }) as string[][];
  // Documented: a record that is one empty field (a blank line, or a line holding "") is skipped.
  const rows = records.filter((cells) => !(cells.length === 1 && cells[0] === ''));
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  if (rows.some((cells) => cells.length !== header.length))
    throw new Error("a record without the header's field count");
  return rows.slice(1).map((cells) => {
    const cell = (name: string) => cells[header.indexOf(name)] ?? '';
    return {
      date: cell('date').trim().slice(0, 10),
      account: account(cell('account').trim()),
      type: cell('type').trim().toLowerCase(),
      symbol: cell('symbol').trim().toUpperCase() || null,
      quantity: expectedNumber(cell('quantity')),
      price: expectedNumber(cell('price')),
      fee: expectedNumber(cell('fee')),
      amount: expectedNumber(cell('amount')),
      currency: cell('currency').trim().toUpperCase(),
      note: cell('note'),
    };
  });
}

const csvOf = (records: Iterable<string[]>) =>
  stringify([[...GENERATED_COLUMNS], ...records], { record_delimiter: 'windows', quote_record_delimiter: true });

describe('importing damaged files', () => {
  let dir: string;
  let db: Db;
  let base: Buffer;
  let baseMaxId = 0;

  // One database for all files: a few rows already there, so "unchanged" means something.
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-fuzz-'));
    db = openDatabase(path.join(dir, 'fuzz.sqlite'));
    const existing = csvOf(generateTransactionRecords(15, SEED + 1));
    const seeded = await importTransactions(createImportWriter(db), {
      source: [existing],
      fileName: 'seed.csv',
      preset: tiltfolioPreset,
      today: '2026-01-02',
      now: '2026-01-02T00:00:00.000Z',
    });
    expect(seeded.committed).toBe(true);
    baseMaxId = db.prepare('SELECT max(id) FROM transactions').pluck().get() as number;
    base = Buffer.from(csvOf(generateTransactionRecords(12, SEED + 2)));
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = () =>
    JSON.stringify(
      ['transactions ORDER BY id', 'accounts ORDER BY id', 'instruments ORDER BY symbol'].map((from) =>
        db.prepare(`SELECT * FROM ${from}`).raw().all(),
      ),
    );

  it(`survives ${FILES.toLocaleString('en-US')} mutated files (seed ${SEED})`, { timeout: 600_000 }, async () => {
    console.log(`fuzz seed ${SEED} (set TILTFOLIO_FUZZ_SEED to replay)`);
    const random = seededRandom(SEED);
    const names = Object.keys(MUTATIONS);
    const before = snapshot();
    const outcomes = { failed: 0, imported: 0 };
    const accountNames = () =>
      new Map(
        (db.prepare('SELECT name FROM accounts').pluck().all() as string[]).map((name) => [name.toLowerCase(), name]),
      );
    for (let n = 0; n < FILES; n++) {
      let bytes = base;
      const applied: string[] = [];
      for (let k = 1 + at(random, 2); k > 0; k--) {
        const name = pickFrom(random, names);
        applied.push(name);
        bytes = (MUTATIONS[name] as Mutation)(bytes, random);
      }
      const context = `file ${n} (${applied.join(' + ')})`;
      const result = await importTransactions(createImportWriter(db), {
        source: [bytes.subarray(0, Math.floor(bytes.length / 2)), bytes.subarray(Math.floor(bytes.length / 2))],
        fileName: `fuzz-${n}.csv`,
        preset: tiltfolioPreset,
        maxRecordChars: MAX_RECORD,
        today: '2026-01-02',
        now: '2026-01-02T00:00:00.000Z',
      });
      if (!result.committed) {
        outcomes.failed++;
        expect(result.errorCount, context).toBeGreaterThan(0);
        expect(result.errorMessages.length, context).toBeGreaterThan(0);
        for (const message of result.errorMessages)
          expect(message, context).toMatch(/^fuzz-\d+\.csv( line \d+|: |$)|^and \d+ more$/);
        expect(snapshot(), context).toBe(before);
        continue;
      }
      outcomes.imported++;
      const known = accountNames();
      let expected: ReturnType<typeof expectedRows>;
      try {
        expected = expectedRows(bytes, (name) => known.get(name.toLowerCase()) ?? name);
      } catch (error) {
        throw new Error(
          `${context}: imported, but csv-parse reads it otherwise (${String(error)}): ${JSON.stringify(bytes.toString('utf8'))}`,
        );
      }
      const added = db
        .prepare(
          `SELECT t.date, a.name AS account, t.type, t.symbol, t.quantity, t.price, t.fee, t.amount, t.currency, t.note
           FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id > ? ORDER BY t.id`,
        )
        .all(baseMaxId);
      expect(result.added + result.duplicates, context).toBe(expected.length);
      if (result.duplicates === 0) expect(added, context).toEqual(expected);
      // Back to the starting state for the next file.
      db.prepare('DELETE FROM transactions WHERE id > ?').run(baseMaxId);
      db.prepare('DELETE FROM accounts WHERE id NOT IN (SELECT DISTINCT account_id FROM transactions)').run();
      db.prepare(
        'DELETE FROM instruments WHERE symbol NOT IN (SELECT symbol FROM transactions WHERE symbol IS NOT NULL)',
      ).run();
      expect(snapshot(), context).toBe(before);
    }
    console.log(`fuzz: ${outcomes.failed} refused, ${outcomes.imported} imported`);
    expect(outcomes.failed + outcomes.imported).toBe(FILES);
    // Some mutations keep the file valid (BOM, line endings, +12.50 …): both outcomes must occur.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.failed).toBeGreaterThan(FILES / 2);
  });
});
