// `npm run web` entry: browser mode on 127.0.0.1.
import path from 'node:path';
import { runWebMode } from './run';

runWebMode(process.argv.slice(2), {
  rendererDir: path.join(__dirname, 'renderer'),
  backendEntry: path.join(__dirname, 'backend.cjs'),
}).catch((error: unknown) => {
  console.error(`tiltfolio: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
