import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { plural } from '../../../shared/domain/plural';
import { useAllRefreshProgress, useCancelRefresh, useRefreshQuotes, type RefreshProgress } from './quote-hooks';

export interface RefreshJob {
  start: (symbols?: string[]) => void;
  cancel: () => void;
  running: boolean;
  /** What quotes:refresh answered for the latest job. */
  started: CallOutput<'quotes:refresh'> | null;
  progress: RefreshProgress;
  /** The job's outcome in plain words once it has ended, or why it could not start. */
  outcome: { tone: 'info' | 'error'; text: string } | null;
}

const EMPTY: RefreshProgress = { job: null, symbols: {} };

const RefreshJobContext = createContext<RefreshJob | null>(null);

function describeEnd(started: CallOutput<'quotes:refresh'>, progress: RefreshProgress): RefreshJob['outcome'] {
  const job = progress.job;
  if (started.state !== 'running') {
    // Failing at once means offline or no provider: expected, so said calmly, not as an error.
    const text = started.message ?? (started.state === 'done' ? 'Nothing to refresh.' : 'The refresh could not run.');
    return { tone: 'info', text };
  }
  if (!job || job.state === 'running') return null;
  const failed = Object.values(progress.symbols).filter((s) => s.state === 'failed').length;
  if (job.state === 'cancelled')
    return {
      tone: 'info',
      text: `Refresh cancelled after ${job.symbolsDone} of ${plural(job.symbolsTotal, 'symbol')}.`,
    };
  if (job.state === 'failed') return { tone: 'error', text: job.message ?? 'The refresh failed.' };
  const base = `Refreshed ${job.symbolsTotal - failed} of ${plural(job.symbolsTotal, 'symbol')}.`;
  return {
    tone: failed > 0 ? 'error' : 'info',
    text: failed > 0 ? `${base.slice(0, -1)}; ${failed} failed.` : base,
  };
}

/**
 * One quote refresh at a time for the whole window: the sidebar shows its progress wherever the
 * user is, and the Import & export screen shows each symbol's.
 */
export function RefreshJobProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshQuotes();
  const cancelCall = useCancelRefresh();
  const [started, setStarted] = useState<CallOutput<'quotes:refresh'> | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const jobs = useAllRefreshProgress();
  const progress = (started && jobs[started.jobId]) || EMPTY;
  const ended = progress.job !== null && progress.job.state !== 'running';
  const running = started?.state === 'running' && !ended;

  // Keyed by job, not by `ended`: a job whose every symbol fails at once can end before its start
  // is answered, and `ended` would then stay true from the job before and refetch nothing.
  const endedJobId = ended ? started?.jobId : undefined;
  useEffect(() => {
    // New closes change every figure: refetch once the job has ended.
    if (endedJobId) void queryClient.invalidateQueries();
  }, [endedJobId, queryClient]);

  const value: RefreshJob = {
    running,
    started,
    progress,
    outcome: startError ? { tone: 'error', text: startError } : started ? describeEnd(started, progress) : null,
    start: (symbols) => {
      setStartError(null);
      refresh.mutate(symbols && symbols.length > 0 ? { symbols } : {}, {
        onSuccess: setStarted,
        onError: (error) => setStartError(`Could not start the refresh: ${error.message}`),
      });
    },
    cancel: () => {
      if (started) cancelCall.mutate(started.jobId);
    },
  };
  return <RefreshJobContext.Provider value={value}>{children}</RefreshJobContext.Provider>;
}

export function useRefreshJob(): RefreshJob {
  const job = useContext(RefreshJobContext);
  if (!job) throw new Error('useRefreshJob() outside <RefreshJobProvider>');
  return job;
}
