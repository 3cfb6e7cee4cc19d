import { scaleBackend } from '../test-support/scale-ledger';

async function main() {
  const n = Number(process.argv[2] ?? 500000);
  let t = performance.now();
  const scale = scaleBackend(n);
  const { backend } = scale;
  const lap = (label: string) => {
    const now = performance.now();
    console.log(label, (now - t).toFixed(0), 'ms');
    t = now;
  };
  lap('setup');
  const s1 = await backend.dispatch('portfolio:summary', {} as never);
  lap('first summary ' + s1.ok);
  const list = await backend.dispatch('transactions:list', {} as never);
  lap('list');
  console.log('list JSON MB', JSON.stringify(list).length / 1e6);
  lap('stringify');
  for (let i = 0; i < 3; i++) {
    const r = await backend.dispatch('transactions:create', {
      date: '2015-06-01',
      account: 'Brokerage',
      type: 'deposit',
      amount: '100',
      currency: 'USD',
    } as never);
    lap('create ' + r.ok);
    await backend.dispatch('portfolio:summary', {} as never);
    lap('summary after');
  }
  scale.dispose();
}
if (process.argv[3] === 'parts') void parts(Number(process.argv[2]));
else void main();
export async function parts(n: number) {
  const { applyLedger } = await import('../../shared/engine/ledger');
  const scale = scaleBackend(n);
  const { store } = scale.backend;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const rows = store.transactions.all();
    console.log('repo.all', (performance.now() - t).toFixed(0));
    t = performance.now();
    applyLedger(rows, { today: scale.today, accounts: store.accounts.list().map((a) => a.name) });
    console.log('applyLedger', (performance.now() - t).toFixed(0));
  }
  t0 = performance.now();
  const r = await scale.backend.dispatch('holdings:list' as never, {} as never);
  console.log('holdings', r.ok, (performance.now() - t0).toFixed(0));
  t0 = performance.now();
  await scale.backend.dispatch('transactions:create', {
    date: '2015-06-01',
    account: 'Brokerage',
    type: 'deposit',
    amount: '100',
    currency: 'USD',
  } as never);
  console.log('create', (performance.now() - t0).toFixed(0));
  t0 = performance.now();
  const r2 = await scale.backend.dispatch('holdings:list' as never, {} as never);
  console.log('holdings after', r2.ok, (performance.now() - t0).toFixed(0));
  scale.dispose();
}
let t0 = 0;
