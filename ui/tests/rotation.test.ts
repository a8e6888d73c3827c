import { describe, expect, it } from "vitest";
import type { DutyPolicy, Turn } from "../src/lib/bindings";
import { editFor, editKey, ghostPlacement, idle, move, press, release } from "../src/lib/rotation/dnd";
import { emptyHistory, record, redo, undo } from "../src/lib/rotation/history";
import { addDays, isoWeek } from "../src/lib/dates";
import { days, groupBy, holidaySpans, localMidnight, place, placeTurn, rangeBounds, rangeFor, rows, weeks } from "../src/lib/rotation/layout";

const turn = (id: number, member: number, policy = 1, start = "2026-03-23T11:00:00Z", end = "2026-03-30T10:00:00Z"): Turn => ({
  id, policy_id: policy, member_id: member, start, end, source: "generated", locked: false, note: "", shadow_member_id: null, replaced_member_id: null,
});

describe("drag ghost placement", () => {
  const view = { width: 1280, height: 800 };
  it("sits right of and below the pointer when there is room", () => {
    expect(ghostPlacement(100, 100, view)).toBe("transform:translate(114px,110px)");
  });
  it("flips left near the right edge and up near the bottom, so it stays inside the window", () => {
    expect(ghostPlacement(1182, 100, view)).toBe("transform:translate(calc(1168px - 100%),110px)");
    expect(ghostPlacement(100, 700, view)).toBe("transform:translate(114px,calc(690px - 100%))");
  });
});

describe("drag and drop state machine", () => {
  it("needs a few pixels of movement before a press becomes a drag", () => {
    const s = press({ kind: "member", memberId: 7 }, 100, 100);
    expect(move(s, 102, 101, null).phase).toBe("pressed");
    expect(release(move(s, 102, 101, null)).edit).toBeNull();
    const d = move(s, 140, 120, turn(1, 3));
    expect(d.phase).toBe("dragging");
    expect(release(d).edit).toEqual({ kind: "override", turn_id: 1, member_id: 7 });
    expect(release(d).state).toEqual(idle);
  });
  it("drops a person on a turn as an override, a turn on a turn as a swap", () => {
    expect(editFor({ kind: "member", memberId: 3 }, turn(1, 3))).toBeNull(); // already on duty
    expect(editFor({ kind: "turn", turn: turn(1, 3) }, turn(2, 4))).toEqual({ kind: "swap", turn_id: 1, with_turn_id: 2 });
    expect(editFor({ kind: "turn", turn: turn(1, 3) }, turn(1, 3))).toBeNull(); // onto itself
    expect(editFor({ kind: "turn", turn: turn(1, 3) }, turn(2, 4, 9))).toBeNull(); // other policy
    expect(editFor({ kind: "turn", turn: turn(1, 3) }, null)).toBeNull();
    expect(editKey({ kind: "swap", turn_id: 1, with_turn_id: 2 })).toBe("s:1:2");
  });
});

describe("undo and redo", () => {
  it("restores the turns before, then after", () => {
    const before = [turn(1, 3)], after = [{ ...turn(1, 4), locked: true }];
    let h = record(emptyHistory(), { label: "Override", before, after });
    const u = undo(h)!;
    expect(u.restore).toEqual({ remove: after, put: before });
    h = u.history;
    expect(undo(h)).toBeNull();
    const r = redo(h)!;
    expect(r.restore).toEqual({ remove: before, put: after });
    expect(r.history.done).toHaveLength(1);
    // A new edit clears the redo stack.
    expect(record(h, { label: "Swap", before, after }).undone).toHaveLength(0);
  });
  it("undoes an auto-plan that removed and added turns", () => {
    const before = [turn(1, 3), turn(2, 4)], after = [turn(1, 5), turn(7, 4)];
    const u = undo(record(emptyHistory(), { label: "Auto-plan", before, after }))!;
    expect(u.restore).toEqual({ remove: after, put: before });
    expect(u.entry.label).toBe("Auto-plan");
  });
});

describe("grid layout", () => {
  it("finds local midnight across DST in the team's zone", () => {
    expect(new Date(localMidnight("2026-03-29", "Europe/Berlin")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(new Date(localMidnight("2026-03-30", "Europe/Berlin")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
  });
  it("places a Monday-noon handoff halfway through Monday's column", () => {
    const view = { range: { first: "2026-03-23", last: "2026-03-29" }, zone: "Europe/Berlin" };
    const b = rangeBounds(view);
    const p = placeTurn(turn(1, 1, 1, "2026-03-23T11:00:00Z", "2026-03-30T10:00:00Z"), b)!;
    expect(p.left).toBeCloseTo((12 / (7 * 24 - 1)) * 100, 5); // the week has 167 hours (DST)
    expect(p.left + p.width).toBeCloseTo(100, 5); // clipped at the range end
    expect(place(0, 10, 20, 30)).toBeNull();
    const cols = days(view, [{ id: 1, team_id: 1, date: "2026-03-27", name: "Demo day" }]);
    expect([cols[0]?.top, cols[0]?.bottom]).toEqual(["Mon", "23"]);
    expect(cols.filter((c) => c.weekend)).toHaveLength(2);
    expect(cols[4]?.holiday).toBe("Demo day");
  });
  it("shows a quarter as 13 ISO weeks from the sprint's first Monday", () => {
    const r = rangeFor("quarter", { start: "2026-11-25", end: "2026-12-08" });
    expect(r).toEqual({ from: "2026-11-23", to: "2027-02-21" });
    expect(rangeFor("sprint", { start: "2026-11-23", end: "2026-12-04" })).toEqual({ from: "2026-11-23", to: "2026-12-06" });
    const cols = weeks({ range: { first: r.from, last: r.to } }, [
      { id: 1, team_id: 1, date: "2026-12-25", name: "Christmas" },
      { id: 2, team_id: 1, date: "2026-12-26", name: "Boxing Day" },
    ]);
    expect(cols).toHaveLength(13);
    expect([cols[0]?.top, cols[0]?.bottom]).toEqual(["W48", "23 Nov"]);
    expect(cols[4]?.holiday).toBe("Christmas, Boxing Day");
    expect(cols[6]?.top).toBe("W1"); // 4 January 2027 starts ISO week 1
    expect([isoWeek("2026-01-01"), isoWeek("2027-01-03"), isoWeek("2026-12-31")]).toEqual([1, 53, 53]);
  });
  it("places holidays on their local day in the Away lane", () => {
    const view = { range: { first: "2026-12-21", last: "2026-12-27" }, zone: "Europe/Berlin" };
    const bars = holidaySpans([{ id: 1, team_id: 1, date: "2026-12-25", name: "Christmas" }, { id: 2, team_id: 1, date: "2027-01-01", name: "New Year" }], view);
    expect(bars).toHaveLength(1);
    expect(bars[0]?.span.left).toBeCloseTo((4 / 7) * 100, 5);
    expect(bars[0]?.span.width).toBeCloseTo((1 / 7) * 100, 5);
  });
  it("puts an escalation policy right below the policy it backs", () => {
    const p = (id: number, team: number, esc: number | null) => ({ id, team_id: team, name: `P${id}`, escalates_to: esc }) as unknown as DutyPolicy;
    const r = rows([p(1, 1, null), p(2, 1, 3), p(3, 9, null)], 1);
    expect(r.map((x) => [x.policy.id, x.escalation])).toEqual([[1, false], [2, false], [3, true]]);
  });
});

describe("auto-plan proposal", () => {
  it("shows only the proposed turns that change something, with the planner's reason", async () => {
    const { ghosts } = await import("../src/lib/rotation/ghost");
    const cur = [turn(1, 3, 1, "2026-03-23T08:00:00Z", "2026-03-24T08:00:00Z"), turn(2, 4, 1, "2026-03-24T08:00:00Z", "2026-03-25T08:00:00Z")];
    const plan = {
      turns: [
        { ...cur[0]!, id: null },
        { ...cur[1]!, id: null, member_id: 5 },
        turn(0, 6, 1, "2026-04-20T08:00:00Z", "2026-04-21T08:00:00Z"),
      ],
      explanations: [{ policy_id: 1, start: "2026-03-24T08:00:00Z", member_id: 5, reason: "least load" }],
    };
    const g = ghosts(cur, plan, Date.parse("2026-03-23T00:00:00Z"), Date.parse("2026-03-30T00:00:00Z"));
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ replaces: 4, reason: "least load" });
    expect(g[0]!.turn.member_id).toBe(5);
  });
});

describe("shadow drops", () => {
  it("a person dropped on a turn's shadow row becomes its shadow, not its cover", () => {
    const t = turn(1, 3);
    expect(editFor({ kind: "member", memberId: 7 }, t, true)).toEqual({ kind: "shadow", turn_id: 1, member_id: 7 });
    expect(editFor({ kind: "member", memberId: 3 }, t, true)).toBeNull(); // the person on duty
    expect(editFor({ kind: "turn", turn: turn(2, 4) }, t, true)).toBeNull(); // turns do not shadow
    const d = move(press({ kind: "member", memberId: 7 }, 0, 0), 50, 50, t, true);
    expect(release(d).edit).toEqual({ kind: "shadow", turn_id: 1, member_id: 7 });
    expect(editKey({ kind: "shadow", turn_id: 1, member_id: null })).toBe("h:1:-");
  });
});

describe("groupBy", () => {
  it("puts each item under every key it names, keeping order", () => {
    const conflicts = [{ id: "a", turns: [1, 2] }, { id: "b", turns: [2] }, { id: "c", turns: [] }];
    const g = groupBy(conflicts, (c) => c.turns);
    expect(g.get(1)?.map((c) => c.id)).toEqual(["a"]);
    expect(g.get(2)?.map((c) => c.id)).toEqual(["a", "b"]);
    expect(g.has(3)).toBe(false);
  });
});
