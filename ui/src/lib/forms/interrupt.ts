// The interrupt forms. Quick capture: defaults chosen so a typical interrupt takes a few keystrokes
// (time = now, category and severity remembered from the last capture, minutes presets). Edit: a
// logged interrupt's fields as typed text, sent back whole.
import type { Interrupt, InterruptCategory, NewInterrupt, Severity } from "../bindings";
import { type FormResult, parseOptionalInt, required } from "./form";

export const CATEGORIES: { value: InterruptCategory; label: string }[] = [
  { value: "production_bug", label: "Production bug" },
  { value: "operational_problem", label: "Operational problem" },
  { value: "user_question", label: "User question / support" },
  { value: "security_patch", label: "Security patch" },
  { value: "release_rollback", label: "Release / rollback" },
  { value: "other", label: "Other" },
];

export const SEVERITIES: Severity[] = ["critical", "high", "normal", "low"];
export const MINUTE_PRESETS = [5, 15, 30, 60, 120];
export const INTERRUPT_FIELDS = [
  "arrived_at", "title", "category", "severity", "minutes", "handled_by", "pulled_off_focus", "could_have_waited", "root_cause",
] as const;

export interface InterruptFields {
  arrivedAt: string; // "YYYY-MM-DDTHH:MM", wall-clock time in the team's zone
  title: string;
  category: InterruptCategory;
  severity: Severity;
  minutes: string;
  handledBy: number | null;
  pulledOffFocus: boolean;
  couldHaveWaited: boolean;
  rootCause: string;
}

/** Wall-clock "YYYY-MM-DDTHH:MM" of `now` in IANA `zone` (the team's zone, not the computer's). */
export function localNow(now: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

export function freshInterrupt(now: Date, zone: string, last?: Pick<InterruptFields, "category" | "severity">): InterruptFields {
  return {
    arrivedAt: localNow(now, zone),
    title: "",
    category: last?.category ?? "production_bug",
    severity: last?.severity ?? "normal",
    minutes: "15",
    handledBy: null,
    pulledOffFocus: false,
    couldHaveWaited: false,
    rootCause: "",
  };
}

export function interruptInput(f: InterruptFields): FormResult<NewInterrupt> {
  const errors: Record<string, string> = {};
  const t = required(f.title, "what happened");
  if (t) errors.title = t;
  const a = required(f.arrivedAt, "when it arrived");
  if (a) errors.arrived_at = a;
  const minutes = parseOptionalInt(f.minutes);
  if (minutes === null || Number.isNaN(minutes)) errors.minutes = "Minutes spent is a whole number, e.g. 30.";
  if (Object.keys(errors).length > 0 || minutes === null) return { input: null, errors };
  const input: NewInterrupt = {
    arrived_at: f.arrivedAt,
    title: f.title.trim(),
    category: f.category,
    severity: f.severity,
    minutes,
    pulled_off_focus: f.pulledOffFocus,
    could_have_waited: f.couldHaveWaited,
    root_cause: f.rootCause.trim(),
  };
  if (f.handledBy !== null) input.handled_by = f.handledBy;
  return { input, errors };
}

/** A logged interrupt as the edit form shows it: arrival as wall-clock time in the team's `zone`. */
export function interruptFields(i: Interrupt, zone: string): InterruptFields {
  return {
    arrivedAt: localNow(new Date(i.arrived_at), zone),
    title: i.title,
    category: i.category,
    severity: i.severity,
    minutes: String(i.minutes),
    handledBy: i.handled_by,
    pulledOffFocus: i.pulled_off_focus,
    couldHaveWaited: i.could_have_waited,
    rootCause: i.root_cause,
  };
}

/** The edit of `original` to send. An arrival left as shown is sent as stored (to the second, with
 *  its offset), so saving another field never moves it. */
export function interruptEdit(f: InterruptFields, original: Interrupt, zone: string): FormResult<NewInterrupt> {
  const r = interruptInput(f);
  if (r.input && f.arrivedAt === localNow(new Date(original.arrived_at), zone)) r.input.arrived_at = original.arrived_at;
  return r;
}

/** Whether the form differs from the interrupt it edits (Save does nothing otherwise). */
export function interruptChanged(f: InterruptFields, original: Interrupt, zone: string): boolean {
  const o = interruptFields(original, zone);
  return (Object.keys(o) as (keyof InterruptFields)[]).some((k) =>
    typeof o[k] === "string" ? String(f[k]).trim() !== String(o[k]).trim() : f[k] !== o[k]);
}
