// What the Publish dialog writes: pure helpers over the backend's PublishReport/PublishStatus (the
// backend decides what changes and whom it affects; this only words the buttons and rows).
import type { ActionKind, CalendarTarget, ExportWhat, PublishChange, PublishReport } from "../bindings";

/** How many writes the team calendar gets. */
export function changeCount(r: PublishReport): number {
  return r.created + r.updated + r.deleted;
}

/** The publish button's label: "Publish 5 changes", "Publish 1 change", "Nothing to publish". */
export function publishLabel(r: PublishReport | null): string {
  if (!r) return "Publish";
  const n = changeCount(r);
  if (n === 0) return "Nothing to publish";
  return `Publish ${n} change${n === 1 ? "" : "s"}`;
}

const KIND: Record<ActionKind, string> = { create: "New", update: "Changed", delete: "Removed" };

/** "New", "Changed", "Removed". */
export function kindLabel(k: ActionKind): string {
  return KIND[k];
}

/** A change's day as "Tue 8 Dec" (the day is a local date, YYYY-MM-DD). */
export function dayLabel(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })
    .format(date)
    .replace(",", "");
}

/** What a change does to its event: "Batman: Ana Souza → Batman: Ben Okafor", or its title. */
export function changeText(c: PublishChange): string {
  return c.before && c.before !== c.summary ? `${c.before} → ${c.summary}` : c.summary;
}

/** "https://dav.example.com/ana/phoenix/ as ana (password from $VAR)". */
export function targetLine(t: CalendarTarget): string {
  return `${t.collection_url} as ${t.user} (password from $${t.password_env})`;
}

/** What is published, in words: "turns", "turns and sprints", "turns, sprints and releases". */
export function whatLine(what: ExportWhat[]): string {
  const names = what.map((w) => (w === "time_off" ? "time off" : w));
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
