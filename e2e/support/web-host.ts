import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface StartedHost {
  url: string;
  origin: string;
  /** The launch token as the API wants it: a Bearer header (the host reads no cookie). */
  headers: { Authorization: string };
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** True while any process of the group led by pid is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the app the way the README tells a person to: `npm run web` (browser mode) or `npm start`
 * (the desktop app, which falls back to browser mode where Electron cannot run), through npm, on a
 * fresh data folder given as TILTFOLIO_DATA_DIR. Resolves once it has printed its address; fails
 * with everything it printed if it never does. npm runs the build and then the app as its children,
 * so the command gets a process group of its own and is stopped as a whole.
 */
export async function startHost(
  options: { command?: 'web' | 'start'; dataDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<StartedHost> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-e2e-'));
  const args = options.command === 'start' ? ['start'] : ['run', 'web'];
  const child: ChildProcess = spawn(npm, args, {
    cwd: root,
    env: { ...process.env, ...options.env, TILTFOLIO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start npm ${args.join(' ')}`);
  let output = '';
  const stopGroup = async () => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
    // The app closes its database on SIGTERM; wait for the whole group, not only npm, so that the
    // data folder is free when the caller removes or reuses it.
    const deadline = Date.now() + 15_000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopGroup();
      reject(new Error(`npm ${args.join(' ')} printed no URL within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    headers: { Authorization: `Bearer ${new URL(url).searchParams.get('token')}` },
    dataDir,
    output: () => output,
    stop: stopGroup,
  };
}
