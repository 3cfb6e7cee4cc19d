// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import type { IncomeOutput } from '../../../../shared/api/income-schemas';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { IncomeScreen } from './income-screen';

beforeAll(() => stubLayout());
afterEach(cleanup);

const outlook = { ttmDividends: '40', costBasis: '1000', yieldOnCostPct: 4, forwardEstimate: '40' };
const amounts = { dividends: '50', interest: '5', taxes: '7.5', net: '47.5' };
const answer: IncomeOutput = {
  baseCurrency: 'USD',
  asOf: '2019-02-22',
  ttmFrom: '2018-02-22',
  months: [
    { month: '2018-12', dividends: '50', interest: '0', taxes: '7.5', net: '42.5' },
    { month: '2019-01', dividends: '0', interest: '5', taxes: '0', net: '5' },
  ],
  years: [
    { year: '2018', dividends: '50', interest: '0', taxes: '7.5', net: '42.5' },
    { year: '2019', dividends: '0', interest: '5', taxes: '0', net: '5' },
  ],
  holdings: [
    {
      symbol: 'SPY',
      name: 'SPDR S&P 500',
      sleeve: 'other',
      open: true,
      dividends: '50',
      taxes: '7.5',
      net: '42.5',
      ...outlook,
    },
  ],
  sleeves: [{ sleeve: 'other', dividends: '50', taxes: '7.5', net: '42.5', ...outlook }],
  totals: { ...amounts, ttmInterest: '5', ...outlook },
  leftOut: [],
};

describe('IncomeScreen', () => {
  it('shows totals, the estimate marked as one, a bar per month and the tables; the range goes to the API', async () => {
    const asked: CallInput<'portfolio:income'>[] = [];
    const client = fakeClient({
      'accounts:list': () => [],
      'portfolio:income': (input: CallInput<'portfolio:income'>) => {
        asked.push(input);
        return answer;
      },
    });
    renderWithClient(<IncomeScreen />, client);
    expect((await screen.findByTestId('income-dividends')).textContent).toBe('$50.00');
    expect(screen.getByTestId('income-taxes').textContent).toBe('$7.50');
    expect(screen.getByText('Next 12 months (estimate)')).toBeTruthy();
    expect(screen.getByTestId('income-yoc').textContent).toMatch(/^4(\.0+)?\s?%$/);
    expect(screen.getByTestId('income-bar-2018-12').querySelector('title')?.textContent).toContain(
      'taxes withheld $7.50',
    );
    const row = screen.getByTestId('income-holding-SPY');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$50.00', '$7.50', '$42.50', '$40.00', screen.getByTestId('income-yoc').textContent, '$40.00']);
    await userEvent.setup().type(screen.getByLabelText('From'), '2018-01-01');
    expect(asked.at(-1)).toEqual({ from: '2018-01-01' });
  });

  it('says there is no income rather than drawing empty tables', async () => {
    const client = fakeClient({
      'accounts:list': () => [],
      'portfolio:income': () => ({ ...answer, months: [], years: [], holdings: [], sleeves: [] }),
    });
    renderWithClient(<IncomeScreen />, client);
    expect(await screen.findByRole('heading', { name: 'No income yet' })).toBeTruthy();
    expect(screen.queryByTestId('income-by-holding')).toBeNull();
  });
});
