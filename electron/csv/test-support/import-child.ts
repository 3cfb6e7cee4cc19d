// A separate process for crash.test.ts: imports FILE into DB through the backend, as the CLI
// does, so the test can kill it at any moment of the import.
import path from 'node:path';
import { createBackend } from '../../backend/backend';

async function main(): Promise<void> {
  const [dbPath, file] = process.argv.slice(2);
  if (!dbPath || !file) throw new Error('usage: import-child DB FILE');
  const backend = createBackend({
    dataDir: path.dirname(dbPath),
    dbPath,
    version: 'crash-test',
    mode: 'cli',
    runtime: `Node ${process.versions.node}`,
  });
  process.stdout.write('started\n');
  const result = await backend.dispatch('csv:importFile', { path: file });
  backend.close();
  process.stdout.write(
    `${JSON.stringify(result.ok ? { added: (result.value as { added: number }).added } : result)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
