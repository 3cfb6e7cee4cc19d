import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { CsvProgress } from '../../../shared/api/csv-schemas';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

export function useCsvPresets() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.csvPresets, queryFn: () => client.call('csv:presets', {}) });
}

export function useCsvPreview() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'csv:preview'>) => client.call('csv:preview', input) });
}

/** The app's open dialog (Electron only): the file's path and its start. */
export function useCsvOpenFile() {
  const client = useClient();
  return useMutation({ mutationFn: () => client.call('csv:openFile', {}) });
}

export type CsvImportRequest =
  { via: 'path'; input: CallInput<'csv:importFile'> } | { via: 'upload'; input: CallInput<'csv:import'> };

/** Imports by path in the app (main streams the file) or by upload in browser mode. */
export function useCsvImport() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CsvImportRequest) =>
      request.via === 'path' ? client.call('csv:importFile', request.input) : client.call('csv:import', request.input),
    onSuccess: (result) => {
      if (result.committed) void queryClient.invalidateQueries();
      else void queryClient.invalidateQueries({ queryKey: queryKeys.csvPresets });
    },
  });
}

export function useCsvExport() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'csv:export'>) => client.call('csv:export', input) });
}

/** The app's save dialog, then main writes the file (Electron only). */
export function useCsvExportFile() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'csv:exportFile'>) => client.call('csv:exportFile', input) });
}

/** The latest progress of one import job; null before its first event. */
export function useCsvProgress(jobId: string | null): CsvProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<{ jobId: string; value: CsvProgress } | null>(null);
  useEffect(() => {
    if (jobId === null) return;
    return client.on('csv:progress', (event) => {
      if (event.jobId === jobId) setProgress({ jobId, value: event });
    });
  }, [client, jobId]);
  return progress !== null && progress.jobId === jobId ? progress.value : null;
}
