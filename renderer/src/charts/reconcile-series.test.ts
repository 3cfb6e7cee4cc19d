// @vitest-environment jsdom
import { createChart, type Time } from 'lightweight-charts';
import { beforeAll, describe, expect, it } from 'vitest';
import { stubLayout } from '../test-support/render';
import type { ChartSeries } from './chart-types';
import { reconcileSeries, type Live } from './reconcile-series';

beforeAll(() => stubLayout());

/** Consecutive days from 2015-01-01: enough to stand for 5Y and 3Y of closes. */
const days = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2015, 0, 1 + from + i)).toISOString().slice(0, 10));

function spec(times: string[], low: string): ChartSeries[] {
  return [
    {
      id: 'price',
      kind: 'line',
      data: times.map((time, i) => ({ time, value: 100 + i })),
      markers: [{ time: low, position: 'belowBar', shape: 'arrowUp', color: 'red', text: 'Low' }],
    },
    // A second series on the same time scale, updated after the price: its old days still count
    // when the price's markers are placed, unless markers are set once all data is in.
    { id: 'average', kind: 'line', data: times.map((time, i) => ({ time, value: 99 + i })) },
  ];
}

/** Where the markers plugin has placed its markers, as days (read from its indexed markers). */
function placedDays(entry: Live): string[] {
  const plugin = entry.markers as unknown as {
    _internal__primitive?: { _private__indexedMarkers?: { time: number }[]; updateAllViews(): void };
  };
  const primitive = plugin._internal__primitive;
  if (!primitive?._private__indexedMarkers) throw new Error('the markers plugin’s internals changed: update this test');
  primitive.updateAllViews();
  return primitive._private__indexedMarkers.map((m) => entry.api.dataByIndex(m.time)?.time as string);
}

describe('reconcileSeries', () => {
  // Bug: after 5Y → 3Y the "Low" arrow landed on the wrong year, and after All → 3Y none showed:
  // the plugin turns a marker's day into an index on the chart's shared time scale when the
  // markers are set, and the other series still held the longer range's days at that moment.
  it('places markers on their days after the range shrinks from its start', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const api = createChart(container, { width: 800, height: 300 });
    const live = new Map<string, Live>();
    try {
      const long = days(0, 1000);
      reconcileSeries(api, live, spec(long, long[10] as string));
      api.timeScale().fitContent();
      const short = days(400, 600);
      reconcileSeries(api, live, spec(short, short[50] as string));
      api.timeScale().fitContent();
      const price = live.get('price') as Live;
      expect(placedDays(price)).toEqual([short[50]]);
      // And the time the series reports for that index is the marker's day, not one shifted by 400.
      expect((price.api.data()[50]?.time as Time) === short[50]).toBe(true);
    } finally {
      api.remove();
    }
  });
});
