import { describe, expect, it } from "vitest";
import {
  SPRINTS, applyLabel, chooseColumn, chooseCouldWait, chooseSprintColumn, chooseValue, columnOf, couldWaitOf,
  fileBytes, importedNotice, noChoices, request, sprintColumnOf, sprintRequest, summary, targets,
} from "../src/lib/interrupts/csvImport";
import type { InterruptCsvPreview, Member, SprintCsvPreview } from "../src/lib/bindings";

const preview = (rows: number, dups: number, skipped: number): InterruptCsvPreview => ({
  source: "pagerduty", detected: "pagerduty", columns: ["id", "description", "created_on", "urgency"],
  mapping: { columns: [{ field: "at", column: "created_on" }, { field: "category" }], values: [] },
  rows: Array.from({ length: rows }, (_, k) => ({
    line: k + 2, external_id: `P${k}`, handled_by_name: "", notes: [],
    spec: { arrived_at: "2026-11-03T08:12:44Z", title: `t${k}`, category: "operational_problem", severity: "high",
      handled_by: null, minutes: 5, pulled_off_focus: false, could_have_waited: false, root_cause: "" },
  })),
  duplicates: Array.from({ length: dups }, (_, k) => ({ line: 100 + k, title: "d", reason: "already in the log" })),
  skipped: Array.from({ length: skipped }, (_, k) => ({ line: 200 + k, reason: "it has no time" })),
  unknown_values: [], notes: [], applied: false,
});

const member = (id: number, name: string): Member => ({
  id, team_id: 1, name, email: null, capacity_percent: 100, skills: [], active_from: null, active_until: null,
  can_take_duty: true, colour: "#336699",
} as unknown as Member);

describe("CSV import choices", () => {
  it("keeps one column per field, the latest choice winning, and '' as no column", () => {
    let c = chooseColumn(noChoices(), "category", "service_name");
    c = chooseColumn(c, "category", "team_name");
    c = chooseColumn(c, "minutes", "");
    expect(c.columns).toEqual([{ field: "category", column: "team_name" }, { field: "minutes" }]);
  });
  it("maps a value once per field, case aside", () => {
    let c = chooseValue(noChoices(), "category", "Incident", "production_bug");
    c = chooseValue(c, "category", "incident ", "operational_problem");
    c = chooseValue(c, "severity", "incident", "high");
    expect(c.values).toEqual([
      { field: "category", value: "incident ", to: "operational_problem" },
      { field: "severity", value: "incident", to: "high" },
    ]);
  });
  it("offers categories, severities or the team's members (and nobody) as targets", () => {
    expect(targets("category", []).map((t) => t.value)).toContain("user_question");
    expect(targets("severity", []).map((t) => t.value)).toEqual(["critical", "high", "normal", "low"]);
    expect(targets("handled_by", [member(1, "Ana Lima")])).toEqual([
      { value: "", label: "(nobody)" }, { value: "Ana Lima", label: "Ana Lima" },
    ]);
  });
  it("builds the request without a source when it is to be detected", () => {
    expect(request(3, "", noChoices())).toEqual({ team_id: 3, text: "", mapping: { columns: [], values: [] } });
    expect(request(3, "jira", noChoices()).source).toBe("jira");
  });
  it("reads the column the preview used, '' for none", () => {
    const p = preview(1, 0, 0);
    expect(columnOf(p, "at")).toBe("created_on");
    expect(columnOf(p, "category")).toBe("");
    expect(columnOf(p, "title")).toBe("");
  });
});

describe("CSV import words", () => {
  it("counts what will happen", () => {
    expect(summary(preview(12, 3, 1))).toBe("12 interrupts to add · 3 duplicates · 1 cannot be read");
    expect(summary(preview(1, 0, 0))).toBe("1 interrupt to add · 0 duplicates · 0 cannot be read");
    expect(applyLabel(preview(0, 4, 0))).toBe("Nothing to import");
    expect(applyLabel(preview(2, 0, 0))).toBe("Import 2 interrupts");
  });
  it("says what was imported and what was left out", () => {
    expect(importedNotice(preview(2, 1, 1), "pd.csv")).toBe(
      "Imported 2 interrupts from pd.csv (2 left out: 1 duplicate, 1 unreadable).",
    );
    expect(importedNotice(preview(1, 0, 0), "pd.csv")).toBe("Imported 1 interrupt from pd.csv.");
  });
  it("sends a file's bytes as numbers, byte-order mark and all", async () => {
    const bytes = await fileBytes(new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c])]));
    expect(bytes).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c]);
  });
});

describe("Could have waited", () => {
  it("starts from what the preview used (low by default) and toggles normal and low", () => {
    const p = preview(1, 0, 0);
    expect(couldWaitOf(p)).toEqual(["low"]);
    let c = chooseCouldWait(noChoices(), couldWaitOf(p), "normal", true);
    expect(c.could_wait).toEqual(["normal", "low"]);
    c = chooseCouldWait(c, ["normal", "low"], "low", false);
    expect(c.could_wait).toEqual(["normal"]);
    c = chooseCouldWait(c, ["normal"], "normal", false);
    expect(c.could_wait).toEqual([]);
    // Column and value choices are kept.
    const withColumn = chooseCouldWait(chooseColumn(noChoices(), "severity", "priority"), ["low"], "normal", true);
    expect(withColumn.columns).toEqual([{ field: "severity", column: "priority" }]);
  });
  it("only offers severities that can wait", () => {
    const c = chooseCouldWait(noChoices(), ["low"], "high", true);
    expect(c.could_wait).toEqual(["low"]);
  });
});

describe("Sprint history import", () => {
  const sprints = (rows: number, dups: number, skipped: number): SprintCsvPreview => ({
    columns: ["Iteration", "Start", "End"],
    mapping: [{ field: "name", column: "Iteration" }, { field: "start", column: "Start" }, { field: "completed" }],
    rows: Array.from({ length: rows }, (_, k) => ({
      line: k + 2, spec: { name: `S${k}`, start: "2025-01-06", end: "2025-01-17", goal: "", committed_points: 20 },
    })) as SprintCsvPreview["rows"],
    duplicates: Array.from({ length: dups }, (_, k) => ({ line: 100 + k, title: "S", reason: "already there" })),
    skipped: Array.from({ length: skipped }, (_, k) => ({ line: 200 + k, reason: "not a date" })),
    notes: [], applied: false,
  });
  it("keeps one column per sprint field and reads the one the preview used", () => {
    let c = chooseSprintColumn([], "name", "Iteration");
    c = chooseSprintColumn(c, "name", "Sprint name");
    c = chooseSprintColumn(c, "completed", "");
    expect(c).toEqual([{ field: "name", column: "Sprint name" }, { field: "completed" }]);
    expect(sprintRequest(4, c)).toEqual({ team_id: 4, text: "", columns: c });
    expect(sprintColumnOf(sprints(1, 0, 0), "name")).toBe("Iteration");
    expect(sprintColumnOf(sprints(1, 0, 0), "completed")).toBe("");
  });
  it("words the counts and the result in sprints", () => {
    expect(summary(sprints(4, 1, 0), SPRINTS)).toBe("4 sprints to add · 1 duplicate · 0 cannot be read");
    expect(applyLabel(sprints(1, 0, 0), SPRINTS)).toBe("Import 1 sprint");
    expect(applyLabel(sprints(0, 2, 0), SPRINTS)).toBe("Nothing to import");
    expect(importedNotice(sprints(3, 1, 1), "history.csv", SPRINTS)).toBe(
      "Imported 3 sprints from history.csv (2 left out: 1 duplicate, 1 unreadable).",
    );
  });
});
