export interface ChartPoint {
  time: string;
  value: number;
}

export interface ChartMarker {
  time: string;
  position: 'aboveBar' | 'belowBar' | 'inBar';
  shape: 'circle' | 'square' | 'arrowUp' | 'arrowDown';
  color: string;
  text?: string;
  /** 1 is the library's default; dense marks read better smaller. */
  size?: number;
}

export interface ChartSeries {
  id: string;
  /** `band`: a 0/1 step series filled on its own hidden scale, shading spans behind a pane. */
  kind: 'line' | 'area' | 'baseline' | 'histogram' | 'band';
  data: ChartPoint[];
  pane?: number;
  /** The series' name in the legend, and beside its last value on the price scale. */
  title?: string;
  /** False: named in the legend only, so secondary lines do not crowd the price scale. */
  axisLabel?: boolean;
  color?: string;
  fill?: string;
  lineWidth?: 1 | 2 | 3 | 4;
  dashed?: boolean;
  baseValue?: number;
  markers?: ChartMarker[];
  lastValueVisible?: boolean;
}
