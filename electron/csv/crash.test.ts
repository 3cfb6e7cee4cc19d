// Crash safety (shipping issue): a child process importing 1,000,000 rows (100,000 outside the soak) is killed with SIGKILL
// at random moments; after each kill the database opens, passes integrity_check and holds none
// or all of the import. One uninterrupted run first shows that "all" is reachable and times the
// import, so the kills can be spread over its whole duration.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { seededRandom, writeTransactionsCsv, type GeneratedFile } from './bench/generate-transactions';

// `npm test` runs the same test at a tenth of the size; `npm run test:soak` (CI runs both) at full size.
const SOAK = process.env.TILTFOLIO_SOAK === '1';
const ROWS = SOAK ? 1_000_000 : 100_000;
const KILLS = SOAK ? 20 : 6;
const SEED = Number(process.env.TILTFOLIO_CRASH_SEED ?? Date.now() % 1_000_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface Run {
  /** Milliseconds from "started" to exit. */
  elapsed: number;
  /** Milliseconds from the start of the ledger check to exit (uninterrupted runs). */
  tail: number;
  killed: boolean;
  output: string;
}

/**
 * Where to kill, by the child's own progress (so a busy machine does not push every kill past the
 * end): when `rows` rows have been read, or `afterCheck` ms after the ledger check has begun
 * (the check, the commit, and just after it).
 */
type KillAt = { rows: number } | { afterCheck: number };

function runChild(bundle: string, db: string, file: string, killAt?: KillAt): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, db, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let started = 0;
    let checking = 0;
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('progress ')) output += `${line}\n`;
      if (line === 'started') started = Date.now();
      const [, phase, rows] = line.split(' ');
      if (phase === 'checking' && checking === 0) {
        checking = Date.now();
        // The random moment of the kill is what this test is about, not a wait for something.
        if (killAt && 'afterCheck' in killAt) timer = setTimeout(kill, killAt.afterCheck);
      }
      // Progress is reported every 100 ms: a target past the last report is hit when checking begins.
      if (
        killAt &&
        'rows' in killAt &&
        (phase === 'checking' || (phase === 'reading' && Number(rows) >= killAt.rows))
      ) {
        kill();
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      const now = Date.now();
      resolve({
        elapsed: started === 0 ? 0 : now - started,
        tail: checking === 0 ? 0 : now - checking,
        killed: signal === 'SIGKILL',
        output,
      });
    });
  });
}

interface State {
  transactions: number;
  accounts: number;
  integrity: string;
}

/** Opens the database the way the app does, then checks it in full. */
function inspect(db: string): State {
  openDatabase(db).close();
  const connection = new Database(db, { readonly: true });
  try {
    return {
      integrity: String(connection.pragma('integrity_check', { simple: true })),
      transactions: connection.prepare('SELECT count(*) FROM transactions').pluck().get() as number,
      accounts: connection.prepare('SELECT count(*) FROM accounts').pluck().get() as number,
    };
  } finally {
    connection.close();
  }
}

function remove(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
}

describe('an import killed at random moments', () => {
  let dir: string;
  let file: string;
  let bundle: string;
  let generated: GeneratedFile;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-crash-'));
    file = path.join(dir, 'transactions.csv');
    generated = writeTransactionsCsv(file, ROWS, SEED);
    // Inside the checkout, so the bundle finds better-sqlite3 in node_modules.
    bundle = path.join(root, 'out', 'test', `csv-import-child-${process.pid}.cjs`);
    await build({
      entryPoints: [path.join(here, 'test-support', 'import-child.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
  }, 300_000);
  afterAll(() => {
    fs.rmSync(bundle, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    `holds none or all of a ${ROWS.toLocaleString('en-US')}-row import after ${KILLS} SIGKILLs`,
    { timeout: 3_600_000 },
    async () => {
      console.log(`crash test seed ${SEED} (set TILTFOLIO_CRASH_SEED to replay)`);
      const random = seededRandom(SEED);
      const db = path.join(dir, 'tiltfolio.sqlite');
      const all = { transactions: ROWS, accounts: Object.keys(generated.perAccount).length, integrity: 'ok' };
      const none = { transactions: 0, accounts: 0, integrity: 'ok' };

      const full = await runChild(bundle, db, file);
      expect(full.output).toContain(`{"added":${ROWS}}`);
      expect(inspect(db)).toEqual(all);
      remove(db);

      const outcomes: string[] = [];
      // Stratified over the whole import: three in four kills while rows are read and inserted,
      // the rest from the start of the ledger check to a little past the end (commit, and after).
      const reading = Math.round(KILLS * 0.75);
      for (let k = 0; k < KILLS; k++) {
        const at: KillAt =
          k < reading
            ? { rows: Math.floor(((k + random()) / reading) * ROWS) }
            : { afterCheck: Math.round(((k - reading + random()) / (KILLS - reading)) * full.tail * 1.2) };
        const run = await runChild(bundle, db, file, at);
        const state = inspect(db);
        const outcome = state.transactions === ROWS ? 'all' : 'none';
        const where = 'rows' in at ? `row ${at.rows}` : `check+${at.afterCheck}ms`;
        outcomes.push(`${where}:${run.killed ? '' : 'finished,'}${outcome}`);
        expect(state, `kill ${k} at ${where} (${run.output.trim()})`).toEqual(outcome === 'all' ? all : none);
        if (outcome === 'all') remove(db);
      }
      console.log(`crash test (import ${full.elapsed} ms, check and commit ${full.tail} ms): ${outcomes.join(' ')}`);
      // Kills while rows are read always land before the commit.
      expect(outcomes.filter((o) => o.endsWith(':none')).length).toBeGreaterThanOrEqual(reading);
    },
  );
});
