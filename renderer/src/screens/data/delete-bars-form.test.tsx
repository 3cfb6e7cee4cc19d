// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { DeleteBarsForm } from './delete-bars-form';

beforeAll(() => stubLayout());
afterEach(cleanup);

const SPY = {
  symbol: 'SPY',
  firstDay: '2018-07-02',
  lastDay: '2206-03-01',
  bars: 163,
  source: 'file',
  fetchedAt: '2019-02-25T12:00:00.000Z',
};

describe('Delete bars', () => {
  it('asks once more, then deletes the range of the chosen symbol', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      'quotes:list': () => [SPY],
      'quotes:delete': ({ symbol }) => ({ symbol, deleted: 1, firstDay: '2206-03-01', lastDay: '2206-03-01' }),
    });
    renderWithClient(<DeleteBarsForm />, client);
    await screen.findByRole('option', { name: 'SPY' });
    await user.selectOptions(screen.getByLabelText('Symbol'), 'SPY');
    await user.type(screen.getByLabelText('From (optional)'), '2019-02-26');
    await user.click(screen.getByRole('button', { name: 'Delete bars…' }));
    const confirm = screen.getByRole('group', { name: 'Confirm the deletion' });
    expect(confirm.textContent).toMatch(/^Delete SPY's bars from .+ on\? This cannot be undone\./);
    expect(client.callsTo('quotes:delete')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Deleted 1 bar of SPY from .+ to .+\./);
    expect(client.callsTo('quotes:delete')).toEqual([{ symbol: 'SPY', from: '2019-02-26' }]);
  });

  it('says what is wrong before asking: no symbol, or from after to', async () => {
    const user = userEvent.setup();
    const client = fakeClient({ 'quotes:list': () => [SPY] });
    renderWithClient(<DeleteBarsForm />, client);
    await user.click(screen.getByRole('button', { name: 'Delete bars…' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Symbol: /);
    await screen.findByRole('option', { name: 'SPY' });
    await user.selectOptions(screen.getByLabelText('Symbol'), 'SPY');
    await user.type(screen.getByLabelText('From (optional)'), '2019-02-01');
    await user.type(screen.getByLabelText('To (optional)'), '2019-01-01');
    await user.click(screen.getByRole('button', { name: 'Delete bars…' }));
    expect(screen.getByRole('alert').textContent).toBe('From: from must not be after to.');
    expect(screen.queryByRole('group', { name: 'Confirm the deletion' })).toBeNull();
  });
});
