// Calendar arithmetic on local dates written "YYYY-MM-DD" (a team's days, sprints, holidays):
// done in UTC on noon/midnight of the date, so the machine's own zone and DST never shift a day.
const MS_DAY = 86_400_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** `date` moved by `n` days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * MS_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_DAY);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** "Mon" … "Sun". */
export function weekdayName(date: string): string {
  return WEEKDAYS[weekdayIndex(date)] ?? "";
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayIndex(date) + 6) % 7));
}

/** ISO 8601 week number of `date`. */
export function isoWeek(date: string): number {
  const thursday = addDays(mondayOf(date), 3);
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}
