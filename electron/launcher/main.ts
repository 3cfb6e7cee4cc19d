// `npm start`: the desktop app when an Electron binary can be had, browser mode when it cannot.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runWebMode } from '../web/run';
import { obtainElectronBinary } from './electron-binary';
import { ensureElectronBinding } from './native-binding';

async function main(): Promise<void> {
  const projectDir = path.resolve(__dirname, '..');
  const args = process.argv.slice(2);
  const electron = obtainElectronBinary(path.join(projectDir, 'node_modules', 'electron'));
  if (!electron.ok) {
    console.log(`Electron cannot run on this machine: ${electron.reason}. Starting browser mode instead.`);
    await runWebMode(args, {
      rendererDir: path.join(__dirname, 'renderer'),
      backendEntry: path.join(__dirname, 'backend.cjs'),
    });
    return;
  }
  const binding = await ensureElectronBinding(projectDir, electron.version, electron.abi);
  const child = spawn(electron.binary, [projectDir, ...args], {
    stdio: 'inherit',
    env: { ...process.env, TILTFOLIO_SQLITE_BINDING: binding },
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main().catch((error: unknown) => {
  console.error(`tiltfolio: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
