import { describe, expect, it } from "vitest";
import { errorsFrom, parseOptionalInt, parseOptionalNumber, parseTags } from "../src/lib/forms/form";
import { emptyMember, MEMBER_FIELDS, memberInput } from "../src/lib/forms/member";
import { completedInput, nextSprint, sprintInput } from "../src/lib/forms/sprint";
import { freshInterrupt, interruptInput, localNow } from "../src/lib/forms/interrupt";
import { sprintStatus } from "../src/lib/sprints/status";
import { formatMinutes, summarize } from "../src/lib/interrupts/summary";
import type { Interrupt, Sprint } from "../src/lib/bindings";

describe("member form", () => {
  it("turns typed fields into a NewMember", () => {
    const r = memberInput({ ...emptyMember(), name: " Ana ", capacity: "80", skills: "db, Ops ,", email: "ana@x.org" });
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ name: "Ana", capacity_percent: 80, skills: ["db", "Ops"], email: "ana@x.org", can_take_duty: true });
  });
  it("reports a missing name and a non-numeric capacity inline, sending nothing", () => {
    const r = memberInput({ ...emptyMember(), name: "  ", capacity: "eighty" });
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["capacity_percent", "name"]);
  });
  it("places a backend error under the field it names", () => {
    expect(errorsFrom({ kind: "invalid", message: "capacity must be between 1 and 100", field: "capacity_percent" }, MEMBER_FIELDS))
      .toEqual({ capacity_percent: "capacity must be between 1 and 100" });
    expect(errorsFrom({ kind: "storage", message: "disk full", field: null }, MEMBER_FIELDS)).toEqual({ _form: "disk full" });
  });
});

describe("number parsing", () => {
  it("distinguishes empty, valid and junk", () => {
    expect(parseOptionalInt("")).toBeNull();
    expect(parseOptionalInt(" 42 ")).toBe(42);
    expect(parseOptionalInt("4.2")).toBeNaN();
    expect(parseOptionalNumber("21,5")).toBe(21.5);
    expect(parseOptionalNumber("abc")).toBeNaN();
    expect(parseTags(" a, ,b ")).toEqual(["a", "b"]);
  });
});

const sprint = (name: string, start: string, end: string, completed: number | null = null): Sprint => ({
  id: 1, team_id: 1, name, start, end, goal: "", committed_points: 40, completed_points: completed,
});

describe("sprint form", () => {
  it("proposes the next sprint after the last one, skipping the weekend", () => {
    // 2026-11-20 is a Friday: the next sprint starts Monday 2026-11-23.
    const f = nextSprint([sprint("Phoenix 36", "2026-11-09", "2026-11-20")], 14, "2026-11-22");
    expect(f.name).toBe("Phoenix 37");
    expect(f.start).toBe("2026-11-23");
    expect(f.end).toBe("2026-12-04");
  });
  it("requires dates and numeric points", () => {
    const r = sprintInput({ name: "S", start: "", end: "2026-01-01", goal: "", committed: "lots" });
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["committed_points", "start"]);
    expect(completedInput("").error).toMatch(/Enter/);
    expect(completedInput("38").value).toBe(38);
  });
  it("labels sprints relative to today", () => {
    expect(sprintStatus(sprint("a", "2026-11-09", "2026-11-20"), "2026-11-22").label).toMatch(/ended/);
    expect(sprintStatus(sprint("a", "2026-11-23", "2026-12-04"), "2026-11-22").canClose).toBe(false);
    expect(sprintStatus(sprint("a", "2026-11-16", "2026-11-27"), "2026-11-22").label).toBe("running");
    expect(sprintStatus(sprint("a", "2026-11-09", "2026-11-20", 30), "2026-11-22").label).toBe("closed");
  });
});

describe("interrupt quick capture", () => {
  it("defaults the time to now in the team's zone, not the computer's", () => {
    const now = new Date("2026-07-01T22:30:00Z");
    expect(localNow(now, "Europe/Berlin")).toBe("2026-07-02T00:30");
    expect(localNow(now, "America/Chicago")).toBe("2026-07-01T17:30");
  });
  it("keeps category and severity from the last capture and needs only a title", () => {
    const f = freshInterrupt(new Date("2026-07-01T10:00:00Z"), "UTC", { category: "user_question", severity: "low" });
    expect(interruptInput(f).errors).toHaveProperty("title");
    const r = interruptInput({ ...f, title: "Where is my export?" });
    expect(r.input).toMatchObject({ arrived_at: "2026-07-01T10:00", category: "user_question", severity: "low", minutes: 15 });
  });
  it("rejects non-numeric minutes", () => {
    const f = { ...freshInterrupt(new Date(), "UTC"), title: "x", minutes: "a while" };
    expect(interruptInput(f).errors).toHaveProperty("minutes");
  });
});

describe("interrupt summary", () => {
  const i = (minutes: number, off: boolean, category: Interrupt["category"]): Interrupt => ({
    id: 1, team_id: 1, arrived_at: "2026-01-01T10:00:00Z", title: "t", category, severity: "normal", handled_by: null,
    minutes, pulled_off_focus: off, could_have_waited: false, root_cause: "",
  });
  it("adds minutes and shares by category", () => {
    const s = summarize([i(30, true, "production_bug"), i(90, false, "user_question"), i(15, false, "production_bug")]);
    expect(s.minutes).toBe(135);
    expect(s.offFocusShare).toBeCloseTo(1 / 3);
    expect(s.byCategory[0]).toEqual({ category: "user_question", count: 1, minutes: 90 });
    expect(formatMinutes(135)).toBe("2 h 15 min");
    expect(formatMinutes(45)).toBe("45 min");
  });
});
