import {
  AreaSeries,
  BaselineSeries,
  HistogramSeries,
  LineSeries,
  LineType,
  type IChartApi,
  type ISeriesApi,
  type SeriesDefinition,
  type SeriesPartialOptionsMap,
  type SeriesType,
} from 'lightweight-charts';
import type { ChartSeries } from './chart-types';

const DEFINITIONS: Record<ChartSeries['kind'], SeriesDefinition<SeriesType>> = {
  line: LineSeries,
  area: AreaSeries,
  baseline: BaselineSeries,
  histogram: HistogramSeries,
  // A filled 0/1 step line on its own hidden scale: shading behind the pane.
  band: AreaSeries,
};

/** A spec's look, applied on creation and again on every update (colours follow the theme). */
export function seriesOptions(spec: ChartSeries): SeriesPartialOptionsMap[SeriesType] {
  const common = {
    title: spec.axisLabel === false ? '' : (spec.title ?? ''),
    priceLineVisible: false,
    lastValueVisible: spec.lastValueVisible ?? true,
  };
  switch (spec.kind) {
    case 'line':
      return { ...common, color: spec.color, lineWidth: spec.lineWidth ?? 2, lineStyle: spec.dashed ? 2 : 0 };
    case 'area':
      return { ...common, lineColor: spec.color, topColor: spec.fill ?? spec.color, bottomColor: 'rgba(0,0,0,0)' };
    case 'baseline':
      return { ...common, baseValue: { type: 'price', price: spec.baseValue ?? 0 } };
    case 'histogram':
      return { ...common, color: spec.color };
    case 'band':
      return {
        title: '',
        priceScaleId: `band-${spec.id}`,
        lineVisible: false,
        lineType: LineType.WithSteps,
        topColor: spec.fill ?? spec.color,
        bottomColor: spec.fill ?? spec.color,
        lastValueVisible: false,
        priceLineVisible: false,
        crosshairMarkerVisible: false,
        // Fixed 0–1: zoomed into days outside every fall the values are all 0, and an autoscaled
        // range around 0 would fill the pane below that line as if a fall were there.
        autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 1 } }),
      };
  }
}

export function addSeries(chart: IChartApi, spec: ChartSeries): ISeriesApi<SeriesType> {
  const api = chart.addSeries(DEFINITIONS[spec.kind], seriesOptions(spec), spec.pane ?? 0);
  if (spec.kind === 'band') api.priceScale().applyOptions({ scaleMargins: { top: 0, bottom: 0 } });
  return api;
}
