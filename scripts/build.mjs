// Builds everything the app runs from into dist/: the Node-side bundles with esbuild, the
// renderer with Vite. Run by `npm install` (prepare), `npm start`, `npm run web` and `npm test`.
//
// The build goes to a staging folder first and each file is then renamed into dist/: a rename
// replaces a file in one step, so an app already running from dist/ (a second `npm start`, the
// e2e suite's hosts, which start through npm) never reads a half-written or emptied folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');
const staging = path.join(root, 'out', `build-${process.pid}`);

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  web: 'electron/web/main.ts',
  cli: 'electron/cli/main.ts',
  launch: 'electron/launcher/main.ts',
  // The backend, off the UI's thread: the app's utility process and browser mode's worker thread.
  backend: 'electron/backend/backend-entry.ts',
};

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Moves every staged file over its counterpart in dist/, then drops renderer files no longer built. */
function publish() {
  const built = filesUnder(staging);
  for (const file of built) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.renameSync(path.join(staging, file), path.join(dist, file));
  }
  const keep = new Set(built);
  for (const file of filesUnder(path.join(dist, 'renderer'))) {
    const relative = path.join('renderer', file);
    if (!keep.has(relative)) fs.rmSync(path.join(dist, relative), { force: true });
  }
}

fs.mkdirSync(staging, { recursive: true });
try {
  await Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      esbuild({
        entryPoints: [path.join(root, entry)],
        outfile: path.join(staging, `${name}.cjs`),
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
  await viteBuild({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(staging, 'renderer'), emptyOutDir: true },
  });
  publish();
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
console.log(`built Tiltfolio ${pkg.version} into ${path.relative(process.cwd(), dist) || '.'}`);
