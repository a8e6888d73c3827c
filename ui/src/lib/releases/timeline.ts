// Pure layout and editing logic of the release timeline: days to x positions, bars for sprints,
// releases and freezes, the arrow from each sprint to its release, dragging a release to another
// day (snapped to whole weeks so the routine weekday is kept) and the undo history of placements.
import type { Release, TrainPlan } from "../bindings";
import { addDays, daysBetween } from "../dates";

export const DAY_PX = 14;

export interface Bar {
  key: string;
  x: number;
  width: number;
  label: string;
}

export interface ReleaseMark {
  sprintId: number;
  x: number;
  label: string;
  day: string;
  warnings: string[];
  pinned: boolean;
  moved: string | null;
}

export interface Arrow {
  sprintId: number;
  x1: number;
  x2: number;
}

export interface Layout {
  width: number;
  sprints: Bar[];
  freezes: Bar[];
  holidays: Bar[];
  releases: ReleaseMark[];
  arrows: Arrow[];
}

/** Positions every element of `plan` on a day grid starting at `plan.range.first`. */
export function layout(plan: TrainPlan, dayPx = DAY_PX): Layout {
  const x = (day: string) => daysBetween(plan.range.first, day) * dayPx;
  const span = (first: string, last: string) => Math.max(dayPx, (daysBetween(first, last) + 1) * dayPx);
  const sprints = plan.sprints.map((s) => ({
    key: `s${s.id}`,
    x: x(s.start),
    width: span(s.start, s.end),
    label: s.name,
  }));
  const releases = plan.releases.map((r) => ({
    sprintId: r.sprint_id,
    x: x(r.production_day),
    label: r.sprint_name,
    day: r.production_day,
    warnings: r.warnings.map((w) => w.message),
    pinned: r.pinned,
    moved: r.moved_from && r.move_reason ? `moved from ${r.moved_from}: ${r.move_reason}` : null,
  }));
  return {
    width: (daysBetween(plan.range.first, plan.range.last) + 1) * dayPx,
    sprints,
    freezes: plan.freezes.map((f, i) => ({ key: `f${i}`, x: x(f.days.first), width: span(f.days.first, f.days.last), label: f.name })),
    holidays: plan.holidays.map((h) => ({ key: `h${h.id}`, x: x(h.date), width: dayPx, label: h.name })),
    releases,
    arrows: plan.releases.map((r) => ({
      sprintId: r.sprint_id,
      x1: x(r.sprint_end) + dayPx,
      x2: x(r.production_day) + dayPx / 2,
    })),
  };
}

/** The production day a drag of `dx` pixels from `day` lands on, snapped to whole weeks. */
export function dropDay(day: string, dx: number, dayPx = DAY_PX): string {
  const weeks = Math.round(dx / (dayPx * 7));
  return addDays(day, weeks * 7);
}

/** One placement change, to undo: the day before (null = placed by the planner) and after. */
export interface Placement {
  sprintId: number;
  before: string | null;
  after: string | null;
}

/** The placement of `r` as a `Placement` holds it (null: placed by the planner). */
export function pinnedDay(r: Release): string | null {
  return r.pinned ? r.production_day : null;
}

/** Warnings a move would add or remove, comparing the release before and in the preview. */
export function warningDiff(before: Release | undefined, after: Release | undefined): { added: string[]; gone: string[] } {
  const a = new Set(before?.warnings.map((w) => w.message) ?? []);
  const b = new Set(after?.warnings.map((w) => w.message) ?? []);
  return { added: [...b].filter((m) => !a.has(m)), gone: [...a].filter((m) => !b.has(m)) };
}

/** "Thu 31 Dec 18:00" for an instant, in the ops team's zone. */
export function localTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(new Date(iso));
}
