// What the planner writes on its turns and around them, worked out once per view: the label that
// fits a turn's width, who is on duty each day, the quarter's per-week counts, and WCAG contrast
// ratios for the colours the planner uses. Pure functions; the screen only reads their results.
import type { DutyPolicy, Turn } from "../bindings";

export type LabelKind = "full" | "first" | "initials";

/** The room a turn's padding (0.25rem each side) and border take, in px, with a little to spare. */
export const TURN_CHROME_PX = 12;

/** The width of `text` in the turn label's font (0.78rem of the UI font, semi-bold), estimated
 *  generously per letter class: narrow (i, l, t, …), wide (m, w, M, W), other capitals, the rest.
 *  Checked against the window at 1280 px ("Emma" needs 41 px, "Chloé" 36 px). */
export function textPx(text: string): number {
  let px = 0;
  for (const ch of text) {
    if ("iljtfrI.,'!|:; ".includes(ch)) px += 4.5;
    else if ("mwMW".includes(ch)) px += 12.5;
    else if (ch !== ch.toLowerCase()) px += 9.5;
    else px += 7.8;
  }
  return px;
}

/** "Ana Lopez" → "AL" (up to three words); a one-word name gives its first two letters ("Dm"),
 *  so two people starting with the same letter still differ. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (words.length === 1) return [...words[0]!].slice(0, 2).join("");
  return words.map((w) => [...w][0]!).slice(0, 3).join("").toUpperCase();
}

/** The label a turn `widthPx` wide shows: the whole name when it fits, else the first name, else
 *  the initials (always shown, even when they do not quite fit: a turn never shows nothing).
 *  `reservePx` is the room taken by padding and anything beside the name; `fontScale` the size
 *  of the text against the turn label's (0.85 for 0.7rem regular text). */
export function fitLabel(name: string, widthPx: number, reservePx = TURN_CHROME_PX, fontScale = 1): { kind: LabelKind; text: string } {
  const room = widthPx - reservePx;
  const fits = (s: string) => textPx(s) * fontScale <= room;
  const full = name.trim();
  if (fits(full)) return { kind: "full", text: full };
  const first = full.split(/\s+/)[0] ?? full;
  if (first !== full && fits(first)) return { kind: "first", text: first };
  return { kind: "initials", text: initials(full) };
}

/** One local day's bounds (from the view: `ViewDay.start`/`end`). */
export interface DayBounds {
  date: string;
  start: number; // UTC ms
  end: number; // UTC ms
}

/** The day among `days` (sorted) whose [start, end) holds the instant `ms`; null outside. */
export function dayAt(days: readonly DayBounds[], ms: number): DayBounds | null {
  let lo = 0, hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid]!;
    if (ms < d.start) hi = mid - 1;
    else if (ms >= d.end) lo = mid + 1;
    else return d;
  }
  return null;
}

/** Who is on duty on one day for one policy: the turn that covers the day's middle (a daily
 *  turn handed over at 09:30 covers the noon of the day it starts; a weekly one handed over on
 *  Monday morning belongs to the new person from Monday). */
export interface DutyCell {
  policyId: number;
  memberId: number | null;
  turn: Turn | null;
}

/** For each day, who is on duty under each of `policies` (in their order), from the turns
 *  grouped by policy. Turns of a policy are sorted by start (as the view gives them). */
export function onDuty(days: readonly DayBounds[], policies: readonly Pick<DutyPolicy, "id">[], turnsOf: ReadonlyMap<number, readonly Turn[]>): { date: string; cells: DutyCell[] }[] {
  const spans = new Map<number, { s: number; e: number; t: Turn }[]>();
  for (const p of policies) {
    spans.set(p.id, (turnsOf.get(p.id) ?? []).map((t) => ({ s: Date.parse(t.start), e: Date.parse(t.end), t })));
  }
  return days.map((d) => {
    const noon = d.start + (d.end - d.start) / 2;
    return {
      date: d.date,
      cells: policies.map((p) => {
        const hit = spans.get(p.id)!.find((x) => x.s <= noon && noon < x.e);
        return { policyId: p.id, memberId: hit?.t.member_id ?? null, turn: hit?.t ?? null };
      }),
    };
  });
}

/** Daily turns of the quarter view counted per week column and person: "Ana ×3, Ben ×2". A turn
 *  belongs to the week in which it starts. People appear in order of their first turn that week. */
export function weekCounts(weeks: readonly DayBounds[], turns: readonly Turn[]): { date: string; counts: { memberId: number; n: number }[] }[] {
  const out = weeks.map((w) => ({ date: w.date, counts: [] as { memberId: number; n: number }[] }));
  for (const t of turns) {
    const ms = Date.parse(t.start);
    const i = weekIndex(weeks, ms);
    if (i < 0) continue;
    const counts = out[i]!.counts;
    const c = counts.find((x) => x.memberId === t.member_id);
    if (c) c.n += 1;
    else counts.push({ memberId: t.member_id, n: 1 });
  }
  return out;
}

function weekIndex(weeks: readonly DayBounds[], ms: number): number {
  const d = dayAt(weeks, ms);
  return d ? weeks.indexOf(d) : -1;
}

/** "Ana ×3, Ben ×2" from counts and a name lookup (first names; a no-break space keeps each
 *  name with its count when the text wraps). */
export function countsText(counts: readonly { memberId: number; n: number }[], nameOf: (id: number) => string): string {
  return counts.map((c) => `${firstName(nameOf(c.memberId))}\u00a0×${c.n}`).join(", ");
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

// ---- Contrast (WCAG 2.x relative luminance) ----

/** "#1c2430" or "#abc" → [r, g, b] in 0..255. */
export function parseHex(hex: string): [number, number, number] {
  let h = hex.trim().replace(/^#/, "");
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1..21. */
export function contrast(a: string, b: string): number {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `color-mix(in srgb, a p%, b)`: the two colours mixed channel by channel, as "#rrggbb". */
export function mix(a: string, b: string, percentA: number): string {
  const x = parseHex(a), y = parseHex(b), f = percentA / 100;
  return "#" + x.map((v, i) => Math.round(v * f + y[i]! * (1 - f)).toString(16).padStart(2, "0")).join("");
}
