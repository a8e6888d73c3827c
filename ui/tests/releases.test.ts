import { describe, expect, it } from "vitest";
import type { Release, TrainPlan } from "../src/lib/bindings";
import { pushWeekday, routineFields, routineInput, ROUTINE_FIELDS } from "../src/lib/releases/settings";
import { errorsFrom } from "../src/lib/forms/form";
import { describeSpan, emptyFreeze, freezeInput, FREEZE_FIELDS } from "../src/lib/releases/freeze";
import type { RoutineEvents } from "../src/lib/bindings";
import { addDays, daysBetween } from "../src/lib/dates";
import { dropDay, layout, warningDiff, DAY_PX } from "../src/lib/releases/timeline";

function release(over: Partial<Release> = {}): Release {
  return {
    sprint_id: 1, sprint_name: "Phoenix 40", sprint_end: "2026-12-18", production_day: "2027-01-09",
    rc_push: "2026-12-31T17:00:00Z", production: "2027-01-09T08:00:00Z",
    high_alert: { start: "2027-01-09T07:00:00Z", end: "2027-01-09T13:00:00Z" },
    regression: { start: "2026-12-28T08:00:00Z", end: "2026-12-31T17:00:00Z" },
    moved_from: "2027-01-02", move_reason: "2027-01-02 is in the freeze window \"Year-end\"", pinned: false,
    on_duty: [7], warnings: [], ...over,
  };
}

function plan(): TrainPlan {
  return {
    train: { id: 1, dev_team_id: 1, ops_team_id: 2, lag_weeks: 2, routine: {} as never, name: "Phoenix-Atlas", dev_team: "Phoenix", ops_team: "Atlas" },
    zone: "Europe/Berlin",
    range: { first: "2026-12-07", last: "2027-01-16" },
    sprints: [{ id: 1, team_id: 1, name: "Phoenix 40", start: "2026-12-07", end: "2026-12-18", goal: "", committed_points: null, completed_points: null }],
    releases: [release()],
    freezes: [{ name: "Year-end", days: { first: "2026-12-20", last: "2027-01-06" } }],
    holidays: [],
  };
}

describe("release timeline layout", () => {
  it("counts days across month and year ends", () => {
    expect(daysBetween("2026-12-07", "2027-01-09")).toBe(33);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-09", -7)).toBe("2027-01-02");
  });

  it("places sprints, freezes and releases on the day grid with an arrow from sprint end to release", () => {
    const l = layout(plan());
    expect(l.width).toBe(41 * DAY_PX);
    expect(l.sprints[0]).toMatchObject({ x: 0, width: 12 * DAY_PX, label: "Phoenix 40" });
    expect(l.freezes[0]).toMatchObject({ x: 13 * DAY_PX, width: 18 * DAY_PX, label: "Year-end" });
    expect(l.releases[0]!.x).toBe(33 * DAY_PX);
    expect(l.releases[0]!.moved).toContain("moved from 2027-01-02");
    expect(l.arrows[0]).toEqual({ sprintId: 1, x1: 12 * DAY_PX, x2: 33 * DAY_PX + DAY_PX / 2 });
  });
});

describe("dragging", () => {
  it("snaps a drag to whole weeks so the release keeps its weekday", () => {
    expect(dropDay("2027-01-09", 3 * DAY_PX)).toBe("2027-01-09");
    expect(dropDay("2027-01-09", 5 * DAY_PX)).toBe("2027-01-16");
    expect(dropDay("2027-01-09", -9 * DAY_PX)).toBe("2027-01-02");
  });

  it("previews which warnings a move adds and removes", () => {
    const before = release({ warnings: [{ kind: "no_duty_cover", message: "nobody on ops duty" }] });
    const after = release({ warnings: [{ kind: "in_freeze", message: "in the freeze window" }] });
    expect(warningDiff(before, after)).toEqual({ added: ["in the freeze window"], gone: ["nobody on ops duty"] });
    expect(warningDiff(before, before)).toEqual({ added: [], gone: [] });
  });
});

const SEED: RoutineEvents = {
  release_weekday: "Sat", release_time: "09:00:00", rc_push_days_before: 9, rc_push_time: "18:00:00",
  high_alert_start: "08:00:00", high_alert_end: "14:00:00", regression_days_before_push: 3,
  regression_start_time: "09:00:00", min_lag_days: 7,
};

describe("release train settings form", () => {
  it("fills from a stored train and sends it back unchanged (times as HH:MM)", () => {
    const f = routineFields(2, SEED);
    expect(f.release_time).toBe("09:00");
    expect(f.rc_push_days_before).toBe("9");
    const r = routineInput(f);
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({
      lagWeeks: 2,
      routine: { ...SEED, release_time: "09:00", rc_push_time: "18:00", high_alert_start: "08:00", high_alert_end: "14:00", regression_start_time: "09:00" },
    });
  });
  it("names the push weekday counted back from the production day", () => {
    expect(pushWeekday("Sat", 9)).toBe("Thu");
    expect(pushWeekday("Sat", 2)).toBe("Thu");
    expect(pushWeekday("Mon", 1)).toBe("Sun");
    expect(pushWeekday("Fri", 7)).toBe("Fri");
  });
  it("reports unreadable numbers and times inline and sends nothing", () => {
    const f = { ...routineFields(2, SEED), lag_weeks: "two", rc_push_time: "6pm", high_alert_end: "24:00", min_lag_days: "" };
    const r = routineInput(f);
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["high_alert_end", "lag_weeks", "min_lag_days", "rc_push_time"]);
  });
  it("places a backend rule's error under its field", () => {
    expect(errorsFrom({ kind: "invalid", message: "the high alert must end after it starts", field: "high_alert_end" }, ROUTINE_FIELDS))
      .toEqual({ high_alert_end: "the high alert must end after it starts" });
    expect(errorsFrom({ kind: "invalid", message: "the lag must be 1 to 12 weeks", field: "lag_weeks" }, ROUTINE_FIELDS))
      .toEqual({ lag_weeks: "the lag must be 1 to 12 weeks" });
  });
});

describe("freeze window form", () => {
  it("turns a one-off range into a once span", () => {
    const r = freezeInput({ ...emptyFreeze(), name: " Launch week ", first: "2027-01-04", last: "2027-01-10" });
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ name: "Launch week", span: { kind: "once", days: { first: "2027-01-04", last: "2027-01-10" } } });
  });
  it("turns MM-DD..MM-DD into a yearly span that may wrap over New Year", () => {
    const r = freezeInput({ ...emptyFreeze(), kind: "yearly", name: "Year-end", from: "12-20", to: "1-6" });
    expect(r.input).toEqual({ name: "Year-end", span: { kind: "yearly", from: { month: 12, day: 20 }, to: { month: 1, day: 6 } } });
    expect(describeSpan(r.input!.span)).toBe("every year 12-20 to 01-06");
    expect(freezeInput({ ...emptyFreeze(), kind: "yearly", name: "Leap", from: "02-29", to: "03-01" }).errors).toEqual({});
  });
  it("reports a missing name and missing days inline; a backwards range is the backend's to reject", () => {
    expect(Object.keys(freezeInput(emptyFreeze()).errors).sort()).toEqual(["first", "last", "name"]);
    const back = freezeInput({ ...emptyFreeze(), name: "X", first: "2027-01-10", last: "2027-01-04" });
    expect(back.errors).toEqual({});
    expect(back.input?.span).toEqual({ kind: "once", days: { first: "2027-01-10", last: "2027-01-04" } });
    // The core's answer lands under the last-day field.
    expect(errorsFrom({ kind: "invalid", message: "the last day (2027-01-04) is before the first day (2027-01-10)", field: "last" }, FREEZE_FIELDS))
      .toEqual({ last: "the last day (2027-01-04) is before the first day (2027-01-10)" });
  });
  it("rejects days that are not in the year", () => {
    const r = freezeInput({ ...emptyFreeze(), kind: "yearly", name: "Y", from: "02-30", to: "13-01" });
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["from", "to"]);
    expect(freezeInput({ ...emptyFreeze(), kind: "yearly", name: "Y", from: "12/20", to: "" }).errors.from).toContain("MM-DD");
  });
  it("describes a one-off span and maps backend errors to the form", () => {
    expect(describeSpan({ kind: "once", days: { first: "2026-12-20", last: "2027-01-06" } })).toBe("2026-12-20 to 2027-01-06");
    expect(errorsFrom({ kind: "conflict", message: "the team already has a freeze window called \"Year-end\"", field: "name" }, FREEZE_FIELDS))
      .toEqual({ name: "the team already has a freeze window called \"Year-end\"" });
  });
});
