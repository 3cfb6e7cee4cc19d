import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CallInput, EventPayload } from '../../../shared/api/contract';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** Each cached symbol's extent and freshness (last day, when fetched, from where). */
export function useQuoteList() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.quoteList, queryFn: () => client.call('quotes:list', {}) });
}

/** The latest refresh job's tally and the last successful refresh (refetched when a job ends). */
export function useRefreshStatus() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.refreshStatus, queryFn: () => client.call('quotes:refreshStatus', {}) });
}

/** The newest refresh attempts, one row per symbol and job, newest first. */
export function useRefreshLog(limit: number) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.refreshLog, limit],
    queryFn: () => client.call('quotes:refreshLog', { limit }),
  });
}

export function useImportQuoteFile() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: CallInput<'quotes:importFile'>) => client.call('quotes:importFile', input),
  });
}

export function useSetManualPrice() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: CallInput<'quotes:setManualPrice'>) => client.call('quotes:setManualPrice', input),
  });
}

export function useDeleteQuotes() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'quotes:delete'>) => client.call('quotes:delete', input) });
}

export function useRefreshQuotes() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'quotes:refresh'>) => client.call('quotes:refresh', input) });
}

export function useCancelRefresh() {
  const client = useClient();
  return useMutation({ mutationFn: (jobId: string) => client.call('quotes:cancel', { jobId }) });
}

export interface RefreshProgress {
  /** The job as a whole: the latest event without a symbol. */
  job: EventPayload<'quotes:progress'> | null;
  /** The latest event per symbol. */
  symbols: Record<string, EventPayload<'quotes:progress'>>;
}

export function useSettings() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => client.call('settings:get', {}) });
}

export function useUpdateSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CallInput<'settings:set'>) => client.call('settings:set', patch),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      // Cost method, benchmark and weights change what the portfolio screens show.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.settings[0] });
    },
  });
}

/**
 * Follows every refresh job's progress events from mount, so a job that ends before its
 * quotes:refresh answer arrives (a short job over a fast link) is not missed.
 */
export function useAllRefreshProgress(): Record<string, RefreshProgress> {
  const client = useClient();
  const [jobs, setJobs] = useState<Record<string, RefreshProgress>>({});
  useEffect(
    () =>
      client.on('quotes:progress', (event) => {
        setJobs((previous) => {
          const base = previous[event.jobId] ?? { job: null, symbols: {} };
          const next = event.symbol
            ? { ...base, symbols: { ...base.symbols, [event.symbol]: event } }
            : { ...base, job: event };
          return { ...previous, [event.jobId]: next };
        });
      }),
    [client],
  );
  return jobs;
}
