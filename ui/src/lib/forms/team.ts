// The team form (new team and team editor): what the scrum master picks, turned into a NewTeam,
// and the search over the IANA zone list the backend sends (list_zones). The rules themselves
// (known zone, at least one working day, 1–60 sprint days) live in Rust; here only what is
// missing or unparseable is caught before sending.
import type { NewTeam, Team, TeamKind } from "../bindings";
import { type FormResult, parseOptionalInt, required } from "./form";

export type Weekday = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";
export const WEEKDAYS: Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const TEAM_KINDS: { value: TeamKind; label: string }[] = [
  { value: "dev", label: "Development" },
  { value: "ops", label: "Operations" },
  { value: "mixed", label: "Dev and ops" },
];
export const TEAM_FIELDS = ["name", "kind", "zone", "working_days", "sprint_length_days"] as const;

export interface TeamFields {
  name: string;
  kind: TeamKind;
  zone: string;
  workingDays: Weekday[];
  length: string;
}

/** A blank new team in `zone` (the machine's zone when it is in the list, else none picked). */
export function emptyTeam(zone: string): TeamFields {
  return { name: "", kind: "dev", zone, workingDays: ["Mon", "Tue", "Wed", "Thu", "Fri"], length: "14" };
}

/** The fields of a stored team, for the editor. */
export function teamFields(t: Team): TeamFields {
  return { name: t.name, kind: t.kind, zone: t.zone, workingDays: [...t.working_days], length: String(t.sprint_length_days) };
}

/** Toggles `day` in `days`, keeping Monday-first order. */
export function toggleDay(days: Weekday[], day: Weekday): Weekday[] {
  const set = new Set(days);
  if (set.has(day)) set.delete(day);
  else set.add(day);
  return WEEKDAYS.filter((d) => set.has(d));
}

export function teamInput(f: TeamFields): FormResult<NewTeam> {
  const errors: Record<string, string> = {};
  const nameError = required(f.name, "a team name");
  if (nameError) errors.name = nameError;
  if (f.zone.trim() === "") errors.zone = "Pick the team's time zone from the list.";
  if (f.workingDays.length === 0) errors.working_days = "Tick at least one working day.";
  const length = parseOptionalInt(f.length);
  if (Number.isNaN(length)) errors.sprint_length_days = "Sprint length is a whole number of days, e.g. 14.";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: NewTeam = { name: f.name.trim(), kind: f.kind, zone: f.zone.trim(), working_days: [...f.workingDays] };
  if (length !== null) input.sprint_length_days = length;
  return { input, errors };
}

/** Whether saving `f` over `t` changes what the rotation is planned on (zone or working days),
 *  so the editor shows the backend's preview sentence before saving. */
export function movesTurns(t: Team, f: TeamFields): boolean {
  return f.zone.trim() !== t.zone || f.workingDays.join(",") !== t.working_days.join(",");
}

const squash = (s: string) => s.toLowerCase().replace(/[_/\s-]+/g, " ").trim();

/** The zones matching `query`, best first, at most `limit`: every word of the query must appear
 *  ("new york" finds America/New_York, "berl" Europe/Berlin); names whose city starts with the
 *  query come first, then names containing it at a word start, then the rest, each in list order. */
export function filterZones(zones: readonly string[], query: string, limit = 50): string[] {
  const q = squash(query);
  if (q === "") return zones.slice(0, limit);
  const words = q.split(" ");
  const scored: { zone: string; rank: number; i: number }[] = [];
  zones.forEach((zone, i) => {
    const name = squash(zone);
    if (!words.every((w) => name.includes(w))) return;
    const city = squash(zone.slice(zone.lastIndexOf("/") + 1));
    const rank = city.startsWith(q) ? 0 : name.startsWith(q) || name.includes(` ${words[0]}`) ? 1 : 2;
    scored.push({ zone, rank, i });
  });
  scored.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.zone);
}

/** The zone `text` names exactly (case and separators aside), or null. */
export function exactZone(zones: readonly string[], text: string): string | null {
  const t = squash(text);
  return zones.find((z) => squash(z) === t) ?? null;
}
