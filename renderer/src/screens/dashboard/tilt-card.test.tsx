// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from '../../test-support/fake-client';
import { tilt } from '../../test-support/fixtures';
import { renderWithClient } from '../../test-support/render';
import { TiltCard } from './tilt-card';

afterEach(cleanup);

describe('TiltCard', () => {
  it('shows each sleeve beside the benchmark and the target, with the lean signed and named', async () => {
    renderWithClient(<TiltCard />, fakeClient({ 'portfolio:tilt': () => tilt }));
    const tech = await screen.findByTestId('tilt-large_cap_tech');
    expect(within(tech).getByRole('rowheader').textContent).toContain('Large-cap tech');
    const cells = within(tech)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['40.0%', '25.0%', '30.0%', '▲ +15.0 pts, overweight', '▲ +10.0 pts, overweight']);
    expect(within(tech).getAllByText('+15.0 pts')[0]?.className).toBe('active active-over');

    const other = within(screen.getByTestId('tilt-other'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(other.slice(4)).toEqual(['▼ -12.0 pts, underweight', '■ 0.0 pts, in line']);
  });

  it('draws bars in proportion to the largest weight and marks the target', async () => {
    renderWithClient(<TiltCard />, fakeClient({ 'portfolio:tilt': () => tilt }));
    const other = await screen.findByTestId('tilt-other');
    const portfolioBar = other.querySelector<HTMLElement>('.tilt-bar.portfolio');
    const benchmarkBar = other.querySelector<HTMLElement>('.tilt-bar.benchmark');
    const target = other.querySelector<HTMLElement>('.tilt-target');
    // 62 % is the largest weight on the card, so it spans the track.
    expect(benchmarkBar?.style.width).toBe('100%');
    expect(Number.parseFloat(portfolioBar?.style.width ?? '')).toBeCloseTo((50 / 62) * 100, 5);
    expect(Number.parseFloat(target?.style.left ?? '')).toBeCloseTo((50 / 62) * 100, 5);
  });

  it('lists the trades that reach the target, buys and sells in words', async () => {
    const user = userEvent.setup();
    renderWithClient(<TiltCard />, fakeClient({ 'portfolio:tilt': () => tilt }));
    await user.click(await screen.findByText('Trades that would reach your target'));
    const items = screen.getAllByRole('listitem');
    // 5 shares are whole already; 4.5 rounds to 5 to place the order with, the exact 4.5 on hover.
    expect(items[0]?.textContent).toBe('Sell $1,000.00 of AAPL (about 5 shares)');
    const shown = Array.from(items[1]?.querySelectorAll('[aria-hidden="true"]') ?? []).map((e) => e.textContent);
    expect(shown).toEqual(['5 shares']);
    expect(within(items[1] as HTMLElement).getByTitle('4.5 shares').tabIndex).toBe(0);
  });

  it('says what to do when nothing is invested, and shows errors in place', async () => {
    renderWithClient(<TiltCard />, fakeClient({ 'portfolio:tilt': () => ({ ...tilt, total: 0 }) }));
    expect(await screen.findByText(/weights appear after your first buy/)).toBeTruthy();
    cleanup();
    renderWithClient(
      <TiltCard />,
      fakeClient({
        'portfolio:tilt': () => {
          throw new Error('The database is locked.');
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not work out the sleeve weights: The database is locked.',
    );
  });

  it('says which holdings the weights leave out, by currency', async () => {
    const mixed = { ...tilt, leftOut: [{ currency: 'EUR', amount: '340', count: 1 }] };
    renderWithClient(<TiltCard />, fakeClient({ 'portfolio:tilt': () => mixed }));
    const note = await screen.findByText(/^No EUR→USD rate: .* in 1 holding is left out of the weights\.$/);
    expect(note.textContent?.replace(/\D/g, '')).toBe('34000' + '1');
  });
});
