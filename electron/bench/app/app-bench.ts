// app.*: what a person feels, measured in headless Chromium on browser mode, for the large
// generated portfolio (value) and the demo portfolio (baseline) in one run (issue 20). Each
// server is started fresh, so the dashboard is timed from a cold server as a person opening the
// app meets it; the screens after it are opened in the order a person might.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { BenchResult } from '../measure';
import { navigate, PAGE_HELPERS, percentile, scrollFrameTimes, timeToFirstReady, timeToReady } from './page-timing';
import { scaleDataDir } from './scale-cache';
import { startWebProcess } from './web-process';

export const APP_CASES = [
  'app.dashboard_ready',
  'app.rotation_ready',
  'app.transactions_ready',
  'app.holdings_ready',
  'app.scroll_frame_p95',
  'app.search',
  'app.server_rss_mb',
] as const;
export type AppCase = (typeof APP_CASES)[number];

const UNITS: Record<AppCase, string> = {
  'app.dashboard_ready': 'ms',
  'app.rotation_ready': 'ms',
  'app.transactions_ready': 'ms',
  'app.holdings_ready': 'ms',
  'app.scroll_frame_p95': 'ms',
  'app.search': 'ms',
  'app.server_rss_mb': 'MB',
};

// As playwright.config.ts: Debian's Chromium and the e2e tests' flags.
const CHROMIUM = process.env.TILTFOLIO_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
// In both portfolios: the benchmark fund, which each holds.
const SEARCH = 'SPY';

/**
 * With TILTFOLIO_BENCH_PROFILE=DIR the large portfolio's server writes a V8 CPU profile there
 * (node --cpu-prof, backend worker included) and Chromium a performance trace: where the time goes.
 */
const PROFILE_DIR = process.env.TILTFOLIO_BENCH_PROFILE;

/**
 * Which opening the screens are timed on (TILTFOLIO_BENCH_OPENING):
 * - `reopen` (the default): a first server (not measured) loads the data and opens the dashboard,
 *   Rotation and Holdings, as the person's last session did, and is stopped; the measured server
 *   starts on the file it left (its stored answers hold: migration 0008).
 * - `changed`: the same last session, which then adds a transaction dated ten years back, as an
 *   edit or the CLI would: the first opening after a change (the answers stored before it no
 *   longer hold; the prices read in that session do: migration 0009).
 * - `first`: the very first opening of the data (nothing stored or cached yet).
 * TILTFOLIO_BENCH_COLD=1, its older spelling, is `first`.
 */
const OPENINGS = ['reopen', 'changed', 'first'] as const;
type Opening = (typeof OPENINGS)[number];
const OPENING: Opening = (() => {
  const asked = process.env.TILTFOLIO_BENCH_OPENING ?? (process.env.TILTFOLIO_BENCH_COLD === '1' ? 'first' : 'reopen');
  if (!(OPENINGS as readonly string[]).includes(asked))
    throw new Error(`TILTFOLIO_BENCH_OPENING=${asked}: use one of ${OPENINGS.join(', ')}.`);
  return asked as Opening;
})();

type Figures = Record<AppCase, number>;

async function measurePortfolio(
  browser: Browser,
  root: string,
  dataDir: string,
  prepare: (call: (name: string, input: unknown) => Promise<unknown>) => Promise<void>,
  profile: string | undefined,
): Promise<Figures> {
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  if (OPENING !== 'first') await lastSession(browser, root, dataDir, prepare, OPENING === 'changed');
  const server = await startWebProcess(root, dataDir, nodeArgs);
  try {
    if (OPENING === 'first') await prepare(server.call);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PAGE_HELPERS);
    const page = await context.newPage();
    // Profiling: every API call's time and response size, beside the trace.
    const calls: { call: string; input: string | null; ms: number; bytes: number; at: number }[] = [];
    if (profile) {
      await browser.startTracing(page, { path: path.join(profile, 'chromium-trace.json'), screenshots: false });
      page.on('requestfinished', (request) => {
        void request.sizes().then((sizes) => {
          const timing = request.timing();
          const call = new URL(request.url()).pathname.replace('/api/call/', '');
          calls.push({
            call,
            input: request.postData(),
            ms: Math.round(timing.responseEnd),
            bytes: sizes.responseBodySize,
            at: Math.round(timing.startTime),
          });
        });
      });
    }
    await page.goto(server.url);
    const dashboard = await timeToFirstReady(page, 'dashboard');
    const go = (route: string) => navigate(page, route);
    const rotation = await go('rotation');
    const transactions = await go('transactions');
    const frames = await scrollFrameTimes(page, 240, 60);
    const search = await timeToReady(page, 'transactions', () => page.fill('#tx-filter-search', SEARCH));
    const holdings = await go('holdings');
    if (profile) {
      await browser.stopTracing();
      fs.writeFileSync(path.join(profile, 'api-calls.json'), JSON.stringify(calls, null, 1));
    }
    await context.close();
    return {
      'app.dashboard_ready': dashboard,
      'app.rotation_ready': rotation,
      'app.transactions_ready': transactions,
      'app.holdings_ready': holdings,
      'app.scroll_frame_p95': percentile(frames, 95),
      'app.search': search,
      'app.server_rss_mb': server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}

/** The session before the measured one: the data loaded, the screens opened, the server stopped. */
async function lastSession(
  browser: Browser,
  root: string,
  dataDir: string,
  prepare: (call: (name: string, input: unknown) => Promise<unknown>) => Promise<void>,
  change: boolean,
): Promise<void> {
  const server = await startWebProcess(root, dataDir);
  try {
    await prepare(server.call);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PAGE_HELPERS);
    const page = await context.newPage();
    await page.goto(server.url);
    await timeToFirstReady(page, 'dashboard');
    await navigate(page, 'rotation');
    await navigate(page, 'holdings');
    // A person does not quit within milliseconds of the last screen: its answers are stored
    // after they have gone (stored-answers.ts).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await context.close();
    if (change) await addTransaction(server.call);
  } finally {
    await server.stop();
  }
}

/** A deposit ten years back into the first account: every day since is valued again. */
async function addTransaction(call: (name: string, input: unknown) => Promise<unknown>): Promise<void> {
  const { value: accounts } = (await call('accounts:list', {})) as { value: { name: string; currency: string }[] };
  const account = accounts[0];
  if (!account) throw new Error('bench: the portfolio has no account to change');
  const date = new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10);
  await call('transactions:create', {
    date,
    account: account.name,
    type: 'deposit',
    amount: '1000',
    currency: account.currency,
  });
}

let run: Promise<BenchResult[]> | undefined;

/** Every app.* figure, from one run (later calls get the same figures). */
export function benchApp(): Promise<BenchResult[]> {
  run ??= measureAll();
  return run;
}

async function measureAll(): Promise<BenchResult[]> {
  const root = process.cwd();
  // What `npm run web` runs first: the servers below run the built app.
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const { dataDir: scaleDir, generated } = await scaleDataDir(root);
  if (generated) console.error('bench: generated the large portfolio into out/bench-data (cached for the next run)');
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-bench-demo-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const demo = await measurePortfolio(
      browser,
      root,
      demoDir,
      async (call) => void (await call('demo:load', {})),
      undefined,
    );
    if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const large = await measurePortfolio(browser, root, scaleDir, async () => {}, PROFILE_DIR);
    return APP_CASES.map((bench) => ({
      bench,
      value: round(large[bench]),
      unit: UNITS[bench],
      baseline: round(demo[bench]),
      ratio: Number((large[bench] / demo[bench]).toFixed(2)),
    }));
  } finally {
    await browser.close();
    for (const dir of [scaleDir, demoDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Number(value.toFixed(1));
}
