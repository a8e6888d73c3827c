// A drop re-renders only what it changed: the planner's per-turn and per-day items are kept (the
// same objects) when their inputs are the same, and remade when the person, the times, the
// conflicts or the frame (range, width) change.
import { describe, expect, it } from "vitest";
import type { Conflict, DutyPolicy, RotationView, Turn } from "../src/lib/bindings";
import { LiveView } from "../src/lib/rotation/liveView.svelte";
import { keepEqual, Memo, sameList } from "../src/lib/rotation/memo";
import { dutyDays, turnItems, type RowContext, type TurnItem } from "../src/lib/rotation/turnItems";

const turn = (id: number, member: number, day: number): Turn => ({
  id, policy_id: 1, member_id: member, start: `2026-03-${String(day).padStart(2, "0")}T08:30:00Z`,
  end: `2026-03-${String(day + 1).padStart(2, "0")}T08:30:00Z`, source: "generated", locked: false, note: "",
  shadow_member_id: null, replaced_member_id: null,
});
const policy = { id: 1, team_id: 1, name: "Batman", kind: "daily" } as unknown as DutyPolicy;
const names: Record<number, string> = { 1: "Ana Lopez", 2: "Ben Okafor", 3: "Dmitri Alexandrovich" };

function row(conflicts: Map<number, Conflict[]> = new Map(), frame = "f1"): RowContext {
  return {
    policy, frame, trackPx: 700, tick: false,
    place: (t) => ({ left: (Number(t.start.slice(8, 10)) - 1) * 10, width: 10 }),
    nameOf: (id) => names[id] ?? `#${id}`,
    colourOf: () => "#3366cc",
    conflictsOf: (t) => conflicts.get(t.id!) ?? [],
    localTime: (iso) => iso.slice(5, 16),
  };
}

describe("turn items are kept when unchanged", () => {
  const turns = [turn(1, 1, 2), turn(2, 2, 3), turn(3, 3, 4)];

  it("gives back the same objects for the same turns, so keyed blocks skip them", () => {
    const memo = new Memo<TurnItem | null>();
    const a = turnItems(memo, turns, row());
    memo.done();
    const b = turnItems(memo, turns.map((t) => ({ ...t })), row());
    memo.done();
    expect(b).toHaveLength(3);
    b.forEach((x, i) => expect(x).toBe(a[i]));
    expect(sameList(a, b)).toBe(a);
  });

  it("remakes only the overridden turn and the turn that gained a conflict", () => {
    const memo = new Memo<TurnItem | null>();
    const a = turnItems(memo, turns, row());
    memo.done();
    const dropped = turns.map((t) => (t.id === 1 ? { ...t, member_id: 2, source: "override" as const, locked: true } : t));
    const conflict = { kind: "back_to_back", message: "Ben has two Batman turns in a row" } as unknown as Conflict;
    const b = turnItems(memo, dropped, row(new Map([[2, [conflict]]])));
    memo.done();
    expect(b[0]).not.toBe(a[0]);
    expect(b[0]!.name).toBe("Ben Okafor");
    expect(b[0]!.badges).toEqual(["override", "lock"]);
    expect(b[0]!.cls).toContain("locked");
    expect(b[1]).not.toBe(a[1]);
    expect(b[1]!.cs).toHaveLength(1);
    expect(b[2]).toBe(a[2]);
    expect(sameList(a, b)).toBe(b);
  });

  it("remakes every item when the frame changes (another range or grid width)", () => {
    const memo = new Memo<TurnItem | null>();
    const a = turnItems(memo, turns, row());
    memo.done();
    const b = turnItems(memo, turns, row(new Map(), "f2"));
    b.forEach((x, i) => expect(x).not.toBe(a[i]));
  });

  it("carries the full name for keyboard focus and the label that fits", () => {
    const memo = new Memo<TurnItem | null>();
    const [, , d] = turnItems(memo, turns, { ...row(), trackPx: 300 });
    expect(d!.name).toBe("Dmitri Alexandrovich");
    expect(d!.kind).not.toBe("full");
    expect(d!.cls).toContain("short");
    expect(d!.aria).toContain("Dmitri Alexandrovich");
  });
});

describe("on-duty days are kept when unchanged", () => {
  const cells = (member: number | null) => [{ policyId: 1, memberId: member, turn: null }];
  it("remakes only the day whose person changed", () => {
    const memo = new Memo<ReturnType<typeof dutyDays>[number]>();
    const days = [{ date: "2026-03-02", cells: cells(1) }, { date: "2026-03-03", cells: cells(2) }, { date: "2026-03-04", cells: cells(null) }];
    const args = [[10, 10, 10], [policy], 700, (id: number) => names[id]!, () => "#3366cc"] as const;
    const a = dutyDays(memo, days, ...args);
    memo.done();
    const b = dutyDays(memo, [days[0]!, { date: "2026-03-03", cells: cells(3) }, days[2]!], ...args);
    memo.done();
    expect(b[0]).toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
    expect(b[1]!.cells[0]!.title).toBe("Batman: Dmitri Alexandrovich");
    expect(b[2]).toBe(a[2]);
    expect(b[2]!.cells[0]!.text).toBe("–");
  });
});

describe("Memo", () => {
  it("forgets items a pass did not ask for", () => {
    const memo = new Memo<{ n: number }>();
    const one = memo.get(1, "k", () => ({ n: 1 }));
    memo.done();
    memo.done();
    expect(memo.get(1, "k", () => ({ n: 2 }))).not.toBe(one);
  });
});

describe("a view read again keeps what stayed equal", () => {
  const view = (turns: Turn[], rows: { member_id: number; turns: number }[]) => ({
    range: { first: "2026-03-02", last: "2026-03-15" },
    days: [{ date: "2026-03-02", working: true, holiday: null, start: "2026-03-01T23:00:00Z", end: "2026-03-02T23:00:00Z" }],
    zone: "Europe/Berlin",
    policies: [policy],
    members: [{ id: 1, name: "Ana Lopez" }, { id: 2, name: "Ben Okafor" }],
    turns,
    conflicts: [],
    fairness: { rows, ledger: [], paybacks: [] },
    today: [{ policy_id: 1, on_duty: { current: null, next: null, handoff_note: null }, checklist: [] }],
  }) as unknown as RotationView;

  it("keeps every equal part and every unchanged turn, and takes the changed ones", () => {
    const a = view([turn(1, 1, 2), turn(2, 2, 3), turn(3, 3, 4)], [{ member_id: 1, turns: 1 }, { member_id: 2, turns: 2 }]);
    const b = view([turn(1, 1, 2), { ...turn(2, 1, 3), source: "override", locked: true }, turn(3, 3, 4)], [{ member_id: 1, turns: 2 }, { member_id: 2, turns: 2 }]);
    const k = keepEqual(a, b);
    expect(k).toEqual(b);
    expect(k).not.toBe(a);
    expect(k.days).toBe(a.days);
    expect(k.members).toBe(a.members);
    expect(k.today).toBe(a.today);
    expect(k.turns).not.toBe(a.turns);
    expect(k.turns[0]).toBe(a.turns[0]);
    expect(k.turns[1]).not.toBe(a.turns[1]);
    expect(k.turns[1]).toEqual(b.turns[1]);
    expect(k.turns[2]).toBe(a.turns[2]);
    expect(k.fairness.rows[0]).not.toBe(a.fairness.rows[0]);
    expect(k.fairness.rows[1]).toBe(a.fairness.rows[1]);
    expect(k.fairness.ledger).toBe(a.fairness.ledger);
    // The same data read again is the object shown.
    expect(keepEqual(a, JSON.parse(JSON.stringify(a)))).toBe(a);
  });

  it("matches turns by id, so a turn added or removed does not remake the others", () => {
    const a = [turn(1, 1, 2), turn(2, 2, 3), turn(3, 3, 4)];
    const added = keepEqual(a, [turn(1, 1, 2), turn(9, 2, 5), turn(2, 2, 3), turn(3, 3, 4)]);
    expect(added[0]).toBe(a[0]);
    expect(added[2]).toBe(a[1]);
    expect(added[3]).toBe(a[2]);
    const removed = keepEqual(a, [turn(1, 1, 2), turn(3, 3, 4)]);
    expect(removed).toHaveLength(2);
    expect(removed[1]).toBe(a[2]);
  });

  it("tells a changed value, a new field and a field gone from the same", () => {
    expect(keepEqual({ a: 1, b: null }, { a: 1, b: null })).toEqual({ a: 1, b: null });
    const p = { a: 1, b: null as number | null };
    expect(keepEqual(p, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepEqual(p, { a: 1, b: null, c: undefined })).not.toBe(p);
    expect(keepEqual({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepEqual([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepEqual([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(keepEqual({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
  });

  it("LiveView replaces only the parts that changed", () => {
    const a = view([turn(1, 1, 2), turn(2, 2, 3)], [{ member_id: 1, turns: 1 }]);
    const live = new LiveView(a);
    const days = live.days, members = live.members, today = live.today, turns = live.turns;
    live.update(view([turn(1, 1, 2), turn(2, 1, 3)], [{ member_id: 1, turns: 2 }]));
    expect(live.days).toBe(days);
    expect(live.members).toBe(members);
    expect(live.today).toBe(today);
    expect(live.turns).not.toBe(turns);
    expect(live.turns[0]).toBe(turns[0]);
    expect(live.turns[1]!.member_id).toBe(1);
    expect(live.fairness.rows[0]!.turns).toBe(2);
  });
});
