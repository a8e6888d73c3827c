// The capacity heat map: one row per member, one column per sprint day, shaded by the focus
// person-days left, with a marker for duty, time off, holiday and weekend, and the reason as title;
// under it the team's total per day.
import type { CapacityReport, CellFlag } from "../bindings";
import { weekdayName } from "../dates";

export type Marker = "duty" | "time_off" | "holiday" | "weekend" | "inactive" | null;

export interface HeatCell {
  date: string;
  value: number;
  /** Label shown in the cell: the value with one decimal, or the marker's letter when 0. */
  text: string;
  /** 0..1, how strong the shading is (the focus value relative to a full day). */
  shade: number;
  marker: Marker;
  /** Where the number comes from, for the title. */
  title: string;
}

export interface HeatRow {
  memberId: number;
  name: string;
  cells: HeatCell[];
  total: number;
  totalTitle: string;
}

export interface HeatColumn {
  date: string;
  weekday: string;
  day: string;
  working: boolean;
  holiday: string | null;
}

/** The team's focus person-days on one day: the sum of the column, with its terms as title. */
export interface DayTotal {
  date: string;
  value: number;
  /** The sum with one decimal; empty on a non-working day nobody works. */
  text: string;
  /** 0..1 of the day's most possible (everyone at a full day), for the shading. */
  shade: number;
  working: boolean;
  title: string;
}

export interface HeatMap {
  columns: HeatColumn[];
  rows: HeatRow[];
  /** Per-day team totals, one per column. */
  dayTotals: DayTotal[];
  total: number;
  totalTitle: string;
}

const MARKER_ORDER: CellFlag[] = ["holiday", "time_off", "inactive", "weekend", "duty"];
const LETTER: Record<Exclude<Marker, null>, string> = {
  duty: "D", time_off: "T", holiday: "H", weekend: "", inactive: "–",
};

/** The strongest reason a cell is reduced (holiday before time off before weekend before duty). */
export function markerOf(flags: CellFlag[]): Marker {
  return MARKER_ORDER.find((f) => flags.includes(f)) ?? null;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Person-days as the screen shows them: one decimal, as in the headline ("31.9 focus days"). */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}


export function heatMap(r: CapacityReport): HeatMap {
  const columns = r.days.map((d) => ({
    date: d.date, weekday: weekdayName(d.date), day: d.date.slice(8), working: d.working, holiday: d.holiday,
  }));
  const rows = r.people.map((p) => ({
    memberId: p.member_id,
    name: p.name,
    total: round1(p.total.value),
    totalTitle: p.total.from,
    cells: p.cells.map((c) => {
      const marker = markerOf(c.flags);
      const text = c.value >= 0.05 ? c.value.toFixed(1) : marker ? LETTER[marker] : "0";
      const title = c.duty ? `${c.date}: ${c.from} (on duty: ${c.duty})` : `${c.date}: ${c.from}`;
      return { date: c.date, value: c.value, text, shade: Math.max(0, Math.min(1, c.value)), marker, title };
    }),
  }));
  const dayTotals = r.days.map((d, i) => {
    const terms = r.people.map((p) => ({ name: p.name, value: p.cells[i]?.value ?? 0 }));
    const value = terms.reduce((sum, t) => sum + t.value, 0);
    const sum = terms.map((t) => `${t.name} ${round2(t.value)}`).join(" + ");
    return {
      date: d.date,
      value: round2(value),
      text: !d.working && value < 0.05 ? "" : value.toFixed(1),
      shade: r.people.length ? Math.max(0, Math.min(1, value / r.people.length)) : 0,
      working: d.working,
      title: `${d.date}: ${sum} = ${round2(value)} focus person-days`,
    };
  });
  return { columns, rows, dayTotals, total: round1(r.team_total.value), totalTitle: r.team_total.from };
}

export interface ScenarioCard {
  kind: string;
  label: string;
  total: number;
  title: string;
  /** Person-days more (+) or less (−) than shielded by your rotation. */
  delta: number;
  /** What the scenario assumes, one sentence each (shown as visible text). */
  assumptions: string[];
  duty: number;
  dutyTitle: string;
  interrupts: number;
  interruptsTitle: string;
  contextSwitch: number;
  contextSwitchTitle: string;
}

const SCENARIO_LABEL: Record<string, string> = {
  shielded: "Shielded (your rotation)",
  no_shield: "No shield: interrupts hit everyone",
};

/** The two scenarios side by side, the unshielded one compared with your rotation. */
export function scenarioCards(r: CapacityReport): ScenarioCard[] {
  const base = r.scenarios.find((s) => s.kind === "shielded")?.team_total.value ?? 0;
  return r.scenarios.map((s) => ({
    kind: s.kind,
    label: SCENARIO_LABEL[s.kind] ?? s.kind,
    total: round1(s.team_total.value),
    title: s.team_total.from,
    delta: round1(s.team_total.value - base),
    assumptions: s.assumptions,
    duty: round1(s.duty_cost.value),
    dutyTitle: s.duty_cost.from,
    interrupts: round1(s.interrupt_cost.value),
    interruptsTitle: s.interrupt_cost.from,
    contextSwitch: round1(s.context_switch_cost.value),
    contextSwitchTitle: s.context_switch_cost.from,
  }));
}
