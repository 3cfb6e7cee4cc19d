import { scaleBackend } from '../test-support/scale-ledger';

async function main() {
  const scale = scaleBackend(Number(process.argv[2] ?? 500000));
  const { backend } = scale;
  const time = async (label: string, input: unknown) => {
    const t = performance.now();
    const r = await backend.dispatch('transactions:list', input as never);
    const ms = performance.now() - t;
    console.log(label, ms.toFixed(1), 'ms', r.ok ? JSON.stringify(r.value).length : r.error.message);
  };
  for (let i = 0; i < 2; i++) {
    await time('default first page', { limit: 200 });
    await time('default deep page', { limit: 200, offset: 400000 });
    await time('asc page', { limit: 200, dir: 'asc' });
    await time('symbol sort', { limit: 200, sort: 'symbol' });
    await time('amount sort deep', { limit: 200, sort: 'amount', offset: 300000 });
    await time('range', { limit: 200, from: '2015-01-01', to: '2015-12-31' });
    await time('search', { limit: 200, search: 'aapl' });
    await time('account', { limit: 200, account: 'IRA' });
  }
  scale.dispose();
}
void main();
