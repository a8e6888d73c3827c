// Pure logic of the Calendar screen: building export and import requests from the form, and
// describing the previewed events and import proposals in plain words.
import type {
  CalendarEvent, ExportRequest, ExportWhat, ImportAs, ImportMessage, ImportPreview, ImportRequest, ProposedTimeOff, TimeOffKind,
} from "../bindings";
import { addDays } from "../dates";

export interface ExportForm {
  what: ExportWhat[];
  memberId: number | null;
  policyId: number | null;
  from: string;
  to: string;
}

/** The default export: everything of the team from today over the next eight weeks. */
export function defaultForm(today: string): ExportForm {
  return { what: ["turns", "sprints", "releases"], memberId: null, policyId: null, from: today, to: addDays(today, 55) };
}

/** The request for `form`, or the sentence that says what is missing. */
export function exportRequest(teamId: number, form: ExportForm): ExportRequest | string {
  if (form.what.length === 0) return "Choose at least one thing to export.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.from) || !/^\d{4}-\d{2}-\d{2}$/.test(form.to)) return "Choose both dates.";
  if (form.to < form.from) return "The range ends before it starts.";
  return { team_id: teamId, member_id: form.memberId, policy_id: form.policyId, what: [...form.what], from: form.from, to: form.to };
}

/** Toggles `kind` in the list. */
export function toggle(what: ExportWhat[], kind: ExportWhat): ExportWhat[] {
  return what.includes(kind) ? what.filter((w) => w !== kind) : [...what, kind];
}

/** "2027-03-08 – 2027-03-19" or "Mon 15 Mar 09:30 – Tue 16 Mar 09:30" in `zone`. */
export function when(e: CalendarEvent, zone: string): string {
  if (e.when.kind === "all_day") {
    return e.when.first === e.when.last_inclusive ? e.when.first : `${e.when.first} – ${e.when.last_inclusive}`;
  }
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  return `${f.format(new Date(e.when.start))} – ${f.format(new Date(e.when.end))}`;
}

/** Counts of events per category, e.g. { Duty: 24, Sprint: 1 }, cancelled ones under "Cancelled". */
export function countByCategory(events: CalendarEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    const key = e.cancelled ? "Cancelled" : (e.categories[0] ?? "Other");
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The import request for a team, with the kinds the user chose per event (by UID); the file
 *  text is read on the Rust side from the chosen path. */
export function importRequest(
  teamId: number, kind: ImportAs, today: string, chosen: Record<string, TimeOffKind> = {},
): ImportRequest {
  const kinds = Object.entries(chosen).map(([uid, k]) => ({ uid, kind: k }));
  return { team_id: teamId, text: "", kind, from: addDays(today, -365), to: addDays(today, 730), kinds };
}

/** The kinds of time off an imported event can become, in the order the picker lists them. */
export const TIME_OFF_KINDS: { id: TimeOffKind; label: string }[] = [
  { id: "vacation", label: "Vacation" },
  { id: "sick", label: "Sick" },
  { id: "training", label: "Training" },
  { id: "other", label: "Other" },
];

/** Why a proposed time off has its kind, in words: guessed from what, or chosen. */
export function kindWhy(t: ProposedTimeOff): string {
  if (t.kind_reason === "chosen") return "your choice";
  if (t.kind_reason) return `guessed from ${t.kind_reason}`;
  return "nothing in the event says which kind";
}

/** A message about one event, e.g. "Line 12, Ski: skipped — it ends before it starts". */
export function messageText(m: ImportMessage): string {
  return `Line ${m.line}, ${m.summary}: ${m.level === "skipped" ? "skipped" : "imported with a note"} — ${m.text}`;
}

/** One sentence on what Apply would write. */
export function importSummary(p: ImportPreview): string {
  const dupT = p.proposal.time_off.filter((t) => t.duplicate).length;
  const dupH = p.proposal.holidays.filter((h) => h.duplicate).length;
  const parts = [`${p.time_off_to_write} time off`, `${p.holidays_to_write} holidays`];
  const skipped = dupT + dupH;
  const verb = p.applied ? "Imported" : "Will import";
  return `${verb} ${parts.join(" and ")}` +
    (skipped ? `; ${skipped} already recorded (skipped)` : "") +
    (p.proposal.unmatched.length ? `; ${p.proposal.unmatched.length} not usable` : "") + ".";
}
