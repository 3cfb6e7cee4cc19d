// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import type { CsvPreview, ImportResult, PresetInfo, SavedPreset } from '../../../../shared/api/csv-schemas';
import { emptyImportResult } from '../../../../shared/csv/import-result';
import { fakeClient, type FakeHandlers } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { applyPreset, importRequest, initialMapping, missingFields, setColumn } from './csv-mapping';
import { TransactionsCsvSection } from './transactions-csv-section';

beforeAll(() => stubLayout());
afterEach(cleanup);

const FILE = 'Datum;Konto;Art;Ticker;Stück;Kurs;Währung\n31/12/2016;Depot;buy;AAPL;10;1.234,56;EUR\n';

const customPreview: CsvPreview = {
  delimiter: ';',
  header: ['Datum', 'Konto', 'Art', 'Ticker', 'Stück', 'Kurs', 'Währung'],
  rows: [['31/12/2016', 'Depot', 'buy', 'AAPL', '10', '1.234,56', 'EUR']],
  suggestedPreset: null,
  mapping: { columns: { date: 'Datum', type: 'Art', symbol: 'Ticker', quantity: 'Stück', price: 'Gone' } },
  dateFormat: 'DD/MM/YYYY',
  numberFormat: '1.234,56',
  columnValues: [['31/12/2016'], ['Depot'], ['buy'], ['AAPL'], ['10'], ['1.234,56'], ['EUR']],
  problem: null,
};

function result(over: Partial<ImportResult>): ImportResult {
  return { ...emptyImportResult('x', 'broker.csv', 'custom', false), committed: true, rows: 1, added: 1, ...over };
}

function setup(
  preview: CsvPreview,
  onImport: (input: CallInput<'csv:import'>) => ImportResult | Promise<ImportResult>,
  more: FakeHandlers = {},
) {
  const handlers: FakeHandlers = {
    'csv:presets': () => ({ presets: [] }),
    'csv:preview': () => preview,
    'csv:import': (input) => onImport(input),
    ...more,
  };
  const client = fakeClient(handlers);
  renderWithClient(<TransactionsCsvSection />, client);
  return client;
}

function value(label: string): string {
  return (screen.getByLabelText(label) as HTMLSelectElement).value;
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(
    screen.getByLabelText('Transactions CSV file'),
    new File([FILE], 'broker.csv', { type: 'text/csv' }),
  );
  await screen.findByTestId('csv-preview');
}

describe('mapping logic', () => {
  it('keeps only suggested headers the file has, and marks the mapping edited when changed', () => {
    const state = initialMapping(customPreview);
    expect(state.columns).toEqual({ date: 'Datum', type: 'Art', symbol: 'Ticker', quantity: 'Stück' });
    expect(state.edited).toBe(false);
    expect(missingFields(state.columns, '')).toEqual(['account', 'currency']);
    expect(missingFields(state.columns, 'Depot')).toEqual(['currency']);
    const next = setColumn(setColumn(state, 'currency', 'Währung'), 'symbol', '');
    expect(next.columns).toEqual({ date: 'Datum', type: 'Art', quantity: 'Stück', currency: 'Währung' });
    expect(next.edited).toBe(true);
  });

  it('sends a detected preset as is, and a mapping once the user changed it', () => {
    const detected = { ...customPreview, suggestedPreset: 'ghostfolio' };
    const state = initialMapping(detected);
    expect(importRequest(detected, state, { account: '', savePresetAs: '' })).toEqual({
      delimiter: ';',
      preset: 'ghostfolio',
    });
    expect(
      importRequest(detected, setColumn(state, 'note', 'Konto'), { account: ' IRA ', savePresetAs: 'Mine' }),
    ).toEqual({
      delimiter: ';',
      account: 'IRA',
      mapping: { columns: { ...state.columns, note: 'Konto' } },
      dateFormat: 'DD/MM/YYYY',
      numberFormat: '1.234,56',
      savePresetAs: 'Mine',
    });
  });
});

describe('choosing a preset', () => {
  it('takes a saved preset’s columns and formats, and imports under its name', () => {
    const state = setColumn(initialMapping(customPreview), 'note', 'Konto');
    const saved = applyPreset(
      state,
      {
        name: 'My bank',
        label: 'My bank',
        builtIn: false,
        delimiter: ';',
        dateFormat: 'DD.MM.YYYY',
        numberFormat: '1,234.56',
        columns: [],
        notes: [],
        mapping: { columns: { date: 'Datum', currency: 'Währung', fee: 'Not here' } },
      },
      customPreview.header,
    );
    expect(saved).toEqual({
      columns: { date: 'Datum', currency: 'Währung' },
      extraFees: [],
      typeValues: {},
      currency: '',
      dateFormat: 'DD.MM.YYYY',
      numberFormat: '1,234.56',
      preset: 'My bank',
      edited: false,
    });
    expect(importRequest(customPreview, saved, { account: '', savePresetAs: '' })).toEqual({
      delimiter: ';',
      preset: 'My bank',
    });
    expect(applyPreset(saved, null, customPreview.header)).toMatchObject({ preset: null, edited: true });
  });
});

describe('transactions CSV section', () => {
  it('shows which rows have no broker rate for their account currency', async () => {
    const user = userEvent.setup();
    const message = "12 rows trade in USD in EUR accounts without a broker rate: the day's cached rate will be used.";
    setup(customPreview, () =>
      result({
        dryRun: true,
        committed: false,
        withoutFxRate: [{ currency: 'USD', accountCurrency: 'EUR', rows: 12 }],
        fxRateMessages: [message],
      }),
    );
    await chooseFile(user);
    await user.selectOptions(screen.getByLabelText('Account'), 'Konto');
    await user.selectOptions(screen.getByLabelText('Currency'), 'Währung');
    await user.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect((await screen.findByTestId('csv-import-fx-rates')).textContent).toBe(message);
  });

  it('previews the file, pre-fills the mapping, and imports with the columns chosen', async () => {
    const user = userEvent.setup();
    const client = setup(customPreview, (input) =>
      result({ dryRun: input.dryRun, committed: !input.dryRun, added: 1, duplicates: 2, accountsCreated: ['Depot'] }),
    );
    await chooseFile(user);
    expect(screen.getByTestId('csv-detected').textContent).toContain('Detected: custom');
    expect(within(screen.getByTestId('csv-preview')).getByText('1.234,56')).toBeTruthy();
    expect(value('Date')).toBe('Datum');
    expect(value('Price')).toBe('');
    expect(value('Dates look like')).toBe('DD/MM/YYYY');
    expect(value('Numbers look like')).toBe('1.234,56');
    expect(screen.getByTestId('csv-missing').textContent).toContain('Account, Currency');

    await user.selectOptions(screen.getByLabelText('Account'), 'Konto');
    await user.selectOptions(screen.getByLabelText('Price'), 'Kurs');
    await user.selectOptions(screen.getByLabelText('Currency'), 'Währung');
    expect(screen.queryByTestId('csv-missing')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect((await screen.findByTestId('csv-import-result')).textContent).toContain(
      'Check passed: 1 row would be added',
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/Imported 1 row; 2 duplicates skipped\. Created 1 account: Depot/)).toBeTruthy();

    const calls = client.callsTo('csv:import') as CallInput<'csv:import'>[];
    expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
    expect(calls[1]).toMatchObject({
      fileName: 'broker.csv',
      content: FILE,
      delimiter: ';',
      dateFormat: 'DD/MM/YYYY',
      numberFormat: '1.234,56',
      mapping: {
        columns: {
          date: 'Datum',
          account: 'Konto',
          type: 'Art',
          symbol: 'Ticker',
          quantity: 'Stück',
          price: 'Kurs',
          currency: 'Währung',
        },
      },
    });
    expect(calls[1]?.jobId).toMatch(/^csv-/);
    expect(calls[0]?.jobId).not.toBe(calls[1]?.jobId);
  });

  it('maps a time column by hand, next to the date', async () => {
    const user = userEvent.setup();
    const timed: CsvPreview = {
      ...customPreview,
      header: [...customPreview.header, 'Zeit'],
      rows: [[...(customPreview.rows[0] as string[]), '09:30']],
      columnValues: [...(customPreview.columnValues ?? []), ['09:30']],
    };
    const client = setup(timed, () => result({}));
    await chooseFile(user);
    const labels = [...document.querySelectorAll('.csv-mapping label')].map((l) => l.textContent);
    expect(labels.slice(0, 3)).toEqual(['Date', 'Time', 'Account']);
    expect(value('Time')).toBe('');
    await user.selectOptions(screen.getByLabelText('Time'), 'Zeit');
    await user.selectOptions(screen.getByLabelText('Account'), 'Konto');
    await user.selectOptions(screen.getByLabelText('Currency'), 'Währung');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Imported 1 row/);
    const calls = client.callsTo('csv:import') as CallInput<'csv:import'>[];
    expect(calls.at(-1)?.mapping?.columns).toMatchObject({ date: 'Datum', time: 'Zeit' });
  });

  it('shows every error with its line and column, and says nothing was imported', async () => {
    const user = userEvent.setup();
    setup({ ...customPreview, suggestedPreset: 'tiltfolio' }, () =>
      result({
        committed: false,
        added: 0,
        errorCount: 2,
        errors: [
          { line: 3, column: 'date', value: '2016-13-45', reason: 'not a date' },
          { line: 4, column: 'quantity', value: 'ten', reason: 'not a number' },
        ],
        errorMessages: [
          'broker.csv line 3, column date: "2016-13-45" is not a date',
          'broker.csv line 4, column quantity: "ten" is not a number',
        ],
      }),
    );
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported: 2 problems in broker.csv.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'broker.csv line 3, column date: "2016-13-45" is not a date',
      'broker.csv line 4, column quantity: "ten" is not a number',
    ]);
    expect(screen.queryByTestId('csv-import-result')).toBeNull();
  });

  it('shows progress from csv:progress events of the job it started, ignoring other jobs', async () => {
    const user = userEvent.setup();
    let finish: (r: ImportResult) => void = () => {};
    let jobId = '';
    const client = setup(customPreview, (input) => {
      jobId = input.jobId ?? '';
      return new Promise<ImportResult>((resolve) => (finish = resolve));
    });
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    act(() => {
      client.emit('csv:progress', { jobId: 'someone-else', phase: 'writing', rowsDone: 99, rowsTotal: 100 });
      client.emit('csv:progress', { jobId, phase: 'checking', rowsDone: 40, rowsTotal: 200 });
    });
    expect(bar.getAttribute('max')).toBe('200');
    expect(bar.getAttribute('value')).toBe('40');
    expect(screen.getByText('checking · 40 rows')).toBeTruthy();
    await act(async () => finish(result({ added: 200, rows: 200 })));
    expect((await screen.findByTestId('csv-import-result')).textContent).toContain('Imported 200 rows');
    expect(screen.queryByRole('progressbar', { name: 'Import progress' })).toBeNull();
  });

  it('cancels the running import by its job id and says nothing was written', async () => {
    const user = userEvent.setup();
    let finish: (r: ImportResult) => void = () => {};
    let jobId = '';
    const cancelled: string[] = [];
    setup(
      customPreview,
      (input) => {
        jobId = input.jobId ?? '';
        return new Promise<ImportResult>((resolve) => (finish = resolve));
      },
      {
        'csv:cancelImport': (input) => {
          cancelled.push(input.jobId);
          finish(result({ committed: false, added: 0, cancelled: true }));
          return { cancelled: true };
        },
      },
    );
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel import' }));
    expect(cancelled).toEqual([jobId]);
    expect((await screen.findByTestId('csv-import-result')).textContent).toBe('Import cancelled: nothing was written.');
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
  });
});

describe('type words and saved presets', () => {
  const brokerPreview: CsvPreview = {
    ...customPreview,
    mapping: { columns: { ...customPreview.mapping.columns, account: 'Konto', currency: 'Währung', price: 'Kurs' } },
    columnValues: customPreview.columnValues.map((values, i) => (i === 2 ? ['Kauf', 'Kaufauftrag', 'Zins'] : values)),
  };

  it('lists the type column’s words, takes a type for each unknown one, and saves them with the preset', async () => {
    const user = userEvent.setup();
    const client = setup(brokerPreview, () => result({}));
    await chooseFile(user);
    const step = screen.getByTestId('csv-type-words');
    expect(within(step).getByText(/The words in “Art”/)).toBeTruthy();
    expect(value('Type for Kauf')).toBe('buy');
    expect(value('Type for Kaufauftrag')).toBe('');
    expect(screen.getByTestId('csv-unmapped-types').textContent).toBe('Choose a type for: Kaufauftrag, Zins.');

    await user.selectOptions(screen.getByLabelText('Type for Kaufauftrag'), 'Buy');
    await user.selectOptions(screen.getByLabelText('Type for Zins'), 'Interest');
    expect(screen.queryByTestId('csv-unmapped-types')).toBeNull();
    await user.type(screen.getByLabelText('Save this mapping as a preset (optional)'), 'Broker DE');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByTestId('csv-import-result');

    expect(client.callsTo('csv:import')[0]).toMatchObject({
      savePresetAs: 'Broker DE',
      mapping: { typeValues: { Kaufauftrag: 'buy', Zins: 'interest' } },
    });
  });

  it('leaves the type words to a built-in preset used as it is', async () => {
    const user = userEvent.setup();
    setup({ ...brokerPreview, suggestedPreset: 'ghostfolio' }, () => result({}), {
      'csv:presets': () => ({ presets: [preset('ghostfolio', true)] }),
    });
    await chooseFile(user);
    expect(screen.getByTestId('csv-detected').textContent).toContain('Detected: Ghostfolio');
    expect(screen.queryByTestId('csv-type-words')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Note'), 'Konto');
    expect(screen.getByTestId('csv-type-words')).toBeTruthy();
  });

  it('deletes a saved preset from the list, and Undo saves exactly that preset again', async () => {
    const user = userEvent.setup();
    const stored: SavedPreset = {
      name: 'Broker DE',
      mapping: { columns: { date: 'Datum', type: 'Art' }, typeValues: { Kaufauftrag: 'buy' } },
      delimiter: ';',
      dateFormat: 'DD/MM/YYYY',
      numberFormat: '1.234,56',
    };
    let saved: SavedPreset[] = [stored];
    const client = setup(brokerPreview, () => result({}), {
      'csv:presets': () => ({
        presets: [preset('ghostfolio', true), ...saved.map((p) => ({ ...preset(p.name, false), mapping: p.mapping }))],
      }),
      'csv:deletePreset': ({ name }) => {
        const found = saved.find((p) => p.name === name) ?? null;
        saved = saved.filter((p) => p !== found);
        return { deleted: found !== null, preset: found };
      },
      'csv:savePreset': (entry) => {
        saved = [...saved, { ...entry, delimiter: entry.delimiter ?? null }];
        return preset(entry.name, false);
      },
    });
    const list = await screen.findByRole('group', { name: 'Saved presets' });
    expect(within(list).getByText('Broker DE')).toBeTruthy();
    expect(within(list).getByText(/1 type word$/)).toBeTruthy();

    // Chosen in the import's format select, then deleted: the mapping stays, as a custom one.
    await chooseFile(user);
    await user.selectOptions(screen.getByLabelText('Format'), 'Broker DE (saved)');
    await user.click(within(list).getByRole('button', { name: 'Delete the preset Broker DE' }));
    expect(await within(list).findByText('Deleted the preset “Broker DE”.')).toBeTruthy();
    expect(client.callsTo('csv:deletePreset')).toEqual([{ name: 'Broker DE' }]);
    await waitFor(() => expect(within(list).queryByRole('listitem')).toBeNull());
    expect(value('Format')).toBe('');
    expect(screen.queryByRole('option', { name: 'Broker DE (saved)' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    await screen.findByTestId('csv-import-result');
    const check = client.callsTo('csv:import')[0] as CallInput<'csv:import'>;
    expect(check.preset).toBeUndefined();
    expect(check.mapping?.typeValues).toEqual({ Kaufauftrag: 'buy' });

    await user.click(within(list).getByRole('button', { name: 'Undo' }));
    expect(await within(list).findByText('Restored the preset “Broker DE”.')).toBeTruthy();
    expect(client.callsTo('csv:savePreset')).toEqual([stored]);
    expect(await within(list).findByRole('button', { name: 'Delete the preset Broker DE' })).toBeTruthy();
  });
});

function preset(name: string, builtIn: boolean): PresetInfo {
  const label = builtIn ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  return {
    name,
    label,
    builtIn,
    delimiter: null,
    dateFormat: 'DD/MM/YYYY',
    numberFormat: '1.234,56',
    columns: [],
    notes: [],
  };
}
