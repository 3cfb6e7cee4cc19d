import {
  makeRecomputeWorkload,
  makeRotationWorkload,
  runRecompute,
  runRotation,
} from '../../shared/engine/bench-cases';
import { recompute as baselineRecompute, type RecomputeInput as BaselineInput } from './baseline-engine/recompute';
import { median, timeMs, type BenchResult } from './measure';

/**
 * Three warm-up runs (the JIT optimises a hot loop only after seeing it run), then the median of
 * `runs` timed ones: on a shared 2-core machine single runs vary by half, and a full garbage
 * collection lands in about one run in three.
 */
async function medianMs(work: () => unknown, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(work));
  return median(samples);
}

/**
 * engine.recompute: positions, daily value series and sleeve weights from 100k transactions,
 * beside the engine as it stood before its renovation (baseline-engine/, issue 14). The two run
 * in turns, one sample each, so that a noisy stretch of the shared machine lands on both.
 */
export async function benchEngineRecompute(): Promise<BenchResult> {
  const workload = makeRecomputeWorkload();
  const current = () => runRecompute(workload);
  // The frozen baseline predates the tax type; the workload has no tax records, so it reads them all.
  const baselineWorkload = workload as unknown as BaselineInput;
  const baseline = () => baselineRecompute(baselineWorkload);
  for (let i = 0; i < 3; i++) {
    baseline();
    current();
  }
  const currentSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < 15; i++) {
    baselineSamples.push(await timeMs(baseline));
    currentSamples.push(await timeMs(current));
  }
  const value = median(currentSamples);
  const base = median(baselineSamples);
  return {
    bench: 'engine.recompute',
    value: Number(value.toFixed(1)),
    unit: 'ms',
    baseline: Number(base.toFixed(1)),
    ratio: Number((value / base).toFixed(3)),
  };
}

/**
 * engine.revalue: the same workload re-valued with the ledger of an earlier run, which is what the
 * app does after a quote refresh or a settings change (portfolio-snapshot.ts). Printed beside
 * engine.recompute, not instead of it.
 */
export async function benchEngineRevalue(): Promise<BenchResult> {
  const workload = makeRecomputeWorkload();
  const input = { ...workload, ledger: runRecompute(workload).ledger };
  const value = await medianMs(() => runRecompute(input), 15);
  return { bench: 'engine.revalue', value: Number(value.toFixed(1)), unit: 'ms' };
}

/** engine.rotation: relative strength, RS-Ratio/Momentum and drawdown for 20 pairs over 10 years. */
export async function benchEngineRotation(): Promise<BenchResult> {
  const workload = makeRotationWorkload();
  const value = await medianMs(() => runRotation(workload), 15);
  return { bench: 'engine.rotation', value: Number(value.toFixed(2)), unit: 'ms' };
}
