// Where things sit on the planner grid: the columns of the range (days of a sprint, or weeks of a
// quarter) in the team's zone, and each turn as a left/width share of the range
// (time-proportional, so a Monday-12:00 handoff sits mid-day).
import type { DutyPolicy, Holiday, RotationView, TimeOff, Turn } from "../bindings";
import { addDays, isoWeek, mondayOf, weekdayIndex } from "../dates";

/** One column of the grid: a day, or a week in the quarter view. */
export interface Column {
  date: string; // YYYY-MM-DD, the column's first day
  top: string; // "Mon" / "W48"
  bottom: string; // "23" / "23 Nov"
  weekend: boolean;
  holiday: string | null; // the holiday(s) in the column
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

/** Week columns of the range (the quarter view); a week's holidays are named on its column. */
export function weeks(view: Pick<RotationView, "range">, holidays: Holiday[]): Column[] {
  const out: Column[] = [];
  for (let d = view.range.first; d <= view.range.last; d = addDays(d, 7)) {
    const last = addDays(d, 6);
    const names = holidays.filter((h) => h.date >= d && h.date <= last).map((h) => h.name);
    out.push({
      date: d,
      top: `W${isoWeek(d)}`,
      bottom: `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]}`,
      weekend: false,
      holiday: names.length ? names.join(", ") : null,
    });
  }
  return out;
}

// Creating an Intl.DateTimeFormat is costly (about a millisecond in WebKit); the grid needs
// hundreds of conversions per repaint, so formatters are made once per zone and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "parts" | "label", zone: string): Intl.DateTimeFormat {
  const key = `${kind}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = kind === "parts"
      ? new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      : new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    formatters.set(key, f);
  }
  return f;
}

const midnights = new Map<string, number>();

/** UTC milliseconds of local midnight of `date` in `zone` (DST-safe: found by probing offsets). */
export function localMidnight(date: string, zone: string): number {
  const key = `${zone}|${date}`;
  const known = midnights.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 3; i++) {
    const parts = formatter("parts", zone).formatToParts(new Date(guess));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    guess -= asUtc - Date.UTC(y, m - 1, d);
  }
  midnights.set(key, guess);
  return guess;
}


/** Day columns of the range (the sprint view). */
export function days(view: Pick<RotationView, "range">, holidays: Holiday[]): Column[] {
  const out: Column[] = [];
  for (let d = view.range.first; d <= view.range.last; d = addDays(d, 1)) {
    const wd = weekdayIndex(d);
    out.push({
      date: d,
      top: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][wd] ?? "",
      bottom: String(Number(d.slice(8))),
      weekend: wd === 0 || wd === 6,
      holiday: holidays.find((h) => h.date === d)?.name ?? null,
    });
  }
  return out;
}

/** Holidays inside the range, each placed on its local day (for the Away lane). */
export function holidaySpans(holidays: Holiday[], view: Pick<RotationView, "range" | "zone">): { holiday: Holiday; span: Span }[] {
  const b = rangeBounds(view);
  return holidays.flatMap((holiday) => {
    const span = place(localMidnight(holiday.date, view.zone), localMidnight(addDays(holiday.date, 1), view.zone), b[0], b[1]);
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

export function rangeBounds(view: Pick<RotationView, "range" | "zone">): [number, number] {
  return [localMidnight(view.range.first, view.zone), localMidnight(addDays(view.range.last, 1), view.zone)];
}

export function placeTurn(t: Turn, bounds: [number, number]): Span | null {
  return place(Date.parse(t.start), Date.parse(t.end), bounds[0], bounds[1]);
}

/** Time off of `memberId` inside the range, as spans (for hatching behind that person's turns). */
export function awaySpans(memberId: number, timeOff: TimeOff[], view: Pick<RotationView, "range" | "zone">): Span[] {
  const b = rangeBounds(view);
  return timeOff
    .filter((t) => t.member_id === memberId)
    .map((t) => place(localMidnight(t.days.first, view.zone), localMidnight(addDays(t.days.last, 1), view.zone), b[0], b[1]))
    .filter((s): s is Span => s !== null);
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
    label = formatter("label", zone).format(new Date(iso));
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
