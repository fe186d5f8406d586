/** A point in map (latent) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A point on the map's canvas in CSS pixels from its top-left corner. */
export interface ScreenPoint {
  sx: number;
  sy: number;
}

/** What the server sends for a model's map (see MapData.java). */
export interface MapData {
  model: string;
  latentSize: number;
  projected: boolean;
  explained: number;
  x: number[];
  y: number[];
  labels: number[];
  digitIndices: number[];
  bounds: number[];
  limits: number[];
}

/** A line drawn over the map, e.g. an interpolation path. */
export interface MapPath {
  points: number[][];
  color: string;
  label: string;
}

export interface MapMarker {
  x: number;
  y: number;
  label: string;
}

/** Which step of which line the path player shows. */
export interface MapHighlight {
  path: number;
  step: number;
}

/** Texts in the page's language, set by the server. */
export interface MapLabels {
  legend: string;
  all: string;
  decoded: string;
  zoomIn: string;
  zoomOut: string;
  resetView: string;
  pan: string;
  loading: string;
  failed: string;
  clamped: string;
  axisX: string;
  axisY: string;
  help: string;
  mapName: string;
}
