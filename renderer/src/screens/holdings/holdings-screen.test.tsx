// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { holding, holdingsOutput, manyHoldings } from '../../test-support/fixtures';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { useDataChangedInvalidation } from '../../api/hooks';
import { HoldingsScreen } from './holdings-screen';

beforeAll(() => stubLayout());
afterEach(cleanup);

const accounts = [
  { id: 1, name: 'Brokerage', currency: 'USD', createdAt: '2024-01-01', costMethod: null },
  { id: 2, name: 'IRA', currency: 'USD', createdAt: '2024-01-01', costMethod: null },
];

function setup(rows = manyHoldings(5000)) {
  const client = fakeClient({
    'accounts:list': () => accounts,
    'portfolio:holdings': (input: CallInput<'portfolio:holdings'>) =>
      holdingsOutput(input.account ? rows.filter((r) => r.account === input.account) : rows),
  });
  renderWithClient(<HoldingsScreen />, client);
  return client;
}

const bodyRows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('HoldingsScreen', () => {
  it('renders only a window of 5,000 positions, grouped by sleeve with subtotals', async () => {
    setup();
    expect(await screen.findByText('5,000 positions valued on', { exact: false })).toBeTruthy();
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(5000 + 4 + 1));
    // Largest market value first, under its sleeve's heading.
    const first = rendered[0] as HTMLElement;
    expect(within(first).getByRole('button', { name: 'Large-cap tech, 1,250 positions' })).toBeTruthy();
    expect(rendered[1]?.getAttribute('data-testid')).toBe('holding-Brokerage-S04996');
  });

  it('sorts by a column, both ways, and says so to assistive technology', async () => {
    const user = userEvent.setup();
    setup(manyHoldings(12));
    const header = await screen.findByRole('button', { name: /^Symbol/ });
    await user.click(header);
    expect(screen.getByRole('columnheader', { name: /Symbol/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows()[1]?.getAttribute('data-testid')).toBe('holding-Brokerage-S00000');
    await user.click(header);
    expect(screen.getByRole('columnheader', { name: /Symbol/ }).getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows()[1]?.getAttribute('data-testid')).toBe('holding-Brokerage-S00008');
  });

  it('filters by account through the API and folds a sleeve', async () => {
    const user = userEvent.setup();
    const client = setup(manyHoldings(8));
    await screen.findByText('8 positions valued on', { exact: false });
    await user.selectOptions(screen.getByLabelText('Account'), 'IRA');
    await screen.findByText('4 positions valued on', { exact: false });
    expect(client.callsTo('portfolio:holdings')).toContainEqual({ account: 'IRA', positions: 'open' });
    const toggle = screen.getByRole('button', { name: /Financials/ });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('holding-IRA-S00001')).toBeNull();
  });

  it('shows the price date, a stale badge, and an empty state that says what to do', async () => {
    setup([holding('XLF', { stale: true, priceDate: '2024-04-26', sleeve: 'financials' })]);
    const row = await screen.findByTestId('holding-Brokerage-XLF');
    expect(within(row).getByText('stale')).toBeTruthy();
    expect(within(row).getByText(/2024/)).toBeTruthy();
    cleanup();
    setup([]);
    expect(await screen.findByRole('heading', { name: 'No holdings yet' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/record a buy under Transactions/)).toBeTruthy());
  });

  it('says what the USD totals leave out, and a sleeve’s subtotal which currencies it does not add', async () => {
    const rows = [
      holding('AAPL', { marketValue: '1200' }),
      holding('SAP', { currency: 'EUR', marketValue: '1000', weightPct: null }),
    ];
    const client = fakeClient({
      'accounts:list': () => accounts,
      'portfolio:holdings': () => {
        const view = holdingsOutput(rows);
        view.totals = { ...view.totals, marketValue: '1200', total: '1200' };
        view.totals.leftOut = [{ currency: 'EUR', amount: '1000', count: 1 }];
        return view;
      },
    });
    renderWithClient(<HoldingsScreen />, client);
    const note = await screen.findByText(/^No EUR→USD rate: .* in 1 position or balance is left out of the totals\.$/);
    expect(note.closest('ul')?.className).toBe('notes');
    expect(note.textContent?.replace(/\D/g, '')).toBe('100000' + '1');
    // The only group is "other": its subtotal is AAPL's 1,200, and it says EUR is not in it.
    const subtotal = screen.getByText('without EUR').closest('td');
    expect(subtotal?.textContent?.replace(/\D/g, '')).toBe('120000');
  });

  it('shows its answer again on a second visit without asking, and asks again once the data changed', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      'accounts:list': () => accounts,
      'portfolio:holdings': () => holdingsOutput(manyHoldings(3)),
    });
    function Visits() {
      useDataChangedInvalidation();
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown((s) => !s)}>
            away and back
          </button>
          {shown && <HoldingsScreen />}
        </>
      );
    }
    renderWithClient(<Visits />, client);
    await screen.findByText('3 positions valued on', { exact: false });
    const away = screen.getByRole('button', { name: 'away and back' });
    await user.click(away);
    await user.click(away);
    await screen.findByText('3 positions valued on', { exact: false });
    expect(client.callsTo('portfolio:holdings')).toHaveLength(1);
    client.emit('data:changed', { scope: 'transactions' });
    await waitFor(() => expect(client.callsTo('portfolio:holdings')).toHaveLength(2));
  });

  it('heads the sleeves with the answer’s own subtotals, and adds up its own for the rows a search leaves', async () => {
    const user = userEvent.setup();
    const rows = [
      holding('XLF', { sleeve: 'financials', marketValue: '100' }),
      holding('JPM', { sleeve: 'financials', marketValue: '250' }),
    ];
    const client = fakeClient({
      'accounts:list': () => accounts,
      'portfolio:holdings': () => {
        const view = holdingsOutput(rows);
        // Not the rows' sum: shows that the heading takes the answer's figure as it is.
        view.sleeves = view.sleeves.map((s) => ({ ...s, marketValue: '9999' }));
        return view;
      },
    });
    renderWithClient(<HoldingsScreen />, client);
    const subtotal = () => document.querySelector('[data-col="subtotal-value"]')?.textContent?.replace(/\D/g, '');
    await screen.findByText('2 positions valued on', { exact: false });
    expect(subtotal()).toBe('999900');
    // JPM alone: its own 250, added up here.
    await user.type(screen.getByLabelText('Symbol or name'), 'JPM');
    await screen.findByText('1 position valued on', { exact: false });
    expect(subtotal()).toBe('25000');
  });

  it('shows a EUR position’s value in dollars and its currency effect, and names a missing rate', async () => {
    const rows = [
      holding('BAS.DE', {
        currency: 'EUR',
        marketValue: '1000',
        unrealizedPl: '100',
        fxRate: '1.1',
        fxRateDay: '2024-05-01',
        marketValueBase: '1100',
        costBasisBase: '950',
        unrealizedPlBase: '150',
        priceEffectBase: '110',
        currencyEffectBase: '40',
        fxNote: null,
        returnPct: 12.34,
        returnBasePct: 15.5,
      }),
      holding('NESN.SW', { currency: 'CHF', account: 'IRA', marketValue: '500' }),
    ];
    const client = fakeClient({
      'accounts:list': () => accounts,
      'portfolio:holdings': () => holdingsOutput(rows),
    });
    renderWithClient(<HoldingsScreen />, client);
    expect((await screen.findByTestId('value-base')).textContent).toBe('$1,100.00');
    expect(screen.getByTestId('currency-effect').textContent).toBe('+$40.00 FX');
    // CHF has no rate (the fixture's row says which): a badge with the reason, no dollar figure.
    const badges = screen.getAllByText('no rate');
    expect(badges[0]?.getAttribute('title')).toBe('no CHF→USD rate on or before 2024-05-01');
    // Its return in euros, and under it in dollars; the symbol opens its page for its account.
    expect(screen.getAllByTestId('return-base').map((e) => e.textContent)).toEqual(['+15.5% USD', '— USD']);
    expect(screen.getByRole('link', { name: 'BAS.DE' }).getAttribute('href')).toBe(
      '#/holding/BAS.DE?account=Brokerage',
    );
  });

  it('lists closed positions with what they earned when "Include closed" is ticked, and totals realized P&L and dividends', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      'accounts:list': () => accounts,
      'portfolio:holdings': (input: CallInput<'portfolio:holdings'>) => {
        const view = holdingsOutput([holding('AAPL', { marketValue: '1200' })]);
        // XLK: bought for 1,000, sold for 1,250.50 (250.50 realized) with 12.25 of dividends = 262.75 earned.
        view.closed = [
          {
            account: 'Brokerage',
            symbol: 'XLK',
            name: 'Technology Select Sector SPDR',
            sleeve: 'large_cap_tech',
            currency: 'USD',
            realizedPl: '250.5',
            dividends: '12.25',
            earned: '262.75',
            returnPct: null,
            returnBasePct: null,
          },
        ];
        view.totals = { ...view.totals, realizedPl: '250.5', dividends: '12.25' };
        // As the backend: the closed list only when asked for.
        if (input.positions !== 'all') view.closed = [];
        return view;
      },
    });
    renderWithClient(<HoldingsScreen />, client);
    expect((await screen.findByTestId('holdings-realized')).textContent).toBe('+$250.50');
    expect(screen.getByTestId('holdings-dividends').textContent).toBe('$12.25');
    expect(screen.queryByTestId('closed-table')).toBeNull();
    // The open rows alone until the box is ticked: at 2,000 positions the closed list is 200 KB.
    expect(client.callsTo('portfolio:holdings')).toEqual([{ positions: 'open' }]);
    await user.click(screen.getByRole('checkbox', { name: 'Include closed' }));
    const row = await screen.findByTestId('closed-Brokerage-XLK');
    expect(client.callsTo('portfolio:holdings')).toEqual([{ positions: 'open' }, { positions: 'all' }]);
    expect(Array.from(row.querySelectorAll('td')).map((td) => td.textContent)).toEqual([
      'Brokerage',
      '+$250.50',
      '$12.25',
      '+$262.75',
    ]);
    expect(screen.getByText('1 position sold down to nothing')).toBeTruthy();
    // The search filters closed positions too.
    await user.type(screen.getByLabelText('Symbol or name'), 'AAPL');
    expect(await screen.findByText('No closed position matches.')).toBeTruthy();
  });
});
