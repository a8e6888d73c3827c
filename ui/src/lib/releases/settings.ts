// Form logic of a release train's settings: the lag and the routine events (production day and
// time, release-candidate push, high alert, regression window, minimum lag) as typed text, turned
// into the RoutineEvents the backend validates. Errors are keyed by the backend's field names so
// its errors land under the same inputs; the limits themselves are checked in Rust.
import type { RoutineEvents } from "../bindings";
import { parseOptionalInt, type FieldErrors, type FormResult } from "../forms/form";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The fields as typed. Times are "HH:MM" (what a time input gives). */
export interface RoutineFields {
  lag_weeks: string;
  release_weekday: Weekday;
  release_time: string;
  rc_push_days_before: string;
  rc_push_time: string;
  high_alert_start: string;
  high_alert_end: string;
  regression_days_before_push: string;
  regression_start_time: string;
  min_lag_days: string;
}

/** Every field an error can be shown under. */
export const ROUTINE_FIELDS = [
  "lag_weeks", "release_weekday", "release_time", "rc_push_days_before", "rc_push_time",
  "high_alert_start", "high_alert_end", "regression_days_before_push", "regression_start_time", "min_lag_days",
] as const;

const hm = (t: string) => t.slice(0, 5);

/** The form filled from a stored train. */
export function routineFields(lagWeeks: number, r: RoutineEvents): RoutineFields {
  return {
    lag_weeks: String(lagWeeks),
    release_weekday: r.release_weekday,
    release_time: hm(r.release_time),
    rc_push_days_before: String(r.rc_push_days_before),
    rc_push_time: hm(r.rc_push_time),
    high_alert_start: hm(r.high_alert_start),
    high_alert_end: hm(r.high_alert_end),
    regression_days_before_push: String(r.regression_days_before_push),
    regression_start_time: hm(r.regression_start_time),
    min_lag_days: String(r.min_lag_days),
  };
}

/** The weekday `days` before `release`, e.g. Thu for 9 days before Sat. */
export function pushWeekday(release: Weekday, days: number): Weekday {
  const i = WEEKDAYS.indexOf(release);
  return WEEKDAYS[(((i - days) % 7) + 7) % 7] as Weekday;
}

/** What to send, or inline errors for numbers and times that cannot be read. */
export function routineInput(f: RoutineFields): FormResult<{ lagWeeks: number; routine: RoutineEvents }> {
  const errors: FieldErrors = {};
  const int = (key: keyof RoutineFields, what: string): number => {
    const n = parseOptionalInt(f[key]);
    if (n === null || Number.isNaN(n)) errors[key] = `Enter ${what} as a whole number.`;
    return n ?? 0;
  };
  const time = (key: keyof RoutineFields): string => {
    const t = f[key].trim();
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) errors[key] = "Enter a time as HH:MM, e.g. 09:00.";
    return t;
  };
  if (!WEEKDAYS.includes(f.release_weekday)) errors.release_weekday = "Choose a weekday.";
  const lagWeeks = int("lag_weeks", "the lag in weeks");
  const routine: RoutineEvents = {
    release_weekday: f.release_weekday,
    release_time: time("release_time"),
    rc_push_days_before: int("rc_push_days_before", "the days before the release"),
    rc_push_time: time("rc_push_time"),
    high_alert_start: time("high_alert_start"),
    high_alert_end: time("high_alert_end"),
    regression_days_before_push: int("regression_days_before_push", "the regression days"),
    regression_start_time: time("regression_start_time"),
    min_lag_days: int("min_lag_days", "the minimum lag in days"),
  };
  return Object.keys(errors).length ? { input: null, errors } : { input: { lagWeeks, routine }, errors };
}
