// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { HealthLink } from '../dashboard/health-link';
import { HealthScreen, ROWS_SHOWN } from './health-screen';

afterEach(cleanup);

type Report = CallOutput<'health:check'>;

const noPrices = (i: number): Report['problems'][number] => ({
  kind: 'no_prices',
  symbol: `Z${i}`,
  accounts: ['Brokerage'],
  day: null,
  detail: `Z${i} is held but has no prices in the cache.`,
  affects: 'Holdings value it at cost.',
  fix: `Refresh quotes for Z${i}.`,
});

function report(count: number): Report {
  const problems = Array.from({ length: count }, (_, i) => noPrices(i));
  return {
    today: '2026-12-04',
    problems,
    summary: count > 0 ? [{ kind: 'no_prices', count, text: `${count} holdings have no prices` }] : [],
  };
}

describe('the Data health screen', () => {
  it('says nothing is wrong when nothing is', async () => {
    renderWithClient(<HealthScreen />, fakeClient({ 'health:check': () => report(0) }));
    expect(await screen.findByRole('heading', { name: 'No problems found' })).toBeDefined();
  });

  it('summarises 300 problems in one line and lists them one click away, a page at a time', async () => {
    const user = userEvent.setup();
    renderWithClient(<HealthScreen />, fakeClient({ 'health:check': () => report(300) }));
    expect(await screen.findByRole('heading', { name: '300 problems found' })).toBeDefined();
    const line = screen.getByText('300 holdings have no prices');
    // Closed: the 300 rows are not on the page until asked for.
    expect(line.closest('details')!.open).toBe(false);
    await user.click(line);
    const details = line.closest('details')!;
    expect(within(details).getAllByRole('listitem')).toHaveLength(ROWS_SHOWN);
    expect(within(details).getByText('Z0 is held but has no prices in the cache.')).toBeDefined();
    expect(within(details).getAllByText('Fix:')).toHaveLength(ROWS_SHOWN);
    await user.click(within(details).getByRole('button', { name: 'Show all 300' }));
    expect(within(details).getAllByRole('listitem')).toHaveLength(300);
  });
});

describe("the dashboard's health link", () => {
  it('shows the count and links to Data health when anything is wrong', async () => {
    renderWithClient(<HealthLink />, fakeClient({ 'health:check': () => report(3) }));
    const link = await screen.findByRole('link', { name: '3 data problems: see Data health' });
    expect(link.getAttribute('href')).toBe('#/health');
    expect(screen.getByText('3 holdings have no prices.')).toBeDefined();
  });

  it('asks for the check only once the cards it waits for have answered', async () => {
    const client = fakeClient({ 'health:check': () => report(2) });
    function Gate() {
      const [after, setAfter] = useState(false);
      return (
        <>
          <button onClick={() => setAfter(true)}>holdings answered</button>
          <HealthLink after={after} />
        </>
      );
    }
    renderWithClient(<Gate />, client);
    await new Promise((done) => setTimeout(done, 20));
    expect(client.callsTo('health:check')).toHaveLength(0);
    await userEvent.setup().click(screen.getByRole('button', { name: 'holdings answered' }));
    expect(await screen.findByRole('link', { name: '2 data problems: see Data health' })).toBeDefined();
    expect(client.callsTo('health:check')).toHaveLength(1);
  });

  it('shows nothing when all is well', async () => {
    // Beside the screen, which shares its answer: once the screen shows it, the link has it too.
    renderWithClient(
      <>
        <HealthLink />
        <HealthScreen />
      </>,
      fakeClient({ 'health:check': () => report(0) }),
    );
    expect(await screen.findByRole('heading', { name: 'No problems found' })).toBeDefined();
    expect(screen.queryByRole('status', { name: 'Data health' })).toBeNull();
    expect(screen.queryByRole('link', { name: /data problem/ })).toBeNull();
  });
});
