import type { AnyPreset } from '../preset-types';
import { ghostfolioPreset } from './ghostfolio';
import {
  portfolioPerformanceDutchPreset,
  portfolioPerformanceFrenchPreset,
  portfolioPerformanceGermanPreset,
  portfolioPerformanceItalianPreset,
  portfolioPerformancePreset,
  portfolioPerformanceSpanishPreset,
} from './portfolio-performance';
import { ibkrFlexCashPreset, ibkrFlexTradesPreset } from './ibkr-flex';
import { schwabPreset } from './schwab';
import { tiltfolioPreset } from './tiltfolio';
import { trading212Preset } from './trading212';
import { wealthfolioPreset } from './wealthfolio';

export const BUILT_IN_PRESETS: readonly AnyPreset[] = [
  tiltfolioPreset,
  portfolioPerformancePreset,
  portfolioPerformanceGermanPreset,
  portfolioPerformanceFrenchPreset,
  portfolioPerformanceSpanishPreset,
  portfolioPerformanceItalianPreset,
  portfolioPerformanceDutchPreset,
  ghostfolioPreset,
  wealthfolioPreset,
  schwabPreset,
  ibkrFlexTradesPreset,
  ibkrFlexCashPreset,
  trading212Preset,
];

export const DEFAULT_PRESET = tiltfolioPreset;

export function builtInPreset(name: string): AnyPreset | undefined {
  return BUILT_IN_PRESETS.find((preset) => preset.name === name);
}
