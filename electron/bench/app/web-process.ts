// One browser-mode server for the app benchmark: `node dist/web.cjs --data-dir DIR`, as `npm run
// web` starts it after its build, run directly so that its process is the one whose memory is read.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface WebProcess {
  url: string;
  token: string;
  /** Peak resident memory of the server (main thread and backend worker: one process), in MB. */
  peakRssMb(): number;
  call(name: string, input: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startWebProcess(root: string, dataDir: string, nodeArgs: string[] = []): Promise<WebProcess> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist', 'web.cjs'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dist/web.cjs printed no address within 120 s:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dist/web.cjs exited with ${code}:\n${output}`));
    });
  });
  const token = new URL(url).searchParams.get('token') ?? '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    token,
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);
      return kb / 1024;
    },
    async call(name, input) {
      const response = await fetch(new URL(`/api/call/${name}`, url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      // SIGTERM: the server closes its database (and writes a CPU profile when asked for one).
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
