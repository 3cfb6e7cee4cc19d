import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallInput, EventPayload } from '../../../shared/api/contract';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** Built-in and saved CSV presets. */
export function useCsvPresets() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.csvPresets, queryFn: () => client.call('csv:presets', {}) });
}

/** A write to the saved presets, after which their list is read again. */
function usePresetWrite<N extends 'csv:savePreset' | 'csv:deletePreset'>(name: N) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<N>) => client.call(name, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.csvPresets }),
  });
}

export const useSaveCsvPreset = () => usePresetWrite('csv:savePreset');
/** Answers with the deleted preset, so that an undo can save it again. */
export const useDeleteCsvPreset = () => usePresetWrite('csv:deletePreset');

export function useCsvPreview() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'csv:preview'>) => client.call('csv:preview', input) });
}

/**
 * Check or run an import with progress: the job id is made here and `csv:progress` is listened to
 * before the call goes out, so even a fast import's events are not missed.
 */
export function useCsvImport() {
  const client = useClient();
  const [progress, setProgress] = useState<EventPayload<'csv:progress'> | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: Omit<CallInput<'csv:import'>, 'jobId'>) => {
      const jobId = newJobId();
      setJobId(jobId);
      setProgress(null);
      const stop = client.on('csv:progress', (event) => {
        if (event.jobId === jobId) setProgress(event);
      });
      try {
        return await client.call('csv:import', { ...input, jobId });
      } finally {
        stop();
      }
    },
  });
  /** Asks the backend to stop the running import; it rolls back and the call answers `cancelled`. */
  const cancel = () => (jobId === null ? Promise.resolve() : client.call('csv:cancelImport', { jobId }).then(() => {}));
  return { ...mutation, progress, cancel };
}

function newJobId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `csv-${crypto.randomUUID()}`
    : `csv-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Export a CSV: in Electron the main process asks where to save it; in the browser the content comes
 * back and `download` hands it to the browser's download machinery.
 */
export function useCsvExport(download: (fileName: string, content: string) => void) {
  const client = useClient();
  return useMutation({
    mutationFn: async (input: CallInput<'csv:export'>): Promise<{ rows: number; savedAs: string | null }> => {
      if (client.transport === 'ipc') {
        const saved = await client.call('csv:exportFile', input);
        return { rows: saved.rows, savedAs: saved.path };
      }
      const file = await client.call('csv:export', input);
      download(file.fileName, file.content);
      return { rows: file.rows, savedAs: file.fileName };
    },
  });
}
