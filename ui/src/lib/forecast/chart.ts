// Chart geometry for the forecast distribution (histogram with P50/P85/P95 lines) and the
// velocity history, as plain numbers for an SVG; no DOM here, so it is unit-tested.
import type { MonteCarlo, VelocityPoint } from "../bindings";

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
}

export interface Line {
  label: string;
  x: number;
  value: number;
  title: string;
}

export interface Chart {
  width: number;
  height: number;
  bars: Bar[];
  lines: Line[];
  /** Axis ticks: position and label. */
  ticks: { x: number; label: string }[];
}

const PAD = 24;

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = Math.max(max - min, 1);
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Histogram of simulated points with the three confidence lines, scaled into width × height. */
export function distributionChart(mc: MonteCarlo, width = 560, height = 200): Chart {
  const bins = mc.histogram.bins;
  const lo = Math.min(bins[0]?.from ?? 0, mc.p95);
  const hi = Math.max(bins[bins.length - 1]?.to ?? 1, mc.p50);
  const span = hi - lo || 1;
  const sx = (v: number) => PAD + ((v - lo) / span) * (width - 2 * PAD);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const plotH = height - 2 * PAD;
  const bars = bins.map((b) => {
    const h = (b.count / maxCount) * plotH;
    const share = ((b.count / mc.trials) * 100).toFixed(1);
    return {
      x: sx(b.from), y: height - PAD - h, width: Math.max(1, sx(b.to) - sx(b.from) - 1), height: h,
      title: `${b.from}–${b.to} points: ${b.count} of ${mc.trials} trials (${share} %)`,
    };
  });
  const line = (label: string, value: number, pct: number): Line => ({
    label, value, x: sx(value),
    title: `${label}: in ${pct} % of ${mc.trials} trials (seed ${mc.seed}) the team reached at least ${value} points`,
  });
  return {
    width, height, bars,
    lines: [line("P95", mc.p95, 95), line("P85", mc.p85, 85), line("P50", mc.p50, 50)],
    ticks: niceTicks(lo, hi).map((v) => ({ x: sx(v), label: String(v) })),
  };
}

/** Bars of past velocity per focus person-day, oldest first. */
export function velocityChart(history: VelocityPoint[], width = 560, height = 140): Chart {
  const max = Math.max(0.01, ...history.map((h) => h.per_focus_day));
  const slot = (width - 2 * PAD) / Math.max(1, history.length);
  const plotH = height - 2 * PAD;
  const bars = history.map((h, i) => {
    const bh = (h.per_focus_day / max) * plotH;
    return {
      x: PAD + i * slot + slot * 0.15, y: height - PAD - bh, width: slot * 0.7, height: bh,
      title: `${h.name}: ${h.completed_points} points / ${Math.round(h.focus_days * 100) / 100} focus person-days = ${Math.round(h.per_focus_day * 100) / 100} per focus day`,
    };
  });
  const ticks = history.map((h, i) => ({ x: PAD + i * slot + slot / 2, label: h.name }));
  return { width, height, bars, lines: [], ticks };
}
