import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../shared/api/dispatch';
import { signalNotifier } from './signal-notifier';

function fakeDispatch(notifications: boolean) {
  const calls: string[] = [];
  const dispatch: Dispatch = (name) => {
    calls.push(name as string);
    if (name === 'settings:get') return Promise.resolve({ ok: true, value: { signalNotifications: notifications } });
    return Promise.resolve({
      ok: true,
      value: {
        from: '2016-10-14',
        to: '2016-11-14',
        benchmark: 'SPY',
        signals: [
          { date: '2016-11-11', kind: 'high_52w', subject: 'RUT', message: 'RUT closed at a new 52-week high.' },
          { date: '2016-11-14', kind: 'overheated', subject: 'JPM', message: 'JPM is overheated.' },
        ],
      },
    });
  };
  return { dispatch, calls };
}

describe('signalNotifier', () => {
  it('is off by default: no signals are asked for and nothing is shown', async () => {
    const { dispatch, calls } = fakeDispatch(false);
    const shown: string[][] = [];
    const notifier = signalNotifier(dispatch, (title, body) => shown.push([title, body]));
    notifier.onEvent('data:changed', { scope: 'quotes' });
    await notifier.idle();
    expect(calls).toEqual(['settings:get']);
    expect(shown).toEqual([]);
  });

  it('when on: after a quote refresh, each signal of the last day once', async () => {
    const { dispatch, calls } = fakeDispatch(true);
    const shown: string[][] = [];
    const notifier = signalNotifier(dispatch, (title, body) => shown.push([title, body]));
    notifier.onEvent('data:changed', { scope: 'transactions' });
    notifier.onEvent('data:changed', { scope: 'quotes' });
    notifier.onEvent('data:changed', { scope: 'quotes' });
    await notifier.idle();
    expect(calls.filter((c) => c === 'portfolio:signals')).toHaveLength(2);
    expect(shown).toEqual([['Tiltfolio: JPM', 'JPM is overheated.']]);
  });
});
