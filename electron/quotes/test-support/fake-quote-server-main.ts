// Runs the fake quote server on its own, for end-to-end tests and manual trials:
//   node scripts/run-ts.mjs electron/quotes/test-support/fake-quote-server-main.ts [--port N] [--fixtures DIR]
// prints its base URL on one line, then serves until SIGINT or SIGTERM. Faults are for in-process
// tests; this entry serves the fixtures as they are.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeQuoteServer } from './fake-quote-server';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, fixtures: { type: 'string' } }, strict: true });
  const server = await startFakeQuoteServer({
    port: values.port === undefined ? 0 : Number(values.port),
    // Relative to the repository root: a bundled entry has no import.meta.url to find them by.
    fixturesDir: values.fixtures ?? path.resolve('electron/quotes/test-fixtures'),
  });
  console.log(server.baseUrl);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
