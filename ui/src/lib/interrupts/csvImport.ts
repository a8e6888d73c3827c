// The Import CSV dialog's logic: the user's column and value choices as the request's mapping,
// the targets a value can be mapped to, and the sentences the dialog shows. What a file means
// (source, columns, rows, duplicates, reasons) is decided by the backend's preview; this only
// keeps the choices and words them.
import type {
  CsvMapping, CsvSource, ImportField, InterruptCsvPreview, InterruptCsvRequest, Member, ValueChoice,
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 interrupts to add · 3 duplicates · 1 cannot be read" (duplicates: already in the log or repeated in the file). */
export function summary(p: InterruptCsvPreview): string {
  return [
    `${plural(p.rows.length, "interrupt", "interrupts")} to add`,
    `${plural(p.duplicates.length, "duplicate", "duplicates")}`,
    `${p.skipped.length} cannot be read`,
  ].join(" · ");
}

/** The apply button's words. */
export const applyLabel = (p: InterruptCsvPreview) =>
  p.rows.length === 0 ? "Nothing to import" : `Import ${plural(p.rows.length, "interrupt", "interrupts")}`;

/** The sentence after an import. */
export function importedNotice(p: InterruptCsvPreview, fileName: string): string {
  const left = p.duplicates.length + p.skipped.length;
  return `Imported ${plural(p.rows.length, "interrupt", "interrupts")} from ${fileName}` +
    (left ? ` (${left} left out: ${plural(p.duplicates.length, "duplicate", "duplicates")}, ${p.skipped.length} unreadable).` : ".");
}

/** A file's bytes as the IPC argument. */
export async function fileBytes(file: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await file.arrayBuffer()));
}
