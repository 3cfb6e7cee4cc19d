// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { useAppliedTheme } from '../../app/use-theme';
import { fakeClient } from '../../test-support/fake-client';
import { settings as initial } from '../../test-support/fixtures';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { SettingsScreen } from './settings-screen';

beforeAll(() => stubLayout());
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

function WithTheme() {
  useAppliedTheme();
  return <SettingsScreen />;
}

const backup = (name: string, reason: string, createdAt: string) => ({
  name,
  file: `/data/backups/${name}`,
  bytes: 40960,
  createdAt,
  reason,
});
const older = backup('tiltfolio.sqlite.daily.2026-01-01T08-00-00-000Z.bak', 'daily', '2026-01-01T08:00:00.000Z');
const newer = backup('tiltfolio.sqlite.manual.2026-01-02T08-00-00-000Z.bak', 'manual', '2026-01-02T08:00:00.000Z');
const kept = backup(
  'tiltfolio.sqlite.before-restore.2026-01-03T08-00-00-000Z.bak',
  'before-restore',
  '2026-01-03T08:00:00.000Z',
);

function setup() {
  let current: AppSettings = { ...initial };
  const client = fakeClient({
    'backup:list': () => ({ dir: '/data/backups', backups: [newer, older] }),
    'backup:create': () => newer,
    'backup:restore': ({ name }) => ({ restored: name === kept.name ? kept : older, undo: kept }),
    'settings:get': () => current,
    'settings:set': (patch: CallInput<'settings:set'>) => (current = { ...current, ...patch } as AppSettings),
    'instruments:list': () => [
      {
        symbol: 'XLF',
        name: 'Financial Select',
        kind: 'etf',
        currency: 'USD',
        sleeve: 'financials',
        sleeveOverride: null,
      },
    ],
    'instruments:update': (input: CallInput<'instruments:update'>) => ({
      symbol: input.symbol,
      name: 'Financial Select',
      kind: 'etf',
      currency: input.currency ?? 'USD',
      sleeve: input.sleeve ?? 'financials',
      sleeveOverride: input.sleeve ?? null,
    }),
  });
  renderWithClient(<WithTheme />, client);
  return client;
}

describe('Settings', () => {
  it('backs up now, restores a chosen backup after a confirmation, and undoes it', async () => {
    const user = userEvent.setup();
    const client = setup();
    const card = within((await screen.findByRole('heading', { name: 'Backups' })).parentElement!);
    await user.click(card.getByRole('button', { name: 'Back up now' }));
    expect(await card.findByText(`Backed up to ${newer.file}.`)).toBeTruthy();
    expect(client.callsTo('backup:create')).toEqual([{}]);

    await user.selectOptions(card.getByLabelText('Backup to restore'), older.name);
    await user.click(card.getByRole('button', { name: 'Restore…' }));
    // Nothing is restored until the confirmation.
    expect(client.callsTo('backup:restore')).toEqual([]);
    await user.click(card.getByRole('button', { name: 'Restore this backup' }));
    await card.findByRole('button', { name: 'Undo' });
    expect(client.callsTo('backup:restore')).toEqual([{ name: older.name }]);
    await user.click(card.getByRole('button', { name: 'Undo' }));
    expect(await card.findByText(/Restore undone\./)).toBeTruthy();
    expect(client.callsTo('backup:restore')).toEqual([{ name: older.name }, { name: kept.name }]);
  });

  it('saves how many backups to keep, refusing zero', async () => {
    const user = userEvent.setup();
    const client = setup();
    const keep = await screen.findByLabelText('Backups to keep');
    await user.clear(keep);
    await user.type(keep, '0');
    const card = within(keep.closest('form')!);
    await user.click(card.getByRole('button', { name: 'Save' }));
    expect(card.getByText('Keep at least one backup.')).toBeTruthy();
    expect(client.callsTo('settings:set')).toEqual([]);
    await user.clear(keep);
    await user.type(keep, '25');
    await user.click(card.getByRole('button', { name: 'Save' }));
    expect(client.callsTo('settings:set')).toEqual([{ backupKeep: 25 }]);
  });

  it('checks target weights as they are typed and saves them as fractions', async () => {
    const user = userEvent.setup();
    const client = setup();
    const form = await screen.findByRole('form', { name: 'Sleeve weights' });
    await user.click(within(form).getByLabelText('I have a target allocation'));
    const tech = within(form).getByLabelText('Target weight of Large-cap tech, percent');
    await user.clear(tech);
    await user.type(tech, '30');
    expect(within(form).getByRole('alert').textContent).toBe('Target: The four weights must add up to 100 %.');
    await user.click(within(form).getByRole('button', { name: 'Save weights' }));
    expect(client.callsTo('settings:set')).toEqual([]);

    const other = within(form).getByLabelText('Target weight of Other, percent');
    await user.clear(other);
    await user.type(other, '57');
    expect(within(form).getByRole('alert').textContent).toBe('');
    await user.click(within(form).getByRole('button', { name: 'Save weights' }));
    expect(client.callsTo('settings:set')).toEqual([
      {
        benchmarkWeights: initial.benchmarkWeights,
        targetWeights: { large_cap_tech: 0.3, financials: 0.13, small_caps: 0, other: 0.57 },
      },
    ]);
    expect(await within(form).findByText('Saved the sleeve weights.')).toBeTruthy();
  });

  it('saves the benchmark basis: total return by default, price only as a choice', async () => {
    const user = userEvent.setup();
    const client = setup();
    const form = await screen.findByRole('form', { name: 'Portfolio' });
    expect((within(form).getByLabelText('Total return') as HTMLInputElement).checked).toBe(true);
    await user.click(within(form).getByLabelText('Price only'));
    await user.click(within(form).getByRole('button', { name: 'Save portfolio settings' }));
    expect(client.callsTo('settings:set')).toEqual([
      { costMethod: 'fifo', benchmarkSymbol: 'SPY', benchmarkBasis: 'price' },
    ]);
  });

  it('refuses a base URL that is not http(s), next to the field', async () => {
    const user = userEvent.setup();
    const client = setup();
    const url = await screen.findByLabelText('Yahoo base URL');
    await user.clear(url);
    await user.type(url, 'ftp://example.com');
    await user.click(screen.getByRole('button', { name: 'Save quote settings' }));
    expect(screen.getByText('Use an http:// or https:// address.')).toBeTruthy();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(client.callsTo('settings:set')).toEqual([]);

    await user.click(screen.getByLabelText(/Offline mode/));
    await user.clear(url);
    await user.type(url, 'http://127.0.0.1:9000');
    await user.click(screen.getByRole('button', { name: 'Save quote settings' }));
    expect(client.callsTo('settings:set')).toEqual([
      {
        quoteProvider: 'yahoo',
        yahooBaseUrl: 'http://127.0.0.1:9000',
        stooqBaseUrl: initial.stooqBaseUrl,
        offline: true,
      },
    ]);
  });

  it('applies the theme at once through data-theme, and removes it to follow the system', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await user.click(screen.getByRole('radio', { name: 'Follow the system' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });

  it('overrides an instrument’s sleeve through instruments:update', async () => {
    const user = userEvent.setup();
    const client = setup();
    const select = await screen.findByRole('combobox', { name: 'Sleeve of XLF' });
    expect((select as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Default (Financials)');
    await user.selectOptions(select, 'Other');
    expect(client.callsTo('instruments:update')).toEqual([{ symbol: 'XLF', sleeve: 'other' }]);
    expect(await screen.findByText('XLF now counts in Other.')).toBeTruthy();
  });

  it('sets an instrument’s currency by hand, and says what a bad one should look like', async () => {
    const user = userEvent.setup();
    const client = setup();
    const input = await screen.findByRole('textbox', { name: 'Currency of XLF' });
    expect((input as HTMLInputElement).value).toBe('USD');
    await user.clear(input);
    await user.type(input, 'e1{Enter}');
    expect(await screen.findByText("Write XLF's currency as a three-letter code such as USD.")).toBeTruthy();
    expect(client.callsTo('instruments:update')).toEqual([]);
    // The refused text gives way to the stored currency again.
    const again = screen.getByRole('textbox', { name: 'Currency of XLF' });
    expect((again as HTMLInputElement).value).toBe('USD');
    await user.clear(again);
    await user.type(again, 'eur{Enter}');
    expect(client.callsTo('instruments:update')).toEqual([{ symbol: 'XLF', currency: 'EUR' }]);
    expect(await screen.findByText('XLF is now priced in EUR.')).toBeTruthy();
  });
});
