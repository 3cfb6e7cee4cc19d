import {
  makeRecomputeWorkload,
  makeRotationWorkload,
  runRecompute,
  runRotation,
} from '../../shared/engine/bench-cases';
import { median, timeMs, type BenchResult } from './measure';

/** engine.recompute: positions, daily value series and sleeve weights from 100k transactions. */
export async function benchEngineRecompute(): Promise<BenchResult> {
  const workload = makeRecomputeWorkload();
  runRecompute(workload); // warm-up: JIT and first-touch allocation
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push(await timeMs(() => runRecompute(workload)));
  return { bench: 'engine.recompute', value: Number(median(samples).toFixed(1)), unit: 'ms' };
}

/**
 * engine.revalue: the same workload re-valued with the ledger of an earlier run, which is what the
 * app does after a quote refresh or a settings change (portfolio-snapshot.ts). Printed beside
 * engine.recompute, not instead of it.
 */
export async function benchEngineRevalue(): Promise<BenchResult> {
  const workload = makeRecomputeWorkload();
  const { ledger } = runRecompute(workload);
  const input = { ...workload, ledger };
  runRecompute(input);
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push(await timeMs(() => runRecompute(input)));
  return { bench: 'engine.revalue', value: Number(median(samples).toFixed(1)), unit: 'ms' };
}

/** engine.rotation: relative strength, RS-Ratio/Momentum and drawdown for 20 pairs over 10 years. */
export async function benchEngineRotation(): Promise<BenchResult> {
  const workload = makeRotationWorkload();
  runRotation(workload);
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) samples.push(await timeMs(() => runRotation(workload)));
  return { bench: 'engine.rotation', value: Number(median(samples).toFixed(2)), unit: 'ms' };
}
