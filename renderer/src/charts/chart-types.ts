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
}

export interface ChartSeries {
  id: string;
  /** `band`: a 0/1 step series filled on its own hidden scale, shading spans behind a pane. */
  kind: 'line' | 'area' | 'baseline' | 'histogram' | 'band';
  data: ChartPoint[];
  pane?: number;
  title?: string;
  color?: string;
  fill?: string;
  lineWidth?: 1 | 2 | 3 | 4;
  dashed?: boolean;
  baseValue?: number;
  markers?: ChartMarker[];
  lastValueVisible?: boolean;
}
