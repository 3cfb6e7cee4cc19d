// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { AttributionCard } from './attribution-card';

const sleeve = (sleeve: string, label: string, index: string, a: number, s: number, i: number) => ({
  sleeve: sleeve as 'other',
  label,
  index,
  portfolio_weight_pct: 25,
  benchmark_weight_pct: 25,
  allocation_pct: a,
  selection_pct: s,
  interaction_pct: i,
});

const answer: CallOutput<'portfolio:attribution'> = {
  from: '2016-10-31',
  to: '2016-11-14',
  portfolio_pct: -2.07,
  benchmark_pct: 1.99,
  active_pct: -4.06,
  sleeves: [
    sleeve('large_cap_tech', 'Large-cap tech', 'XLK', -1.88, -1.28, -1.94),
    sleeve('financials', 'Financials', 'XLF', -0.02, 0.21, 0),
    sleeve('small_caps', 'Small caps', 'RUT', 0.81, 0, 0),
    sleeve('other', 'Other', 'SPY', 0.04, 0, 0),
  ],
  target_blend_pct: 2.5,
  risk: null,
};

describe('AttributionCard', () => {
  afterEach(cleanup);
  it('asks for the typed window and shows each sleeve’s effects with their sums', async () => {
    const client = fakeClient({ 'portfolio:attribution': () => answer });
    renderWithClient(<AttributionCard />, client);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2016-10-31' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2016-11-14' } });
    await waitFor(() =>
      expect(client.callsTo('portfolio:attribution')).toContainEqual({ from: '2016-10-31', to: '2016-11-14' }),
    );
    const table = await screen.findByTestId('attribution-table');
    const tech = within(table).getByRole('row', { name: /Large-cap tech/ });
    expect(tech.textContent).toContain('XLK');
    expect(tech.textContent).toMatch(/−1\.88 %|-1\.88 %/);
    // Column sums: allocation −1.88 − 0.02 + 0.81 + 0.04 = −1.05; selection −1.07; interaction −1.94.
    const foot = table.querySelector('tfoot') as HTMLElement;
    expect(foot.textContent).toMatch(/[−-]1\.05 %.*[−-]1\.07 %.*[−-]1\.94 %/);
    expect(screen.getByTestId('attribution-summary').textContent).toMatch(/active [−-]4\.06 %/);
  });

  it('takes the window from the screen when it is given, without inputs of its own', async () => {
    const client = fakeClient({ 'portfolio:attribution': () => answer });
    renderWithClient(<AttributionCard from="2016-10-31" to="2016-11-14" />, client);
    await screen.findByTestId('attribution-table');
    expect(client.callsTo('portfolio:attribution')).toEqual([{ from: '2016-10-31', to: '2016-11-14' }]);
    expect(screen.queryByLabelText('From')).toBeNull();
  });
});
