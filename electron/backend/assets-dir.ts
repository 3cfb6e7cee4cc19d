import fs from 'node:fs';
import path from 'node:path';

/**
 * The bundled assets folder, found by walking up from this code: dist/ when built (and inside
 * app.asar when packaged), electron/backend/ when tests run the sources.
 */
export function findAssetsDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'assets');
    if (fs.existsSync(path.join(candidate, 'quotes'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Tiltfolio's assets folder (demo data) was not found above ${start}.`);
}
