// The sprint form (plan or edit a sprint) and the close-sprint form.
import type { NewSprint, Sprint } from "../bindings";
import { addDays, weekdayIndex } from "../dates";
import { type FormResult, parseOptionalNumber, required } from "./form";

export interface SprintFields {
  name: string;
  start: string;
  end: string;
  goal: string;
  committed: string;
}

export const SPRINT_FIELDS = ["name", "start", "end", "goal", "committed_points"] as const;

/** Proposes the next sprint: the day after the last sprint, same length, numbered on. */
export function nextSprint(existing: readonly Sprint[], lengthDays: number, today: string): SprintFields {
  const last = existing[existing.length - 1];
  const start = last ? addDays(last.end, 1 + (weekdayIndex(last.end) === 5 ? 2 : 0)) : today;
  const number = last ? Number(/(\d+)\s*$/.exec(last.name)?.[1] ?? existing.length) + 1 : 1;
  const prefix = last ? last.name.replace(/\s*\d+\s*$/, "") || "Sprint" : "Sprint";
  return { name: `${prefix} ${number}`, start, end: addDays(start, Math.max(1, lengthDays - 3)), goal: "", committed: "" };
}

export function sprintInput(f: SprintFields): FormResult<NewSprint> {
  const errors: Record<string, string> = {};
  for (const [key, value, what] of [["name", f.name, "a name"], ["start", f.start, "a start date"], ["end", f.end, "an end date"]] as const) {
    const e = required(value, what);
    if (e) errors[key] = e;
  }
  const committed = parseOptionalNumber(f.committed);
  if (Number.isNaN(committed)) errors.committed_points = "Committed points are a number, e.g. 40 or 21.5.";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: NewSprint = { name: f.name.trim(), start: f.start, end: f.end, goal: f.goal.trim() };
  if (committed !== null) input.committed_points = committed;
  return { input, errors };
}

/** Parses the completed points typed when closing a sprint. */
export function completedInput(text: string): { value: number | null; error: string | null } {
  const v = parseOptionalNumber(text);
  if (v === null) return { value: null, error: "Enter the points completed." };
  if (Number.isNaN(v)) return { value: null, error: "Completed points are a number, e.g. 38." };
  return { value: v, error: null };
}

/** A stored sprint as the edit form shows it. */
export function sprintFields(s: Sprint): SprintFields {
  return { name: s.name, start: s.start, end: s.end, goal: s.goal, committed: s.committed_points === null ? "" : String(s.committed_points) };
}

/** Points as people write them: 38, 21.5. */
export function shownPoints(p: number): string {
  return Number.isInteger(p) ? String(p) : String(Math.round(p * 100) / 100);
}

/** What closing did, from the sprint as the screen had it and as the backend returned it:
 *  "Closed Sprint 37 with 36 points." or, for a correction, "Corrected Sprint 37: 38 points (was 36)". */
export function closedMessage(before: Sprint, after: Sprint): string {
  const now = shownPoints(after.completed_points ?? 0);
  return before.completed_points === null
    ? `Closed ${after.name} with ${now} points.`
    : `Corrected ${after.name}: ${now} points (was ${shownPoints(before.completed_points)})`;
}
