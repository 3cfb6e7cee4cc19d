// @vitest-environment jsdom
// After an add or an edit the table finds the row's place (transactions:position), scrolls there,
// highlights it and focuses it; Esc closes the form; names and messages never show an id.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import type { TransactionRow } from '../../../../shared/api/transaction-schemas';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { formatDay } from '../../format/format';
import { TransactionsScreen } from './transactions-screen';

beforeAll(() => {
  stubLayout();
  // jsdom has no scrolling: a scroll moves scrollTop and says so, as a browser's does.
  const tops = new WeakMap<Element, number>();
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return tops.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      tops.set(this, value);
    },
  });
  // Tall enough for any test's table (jsdom's is 0, which would pin every scroll to the top).
  Object.defineProperty(Element.prototype, 'scrollHeight', { configurable: true, get: () => 1_000_000 });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});
afterEach(cleanup);

const row = (id: number, date: string): TransactionRow => ({
  id,
  date,
  time: null,
  account: 'Brokerage',
  type: 'deposit',
  symbol: null,
  quantity: null,
  price: null,
  fee: null,
  amount: '100',
  currency: 'USD',
  fxRate: null,
  note: '',
});

/** A ledger held newest first as the backend sorts it: `count` deposits, a day apart. */
function ledger(count: number) {
  const rows: TransactionRow[] = [];
  for (let i = 0; i < count; i++) rows.push(row(i + 1, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)));
  const order = () => [...rows].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  const client = fakeClient({
    'accounts:list': () => [{ id: 1, name: 'Brokerage', currency: 'USD', createdAt: '2020-01-01', costMethod: null }],
    'transactions:list': (q: CallInput<'transactions:list'>) => {
      const all = order();
      return { rows: all.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 200)), total: all.length, all: all.length };
    },
    'transactions:position': ({ id }: CallInput<'transactions:position'>) => ({
      offset: order().findIndex((r) => r.id === id),
      total: rows.length,
    }),
    'transactions:create': (input: CallInput<'transactions:create'>) => {
      const added = {
        ...row(rows.length + 1, input.date),
        type: input.type,
        symbol: input.symbol ?? null,
        quantity: input.quantity ?? null,
        price: input.price ?? null,
        amount: input.amount ?? null,
      };
      rows.push(added);
      return added;
    },
    'transactions:delete': ({ id }: CallInput<'transactions:delete'>) => {
      const index = rows.findIndex((r) => r.id === id);
      return rows.splice(index, 1)[0] as TransactionRow;
    },
  });
  return { client, rows };
}

describe('TransactionsScreen', () => {
  it('asks a new search for its first rows only, not for the page at the old scroll position', async () => {
    const user = userEvent.setup();
    const { client } = ledger(1000);
    renderWithClient(<TransactionsScreen />, client);
    await screen.findByText('1,000 of 1,000 transactions');
    const table = screen.getByLabelText('Transactions, scrollable');
    // Deep in the list (rows 600 and on: the page at offset 600).
    act(() => table.scrollTo({ top: 600 * 40 }));
    // As a browser: the scroll is told on a later frame, not inside scrollTo.
    table.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
      if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
      setTimeout(() => this.dispatchEvent(new Event('scroll')), 16);
    } as Element['scrollTo'];
    await waitFor(() =>
      expect(client.callsTo('transactions:list')).toContainEqual(expect.objectContaining({ offset: 600 })),
    );
    await user.type(screen.getByLabelText('Search'), 'd');
    await waitFor(() =>
      expect(client.callsTo('transactions:list')).toContainEqual(expect.objectContaining({ search: 'd', offset: 0 })),
    );
    await waitFor(() => expect(table.scrollTop).toBe(0));
    const searched = client.callsTo('transactions:list').filter((q) => (q as { search?: string }).search === 'd');
    expect(searched.map((q) => (q as { offset: number }).offset)).toEqual([0]);
  });

  it('asks for the first rows of a search as the letter is typed, before the screen re-renders for it', async () => {
    const user = userEvent.setup();
    const { client } = ledger(1000);
    renderWithClient(<TransactionsScreen />, client);
    await screen.findByText('1,000 of 1,000 transactions');
    // What the table showed when the search's rows were asked for: until the screen re-renders
    // for the search, its old rows, never the new filter's "Loading…" placeholders.
    const seen: string[] = [];
    const call = client.call.bind(client);
    client.call = ((name: string, input: { search?: string }) => {
      if (name === 'transactions:list' && input.search === 'd')
        seen.push(document.querySelectorAll('.tx-table tbody td.muted').length > 0 ? 'loading' : 'old rows');
      return call(name as never, input as never);
    }) as typeof client.call;
    await user.type(screen.getByLabelText('Search'), 'd');
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(seen).toEqual(['old rows']);
  });

  it('scrolls to a row added far down, highlights it, focuses its Edit button and says what it was', async () => {
    const user = userEvent.setup();
    const { client } = ledger(400);
    renderWithClient(<TransactionsScreen />, client);
    expect(await screen.findByText('400 of 400 transactions')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add transaction' }));
    const form = screen.getByRole('form', { name: 'New transaction' });
    await user.clear(within(form).getByLabelText('Date'));
    await user.type(within(form).getByLabelText('Date'), '2010-03-01');
    await user.selectOptions(within(form).getByLabelText('Type'), 'buy');
    await user.type(within(form).getByLabelText('Symbol'), 'AAPL');
    await user.type(within(form).getByLabelText('Quantity'), '10');
    await user.type(within(form).getByLabelText('Price'), '80');
    await user.click(within(form).getByRole('button', { name: 'Add transaction' }));

    const name = `the buy of 10 AAPL on ${formatDay('2010-03-01')}`;
    expect(await screen.findByText(`Added ${name}.`)).toBeTruthy();
    // The oldest of 401, newest first: index 400, on the third page of 200.
    await waitFor(() =>
      expect(client.callsTo('transactions:position').at(-1)).toMatchObject({ id: 401, sort: 'date', dir: 'desc' }),
    );
    const edit = await screen.findByRole('button', { name: `Edit ${name}` }, { timeout: 3000 });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(edit.closest('tr')?.className).toContain('tx-highlight');
    expect(edit.closest('tr')?.getAttribute('aria-rowindex')).toBe(String(400 + 2));
    expect(screen.getByText('401 of 401 transactions')).toBeTruthy();
  });

  it('closes the form on Esc and puts focus back on Add transaction; a delete does the same', async () => {
    const user = userEvent.setup();
    const { client } = ledger(1);
    renderWithClient(<TransactionsScreen />, client);
    // One transaction, not "1 transactions".
    expect(await screen.findByText('1 of 1 transaction')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add transaction' });
    await user.click(add);
    await user.click(within(screen.getByRole('form', { name: 'New transaction' })).getByLabelText('Note'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(add);

    const day = formatDay('2020-01-01');
    await user.click(screen.getByRole('button', { name: `Edit the deposit of $100.00 on ${day}` }));
    expect(screen.getByRole('form', { name: `Edit the deposit of $100.00 on ${day}` })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(`Edit the deposit of $100.00 on ${day}`),
    );

    await user.click(screen.getByRole('button', { name: `Delete the deposit of $100.00 on ${day}` }));
    expect(await screen.findByText(`Deleted the deposit of $100.00 on ${day}.`)).toBeTruthy();
    await act(async () => {});
    expect(document.activeElement).toBe(add);
    // No id anywhere a person reads or hears.
    const spoken = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
    expect([document.body.textContent ?? '', ...spoken].join('\n')).not.toMatch(/transaction #?\d|#\d/);
  });
});
