import { describe, expect, it } from "vitest";
import type { DutyPolicy, TimeOff, Turn, ViewDay } from "../src/lib/bindings";
import { editFor, editKey, ghostPlacement, idle, move, press, release } from "../src/lib/rotation/dnd";
import { addDays, isoWeek, weekdayIndex } from "../src/lib/dates";
import { awaySpans, days, groupBy, holidaySpans, place, placeTurn, rangeBounds, rangeFor, rows, weeks } from "../src/lib/rotation/layout";

const turn = (id: number, member: number, policy = 1, start = "2026-03-23T11:00:00Z", end = "2026-03-30T10:00:00Z"): Turn => ({
  id, policy_id: policy, member_id: member, start, end, source: "generated", locked: false, note: "", shadow_member_id: null, replaced_member_id: null,
});

const HOUR = 3_600_000;

/** `n + 1` instants 24 hours apart from `from` (local midnights where no DST change falls). */
function every24h(from: string, n: number): string[] {
  return Array.from({ length: n + 1 }, (_, i) => new Date(Date.parse(from) + i * 24 * HOUR).toISOString());
}

/** The days of a view as core sends them: `bounds` are the local midnights (UTC) around the days
 *  from `first`; `off` the weekdays (0 = Sunday) the team does not work. */
function viewDays(first: string, bounds: string[], off: number[] = [0, 6], holidays: Record<string, string> = {}): ViewDay[] {
  return bounds.slice(0, -1).map((start, i) => {
    const date = addDays(first, i);
    return { date, working: !off.includes(weekdayIndex(date)), holiday: holidays[date] ?? null, start, end: bounds[i + 1]! };
  });
}

/** Berlin, Mon 23 – Sun 29 March 2026: the clocks go forward on Sunday, a 23-hour day. */
const dstWeek = (holidays: Record<string, string> = {}) =>
  viewDays("2026-03-23", [...every24h("2026-03-22T23:00:00Z", 6), "2026-03-29T22:00:00Z"], [0, 6], holidays);

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

describe("grid layout", () => {
  it("places a Monday-noon handoff halfway through Monday's column", () => {
    const view = { days: dstWeek({ "2026-03-27": "Demo day" }) };
    const b = rangeBounds(view);
    expect([new Date(b[0]).toISOString(), new Date(b[1]).toISOString()]).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    const p = placeTurn(turn(1, 1, 1, "2026-03-23T11:00:00Z", "2026-03-30T10:00:00Z"), b)!;
    expect(p.left).toBeCloseTo((12 / (7 * 24 - 1)) * 100, 5); // the week has 167 hours (DST)
    expect(p.left + p.width).toBeCloseTo(100, 5); // clipped at the range end
    expect(place(0, 10, 20, 30)).toBeNull();
    const cols = days(view);
    expect([cols[0]?.top, cols[0]?.bottom]).toEqual(["Mon", "23"]);
    expect(cols.filter((c) => c.weekend).map((c) => c.top)).toEqual(["Sat", "Sun"]);
    expect(cols[4]?.holiday).toBe("Demo day");
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
  });
  it("shades the days the team does not work, as the view says: a Sun–Thu team's Friday and Saturday", () => {
    const view = { days: viewDays("2026-11-22", every24h("2026-11-21T22:00:00Z", 7), [5, 6]) }; // Asia/Jerusalem
    const cols = days(view);
    expect(cols.map((c) => c.top)).toEqual(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
    expect(cols.filter((c) => c.weekend).map((c) => c.date)).toEqual(["2026-11-27", "2026-11-28"]);
  });
  it("takes a 23-hour DST day's column bounds from the view, and sizes it by them", () => {
    const cols = days({ days: dstWeek() });
    const sun = cols[6]!;
    expect(sun.date).toBe("2026-03-29");
    expect([new Date(sun.start).toISOString(), new Date(sun.end).toISOString()]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(sun.end - sun.start).toBe(23 * HOUR);
    expect(sun.width).toBeCloseTo((23 / 167) * 100, 5);
    expect(cols[0]!.width).toBeCloseTo((24 / 167) * 100, 5);
    expect(cols.reduce((w, c) => w + c.width, 0)).toBeCloseTo(100, 5);
    // A turn handed over at Monday midnight starts exactly where Monday's column starts.
    expect(placeTurn(turn(1, 1, 1, "2026-03-23T23:00:00Z", "2026-03-24T23:00:00Z"), rangeBounds({ days: dstWeek() }))!.left)
      .toBeCloseTo(cols[0]!.width, 5);
  });
  it("shows a quarter as 13 ISO weeks from the sprint's first Monday, built from the view's days", () => {
    const r = rangeFor("quarter", { start: "2026-11-25", end: "2026-12-08" });
    expect(r).toEqual({ from: "2026-11-23", to: "2027-02-21" });
    expect(rangeFor("sprint", { start: "2026-11-23", end: "2026-12-04" })).toEqual({ from: "2026-11-23", to: "2026-12-06" });
    const view = { days: viewDays(r.from, every24h("2026-11-22T23:00:00Z", 91), [0, 6], { "2026-12-25": "Christmas", "2026-12-26": "Boxing Day" }) };
    expect(view.days.at(-1)?.date).toBe(r.to);
    const cols = weeks(view);
    expect(cols).toHaveLength(13);
    expect([cols[0]?.top, cols[0]?.bottom]).toEqual(["W48", "23 Nov"]);
    expect(cols[4]?.holiday).toBe("Christmas, Boxing Day");
    expect(cols.some((c) => c.weekend)).toBe(false);
    expect(cols[6]?.top).toBe("W1"); // 4 January 2027 starts ISO week 1
    // A week runs from its first day's start to its last day's end.
    expect([cols[1]!.start, cols[1]!.end]).toEqual([Date.parse(view.days[7]!.start), Date.parse(view.days[13]!.end)]);
    expect(cols[12]!.end).toBe(rangeBounds(view)[1]);
    expect([isoWeek("2026-01-01"), isoWeek("2027-01-03"), isoWeek("2026-12-31")]).toEqual([1, 53, 53]);
  });
  it("places holidays on their local day in the Away lane", () => {
    const view = { days: viewDays("2026-12-21", every24h("2026-12-20T23:00:00Z", 7)) };
    const bars = holidaySpans([{ id: 1, team_id: 1, date: "2026-12-25", name: "Christmas" }, { id: 2, team_id: 1, date: "2027-01-01", name: "New Year" }], view);
    expect(bars).toHaveLength(1);
    expect(bars[0]?.span.left).toBeCloseTo((4 / 7) * 100, 5);
    expect(bars[0]?.span.width).toBeCloseTo((1 / 7) * 100, 5);
    // On the DST week a Sunday holiday is a 23-hour bar at the end.
    const sunday = holidaySpans([{ id: 3, team_id: 1, date: "2026-03-29", name: "Palm Sunday" }], { days: dstWeek() });
    expect(sunday[0]?.span.width).toBeCloseTo((23 / 167) * 100, 5);
  });
  it("clips time off to the range by the view's day bounds", () => {
    const off = (id: number, member: number, first: string, last: string) =>
      ({ id, member_id: member, days: { first, last }, kind: "vacation", note: "" }) as unknown as TimeOff;
    const view = { days: dstWeek() };
    const spans = awaySpans(7, [off(1, 7, "2026-03-20", "2026-03-24"), off(2, 8, "2026-03-25", "2026-03-25"), off(3, 7, "2026-03-29", "2026-04-10"), off(4, 7, "2026-04-01", "2026-04-02")], view);
    expect(spans).toHaveLength(2);
    expect(spans[0]!.left).toBe(0);
    expect(spans[0]!.width).toBeCloseTo((48 / 167) * 100, 5); // Monday and Tuesday
    expect(spans[1]!.left + spans[1]!.width).toBeCloseTo(100, 5); // Sunday, 23 hours
    expect(spans[1]!.width).toBeCloseTo((23 / 167) * 100, 5);
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
