// A benchmark or comparison series whose prices stop before the portfolio's do.
import type { HealthCheck, HealthProblem } from './health-problem';

export const seriesEndsEarly: HealthCheck = ({ comparisons, series, portfolioLastDay }) =>
  portfolioLastDay === null
    ? []
    : comparisons.flatMap(({ symbol, role }): HealthProblem[] => {
        const last = series.get(symbol)?.lastDay ?? null;
        if (last !== null && last >= portfolioLastDay) return [];
        const fix = `Refresh quotes for ${symbol} or import a file that reaches ${portfolioLastDay}, or choose another ${role} in Settings.`;
        return [
          {
            kind: 'series_ends_early',
            symbol,
            accounts: [],
            day: last,
            detail:
              last === null
                ? `The ${role} ${symbol} has no prices; the portfolio is valued to ${portfolioLastDay}.`
                : `The ${role} ${symbol} ends on ${last}; the portfolio is valued to ${portfolioLastDay}.`,
            affects: `Performance against the ${role} covers only the days both have: periods after ${last ?? 'its start'} compare with nothing, and Rotation stops there.`,
            fix,
          },
        ];
      });
