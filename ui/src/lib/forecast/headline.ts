// The forecast as a scrum master reads it: core's headline sentence split so the commitment
// stands out, the one range, what the forecast assumed and warns about as visible lines, and the
// jargon (P85, focus person-days, Cohn) as rows for the "How this is computed" expander. Every
// number comes from core; nothing is recomputed here.
import type { SprintForecast } from "../bindings";

export interface HeadlineView {
  /** Core's whole sentence (what the window test reads). */
  sentence: string;
  /** "Commit to 26 points", shown large. */
  commit: string;
  /** The rest of the first sentence: "(85 % likely; 35 half the time)." */
  likely: string;
  /** "Capacity 35 focus days of 50: −10 on duty, −5 Ben's vacation." */
  capacity: string;
  /** The one range, in plain words. */
  range: string;
  /** Assumptions, then warnings, each a visible line. */
  notes: { kind: "assumption" | "warning"; text: string }[];
}

export interface DetailRow {
  label: string;
  value: string;
  note: string;
}

/** The headline of a forecast, or null when there is none yet. */
export function headlineView(r: SprintForecast): HeadlineView | null {
  const h = r.headline;
  if (!h) return null;
  const commit = `Commit to ${h.commit_points} points`;
  const first = h.sentence.endsWith(h.capacity) ? h.sentence.slice(0, h.sentence.length - h.capacity.length).trim() : h.sentence;
  const likely = first.startsWith(commit) ? first.slice(commit.length).trim() : first;
  return {
    sentence: h.sentence,
    commit,
    likely,
    capacity: h.capacity,
    range: h.range.sentence,
    notes: [
      ...r.assumptions.map((text) => ({ kind: "assumption" as const, text })),
      ...(r.forecast?.warnings ?? []).map((w) => ({ kind: "warning" as const, text: w.message })),
    ],
  };
}

const days1 = (x: number) => String(Math.round(x * 10) / 10);

/** The rows of "How this is computed": the same numbers as the headline, with their jargon. */
export function detailRows(r: SprintForecast): DetailRow[] {
  const f = r.forecast;
  const h = r.headline;
  if (!f || !h) return [];
  const d = f.deterministic;
  const mc = f.monte_carlo;
  const rows: DetailRow[] = [
    { label: "Focus person-days planned", value: days1(f.planned_focus_days.value), note: f.planned_focus_days.from },
    { label: "Points per focus person-day", value: String(Math.round(d.mean_per_focus_day.value * 100) / 100), note: d.mean_per_focus_day.from },
    ...h.percentiles.map((p) => ({
      label: `P${p.percent}`,
      value: p.points === null ? "—" : `${p.points} points`,
      note: p.note,
    })),
    { label: "Mean", value: `${Math.floor(d.points.value)} points`, note: d.points.from },
    {
      label: "Cohn's 90 % range of the median",
      value: d.range ? `${Math.floor(d.range.low)}–${Math.ceil(d.range.high)} points` : "—",
      note: d.range_note,
    },
    {
      label: "Lowest to highest past sprint",
      value: `${Math.floor(d.lowest_highest.low)}–${Math.ceil(d.lowest_highest.high)} points`,
      note: d.chance_in_lowest_highest.from,
    },
    { label: "Simulation", value: `${mc.trials} trials`, note: `seed ${mc.seed}; same seed, same result` },
  ];
  return rows;
}

/** The confidence lines the history backs (for the distribution chart's markers). */
export function backedPercents(r: SprintForecast): number[] {
  return (r.headline?.percentiles ?? []).filter((p) => p.points !== null).map((p) => p.percent);
}
