// Runs the fake quote server on its own, for end-to-end tests and manual trials:
//   fake-quote-server-main [--port N] [--fixtures DIR]
// prints its base URL on one line, then serves until SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { startFakeQuoteServer } from './fake-quote-server';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, fixtures: { type: 'string' } }, strict: true });
  const server = await startFakeQuoteServer({
    port: values.port === undefined ? 0 : Number(values.port),
    fixturesDir: values.fixtures,
  });
  console.log(server.baseUrl);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
