// Builds everything the app runs from into dist/: the Node-side bundles with esbuild, the
// renderer with Vite. Run by `npm install` (prepare), `npm start`, `npm run web` and `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  web: 'electron/web/main.ts',
  cli: 'electron/cli/main.ts',
  launch: 'electron/launcher/main.ts',
};

fs.mkdirSync(dist, { recursive: true });
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    esbuild({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(dist, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Native and runtime-provided modules stay outside the bundle.
      external: ['electron', 'better-sqlite3', '@electron/rebuild'],
      // Keep import() as import(): @electron/rebuild is ESM-only.
      supported: { 'dynamic-import': true },
      define: { __TILTFOLIO_VERSION__: JSON.stringify(pkg.version) },
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log(`built Tiltfolio ${pkg.version} into ${path.relative(process.cwd(), dist) || '.'}`);
