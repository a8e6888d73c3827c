// Where things sit on the planner grid: the columns of the range (days of a sprint, or weeks of a
// quarter) and each turn as a left/width share of the range (time-proportional, so a Monday-12:00
// handoff sits mid-day). Which days are worked, their holidays and the instants each local day
// begins and ends all come from the view (`view.days`, computed in core): nothing here works out
// a weekend, a holiday or a local midnight.
import type { DutyPolicy, Holiday, PolicyKind, RotationView, TimeOff, Turn, ViewDay } from "../bindings";
import { dayAt, type DayBounds } from "./readability";
import { addDays, isoWeek, mondayOf, weekdayName } from "../dates";

/** One column of the grid: a day, or a week in the quarter view. */
export interface Column {
  date: string; // YYYY-MM-DD, the column's first day
  top: string; // "Mon" / "W48"
  bottom: string; // "23" / "23 Nov"
  weekend: boolean; // not one of the team's working days
  holiday: string | null; // the holiday(s) in the column
  start: number; // UTC ms the column begins (its first day's local midnight)
  end: number; // UTC ms it ends (the local midnight after its last day)
  width: number; // percent of the range: time-proportional, like the turns (a 23-hour day is narrower)
}

export type Scale = "sprint" | "quarter";

/** Weeks in the quarter view. */
export const QUARTER_WEEKS = 13;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The days shown for a scale: the sprint's days (at least two weeks), or 13 weeks from the
 *  Monday of the sprint's first week. */
export function rangeFor(scale: Scale, sprint: { start: string; end: string }): { from: string; to: string } {
  if (scale === "quarter") {
    const from = mondayOf(sprint.start);
    return { from, to: addDays(from, QUARTER_WEEKS * 7 - 1) };
  }
  const twoWeeks = addDays(sprint.start, 13);
  return { from: sprint.start, to: twoWeeks > sprint.end ? twoWeeks : sprint.end };
}

/** The view's days parsed once per view (the view is replaced whole, never mutated): each local
 *  day's bounds by date, and the range's bounds. */
interface DayIndex {
  first: string;
  last: string;
  byDate: Map<string, [number, number]>;
  list: DayBounds[]; // the days in order, for finding the day an instant falls in
  bounds: [number, number];
}

type WithDays = Pick<RotationView, "days">;

const indexes = new WeakMap<readonly ViewDay[], DayIndex>();

function indexOf(view: WithDays): DayIndex {
  let ix = indexes.get(view.days);
  if (!ix) {
    const byDate = new Map<string, [number, number]>();
    const list: DayBounds[] = [];
    for (const d of view.days) {
      const b: [number, number] = [Date.parse(d.start), Date.parse(d.end)];
      byDate.set(d.date, b);
      list.push({ date: d.date, start: b[0], end: b[1] });
    }
    const first = view.days[0], last = view.days[view.days.length - 1];
    ix = {
      first: first?.date ?? "",
      last: last?.date ?? "",
      byDate,
      list,
      bounds: first && last ? [Date.parse(first.start), Date.parse(last.end)] : [0, 1],
    };
    indexes.set(view.days, ix);
  }
  return ix;
}

/** A column over `group` (consecutive days of the view), placed in the range `bounds`. */
function column(group: ViewDay[], bounds: [number, number], label: { top: string; bottom: string }, weekend: boolean): Column {
  const first = group[0]!, last = group[group.length - 1]!;
  const start = Date.parse(first.start), end = Date.parse(last.end);
  const names = group.map((d) => d.holiday).filter((h): h is string => h !== null);
  return {
    date: first.date,
    ...label,
    weekend,
    holiday: names.length ? names.join(", ") : null,
    start,
    end,
    width: ((end - start) / (bounds[1] - bounds[0])) * 100,
  };
}

/** Week columns of the range (the quarter view): seven of the view's days each, from its first
 *  day; a week's bounds run from its first day's start to its last day's end, and its holidays
 *  are named on it. */
export function weeks(view: WithDays): Column[] {
  const bounds = indexOf(view).bounds;
  const out: Column[] = [];
  for (let i = 0; i < view.days.length; i += 7) {
    const group = view.days.slice(i, i + 7);
    const d = group[0]!.date;
    out.push(column(group, bounds, { top: `W${isoWeek(d)}`, bottom: `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]}` }, false));
  }
  return out;
}

// Creating an Intl.DateTimeFormat is costly (about a millisecond in WebKit); labels are asked for
// on every repaint, so one formatter is made per zone and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    formatters.set(zone, f);
  }
  return f;
}

/** Day columns of the range (the sprint view), one per day of the view: shaded when the team
 *  does not work that weekday, marked with the view's holiday. */
export function days(view: WithDays): Column[] {
  const bounds = indexOf(view).bounds;
  return view.days.map((d) => column([d], bounds, { top: weekdayName(d.date), bottom: String(Number(d.date.slice(8))) }, !d.working));
}

/** Holidays inside the range, each placed on its local day (for the Away lane). */
export function holidaySpans(holidays: Holiday[], view: WithDays): { holiday: Holiday; span: Span }[] {
  const ix = indexOf(view);
  return holidays.flatMap((holiday) => {
    const day = ix.byDate.get(holiday.date);
    const span = day ? place(day[0], day[1], ix.bounds[0], ix.bounds[1]) : null;
    return span ? [{ holiday, span }] : [];
  });
}

export interface Span {
  left: number; // percent of the range
  width: number; // percent of the range
}

/** The part of [start, end) inside the range, as percentages; null when outside. */
export function place(startMs: number, endMs: number, rangeStart: number, rangeEnd: number): Span | null {
  const s = Math.max(startMs, rangeStart), e = Math.min(endMs, rangeEnd);
  if (e <= s) return null;
  const total = rangeEnd - rangeStart;
  return { left: ((s - rangeStart) / total) * 100, width: ((e - s) / total) * 100 };
}

/** The range's bounds in UTC ms: its first day's start to its last day's end (from the view). */
export function rangeBounds(view: WithDays): [number, number] {
  return indexOf(view).bounds;
}

export function placeTurn(t: Turn, bounds: [number, number]): Span | null {
  return place(Date.parse(t.start), Date.parse(t.end), bounds[0], bounds[1]);
}

/** The view's days with their bounds in UTC ms, in order. */
export function dayBounds(view: WithDays): DayBounds[] {
  return indexOf(view).list;
}

/** Where a turn sits on the sprint view's day columns. A daily policy's turn covers the local day
 *  it starts on, from that day's start to its end, so it lines up with the day's column (a turn
 *  from Tuesday 09:30 to Wednesday 09:30 fills Tuesday; its handoff time is in its label), and is
 *  left out when it starts outside the range. Other turns (weekly, per sprint, standing) are
 *  time-proportional. Null when not shown. */
export function placeTurnOn(t: Turn, kind: PolicyKind, view: WithDays): Span | null {
  const ix = indexOf(view);
  if (kind === "daily") {
    // A daily turn that started before the range (Friday's, running over the weekend into
    // Monday morning) belongs to its own day, not to a sliver of the first one; the on-duty row
    // still names its person on the days it covers.
    const day = dayAt(ix.list, Date.parse(t.start));
    return day ? place(day.start, day.end, ix.bounds[0], ix.bounds[1]) : null;
  }
  return place(Date.parse(t.start), Date.parse(t.end), ix.bounds[0], ix.bounds[1]);
}

/** Time off of `memberId` inside the range, as spans (for hatching behind that person's turns):
 *  from the start of its first day in the range to the end of its last. */
export function awaySpans(memberId: number, timeOff: TimeOff[], view: WithDays): Span[] {
  const ix = indexOf(view);
  const out: Span[] = [];
  for (const t of timeOff) {
    if (t.member_id !== memberId) continue;
    const first = ix.byDate.get(t.days.first > ix.first ? t.days.first : ix.first);
    const last = ix.byDate.get(t.days.last < ix.last ? t.days.last : ix.last);
    const span = first && last ? place(first[0], last[1], ix.bounds[0], ix.bounds[1]) : null;
    if (span) out.push(span);
  }
  return out;
}

/** Rows of the grid: each policy of the team, the policy it escalates to right beneath it. */
export function rows(policies: DutyPolicy[], teamId: number): { policy: DutyPolicy; escalation: boolean }[] {
  const own = policies.filter((p) => p.team_id === teamId);
  const out: { policy: DutyPolicy; escalation: boolean }[] = [];
  const targets = new Set(policies.map((p) => p.escalates_to).filter((x): x is number => x !== null));
  for (const p of own) {
    if (targets.has(p.id) && own.some((q) => q.escalates_to === p.id)) continue; // shown under its source
    out.push({ policy: p, escalation: false });
    const target = policies.find((q) => q.id === p.escalates_to);
    if (target) out.push({ policy: target, escalation: true });
  }
  return out;
}

const labels = new Map<string, string>();

/** "Mon 23 Nov 12:00" in the team's zone (remembered: every repaint asks for the same few). */
export function localTime(iso: string, zone: string): string {
  const key = `${zone}|${iso}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = formatter(zone).format(new Date(iso));
    if (labels.size > 5000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

/** Items grouped under each key `keys` gives them (an item may sit under several keys), in order. */
export function groupBy<T, K>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    for (const k of keys(item)) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}
