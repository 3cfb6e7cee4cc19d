import { useState } from 'react';
import type { CallInput } from '../../../../shared/api/contract';
import { settingsPatch } from '../../../../shared/api/settings-schemas';
import { useUpdateSettings } from '../../api/quote-hooks';

export type FieldProblems = Record<string, string>;

/** Checks a patch with the contract's own schema, field by field, before anything is sent. */
export function checkPatch(patch: CallInput<'settings:set'>): FieldProblems {
  const parsed = settingsPatch.safeParse(patch);
  if (parsed.success) return {};
  const problems: FieldProblems = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || 'form';
    problems[key] ??= issue.message;
  }
  return problems;
}

/** One settings form's save: validation problems, the server's answer, and a confirmation. */
export function useSave(what: string) {
  const update = useUpdateSettings();
  const [problems, setProblems] = useState<FieldProblems>({});
  const [saved, setSaved] = useState<string | null>(null);
  return {
    problems,
    saved,
    pending: update.isPending,
    error: update.error ? `Could not save ${what}: ${update.error.message}` : null,
    save(patch: CallInput<'settings:set'>) {
      setSaved(null);
      const found = checkPatch(patch);
      setProblems(found);
      if (Object.keys(found).length > 0) return;
      update.mutate(patch, { onSuccess: () => setSaved(`Saved ${what}.`) });
    },
  };
}

/**
 * A form's draft of some saved values: starts from them, and starts over when they change (after
 * this form's save, or another window's), without remounting the form and losing its messages.
 */
export function useDraft<T>(saved: T): [T, (update: (draft: T) => T) => void] {
  const key = JSON.stringify(saved);
  const [state, setState] = useState({ key, draft: saved });
  if (state.key !== key) {
    setState({ key, draft: saved });
    return [saved, (update) => setState({ key, draft: update(saved) })];
  }
  return [state.draft, (update) => setState((s) => ({ key: s.key, draft: update(s.draft) }))];
}
