// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { formatDay } from '../../format/format';
import { SignalsCard } from './signals-card';

type Signal = CallOutput<'portfolio:signals'>['signals'][number];

const TWO: Signal[] = [
  { date: '2016-11-09', kind: 'overheated', subject: 'GS', message: 'GS is overheated.' },
  { date: '2016-11-11', kind: 'high_52w', subject: 'RUT', message: 'RUT closed at a new 52-week high.' },
];

/** The backend's part, written out: the kind asked for, then its newest `limit`. */
function answering(all: Signal[]) {
  const asked: CallInput<'portfolio:signals'>[] = [];
  const client = fakeClient({
    'portfolio:signals': (input: CallInput<'portfolio:signals'>) => {
      asked.push(input);
      const ofKind = all.filter((s) => input.kind === undefined || s.kind === input.kind);
      const limit = input.limit ?? ofKind.length;
      return {
        from: '2016-11-01',
        to: '2016-11-30',
        benchmark: 'SPY',
        total: ofKind.length,
        signals: ofKind.slice(Math.max(0, ofKind.length - limit)),
      };
    },
  });
  return { client, asked };
}

describe('SignalsCard', () => {
  afterEach(cleanup);

  it('lists the signals dated, and asks for one kind when asked', async () => {
    const { client, asked } = answering(TWO);
    renderWithClient(<SignalsCard from="2016-11-01" to="2016-11-30" />, client);
    const table = await screen.findByTestId('signals-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText(/against SPY: 2 signals$/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'high_52w' } });
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(1));
    expect(table.textContent).toContain('RUT closed at a new 52-week high.');
    expect(table.textContent).not.toContain('GS is overheated');
    expect(asked.at(-1)).toMatchObject({ kind: 'high_52w' });
  });

  it('asks for the newest 200 of thousands, and 200 older at a time', async () => {
    const many: Signal[] = Array.from({ length: 450 }, (_, i) => ({
      // A day apart, two signals a day, oldest first, as the backend answers them.
      date: new Date(Date.UTC(2015, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10),
      kind: 'quadrant',
      subject: `S${i}`,
      message: `Signal number ${i}.`,
    }));
    const { client, asked } = answering(many);
    renderWithClient(<SignalsCard from="2016-01-01" to="2016-12-31" />, client);
    const table = await screen.findByTestId('signals-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(200);
    expect(asked[0]).toMatchObject({ limit: 200 });
    expect(screen.getByText(/450 signals, the newest 200 shown/)).toBeTruthy();
    // The newest: numbers 250 to 449.
    expect(table.textContent).toContain('Signal number 449.');
    expect(table.textContent).not.toContain('Signal number 249.');
    // Newest first: the table reads down into the past, and the older ones come below.
    const messages = () => [...table.querySelectorAll('.signal-message')].map((td) => td.textContent);
    const dates = () => [...table.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent);
    // Two a day: the newest day's pair first, in the backend's order within it.
    expect(messages().slice(0, 2)).toEqual(['Signal number 448.', 'Signal number 449.']);
    expect(messages().at(-1)).toBe('Signal number 251.');
    fireEvent.click(screen.getByRole('button', { name: '200 older signals' }));
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(400));
    expect(messages()[0]).toBe('Signal number 448.');
    expect(messages().at(-1)).toBe('Signal number 51.');
    // A stable sort by date, newest first, keeps the backend's order within a day.
    const expected = many.slice(50).sort((a, b) => b.date.localeCompare(a.date));
    expect(dates()).toEqual(expected.map((s) => formatDay(s.date)));
    fireEvent.click(screen.getByRole('button', { name: '50 older signals' }));
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(450));
    expect(screen.queryByRole('button', { name: /older/ })).toBeNull();
  });
});
