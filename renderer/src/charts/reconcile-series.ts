// Brings a chart's series in line with the specs it is given: series added, removed or updated by
// id, their data and markers set. Kept apart from the component so it can be tested on a real chart.
import {
  createSeriesMarkers,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type SeriesType,
  type Time,
} from 'lightweight-charts';
import type { ChartSeries } from './chart-types';
import { addSeries, seriesOptions } from './series-options';

export interface Live {
  api: ISeriesApi<SeriesType>;
  kind: ChartSeries['kind'];
  pane: number;
  markers: ISeriesMarkersPluginApi<Time> | null;
}

export function reconcileSeries(api: IChartApi, live: Map<string, Live>, series: readonly ChartSeries[]): void {
  const wanted = new Set(series.map((s) => s.id));
  for (const [id, entry] of live) {
    if (!wanted.has(id)) {
      api.removeSeries(entry.api);
      live.delete(id);
    }
  }
  for (const spec of series) {
    let entry = live.get(spec.id);
    if (entry && (entry.kind !== spec.kind || entry.pane !== (spec.pane ?? 0))) {
      api.removeSeries(entry.api);
      live.delete(spec.id);
      entry = undefined;
    }
    if (!entry) {
      entry = { api: addSeries(api, spec), kind: spec.kind, pane: spec.pane ?? 0, markers: null };
      live.set(spec.id, entry);
    } else {
      entry.api.applyOptions(seriesOptions(spec));
    }
    entry.api.setData(spec.data.map((p) => ({ time: p.time as Time, value: p.value })));
  }
  // Markers only once every series holds its new data: the plugin turns a marker's day into an
  // index on the time scale all series share, when the markers are set, and does not redo it when
  // another series' data changes. Set earlier, a series still holding the previous range's days
  // shifted them ("Low" on the wrong year after 5Y → 3Y; past the end, so none, after All → 3Y).
  for (const spec of series) {
    const entry = live.get(spec.id) as Live;
    const markers: SeriesMarker<Time>[] = (spec.markers ?? []).map((m) => ({
      time: m.time as Time,
      position: m.position,
      shape: m.shape,
      color: m.color,
      text: m.text ?? '',
      ...(m.size === undefined ? {} : { size: m.size }),
    }));
    if (entry.markers) entry.markers.setMarkers(markers);
    else if (markers.length > 0) entry.markers = createSeriesMarkers(entry.api, markers);
  }
}
