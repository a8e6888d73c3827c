// Where things sit on the planner grid: days of the range in the team's zone, and each turn as a
// left/width share of the range (time-proportional, so a Monday-12:00 handoff sits mid-day).
import type { DutyPolicy, Holiday, RotationView, TimeOff, Turn } from "../bindings";

export interface DayColumn {
  date: string; // YYYY-MM-DD
  label: string; // "Mon 23"
  weekend: boolean;
  holiday: string | null;
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

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function days(view: Pick<RotationView, "range">, holidays: Holiday[]): DayColumn[] {
  const out: DayColumn[] = [];
  for (let d = view.range.first; d <= view.range.last; d = addDays(d, 1)) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    out.push({
      date: d,
      label: `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][wd]} ${Number(d.slice(8))}`,
      weekend: wd === 0 || wd === 6,
      holiday: holidays.find((h) => h.date === d)?.name ?? null,
    });
  }
  return out;
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
