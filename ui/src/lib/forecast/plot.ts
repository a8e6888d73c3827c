// uPlot options for a BarChart (chart.ts): bars, axes and the confidence lines, in the colours of
// the app's design tokens (app.css) so the charts follow light and dark mode.
import "./locale"; // before uPlot: it reads navigator.language when it loads
import uPlot from "uplot";
import { placeMarkers, type BarChart } from "./chart";

/** The design-token colours and font a chart is drawn with. */
export interface Theme {
  text: string;
  muted: string;
  border: string;
  accent: string;
  ok: string;
  /** The card background, behind the marker labels. */
  surface: string;
  font: string;
}

/** The current design tokens as seen from `el` (they change with the OS light/dark preference). */
export function readTheme(el: Element): Theme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v("--text", "#1c2430"),
    muted: v("--muted", "#5d6b7e"),
    border: v("--border", "#d9dee6"),
    accent: v("--accent", "#1f5fa8"),
    ok: v("--ok", "#1e7b4a"),
    surface: v("--surface", "#ffffff"),
    font: css.fontFamily || "sans-serif",
  };
}

/** `color` at opacity `alpha` for the canvas: #rgb and #rrggbb become rgba(); other colours are kept. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const LABEL_GAP = 48;
const ROW = 14;

/** Draws the confidence lines over the bars, then their labels on the card's background so a
 *  line never runs through a label (a uPlot draw hook). */
function drawMarkers(u: uPlot, chart: BarChart, theme: Theme) {
  if (!chart.markers.length) return;
  const px = uPlot.pxRatio || 1; // unset outside a browser
  const { left, top, width, height } = u.bbox;
  const ctx = u.ctx;
  const places = placeMarkers(chart.markers, (v) => u.valToPos(v, "x", true), LABEL_GAP * px);
  const colorOf = (emphasis: boolean) => (emphasis ? theme.ok : theme.text);
  ctx.save();
  for (const p of places) {
    ctx.strokeStyle = colorOf(p.marker.emphasis);
    ctx.lineWidth = (p.marker.emphasis ? 2.5 : 1.5) * px;
    ctx.setLineDash(p.marker.emphasis ? [] : [4 * px, 3 * px]);
    ctx.beginPath();
    ctx.moveTo(p.x, top);
    ctx.lineTo(p.x, top + height);
    ctx.stroke();
  }
  ctx.font = `600 ${Math.round(11 * px)}px ${theme.font}`;
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  for (const p of places) {
    // Whole points, as in the headline: a confidence line is "reached at least", so round down.
    const text = `${p.marker.label} ${Math.floor(p.marker.value + 1e-9)}`;
    const textWidth = ctx.measureText(text).width;
    const fitsRight = p.x + 3 * px + textWidth <= left + width;
    const x = fitsRight ? p.x + 3 * px : p.x - 3 * px - textWidth;
    const y = top + (2 + p.row * ROW) * px;
    ctx.fillStyle = withAlpha(theme.surface, 0.9);
    ctx.fillRect(x - 2 * px, y - 1 * px, textWidth + 4 * px, (ROW - 1) * px);
    ctx.fillStyle = colorOf(p.marker.emphasis);
    ctx.fillText(text, x, y);
  }
  ctx.restore();
}

/** Options for a bar chart of `chart`, `width` × `height` CSS pixels, drawn in `theme`. */
export function barOptions(chart: BarChart, theme: Theme, width: number, height: number): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: theme.muted,
    grid: { stroke: withAlpha(theme.border, 0.7), width: 1 },
    ticks: { stroke: theme.border, width: 1 },
    font: `11px ${theme.font}`,
    labelFont: `600 11px ${theme.font}`,
    labelSize: 18,
  };
  const splits = chart.xSplits;
  return {
    width,
    height,
    padding: [chart.markers.length ? 3 * ROW : 8, 12, 0, 0],
    legend: { show: true, live: true },
    cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: chart.xRange },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      {
        ...axis,
        label: chart.xLabel,
        values: (_u, ticks) => ticks.map(chart.xTick),
        ...(splits ? { splits: () => splits } : {}),
      },
      { ...axis, label: chart.yLabel, size: 48, grid: { ...axis.grid, show: true } },
    ],
    series: [
      { label: chart.xLabel },
      {
        label: chart.yLabel,
        fill: withAlpha(theme.accent, 0.55),
        stroke: theme.accent,
        width: 1,
        paths: uPlot.paths.bars!({ size: [0.92, Infinity], align: 0 }),
        points: { show: false },
        value: (_u, _v, _si, idx) => (idx == null ? "hover a bar to see its numbers" : (chart.titles[idx] ?? "")),
      },
    ],
    hooks: { draw: [(u) => drawMarkers(u, chart, theme)] },
  };
}
