// Data for the Insights screen: the interrupt trend per sprint (a uPlot bar chart, chart.ts's
// shape), the category mix and the weekday × hour heat map as plain rows, the shares as
// sentences, and who absorbed what. Plain numbers and strings, no DOM: unit-tested. Every number
// comes from the backend's InterruptStats; this only arranges and words it.
import type { InterruptStats, LimitKind, PersonTally, Share, SprintTally, Tally } from "../bindings";
import type { BarChart } from "../forecast/chart";

/** The presets of the range picker. */
export const RANGE_PRESETS = [30, 90, 180, 365] as const;

/** "2 h 05 min" / "45 min". */
export function hoursMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")} min`;
}

const hours1 = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Sprint names without the words they all start with ("Phoenix 31", "Phoenix 32" → "31", "32"), for axis ticks. */
export function shortNames(names: string[]): string[] {
  if (names.length < 2) return names;
  const words = names.map((n) => n.split(" "));
  let common = 0;
  while (words.every((w) => w.length > common + 1 && w[common] === words[0]![common])) common++;
  return words.map((w) => w.slice(common).join(" "));
}

/** Interrupt hours per sprint, oldest first; each bar's legend says count, hours and ops share. */
export function trendChart(per: SprintTally[]): BarChart {
  const xs = per.map((_, i) => i);
  const titles = per.map(
    (s) => `${s.sprint} (${s.days.first} – ${s.days.last}): ${s.count} interrupts, ${hours1(s.minutes)} h, ${s.ops_percent} % of the team's time`,
  );
  const ticks = shortNames(per.map((s) => s.sprint));
  const peak = per.reduce((best, s) => (best && best.minutes >= s.minutes ? best : s), null as SprintTally | null);
  return {
    data: [xs, per.map((s) => hours1(s.minutes))],
    xRange: [-0.5, Math.max(per.length - 0.5, 0.5)],
    xLabel: ticks[0] !== per[0]?.sprint ? `Sprint (${per[0]!.sprint.slice(0, per[0]!.sprint.length - ticks[0]!.length).trim()} …)` : "Sprint",
    yLabel: "Interrupt hours",
    xTick: (x) => ticks[Math.round(x)] ?? "",
    xSplits: xs,
    titles,
    markers: [],
    summary: per.length
      ? `${per.length} sprints; most interrupt time in ${peak!.sprint} (${hours1(peak!.minutes)} h, ${peak!.ops_percent} % of the team's time)`
      : "no sprint overlaps the range",
  };
}

/** One line of a horizontal bar list: label, the numbers in words, and the bar's width in %. */
export interface BarRow {
  key: string;
  label: string;
  text: string;
  width: number;
}

/** The category (or severity, or cause) mix, most first as the backend sorted it, bars by minutes. */
export function mixRows(tallies: Tally[]): BarRow[] {
  const max = Math.max(0, ...tallies.map((t) => t.minutes));
  return tallies.map((t) => ({
    key: t.key,
    label: t.label,
    text: `${t.count} · ${hoursMinutes(t.minutes)}`,
    width: max > 0 ? Math.round((t.minutes / max) * 100) : 0,
  }));
}

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** One cell of the heat map: the count and a level 0 (none) … 4 (the busiest hour). */
export interface HeatCell {
  hour: number;
  count: number;
  level: 0 | 1 | 2 | 3 | 4;
  title: string;
}

export interface HeatGrid {
  rows: { day: string; cells: HeatCell[] }[];
  /** The hours shown: the span that holds every interrupt, widened to 08–18 at least. */
  hours: number[];
  max: number;
  summary: string;
}

/** The weekday × hour heat map (7 rows of 24 counts from the backend, Monday first). */
export function heatGrid(heat: number[][]): HeatGrid {
  const max = Math.max(0, ...heat.flat());
  let lo = 8;
  let hi = 18;
  heat.forEach((row) => row.forEach((c, h) => { if (c > 0) { lo = Math.min(lo, h); hi = Math.max(hi, h); } }));
  const hours = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const level = (c: number): HeatCell["level"] => (c === 0 || max === 0 ? 0 : (Math.min(4, Math.ceil((c / max) * 4)) as 1 | 2 | 3 | 4));
  let busiest = { day: "", hour: 0, count: 0 };
  const rows = WEEKDAYS.map((day, d) => ({
    day,
    cells: hours.map((hour) => {
      const count = heat[d]?.[hour] ?? 0;
      if (count > busiest.count) busiest = { day, hour, count };
      return { hour, count, level: level(count), title: `${day} ${pad(hour)}:00–${pad(hour + 1)}:00: ${count} interrupts` };
    }),
  }));
  const summary = max === 0 ? "no interrupts in the range" : `busiest: ${busiest.day} ${pad(busiest.hour)}:00 with ${busiest.count} interrupts`;
  return { rows, hours, max, summary };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The four shares as sentences, visible as text. */
export function shareLines(s: InterruptStats): string[] {
  const of = (x: Share) => `${x.percent} % (${x.count} of ${s.count})`;
  return [
    `${of(s.handled_on_duty)} handled by whoever was on duty`,
    `${of(s.pulled_off_focus)} pulled someone off focus`,
    `${of(s.could_have_waited)} could have waited`,
    `${of(s.urgent)} urgent (critical or high)`,
  ];
}

/** Who absorbed what: on and off duty, with a bar of each person's share of the total minutes. */
export interface PersonRow {
  id: number;
  name: string;
  onDuty: string;
  offDuty: string;
  /** Width in % of the busiest person's total, split into on and off duty. */
  onWidth: number;
  offWidth: number;
}

export function personRows(people: PersonTally[]): PersonRow[] {
  const total = (p: PersonTally) => p.on_duty_minutes + p.off_duty_minutes;
  const max = Math.max(0, ...people.map(total));
  const pct = (m: number) => (max > 0 ? Math.round((m / max) * 100) : 0);
  return people.map((p) => ({
    id: p.member_id,
    name: p.name,
    onDuty: `${p.on_duty} · ${hoursMinutes(p.on_duty_minutes)}`,
    offDuty: `${p.off_duty} · ${hoursMinutes(p.off_duty_minutes)}`,
    onWidth: pct(p.on_duty_minutes),
    offWidth: pct(p.off_duty_minutes),
  }));
}

/** The chip of a breach: which load limit, in two or three words. */
export const LIMIT_CHIP: Record<LimitKind, string> = {
  incidents_per_shift: "> 2 urgent per shift",
  ops_share: "ops > 50 %",
  on_call_share: "on call > 25 %",
};

/** Breaches shown before "Show all": a long list should not push the page down. */
export const BREACHES_SHOWN = 6;
