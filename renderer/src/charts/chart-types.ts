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
  kind: 'line' | 'area' | 'baseline' | 'histogram';
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
