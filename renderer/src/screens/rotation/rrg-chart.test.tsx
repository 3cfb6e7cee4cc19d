// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RrgOutput } from '../../../../shared/api/portfolio-schemas';
import { RrgChart } from './rrg-chart';
import { RrgTable } from './rrg-table';

afterEach(cleanup);

const tail = (points: [number, number][]) =>
  points.map(([ratio, momentum], i) => ({ day: `2024-04-${String(i + 1).padStart(2, '0')}`, ratio, momentum }));

const data: RrgOutput = {
  benchmarkLabel: 'SPY',
  period: 'weekly',
  missing: [],
  members: [
    {
      key: 'financials',
      label: 'Financials (your sleeve)',
      kind: 'sleeve',
      quadrant: 'improving',
      ended: null,
      tail: tail([
        [98, 99],
        [98.5, 101],
      ]),
    },
    {
      key: 'AAPL',
      label: 'AAPL',
      kind: 'symbol',
      quadrant: 'leading',
      ended: null,
      tail: tail([
        [101, 100.5],
        [102, 101],
        [103, 102],
      ]),
    },
    { key: 'XLF', label: 'XLF', kind: 'symbol', quadrant: null, ended: null, tail: [] },
  ],
};

describe('RrgChart', () => {
  it('labels the four quadrants and says in words who is where', () => {
    render(<RrgChart data={data} />);
    const chart = screen.getByRole('img', { name: /Relative rotation against SPY/ });
    for (const q of ['Leading', 'Weakening', 'Lagging', 'Improving']) expect(within(chart).getByText(q)).toBeTruthy();
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Leading: AAPL. Weakening: none. Lagging: none. Improving: Financials (your sleeve).',
    );
  });

  it('draws each tail as a line ending in a dot with the member’s name, the crosshair through 100/100', () => {
    render(<RrgChart data={data} />);
    const aapl = screen.getByTestId('rrg-AAPL');
    expect(aapl.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
    expect(aapl.querySelectorAll('circle.rrg-step')).toHaveLength(2);
    expect(aapl.querySelectorAll('circle.rrg-head')).toHaveLength(1);
    expect(within(aapl).getByText('AAPL')).toBeTruthy();
    expect(within(screen.getByTestId('rrg-financials')).getByText('Financials')).toBeTruthy();
    // No weeks, no mark.
    expect(screen.queryByTestId('rrg-XLF')).toBeNull();
    // The dashed crosshair meets at the centre of the plot.
    const [vertical, horizontal] = [...document.querySelectorAll('line.rrg-cross')];
    expect(vertical?.getAttribute('x1')).toBe('320');
    expect(horizontal?.getAttribute('y1')).toBe('230');
    // A leading member's head sits right of and above the centre.
    const head = aapl.querySelector('circle.rrg-head');
    expect(Number(head?.getAttribute('cx'))).toBeGreaterThan(320);
    expect(Number(head?.getAttribute('cy'))).toBeLessThan(230);
  });

  it('has a table alternative with the latest week of each member, sorted by quadrant', () => {
    render(<RrgTable data={data} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Leading',
      'Improving',
      'Not enough weeks',
    ]);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[1]?.textContent).toBe('103.00');
  });
});
