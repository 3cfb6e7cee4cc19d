// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PerformanceOutput } from '../../../../shared/api/portfolio-schemas';
import { fakeClient } from '../../test-support/fake-client';
import { holding, holdingsOutput, tilt } from '../../test-support/fixtures';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { Figures, PerformanceCard } from './performance-card';
import { DashboardScreen } from './dashboard-screen';
import { FirstRun } from './first-run';

beforeAll(() => stubLayout());
afterEach(cleanup);

const performance: PerformanceOutput = {
  from: '2023-05-01',
  to: '2024-05-01',
  baseCurrency: 'USD',
  value: [],
  growth: [],
  benchmark: {
    symbol: 'SPY',
    basis: 'total',
    currency: 'USD',
    measuredIn: 'USD',
    growth: [],
    from: '2023-05-01',
    to: '2024-05-01',
    pct: 10,
    portfolioPct: 12.75,
    relativePct: 2.5,
    firstDay: '2008-12-31',
    lastDay: '2024-05-01',
    startsLate: false,
    endsEarly: false,
  },
  startValue: 1000,
  endValue: 1130,
  twrPct: 12.75,
  mwrPct: 11.2,
  mwrAnnualizedPct: 11.2,
  carriedDays: 0,
  notes: [],
};

describe('Dashboard figures', () => {
  it('shows value, day change, both returns and the benchmark, signed and in the locale', () => {
    const holdings = holdingsOutput([holding('AAPL')]);
    holdings.totals = { ...holdings.totals, total: '12345.6', cash: '100', dayChange: -42.5, dayChangePct: -0.34 };
    renderWithClient(<Figures holdings={holdings} performance={performance} period="1Y" />, fakeClient({}));
    expect(screen.getByTestId('total-value').textContent).toBe('$12,345.60');
    expect(screen.getByTestId('day-change').textContent).toBe('-$42.50');
    expect(screen.getByTestId('day-change').className).toBe('loss');
    expect(screen.getByTestId('twr').textContent).toBe('+12.8%');
    expect(screen.getByTestId('xirr').textContent).toBe('+11.2%');
    expect(screen.getByText('a year; +11.2% over the period')).toBeTruthy();
    expect(screen.getByTestId('benchmark-return').textContent).toBe('+10.0%');
    // Which change of the benchmark is compared (issue 15, defect 2).
    expect(screen.getByText('SPY total return over the period')).toBeTruthy();
    expect(screen.getByText('you: +2.5% relative')).toBeTruthy();
  });

  it('writes a billion compactly on its card, the exact figure in its title and accessible text', () => {
    const holdings = holdingsOutput([holding('AAPL')]);
    holdings.totals = { ...holdings.totals, total: '1290222509.86', dayChange: 2500000.5 };
    renderWithClient(<Figures holdings={holdings} performance={performance} period="1Y" />, fakeClient({}));
    const total = screen.getByTestId('total-value');
    const shown = total.querySelector('[aria-hidden="true"]');
    expect(shown?.textContent).toBe('$1.29B');
    expect(within(total).getByTitle('$1,290,222,509.86').tabIndex).toBe(0);
    expect(total.querySelector('.visually-hidden')?.textContent).toBe('$1,290,222,509.86');
    expect(screen.getByTestId('day-change').querySelector('[aria-hidden="true"]')?.textContent).toBe('+$2.5M');
    expect(screen.getByTitle('+$2,500,000.50')).toBeTruthy();
  });

  it('shows placeholders, not "no money at work" or "no benchmark prices", until the first answer', async () => {
    let answer: (value: PerformanceOutput) => void = () => {};
    const pending = new Promise<PerformanceOutput>((resolve) => (answer = resolve));
    const client = fakeClient({ 'portfolio:performance': () => pending });
    renderWithClient(<PerformanceCard holdings={holdingsOutput([holding('AAPL')])} />, client);
    const xirr = screen.getByTestId('xirr');
    expect(within(xirr).getByTestId('skeleton').textContent).toBe('Loading…');
    expect(screen.getByTestId('benchmark-return').textContent).toBe('Loading…');
    expect(screen.queryByText('no money at work')).toBeNull();
    expect(screen.queryByText('no benchmark prices')).toBeNull();
    expect(screen.getByLabelText('Key figures').getAttribute('aria-busy')).toBe('true');
    // The answer says there is no benchmark and no money at work: now, and only now, say so.
    answer({ ...performance, benchmark: null, mwrPct: null, mwrAnnualizedPct: null });
    expect(await screen.findByText('no money at work')).toBeTruthy();
    expect(screen.getByText('no benchmark prices')).toBeTruthy();
    expect(screen.queryByTestId('skeleton')).toBeNull();
  });

  it('shows dashes, not placeholders that never end, when the call failed', () => {
    renderWithClient(<Figures period="1Y" failed={{ holdings: true, performance: true }} />, fakeClient({}));
    expect(screen.getByTestId('total-value').textContent).toBe('—');
    expect(screen.getByTestId('twr').textContent).toBe('—');
    expect(screen.queryByTestId('skeleton')).toBeNull();
    expect(screen.getByLabelText('Key figures').getAttribute('aria-busy')).toBe('false');
    // No answer is not an answer of "none".
    expect(screen.queryByText('no money at work')).toBeNull();
    expect(screen.queryByText('no benchmark prices')).toBeNull();
  });

  it('says under the figures what the total value leaves out, beside the series’ own notes', async () => {
    const holdings = holdingsOutput([holding('AAPL')]);
    holdings.totals.leftOut = [{ currency: 'EUR', amount: '1000', count: 2 }];
    const client = fakeClient({
      'portfolio:performance': () => ({
        ...performance,
        notes: ['No EUR→USD rate: EUR holdings and cash are left out.'],
      }),
    });
    renderWithClient(<PerformanceCard holdings={holdings} />, client);
    await screen.findByText('No EUR→USD rate: EUR holdings and cash are left out.');
    const note = await screen.findByText(
      /^No EUR→USD rate: .* in 2 positions and balances is left out of the totals\.$/,
    );
    const items = within(note.closest('ul') as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      note.textContent,
      'No EUR→USD rate: EUR holdings and cash are left out.',
    ]);
  });

  it('summarises 322 notes in one line linking to Data health (issue 19, clutter at scale)', async () => {
    const many = Array.from({ length: 322 }, (_, i) => `Z${i} has no quotes: valued at cost (5 days).`);
    const client = fakeClient({ 'portfolio:performance': () => ({ ...performance, notes: many }) });
    renderWithClient(<PerformanceCard holdings={holdingsOutput([holding('AAPL')])} />, client);
    const first = await screen.findByText('Z0 has no quotes: valued at cost (5 days).');
    const items = within(first.closest('ul') as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      many[0],
      many[1],
      many[2],
      '319 more notes like these: see Data health',
    ]);
    expect(screen.getByRole('link', { name: 'see Data health' }).getAttribute('href')).toBe('#/health');
  });

  it('shows the money-weighted return of a period under a year as it is, not annualised', () => {
    const short = { ...performance, from: '2024-04-30', to: '2024-05-01', mwrPct: 1.05, mwrAnnualizedPct: null };
    renderWithClient(<Figures performance={short} period="1D" />, fakeClient({}));
    expect(screen.getByTestId('xirr').textContent).toBe('+1.1%');
    expect(screen.getByTestId('xirr').className).toBe('gain');
    expect(screen.getByText('over the period (under a year: not annualised)')).toBeTruthy();
  });

  it('never reads 0 % for a benchmark whose prices ended: it says so, or names the span compared', () => {
    const ended = {
      ...performance,
      benchmark: {
        ...(performance.benchmark as NonNullable<PerformanceOutput['benchmark']>),
        from: null,
        to: null,
        pct: null,
        portfolioPct: null,
        relativePct: null,
        lastDay: '2019-02-22',
        endsEarly: true,
      },
    };
    renderWithClient(<Figures performance={ended} period="1Y" />, fakeClient({}));
    expect(screen.getByTestId('benchmark-return').textContent).toBe('—');
    expect(screen.getByText(/^prices end .*2019: nothing to compare$/)).toBeTruthy();
    cleanup();
    const partial = {
      ...ended,
      benchmark: {
        ...ended.benchmark,
        from: '2018-05-01',
        to: '2019-02-22',
        pct: 3,
        portfolioPct: 4,
        relativePct: 0.97,
      },
    };
    renderWithClient(<Figures performance={partial} period="1Y" />, fakeClient({}));
    expect(screen.getByTestId('benchmark-return').textContent).toBe('+3.0%');
    expect(screen.getByText(/^prices end .*2019: compared .*2018 – .*2019 only; you: \+1\.0% relative$/)).toBeTruthy();
  });

  it('says how old the totals and day change are when the valuation day is more than 4 days behind today', () => {
    const holdings = holdingsOutput([holding('SPY')]);
    holdings.asOf = '2019-02-22';
    holdings.totals = { ...holdings.totals, cash: '0', dayChange: 2739, dayChangePct: 1.1 };
    // Dec 4 2026 at noon UTC: 2,842 days after Feb 22 2019, i.e. 7 whole years of 365 days.
    const now = Date.UTC(2026, 11, 4, 12);
    expect(Math.floor((now - Date.UTC(2019, 1, 22)) / 86_400_000 / 365)).toBe(7);
    renderWithClient(<Figures holdings={holdings} performance={performance} period="1Y" now={now} />, fakeClient({}));
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2019-02-22T00:00:00Z'),
    );
    const note = `as of ${day} — 7 years old`;
    expect(screen.getByText(`+1.1%; ${note}`).className).toContain('figure-warn');
    expect(screen.getByText(`$0.00 in cash; ${note}`)).toBeTruthy();
    cleanup();
    // Four calendar days (a Friday close on Tuesday) is still current: no note.
    const tuesday = Date.UTC(2019, 1, 26, 23);
    renderWithClient(
      <Figures holdings={holdings} performance={performance} period="1Y" now={tuesday} />,
      fakeClient({}),
    );
    expect(screen.getByText('+1.1%').className).not.toContain('figure-warn');
    expect(screen.queryByText(/years old|days old/)).toBeNull();
  });

  it('shows placeholders before any answer and dashes, not zeros, when the answer has nothing to measure', () => {
    renderWithClient(<Figures period="ALL" />, fakeClient({}));
    expect(screen.getByTestId('total-value').textContent).toBe('Loading…');
    expect(screen.getByTestId('twr').textContent).toBe('Loading…');
    cleanup();
    const nothing = { ...performance, twrPct: null, mwrPct: null, mwrAnnualizedPct: null };
    renderWithClient(<Figures holdings={holdingsOutput([])} performance={nothing} period="ALL" />, fakeClient({}));
    expect(screen.getByTestId('twr').textContent).toBe('—');
    expect(screen.getByTestId('xirr').textContent).toBe('—');
    expect(screen.queryByTestId('skeleton')).toBeNull();
  });
});

describe('Dashboard screen', () => {
  it('asks for the holdings without their rows: its cards draw the totals (2,000 rows are 1.7 MB)', async () => {
    const client = fakeClient({
      'portfolio:summary': () => ({ accounts: 1, instruments: 1, transactions: 2, quoteBars: 10, isEmpty: false }),
      'portfolio:holdings': () => {
        const view = holdingsOutput([]);
        view.totals = { ...view.totals, total: '12345.6' };
        return view;
      },
      'portfolio:performance': () => performance,
      'portfolio:tilt': () => tilt,
    });
    renderWithClient(<DashboardScreen />, client);
    expect((await screen.findByTestId('total-value')).textContent).toBe('$12,345.60');
    expect(client.callsTo('portfolio:holdings')).toEqual([{ positions: 'none' }]);
  });
});

describe('First run', () => {
  it('loads the demo portfolio through demo:load and reports a failure in place', async () => {
    const user = userEvent.setup();
    let fail = true;
    const client = fakeClient({
      'demo:load': () => {
        if (fail) throw new Error('The database already has accounts.');
        return { accounts: 2, transactions: 27, quoteBars: 33055 };
      },
      'portfolio:tilt': () => tilt,
    });
    renderWithClient(<FirstRun />, client);
    const card = screen.getByTestId('empty-portfolio');
    await user.click(within(card).getByRole('button', { name: 'Load demo portfolio' }));
    const error = await screen.findByText('Could not load the demo portfolio: The database already has accounts.');
    expect(error.getAttribute('role')).toBe('alert');
    fail = false;
    await user.click(within(card).getByRole('button', { name: 'Load demo portfolio' }));
    expect(client.callsTo('demo:load')).toHaveLength(2);
    // Offers the way in for real, too.
    expect(within(card).getByRole('form', { name: 'Create an account' })).toBeTruthy();
  });
});
