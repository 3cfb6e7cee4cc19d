// CI smoke test of a README command that starts the app (`npm install && npm start`, or
// `npm run web`): run it as typed in a temporary data folder, wait for the address it prints,
// fetch the page and one API call with the token as a Bearer header, then stop it by its process group.
// Exits non-zero, with everything the command printed, if any step fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const command = process.argv[2];
if (!command) {
  console.error('usage: node .ci/smoke-start.mjs "COMMAND"');
  process.exit(2);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-smoke-'));
const child = spawn('bash', ['-c', command], {
  env: { ...process.env, TILTFOLIO_DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));

const alive = () => {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop() {
  if (alive()) process.kill(-child.pid, 'SIGTERM');
  for (let i = 0; i < 150 && alive(); i++) await sleep(100);
  if (alive()) process.kill(-child.pid, 'SIGKILL');
}

function fail(message) {
  console.error(`smoke: ${command}: ${message}\n--- what it printed ---\n${output}`);
  return stop().then(() => process.exit(1));
}

// `npm install` on a fresh clone builds better-sqlite3 from source: minutes on a busy machine.
const WAIT_MINUTES = 20;
let url;
for (let i = 0; i < WAIT_MINUTES * 600 && !url; i++) {
  url = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output)?.[1];
  if (!url && child.exitCode !== null) await fail(`exited with ${child.exitCode} before printing an address`);
  if (!url) await sleep(100);
}
if (!url) await fail(`printed no address within ${WAIT_MINUTES} minutes`);

const { origin, searchParams } = new URL(url);
// The token goes in a header, never a cookie (cookies ignore ports): the page from the printed
// URL sets none, and the API answers only with `Authorization: Bearer`.
const authorization = { authorization: `Bearer ${searchParams.get('token')}` };
const home = await fetch(url, { redirect: 'manual' });
const html = await home.text();
if (home.status !== 200 || !html.includes('<div id="root">'))
  await fail(`GET the printed address answered ${home.status}:\n${html.slice(0, 400)}`);
if (home.headers.get('set-cookie')) await fail(`the page set a cookie: ${home.headers.get('set-cookie')}`);
const refused = await fetch(`${origin}/api/call/app:info`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
});
if (refused.status !== 401) await fail(`app:info without the token answered ${refused.status}, not 401`);
const info = await fetch(`${origin}/api/call/app:info`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...authorization },
  body: '{}',
});
const infoText = await info.text();
if (info.status !== 200 || !infoText.includes(path.join(dataDir, 'tiltfolio.sqlite')))
  await fail(`app:info answered ${info.status}: ${infoText.slice(0, 400)}`);

await stop();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`smoke: ${command}: served ${url.replace(/token=.*/, 'token=…')} from a fresh data folder, then stopped`);
