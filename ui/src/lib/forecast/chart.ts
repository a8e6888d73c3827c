// Data for the two forecast charts (uPlot bar charts): the forecast distribution as a histogram
// with the P95/P85/P50 lines, and the velocity per focus person-day of past sprints. Plain
// numbers and strings, no DOM and no uPlot, so it is unit-tested; plot.ts turns it into options.
import type { MonteCarlo, VelocityPoint } from "../bindings";

/** A vertical line across the chart at `value` on the x axis (a confidence level). */
export interface Marker {
  label: string;
  value: number;
  /** The line to commit to, drawn stronger. */
  emphasis: boolean;
  /** Where the number comes from. */
  title: string;
}

export interface BarChart {
  /** uPlot's aligned data: the x of every bar, then the height of every bar. */
  data: [number[], number[]];
  /** The visible x range (wide enough for every bar and every marker). */
  xRange: [number, number];
  xLabel: string;
  yLabel: string;
  /** Tick label for an x value: the bin's range or the sprint's name. */
  xTick: (x: number) => string;
  /** Fixed x tick positions (one per sprint), or null to let the chart pick round numbers. */
  xSplits: number[] | null;
  /** Where a bar's number comes from, by bar index (shown in the legend on hover). */
  titles: string[];
  markers: Marker[];
  /** One sentence that says what the chart shows, for screen readers. */
  summary: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Histogram of simulated points (one bar per bin, x = bin middle) with P95, P85 and P50 lines;
 * only the confidence lines in `backed` are drawn (a short history cannot back P95, and drawing
 * it on top of P85 would suggest it can).
 */
export function distributionChart(mc: MonteCarlo, backed: number[] = [95, 85, 50]): BarChart {
  const bins = mc.histogram.bins;
  const lo = Math.min(bins[0]?.from ?? mc.p95, mc.p95);
  const hi = Math.max(bins[bins.length - 1]?.to ?? mc.p50, mc.p50);
  const marker = (label: string, value: number, pct: number): Marker => ({
    label,
    value,
    emphasis: label === "P85",
    title: `${label}: in ${pct} % of ${mc.trials} trials (seed ${mc.seed}) the team reached at least ${value} points`,
  });
  return {
    data: [bins.map((b) => (b.from + b.to) / 2), bins.map((b) => b.count)],
    xRange: hi > lo ? [lo, hi] : [lo - 1, hi + 1],
    xLabel: "Points",
    yLabel: "Trials",
    xTick: (x) => String(r2(x)),
    xSplits: null,
    titles: bins.map((b) => {
      const share = ((b.count / mc.trials) * 100).toFixed(1);
      return `${b.from}–${b.to} points: ${b.count} of ${mc.trials} trials (${share} %)`;
    }),
    markers: [marker("P95", mc.p95, 95), marker("P85", mc.p85, 85), marker("P50", mc.p50, 50)].filter((m) =>
      backed.includes(Number(m.label.slice(1))),
    ),
    summary: `${mc.trials} simulated sprints; P95 ${mc.p95}, P85 ${mc.p85}, P50 ${mc.p50} points`,
  };
}

/** One bar per past sprint (oldest first) at x = 0, 1, 2 …, labelled with the sprint's name. */
export function velocityChart(history: VelocityPoint[]): BarChart {
  return {
    data: [history.map((_, i) => i), history.map((h) => h.per_focus_day)],
    xRange: [-0.5, Math.max(history.length, 1) - 0.5],
    xLabel: "Sprint",
    yLabel: "Per focus day",
    xTick: (x) => (Number.isInteger(x) ? (history[x]?.name ?? "") : ""),
    xSplits: history.map((_, i) => i),
    titles: history.map(
      (h) =>
        `${h.name}: ${h.completed_points} points / ${r2(h.focus_days)} focus person-days = ${r2(h.per_focus_day)} per focus day`,
    ),
    markers: [],
    summary: history.map((h) => `${h.name} ${r2(h.per_focus_day)}`).join(", ") || "no closed sprints",
  };
}

export interface MarkerPlace {
  marker: Marker;
  /** Pixel x of the line. */
  x: number;
  /** Label row from the top (0, 1, …): labels that would overlap go one row lower. */
  row: number;
}

/**
 * Where to draw each marker: `toX` maps a value to a pixel; labels closer than `minGap` pixels to
 * an earlier label in the same row move to the next row, so P85 and P95 stay readable when close.
 */
export function placeMarkers(markers: Marker[], toX: (v: number) => number, minGap: number): MarkerPlace[] {
  const lastInRow: number[] = [];
  return markers.map((marker) => {
    const x = toX(marker.value);
    let row = 0;
    while (lastInRow[row] !== undefined && Math.abs(x - lastInRow[row]!) < minGap) row++;
    lastInRow[row] = x;
    return { marker, x, row };
  });
}
