// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { SignalsCard } from './signals-card';

const answer: CallOutput<'portfolio:signals'> = {
  from: '2016-11-01',
  to: '2016-11-30',
  benchmark: 'SPY',
  signals: [
    { date: '2016-11-09', kind: 'overheated', subject: 'GS', message: 'GS is overheated.' },
    { date: '2016-11-11', kind: 'high_52w', subject: 'RUT', message: 'RUT closed at a new 52-week high.' },
  ],
};

describe('SignalsCard', () => {
  afterEach(cleanup);

  it('lists the signals dated, and shows one kind when asked', async () => {
    renderWithClient(
      <SignalsCard from="2016-11-01" to="2016-11-30" />,
      fakeClient({ 'portfolio:signals': () => answer }),
    );
    const table = await screen.findByTestId('signals-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText(/against SPY: 2 signals/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'high_52w' } });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(table.textContent).toContain('RUT closed at a new 52-week high.');
    expect(table.textContent).not.toContain('GS is overheated');
  });
});
