// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DateWindow } from '../../../../shared/view/date-window';
import { stubLayout } from '../../test-support/render';
import { DateWindowControl } from './date-window-control';
import { useDateWindow } from './use-date-window';

beforeAll(() => stubLayout());
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const span = { from: '2008-12-31', to: '2019-02-22' };
const FALLBACK: DateWindow = { preset: '5Y' };

/** The hook and the control as a screen uses them; the window is printed to be read back. */
function Screen() {
  const [value, setValue] = useDateWindow(FALLBACK);
  const [shown] = useState({ from: '2014-02-24', to: '2019-02-22' });
  return (
    <>
      <DateWindowControl
        idPrefix="t"
        presets={['1Y', '3Y', '5Y', 'ALL']}
        value={value}
        onChange={(next) => setValue(next)}
        shown={shown}
        span={span}
      />
      <output data-testid="window">{JSON.stringify(value)}</output>
    </>
  );
}

describe('DateWindowControl with useDateWindow', () => {
  it('refuses days in the wrong order in words, then keeps typed days in the hash', async () => {
    window.location.hash = '#/rotation';
    const user = userEvent.setup();
    render(<Screen />);
    expect(screen.getByTestId('window').textContent).toBe('{"preset":"5Y"}');
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2014-02-24');

    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.clear(from);
    await user.type(from, '2016-11-14');
    await user.clear(to);
    await user.type(to, '2016-10-31');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert').textContent).toBe('To: 2016-10-31 is before From (2016-11-14).');
    expect(screen.getByTestId('window').textContent).toBe('{"preset":"5Y"}');

    await user.clear(from);
    await user.type(from, '2016-10-31');
    await user.clear(to);
    await user.type(to, '2016-11-14');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(screen.getByTestId('window').textContent as string)).toEqual({
      from: '2016-10-31',
      to: '2016-11-14',
    });
    expect(window.location.hash).toBe('#/rotation?from=2016-10-31&to=2016-11-14');
  });

  it('reads the window from the hash on mount and follows it when the hash changes (Back)', async () => {
    window.location.hash = '#/rotation?from=2016-10-31&to=2016-11-14';
    render(<Screen />);
    expect(JSON.parse(screen.getByTestId('window').textContent as string)).toEqual({
      from: '2016-10-31',
      to: '2016-11-14',
    });
    await act(async () => {
      window.location.hash = '#/rotation?range=3Y';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('window').textContent).toBe('{"preset":"3Y"}');
    expect(screen.getByRole('radio', { name: '3Y' })).toHaveProperty('checked', true);
  });
  it('keeps what is being typed when the first answer arrives meanwhile, and sends it', async () => {
    // The first load: nothing shown yet, then the answer lands while the person types.
    let answer: (range: { from: string; to: string }) => void = () => {};
    function Loading() {
      const [value, setValue] = useDateWindow(FALLBACK);
      const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
      useEffect(() => {
        answer = setShown;
      }, []);
      return (
        <>
          <DateWindowControl
            idPrefix="l"
            presets={['1Y', '5Y']}
            value={value}
            onChange={(next) => setValue(next)}
            shown={shown}
            span={span}
          />
          <output data-testid="window">{JSON.stringify(value)}</output>
        </>
      );
    }
    render(<Loading />);
    const user = userEvent.setup();
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.type(from, '2016-10-31');
    act(() => answer({ from: '2014-02-24', to: '2019-02-22' }));
    await user.type(to, '2016-11-14');
    expect((from as HTMLInputElement).value).toBe('2016-10-31');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(JSON.parse(screen.getByTestId('window').textContent ?? '')).toEqual({
      from: '2016-10-31',
      to: '2016-11-14',
    });
  });

  it('shares the query with a holding’s account: each keeps the other', async () => {
    window.location.hash = '#/holding/MSFT?from=2016-02-30&account=Old%20IRA&to=2016-11-14';
    const user = userEvent.setup();
    render(<Screen />);
    // A malformed window falls back to the screen's own; the account is not the window's to drop.
    expect(screen.getByTestId('window').textContent).toBe('{"preset":"5Y"}');
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.clear(from);
    await user.type(from, '2016-10-31');
    await user.clear(to);
    await user.type(to, '2016-11-14');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(window.location.hash).toBe('#/holding/MSFT?from=2016-10-31&account=Old%20IRA&to=2016-11-14');
    await user.click(screen.getByRole('radio', { name: '3Y' }));
    expect(window.location.hash).toBe('#/holding/MSFT?account=Old%20IRA&range=3Y');
  });
});
