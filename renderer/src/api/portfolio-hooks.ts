import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../shared/api/contract';
import type { HoldingsPositions } from '../../../shared/api/portfolio-schemas';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/**
 * How long an answer is shown again without asking (Holdings after Rotation, back and forth):
 * every write, refresh and settings change, and the backend's data:changed, refetch it at once
 * whatever its age, so this only spares asking again about what is known not to have changed. At
 * 2,000 positions the answer is 1.5 MB that the screen would wait for before it counts as ready.
 */
export const HOLDINGS_FRESH_MS = 30_000;

/**
 * Positions valued on the last cached close, optionally for one account; `positions`: the rows a
 * screen draws (the dashboard draws totals only, and 2,000 rows are 1.7 MB).
 */
export function useHoldings(positions: HoldingsPositions, account?: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.holdings(positions, account),
    queryFn: () => client.call('portfolio:holdings', account ? { positions, account } : { positions }),
    staleTime: HOLDINGS_FRESH_MS,
    placeholderData: (previous) => previous,
  });
}

export function usePerformance(input: CallInput<'portfolio:performance'>) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.performance(input),
    queryFn: () => client.call('portfolio:performance', input),
    placeholderData: (previous) => previous,
  });
}

/** Dividends and interest by month, year, holding and sleeve (shared/view/income-view.ts). */
export function useIncome(input: CallInput<'portfolio:income'>) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.income(input),
    queryFn: () => client.call('portfolio:income', input),
    placeholderData: (previous) => previous,
  });
}

export function useTilt() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.tilt, queryFn: () => client.call('portfolio:tilt', {}) });
}

export function useRotation(input: CallInput<'rotation:series'> | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.rotation(input ?? { subject: { kind: 'portfolio' }, vs: { kind: 'portfolio' } }),
    queryFn: () => client.call('rotation:series', input as CallInput<'rotation:series'>),
    enabled: input !== null,
    placeholderData: (previous) => previous,
  });
}

export function useRrg(input: CallInput<'rotation:rrg'> | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.rrg(input ?? { benchmark: { kind: 'portfolio' } }),
    queryFn: () => client.call('rotation:rrg', input as CallInput<'rotation:rrg'>),
    enabled: input !== null,
    placeholderData: (previous) => previous,
  });
}

export function useInstruments() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.instruments, queryFn: () => client.call('instruments:list', {}) });
}

/** A sleeve override changes holdings, tilt and rotation alike: refetch everything. */
export function useUpdateInstrument() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'instruments:update'>) => client.call('instruments:update', input),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export function useLoadDemo() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('demo:load', {}),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
