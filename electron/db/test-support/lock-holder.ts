// Another process holding the database's write lock, as the CLI does while it imports beside the
// app: a child Node process opens the file, takes BEGIN IMMEDIATE, writes one account, and commits
// when told to.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The account the other process writes, committed on release. */
export const OTHER_PROCESS_ACCOUNT = 'Written by the other process';

const SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 10000');
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO accounts (name, currency, created_at) VALUES (?, 'USD', '2026-01-01T00:00:00.000Z')").run(process.argv[2]);
process.stdout.write('locked\\n');
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  if (!text.includes('commit')) return;
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\\n');
  process.exit(0);
});
`;

export interface LockHolder {
  /** Commits the other process's write and waits for it to end. */
  release(): Promise<void>;
  /** Ends it without committing (a test's cleanup). */
  kill(): void;
}

/** Starts the other process and answers once it holds the lock. */
export async function holdWriteLock(dbPath: string): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', SCRIPT, dbPath, OTHER_PROCESS_ACCOUNT], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const saw = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(word)) resolve();
      };
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        check();
      });
      child.once('exit', (code) => {
        check();
        reject(new Error(`the lock holder ended (exit ${code}) before saying ${word}`));
      });
      check();
    });
  await saw('locked');
  return {
    async release() {
      const released = saw('released');
      child.stdin.write('commit\n');
      await released;
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
