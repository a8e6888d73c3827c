// Form logic of adding or editing a freeze window: a name and either a one-off date range or a yearly
// MM-DD..MM-DD span (20 Dec to 6 Jan wraps over New Year), turned into the FreezeSpan the
// backend validates; plus how a stored freeze reads in the list.
import type { FreezeSpan, StoredFreeze } from "../bindings";
import { required, type FieldErrors, type FormResult } from "../forms/form";

export interface FreezeFields {
  name: string;
  kind: "once" | "yearly";
  /** One-off: first and last day, "YYYY-MM-DD" (what a date input gives). */
  first: string;
  last: string;
  /** Yearly: "MM-DD". */
  from: string;
  to: string;
}

/** Every field an error can be shown under (the backend names "name", "to", "from", "last_day"). */
export const FREEZE_FIELDS = ["name", "first", "last", "from", "to"] as const;

export function emptyFreeze(): FreezeFields {
  return { name: "", kind: "once", first: "", last: "", from: "", to: "" };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function monthDay(text: string): { month: number; day: number } | null {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 2024 is a leap year: 02-29 is a day of the year.
  const d = new Date(Date.UTC(2024, month - 1, day));
  return month >= 1 && month <= 12 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { month, day } : null;
}

/** What to send, or inline errors for a missing name, missing or unreadable days. */
export function freezeInput(f: FreezeFields): FormResult<{ name: string; span: FreezeSpan }> {
  const errors: FieldErrors = {};
  const nameError = required(f.name, "a name, e.g. Year-end");
  if (nameError) errors.name = nameError;
  let span: FreezeSpan | null = null;
  if (f.kind === "once") {
    if (!ISO_DAY.test(f.first)) errors.first = "Choose the first frozen day.";
    if (!ISO_DAY.test(f.last)) errors.last = "Choose the last frozen day.";
    // Whether the days are in order is core's rule; its error comes back on the "last" field.
    span = { kind: "once", days: { first: f.first, last: f.last } };
  } else {
    const from = monthDay(f.from);
    const to = monthDay(f.to);
    if (!from) errors.from = "Write the first day as MM-DD, e.g. 12-20.";
    if (!to) errors.to = "Write the last day as MM-DD, e.g. 01-06.";
    if (from && to) span = { kind: "yearly", from, to };
  }
  if (Object.keys(errors).length || !span) return { input: null, errors };
  return { input: { name: f.name.trim(), span }, errors };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-20 to 2027-01-06" or "every year 12-20 to 01-06". */
export function describeSpan(span: FreezeSpan): string {
  return span.kind === "once"
    ? `${span.days.first} to ${span.days.last}`
    : `every year ${pad(span.from.month)}-${pad(span.from.day)} to ${pad(span.to.month)}-${pad(span.to.day)}`;
}

/** The form filled with a stored freeze, to edit it. */
export function freezeFields(z: StoredFreeze): FreezeFields {
  return z.span.kind === "once"
    ? { name: z.name, kind: "once", first: z.span.days.first, last: z.span.days.last, from: "", to: "" }
    : { name: z.name, kind: "yearly", first: "", last: "", from: `${pad(z.span.from.month)}-${pad(z.span.from.day)}`, to: `${pad(z.span.to.month)}-${pad(z.span.to.day)}` };
}
