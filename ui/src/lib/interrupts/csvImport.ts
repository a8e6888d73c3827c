// The Import CSV dialog's logic, for both things it imports — the interrupt log and the sprint
// history: the user's column and value choices as the request's mapping, the targets a value can
// be mapped to, and the sentences the dialog shows. What a file means (source, columns, rows,
// duplicates, reasons, which interrupts could have waited) is decided by the backend's preview;
// this only keeps the choices and words them.
import type {
  CsvMapping, CsvSource, ImportField, InterruptCsvPreview, InterruptCsvRequest, Member, Severity, SprintColumnChoice,
  SprintCsvPreview, SprintCsvRequest, SprintField, ValueChoice,
} from "../bindings";
import { CATEGORIES, SEVERITIES } from "../forms/interrupt";

/** The fields a column can fill, in the order the dialog lists them. */
export const FIELDS: { field: ImportField; label: string }[] = [
  { field: "at", label: "Arrived at" },
  { field: "title", label: "Title" },
  { field: "category", label: "Category" },
  { field: "severity", label: "Severity" },
  { field: "minutes", label: "Minutes spent" },
  { field: "resolved", label: "Resolved at" },
  { field: "handled_by", label: "Handled by" },
  { field: "external_id", label: "External id" },
  { field: "root_cause", label: "Root cause" },
];

export const SOURCES: { value: CsvSource; label: string }[] = [
  { value: "pagerduty", label: "PagerDuty incidents" },
  { value: "opsgenie", label: "Opsgenie alerts" },
  { value: "jira", label: "Jira issues" },
  { value: "generic", label: "Generic CSV" },
];

export const sourceLabel = (s: CsvSource) => SOURCES.find((x) => x.value === s)?.label ?? s;
export const fieldLabel = (f: ImportField) => FIELDS.find((x) => x.field === f)?.label ?? f;

/** The user's choices so far: start empty (the backend offers the remembered mapping). */
export const noChoices = (): CsvMapping => ({ columns: [], values: [] });

/** The choices with `field` filled from `column` ("" = no column). */
export function chooseColumn(choices: CsvMapping, field: ImportField, column: string): CsvMapping {
  return {
    columns: [...choices.columns.filter((c) => c.field !== field), column ? { field, column } : { field }],
    values: choices.values,
  };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The choices with `value` of `field` meaning `to` (a category or severity name, a member's name, "" = nobody). */
export function chooseValue(choices: CsvMapping, field: ImportField, value: string, to: string): CsvMapping {
  const v: ValueChoice = { field, value, to };
  return {
    columns: choices.columns,
    values: [...choices.values.filter((x) => !(x.field === field && same(x.value, value))), v],
  };
}

/** The column the preview used for `field` ("" = none). */
export const columnOf = (p: InterruptCsvPreview, field: ImportField) =>
  p.mapping.columns.find((c) => c.field === field)?.column ?? "";

/** What a value of `field` can be mapped to: categories, severities, or the team's members (and nobody). */
export function targets(field: ImportField, members: Member[]): { value: string; label: string }[] {
  if (field === "category") return CATEGORIES.map((c) => ({ value: c.value, label: c.label }));
  if (field === "severity") return SEVERITIES.map((s) => ({ value: s, label: s }));
  return [{ value: "", label: "(nobody)" }, ...members.map((m) => ({ value: m.name, label: m.name }))];
}

/** The request for the team, source ("" = detect) and choices; the bytes travel beside it. */
export function request(teamId: number, source: CsvSource | "", choices: CsvMapping): InterruptCsvRequest {
  return { team_id: teamId, text: "", ...(source ? { source } : {}), mapping: choices };
}

/** The severities the user may mark as could-have-waited (critical and high never wait; the backend refuses them). */
export const WAITABLE: Severity[] = ["normal", "low"];

/** The severities the preview counted as could-have-waited. */
export const couldWaitOf = (p: InterruptCsvPreview): Severity[] => p.mapping.could_wait ?? ["low"];

/** The choices with `severity` counted as could-have-waited or not, starting from what the preview used. */
export function chooseCouldWait(choices: CsvMapping, used: Severity[], severity: Severity, on: boolean): CsvMapping {
  const now = new Set(choices.could_wait ?? used);
  if (on) now.add(severity); else now.delete(severity);
  return { ...choices, could_wait: WAITABLE.filter((s) => now.has(s)) };
}

/** The sprint fields a column can fill, in the dialog's order. */
export const SPRINT_FIELDS: { field: SprintField; label: string }[] = [
  { field: "name", label: "Name" },
  { field: "start", label: "First day" },
  { field: "end", label: "Last day" },
  { field: "committed", label: "Committed points" },
  { field: "completed", label: "Completed points" },
];

/** The sprint choices with `field` filled from `column` ("" = no column). */
export function chooseSprintColumn(choices: SprintColumnChoice[], field: SprintField, column: string): SprintColumnChoice[] {
  return [...choices.filter((c) => c.field !== field), column ? { field, column } : { field }];
}

/** The column the sprint preview used for `field` ("" = none). */
export const sprintColumnOf = (p: SprintCsvPreview, field: SprintField) =>
  p.mapping.find((c) => c.field === field)?.column ?? "";

/** The sprint-history request for the team and the chosen columns; the bytes travel beside it. */
export const sprintRequest = (teamId: number, columns: SprintColumnChoice[]): SprintCsvRequest =>
  ({ team_id: teamId, text: "", columns });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import brings in, as its words: one and many. */
export type Noun = { one: string; many: string };
export const INTERRUPTS: Noun = { one: "interrupt", many: "interrupts" };
export const SPRINTS: Noun = { one: "sprint", many: "sprints" };

/** What every import preview has: rows to add, duplicates and unreadable rows. */
export type Counted = { rows: unknown[]; duplicates: unknown[]; skipped: unknown[] };

/** "12 interrupts to add · 3 duplicates · 1 cannot be read" (duplicates: already stored or repeated in the file). */
export function summary(p: Counted, noun: Noun = INTERRUPTS): string {
  return [
    `${plural(p.rows.length, noun.one, noun.many)} to add`,
    `${plural(p.duplicates.length, "duplicate", "duplicates")}`,
    `${p.skipped.length} cannot be read`,
  ].join(" · ");
}

/** The apply button's words. */
export const applyLabel = (p: Counted, noun: Noun = INTERRUPTS) =>
  p.rows.length === 0 ? "Nothing to import" : `Import ${plural(p.rows.length, noun.one, noun.many)}`;

/** The sentence after an import. */
export function importedNotice(p: Counted, fileName: string, noun: Noun = INTERRUPTS): string {
  const left = p.duplicates.length + p.skipped.length;
  return `Imported ${plural(p.rows.length, noun.one, noun.many)} from ${fileName}` +
    (left ? ` (${left} left out: ${plural(p.duplicates.length, "duplicate", "duplicates")}, ${p.skipped.length} unreadable).` : ".");
}

/** A file's bytes as the IPC argument. */
export async function fileBytes(file: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await file.arrayBuffer()));
}
