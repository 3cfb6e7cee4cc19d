import { createHash } from 'node:crypto';
import { z } from 'zod';
import { calls, type CallName, type Handlers } from '../../shared/api/contract';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { BackendContext } from './backend-context';
import { localDay } from './local-day';
import type { SnapshotLabel } from './portfolio-snapshot';

/**
 * Moves when what an answer holds or how it is computed changes without the app's version
 * moving (a development build): a stored answer of another format is ignored.
 */
export const STORED_ANSWER_FORMAT = 2;

// The dashboard's and Rotation's calls that need the engine's snapshot, and the day each one's snapshot stops at.
// The other calls the dashboard makes (summary, accounts) read a few rows and answer at once.
// Each answer is labelled with its snapshot's label (below): a call added here that stops reading
// the snapshot must be labelled with the generation read before it runs instead.
const STORED = {
  'portfolio:holdings': (input: { asOf?: string | undefined }) => input.asOf,
  'portfolio:performance': (input: { to?: string | undefined }) => input.to,
  'portfolio:tilt': () => undefined,
  // Its checks read the snapshot too; asked once the holdings have answered, it built the
  // snapshot the stored holdings had not.
  'health:check': () => undefined,
  // The Rotation screen's: the same snapshot; a reopening that goes to Rotation waited a whole
  // build for them (the symbols an RRG names are read from quotes, whose writes move the generation).
  'rotation:rrg': (input: { to?: string | undefined }) => input.to,
  'portfolio:attribution': () => undefined,
  'portfolio:signals': () => undefined,
  // A portfolio or sleeve subject is read from the snapshot stopping at `to`.
  'rotation:series': (input: { to?: string | undefined }) => input.to,
} as const;
type StoredCall = keyof typeof STORED;

/**
 * What an answer depends on besides the data generation and the day: the settings (base
 * currency, cost method, benchmark, weights), the schema, the app, this format and the call's
 * output schema (a development build that changes an answer's shape leaves the version as it was).
 * The local day it was computed on follows after `@` (see `dayRule`).
 */
export function answerContext(
  name: StoredCall,
  version: string,
  label: Pick<SnapshotLabel, 'day' | 'settings'>,
): string {
  return `${contextPrefix(name, version, label.settings)}@${label.day}`;
}

function contextPrefix(name: StoredCall, version: string, settingsJson: string): string {
  return JSON.stringify([STORED_ANSWER_FORMAT, version, LATEST_SCHEMA_VERSION, outputFingerprint(name), settingsJson]);
}

/**
 * Whether an answer computed on `storedDay` still answers on `today`, the data being the same
 * (same generation). Opening the app on a new morning is the usual opening, and the engine reads
 * the day only to refuse a transaction dated after it: an answer from an earlier day holds while
 * nothing in the cache is dated after that day (`newestBar`, the newest bar of any symbol). The
 * health report also measures stale prices against today when the newest bar is today's
 * (shared/health/stale-prices.ts), so it holds only while the newest bar is older than its day,
 * and says the new day. A clock set back answers afresh.
 */
export function dayRule(
  name: StoredCall,
  storedDay: string,
  today: string,
  newestBar: () => string | null,
): 'same' | 'later' | 'no' {
  if (storedDay === today) return 'same';
  if (storedDay > today) return 'no';
  const newest = newestBar();
  if (newest === null) return 'later';
  const holds = name === 'health:check' ? newest < storedDay : newest <= storedDay;
  return holds ? 'later' : 'no';
}

const fingerprints = new Map<CallName, string>();
function outputFingerprint(name: CallName): string {
  let fingerprint = fingerprints.get(name);
  if (fingerprint === undefined) {
    const schema = JSON.stringify(z.toJSONSchema(calls[name].output, { unrepresentable: 'any' }));
    fingerprint = createHash('sha256').update(schema).digest('hex').slice(0, 16);
    fingerprints.set(name, fingerprint);
  }
  return fingerprint;
}

const requiredKeys = new Map<CallName, string[] | null>();
/** The output's top-level fields that must be present; null when the output is not an object schema. */
function requiredKeysOf(name: CallName): string[] | null {
  let keys = requiredKeys.get(name);
  if (keys === undefined) {
    const output = calls[name].output as unknown as { shape?: Record<string, z.ZodType> };
    keys = output.shape
      ? Object.entries(output.shape)
          .filter(([, field]) => !field.safeParse(undefined).success)
          .map(([key]) => key)
      : null;
    requiredKeys.set(name, keys);
  }
  return keys;
}

/**
 * The stored answer's value when its text is JSON of an object with the call's output fields;
 * undefined otherwise (a corrupt row). Not checked field by field: at scale the full schema check
 * of the holdings took longer (150-250 ms on a fresh process) than reading them; the schema's
 * fingerprint in the context already says the shape is the one stored.
 */
export function decodeAnswer(name: CallName, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = requiredKeysOf(name);
  if (keys === null) return calls[name].output.safeParse(value).success ? value : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return keys.every((key) => key in value) ? value : undefined;
}

/**
 * Opening the app answers the dashboard from the answers the app last stored, while nothing they
 * were computed from has changed (migration 0008), instead of replaying every transaction first
 * (issue 20). Every other answer of these calls is computed as before and stored for the next
 * opening; `onServed` hears each answer given from the store (the backend then builds its snapshot
 * when the calls are done, for the screens that follow).
 */
export function withStoredAnswersIf(
  enabled: boolean,
  handlers: Handlers,
  { store, snapshots, settings, now, host }: Pick<BackendContext, 'store' | 'snapshots' | 'settings' | 'now' | 'host'>,
  onServed: () => void,
): Handlers {
  if (!enabled) return handlers;
  const repo = store.storedAnswers;
  const wrap = <N extends StoredCall>(name: N) => {
    const handler = handlers[name] as (input: unknown) => unknown;
    const asOfOf = STORED[name] as (input: unknown) => string | undefined;
    return async (input: unknown) => {
      const call = `${name} ${JSON.stringify(input)}`;
      const stored = repo.find(call);
      const today = localDay(now());
      const prefix = `${contextPrefix(name, host.version, JSON.stringify(settings.get()))}@`;
      let unreadable = false;
      if (stored && stored.generation === repo.generation() && stored.context.startsWith(prefix)) {
        const rule = dayRule(name, stored.context.slice(prefix.length), today, repo.newestBarDay);
        // A corrupt row or one of another shape is only not used: the answer is computed again
        // below and replaces it.
        const value = rule === 'no' ? undefined : decodeAnswer(name, stored.answer);
        if (value !== undefined) {
          onServed();
          return rule === 'later' && name === 'health:check' ? { ...(value as object), today } : value;
        }
        unreadable = rule !== 'no';
      }
      // Labelled with what the snapshot behind the answer was computed from, not with the data
      // now: a snapshot kept in memory from before another process's write must not be stored
      // as the answer to the data after it. Taken first (the handler then finds the snapshot
      // built) and checked after: a write that finished while the answer awaited moved the
      // snapshot on, and the answer is then not stored.
      const asOf = asOfOf(input);
      const label = snapshots.label(asOf);
      const answer = await handler(input);
      const labelContext = answerContext(name, host.version, label);
      const current = snapshots.cachedLabel(asOf) === label;
      const differs = unreadable || stored?.generation !== label.generation || stored.context !== labelContext;
      if (current && differs) {
        // After the answer has gone: storing it is the next opening's gain, not this call's cost.
        setImmediate(() => {
          store
            .write(() =>
              repo.put(
                call,
                { generation: label.generation, context: labelContext, answer: JSON.stringify(answer) },
                now().toISOString(),
              ),
            )
            // Not stored (busy, closed, read-only): the next opening computes it, as before.
            .catch(() => undefined);
        });
      }
      return answer;
    };
  };
  return {
    ...handlers,
    'portfolio:holdings': wrap('portfolio:holdings'),
    'portfolio:performance': wrap('portfolio:performance'),
    'portfolio:tilt': wrap('portfolio:tilt'),
    'health:check': wrap('health:check'),
    'rotation:rrg': wrap('rotation:rrg'),
    'portfolio:attribution': wrap('portfolio:attribution'),
    'portfolio:signals': wrap('portfolio:signals'),
    'rotation:series': wrap('rotation:series'),
  } as Handlers;
}
