// Data for the simulator half of the Insights screen: the comparison table, the focus-hours bars
// with their 80 % range, the 4 × 4 sensitivity grid and what "Adopt" opens. Wording and layout
// only; every number and the winner come from the backend's Simulation.
import type { PolicyKind, SimBacktest, Simulation, Spread, Strategy, StrategyResult } from "../bindings";

const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const whole = (x: number) => String(Math.round(x));
const percent = (x: number) => `${Math.round(x * 100)} %`;

const SHORT: Record<Strategy["kind"], string> = {
  no_shield: "No shield", ops_share: "Ops share", daily: "Daily Batman", weekly: "Op of the Week",
  per_sprint: "One out per sprint", standing: "Standing shield",
};

/** A short name for tables: "Daily Batman", "Op of the Week + wait", "Backlog and wait". */
export function shortName(s: Strategy): string {
  if (s.kind === "no_shield" && s.backlog_and_wait) return "Backlog and wait";
  return s.backlog_and_wait ? `${SHORT[s.kind]} + wait` : SHORT[s.kind];
}

/** The short name of a strategy named by the backend ("daily+wait"), or the name itself when it is not in the results. */
export function shortOf(sim: Simulation, name: string): string {
  const r = sim.results.find((x) => x.name === name);
  return r ? shortName(r.strategy) : name;
}

/** One row of the comparison table, as text. */
export interface ComparisonRow {
  name: string;
  short: string;
  label: string;
  winner: boolean;
  focus: string;
  focusRange: string;
  points: string;
  switches: string;
  responseP95: string;
  chores: string;
  overload: string;
}

export function comparisonRows(sim: Simulation): ComparisonRow[] {
  return sim.results.map((r) => ({
    name: r.name,
    short: shortName(r.strategy),
    label: strategyLabel(r),
    winner: r.name === sim.winner,
    focus: whole(r.focus_hours.mean),
    focusRange: `${whole(r.focus_hours.low)}–${whole(r.focus_hours.high)}`,
    points: r.points ? `${one(r.points.mean)} (${whole(r.points.low)}–${whole(r.points.high)})` : "—",
    switches: one(r.context_switches_per_dev),
    responseP95: `${whole(r.first_response_p95)} min`,
    chores: r.chores_hours > 0 ? `${whole(r.chores_hours)} h` : "—",
    overload: percent(r.duty_overload_chance),
  }));
}

/** The backend's label, with "+ backlog-and-wait" when the strategy sends what can wait to the day's end. */
export function strategyLabel(r: StrategyResult): string {
  if (r.strategy.kind === "no_shield" && r.strategy.backlog_and_wait) return "Backlog and wait: what can wait goes to the end of the day";
  return r.strategy.backlog_and_wait ? `${r.label}, with backlog-and-wait` : r.label;
}

/** A bar of the focus chart: mean and 80 % range as % of the widest high. */
export interface FocusBar {
  name: string;
  winner: boolean;
  mean: number;
  low: number;
  high: number;
  text: string;
}

export function focusBars(sim: Simulation): FocusBar[] {
  const max = Math.max(1, ...sim.results.map((r) => r.focus_hours.high));
  const pct = (x: number) => Math.round((Math.max(0, x) / max) * 1000) / 10;
  return sim.results.map((r) => ({
    name: shortName(r.strategy),
    winner: r.name === sim.winner,
    mean: pct(r.focus_hours.mean),
    low: pct(r.focus_hours.low),
    high: pct(r.focus_hours.high),
    text: `${whole(r.focus_hours.mean)} h (80 %: ${whole(r.focus_hours.low)}–${whole(r.focus_hours.high)})`,
  }));
}

/** The sensitivity table: rows by recovery minutes, columns by block minutes, cells the winner. */
export interface SensitivityGrid {
  blocks: number[];
  rows: { recovery: number; cells: { block: number; winner: string; same: boolean; current: boolean }[] }[];
}

export function sensitivityGrid(sim: Simulation): SensitivityGrid {
  const uniq = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const blocks = uniq(sim.sensitivity.map((c) => c.block_minutes));
  const recoveries = uniq(sim.sensitivity.map((c) => c.recovery_minutes));
  return {
    blocks,
    rows: recoveries.map((recovery) => ({
      recovery,
      cells: blocks.map((block) => {
        const winner = sim.sensitivity.find((c) => c.recovery_minutes === recovery && c.block_minutes === block)?.winner ?? "—";
        return {
          block,
          winner: shortOf(sim, winner),
          same: winner === sim.winner,
          current: recovery === sim.settings.recovery_minutes && block === sim.settings.block_minutes,
        };
      }),
    })),
  };
}

/** What "Adopt" opens: the policy kind of a shield, or why there is nothing to adopt. */
export type Adoption = { kind: PolicyKind } | { none: string };

export function adoption(s: Strategy): Adoption {
  switch (s.kind) {
    case "daily": return { kind: "daily" };
    case "weekly": return { kind: "weekly" };
    case "per_sprint": return { kind: "sprint" };
    case "standing": return { kind: "standing" };
    case "ops_share":
      return { none: "A share of time for ops is not a duty rotation: set it aside in sprint planning; there is no policy to adopt." };
    case "no_shield":
      return {
        none: s.backlog_and_wait
          ? "Backlog-and-wait needs no duty policy: agree as a team that what can wait goes on the backlog."
          : "No shield has nothing to adopt: interrupts keep going to whoever is asked.",
      };
  }
}

/** Whole minutes from a typed field, or null when it is not a whole number (the backend checks ranges). */
export function minutesOf(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/** Everything assumed, each sentence once (the model's own assumptions are part of the simulation's). */
export function assumptionLines(sim: Simulation): string[] {
  return [...new Set([...sim.model.assumptions, ...sim.assumptions])];
}

/** The shield with the most focus (the first result that has a policy to adopt), for when the winner has none. */
export function bestShield(sim: Simulation): { name: string; kind: PolicyKind } | null {
  for (const r of sim.results) {
    const a = adoption(r.strategy);
    if ("kind" in a) return { name: shortName(r.strategy), kind: a.kind };
  }
  return null;
}

/** One past sprint of the simulator's backtest, as text: each predicted range beside what happened. */
export interface BacktestRow {
  name: string;
  days: string;
  strategy: string;
  fitted: string;
  interrupts: string;
  hours: string;
  hoursHit: boolean;
  focus: string;
  focusHit: boolean | null;
  points: string;
  pointsHit: boolean | null;
}

const range = (s: Spread) => `${whole(s.mean)} (${whole(s.low)}–${whole(s.high)})`;

const STRATEGY_SHORT: Record<string, string> = {
  no_shield: "No shield", ops_share: "Ops share", daily: "Daily Batman", weekly: "Op of the Week",
  per_sprint: "One out per sprint", standing: "Standing shield",
};

/** The backtest's rows: "predicted (80 % range) → what happened", with whether it fell inside. */
export function backtestRows(b: SimBacktest): BacktestRow[] {
  return b.rows.map((r) => ({
    name: r.name,
    days: `${r.days.first} – ${r.days.last}`,
    strategy: STRATEGY_SHORT[r.strategy] ?? r.strategy,
    fitted: r.fitted_to === 0 ? "defaults (no log before it)" : `${r.fitted_to} interrupts before it`,
    interrupts: `${range(r.expected_interrupts)} → ${r.logged_interrupts}`,
    hours: `${range(r.expected_interrupt_hours)} → ${whole(r.logged_interrupt_hours)}`,
    hoursHit: r.interrupt_hours_hit,
    focus: r.focus_hit === null ? "not checked" : `${range(r.predicted_focus_hours)} → ${whole(r.replayed_focus_hours)}`,
    focusHit: r.focus_hit,
    points: r.predicted_points ? `${range(r.predicted_points)} → ${whole(r.completed_points)}` : `— → ${whole(r.completed_points)}`,
    pointsHit: r.points_hit,
  }));
}

/** "3 of 6 inside" lines for the backtest's three checks (what was not checked says so). */
export function backtestTallies(b: SimBacktest): string[] {
  const n = b.rows.length;
  return [
    `Interrupt hours: ${b.interrupt_hours_hits} of ${n} inside the predicted range`,
    b.focus_tested === 0 ? "Focus: not checked (someone on duty took every interrupt)" : `Focus: ${b.focus_hits} of ${b.focus_tested} inside`,
    b.points_tested === 0 ? "Points: not predicted (no velocity before the first sprint)" : `Points: ${b.points_hits} of ${b.points_tested} inside`,
  ];
}
