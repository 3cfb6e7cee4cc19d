import {
  makeRecomputeWorkload,
  makeRotationWorkload,
  runRecompute,
  runRotation,
} from '../../shared/engine/bench-cases';
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

/** engine.recompute: positions, daily value series and sleeve weights from 100k transactions. */
export async function benchEngineRecompute(): Promise<BenchResult> {
  const workload = makeRecomputeWorkload();
  const value = await medianMs(() => runRecompute(workload), 15);
  return { bench: 'engine.recompute', value: Number(value.toFixed(1)), unit: 'ms' };
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
