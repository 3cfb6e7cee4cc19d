import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import type { AppSettings } from '../../shared/api/settings-schemas';
import { call, CliFailure, withBackend, type CliIo, type GlobalOptions } from './session';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The settings a word can set: text, yes/no and whole numbers. Weights are set in the app. */
function scalarKeys(settings: AppSettings): (keyof AppSettings)[] {
  return (Object.keys(settings) as (keyof AppSettings)[]).filter((key) =>
    ['string', 'boolean', 'number'].includes(typeof settings[key]),
  );
}

function parseValue(key: keyof AppSettings, current: unknown, text: string): unknown {
  if (typeof current === 'boolean') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new CliFailure(2, `${kebab(key)}: use true or false.`);
  }
  if (typeof current === 'number') {
    if (/^-?\d+$/.test(text)) return Number(text);
    throw new CliFailure(2, `${kebab(key)}: use a whole number.`);
  }
  // Currency codes and tickers are upper-case; a user may type eur.
  return key === 'baseCurrency' || key === 'benchmarkSymbol' ? text.toUpperCase() : text;
}

/** `tiltfolio settings get [--json]` and `tiltfolio settings set KEY VALUE`. */
export function registerSettingsCommands(program: Command, io: CliIo): void {
  const globals = () => program.opts<GlobalOptions>();
  const settings = program.command('settings').description("the app's settings: base currency, quote provider, …");

  settings
    .command('get')
    .description('print every setting (KEY VALUE, keys as `settings set` takes them)')
    .argument('[key]', 'one setting, e.g. base-currency')
    .option('--json', 'print one JSON object (keys as the API names them)')
    .action(async (key: string | undefined, options: { json?: boolean }) => {
      await withBackend(globals(), async (backend) => {
        const current = await call<CallOutput<'settings:get'>>(backend, 'settings:get', {});
        if (options.json) return io.out(JSON.stringify(current) + '\n');
        const entries = Object.entries(current).map(([name, value]) => [kebab(name), JSON.stringify(value)] as const);
        const chosen = key === undefined ? entries : entries.filter(([name]) => name === key);
        if (chosen.length === 0)
          throw new CliFailure(2, `No setting ${key}; known: ${entries.map(([n]) => n).join(', ')}.`);
        const width = Math.max(...chosen.map(([name]) => name.length));
        io.out(
          chosen.map(([name, value]) => `${name.padEnd(width)}  ${value.replace(/^"(.*)"$/, '$1')}`).join('\n') + '\n',
        );
      });
    });

  settings
    .command('set')
    .description('change one setting, e.g. `settings set base-currency EUR`')
    .argument('<key>', 'base-currency, quote-provider, offline, cost-method, benchmark-symbol, theme, backup-keep, …')
    .argument('<value>', 'the new value')
    .action(async (key: string, value: string) => {
      await withBackend(globals(), async (backend) => {
        const current = await call<CallOutput<'settings:get'>>(backend, 'settings:get', {});
        const name = scalarKeys(current).find((candidate) => kebab(candidate) === key);
        if (name === undefined) {
          throw new CliFailure(
            2,
            `Cannot set ${key} here; settable: ${scalarKeys(current).map(kebab).join(', ')} (weights are set in the app).`,
          );
        }
        const patch = { [name]: parseValue(name, current[name], value) };
        const saved = await call<CallOutput<'settings:set'>>(backend, 'settings:set', patch).catch((error: Error) => {
          throw new CliFailure(2, `${key}: ${error.message}`);
        });
        io.out(`${key}  ${String(saved[name])}\n`);
      });
    });
}
