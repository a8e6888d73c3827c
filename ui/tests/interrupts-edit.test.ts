import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageHolding, pageLabel, pageOf } from "../src/lib/interrupts/paging";
import { summarize } from "../src/lib/interrupts/summary";
import { INTERRUPT_FIELDS, interruptChanged, interruptEdit, interruptFields } from "../src/lib/forms/interrupt";
import { errorsFrom } from "../src/lib/forms/form";
import { closedMessage, shownPoints, sprintFields, sprintInput } from "../src/lib/forms/sprint";
import { actionsById, sprintStatus } from "../src/lib/sprints/status";
import type { Interrupt, Sprint, SprintActions } from "../src/lib/bindings";

const interrupt = (id: number, minutes = 30): Interrupt => ({
  id, team_id: 1, arrived_at: "2026-11-20T08:15:42Z", title: "Checkout 500", category: "production_bug", severity: "high",
  handled_by: 3, minutes, pulled_off_focus: true, could_have_waited: false, root_cause: "cache key",
});
const many = (n: number) => Array.from({ length: n }, (_, k) => interrupt(k + 1, k + 1));

describe("interrupt log paging", () => {
  it("draws at most one page of rows", () => {
    const list = many(120);
    const p = pageOf(list, 0);
    expect(PAGE_SIZE).toBe(50);
    expect(p.rows).toHaveLength(50);
    expect(p.rows[0]?.id).toBe(1);
    expect([p.index, p.count, p.hasPrevious, p.hasNext]).toEqual([0, 3, false, true]);
    expect(pageLabel(p)).toBe("1–50 of 120");
  });
  it("shows the short last page and stops there", () => {
    const p = pageOf(many(120), 2);
    expect(p.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, k) => 101 + k));
    expect([p.first, p.last, p.hasNext, p.hasPrevious]).toEqual([101, 120, false, true]);
    expect(pageLabel(p)).toBe("101–120 of 120");
  });
  it("clamps a page past either end to one that exists (a removal emptied the last page)", () => {
    expect(pageOf(many(50), 1).index).toBe(0);
    expect(pageOf(many(51), 7).rows.map((r) => r.id)).toEqual([51]);
    expect(pageOf(many(10), -3).index).toBe(0);
    expect(pageOf(many(10), Number.NaN).index).toBe(0);
  });
  it("has one empty page for an empty log", () => {
    const p = pageOf([], 0);
    expect([p.rows.length, p.count, p.first, p.last, p.hasNext, p.hasPrevious]).toEqual([0, 1, 0, 0, false, false]);
    expect(pageLabel(p)).toBe("none");
  });
  it("takes other page sizes", () => {
    expect(pageOf(many(7), 1, 3).rows.map((r) => r.id)).toEqual([4, 5, 6]);
    expect(pageOf(many(7), 0, 0).rows).toHaveLength(1);
  });
  it("finds the page holding a row", () => {
    expect([pageHolding(0), pageHolding(49), pageHolding(50), pageHolding(-1)]).toEqual([0, 0, 1, 0]);
  });
  it("leaves the totals to the whole filtered log, not the page", () => {
    const list = many(60);
    const page = pageOf(list, 1);
    expect(page.rows).toHaveLength(10);
    expect(summarize(list).count).toBe(60);
    expect(summarize(list).minutes).toBe((60 * 61) / 2);
  });
});

describe("interrupt edit form", () => {
  it("shows a logged interrupt with its arrival in the team's zone", () => {
    const f = interruptFields(interrupt(7), "Europe/Berlin");
    expect(f).toEqual({
      arrivedAt: "2026-11-20T09:15", title: "Checkout 500", category: "production_bug", severity: "high",
      minutes: "30", handledBy: 3, pulledOffFocus: true, couldHaveWaited: false, rootCause: "cache key",
    });
    expect(interruptFields(interrupt(7), "America/Chicago").arrivedAt).toBe("2026-11-20T02:15");
  });
  it("sends every field back, the arrival as stored when it was left alone", () => {
    const i = interrupt(7);
    const f = { ...interruptFields(i, "Europe/Berlin"), minutes: "95", rootCause: "  cart id  " };
    const r = interruptEdit(f, i, "Europe/Berlin");
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({
      arrived_at: "2026-11-20T08:15:42Z", title: "Checkout 500", category: "production_bug", severity: "high",
      handled_by: 3, minutes: 95, pulled_off_focus: true, could_have_waited: false, root_cause: "cart id",
    });
  });
  it("sends a changed arrival as wall-clock time for the backend to read in the team's zone", () => {
    const i = interrupt(7);
    const r = interruptEdit({ ...interruptFields(i, "Europe/Berlin"), arrivedAt: "2026-11-20T10:00" }, i, "Europe/Berlin");
    expect(r.input?.arrived_at).toBe("2026-11-20T10:00");
  });
  it("leaves out who handled it when nobody is chosen", () => {
    const i = interrupt(7);
    const r = interruptEdit({ ...interruptFields(i, "UTC"), handledBy: null }, i, "UTC");
    expect(r.input).not.toHaveProperty("handled_by");
  });
  it("catches blank and non-numeric fields before sending", () => {
    const i = interrupt(7);
    const r = interruptEdit({ ...interruptFields(i, "UTC"), title: " ", minutes: "an hour" }, i, "UTC");
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["minutes", "title"]);
  });
  it("knows whether anything changed", () => {
    const i = interrupt(7);
    const f = interruptFields(i, "Europe/Berlin");
    expect(interruptChanged(f, i, "Europe/Berlin")).toBe(false);
    expect(interruptChanged({ ...f, title: "Checkout 500 " }, i, "Europe/Berlin")).toBe(false);
    expect(interruptChanged({ ...f, minutes: "31" }, i, "Europe/Berlin")).toBe(true);
    expect(interruptChanged({ ...f, couldHaveWaited: true }, i, "Europe/Berlin")).toBe(true);
    expect(interruptChanged({ ...f, handledBy: null }, i, "Europe/Berlin")).toBe(true);
  });
  it("places a backend error under the field it names, the root cause included", () => {
    for (const field of ["minutes", "arrived_at", "root_cause", "title"]) {
      expect(errorsFrom({ kind: "invalid", message: "no", field }, INTERRUPT_FIELDS)).toEqual({ [field]: "no" });
    }
  });
});

const sprint = (completed: number | null, id = 4): Sprint => ({
  id, team_id: 1, name: "Sprint 37", start: "2026-11-09", end: "2026-11-20", goal: "Checkout v2", committed_points: 40,
  completed_points: completed,
});
const actions = (sprint_id: number, can_close: boolean): SprintActions => ({
  sprint_id, can_close, close_refusal: can_close ? null : "runs until …", can_reopen: false, remove_refusal: null,
});

describe("sprint corrections", () => {
  it("says what a correction replaced", () => {
    expect(closedMessage(sprint(36), sprint(38))).toBe("Corrected Sprint 37: 38 points (was 36)");
    expect(closedMessage(sprint(null), sprint(36))).toBe("Closed Sprint 37 with 36 points.");
    expect(closedMessage(sprint(21.5), sprint(22.25))).toBe("Corrected Sprint 37: 22.25 points (was 21.5)");
    expect(shownPoints(38)).toBe("38");
  });
  it("edits a sprint from its stored fields", () => {
    const f = sprintFields(sprint(36));
    expect(f).toEqual({ name: "Sprint 37", start: "2026-11-09", end: "2026-11-20", goal: "Checkout v2", committed: "40" });
    expect(sprintInput({ ...f, committed: "" }).input).toEqual({ name: "Sprint 37", start: "2026-11-09", end: "2026-11-20", goal: "Checkout v2" });
    expect(sprintFields({ ...sprint(null), committed_points: null }).committed).toBe("");
  });
  it("offers Close only when the backend says so, whatever today the screen thinks it is", () => {
    const s = sprint(null);
    expect(sprintStatus(s, "2026-11-25").canClose).toBe(false);
    expect(sprintStatus(s, "2026-11-25", actions(4, true)).canClose).toBe(true);
    expect(sprintStatus(s, "2026-11-25", actions(4, false)).canClose).toBe(false);
    const byId = actionsById([actions(4, true), actions(5, false)]);
    expect(byId.get(5)?.can_close).toBe(false);
    expect(byId.get(6)).toBeUndefined();
  });
});
