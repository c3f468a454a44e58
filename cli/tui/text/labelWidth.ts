import { displayWidth } from './displayWidth.js';

/**
 * How wide a chart's label column is: as wide as its widest label, up to two fifths of
 * the chart and never under 16 columns, so a wide panel writes its labels out and a
 * narrow one keeps room for the bar and the figure.
 */
export function labelWidth(labels: readonly string[], width: number): number {
  return Math.min(Math.max(16, Math.floor((width * 2) / 5)), Math.max(4, ...labels.map(displayWidth)));
}
