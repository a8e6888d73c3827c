import { describe, expect, it } from "vitest";
import type { Changes, StoredFreeze, Turn } from "../src/lib/bindings";
import { freezeFields, freezeInput } from "../src/lib/releases/freeze";
import { movedSuffix } from "../src/lib/teams/summary";

describe("editing a freeze window", () => {
  it("fills the form with a stored one-off freeze and reads it back unchanged", () => {
    const z = { id: 4, team_id: 2, name: "Launch", span: { kind: "once", days: { first: "2027-03-01", last: "2027-03-05" } } } as StoredFreeze;
    const f = freezeFields(z);
    expect(f).toMatchObject({ name: "Launch", kind: "once", first: "2027-03-01", last: "2027-03-05" });
    expect(freezeInput(f).input).toEqual({ name: "Launch", span: z.span });
  });
  it("writes a yearly span as MM-DD, so the form reads it back", () => {
    const z = { id: 5, team_id: 2, name: "Year-end", span: { kind: "yearly", from: { month: 12, day: 20 }, to: { month: 1, day: 6 } } } as StoredFreeze;
    const f = freezeFields(z);
    expect([f.from, f.to]).toEqual(["12-20", "01-06"]);
    expect(freezeInput(f).input?.span).toEqual(z.span);
  });
});

describe("what a time off or holiday change did", () => {
  const turn = (id: number, member: number) => ({ id, member_id: member }) as unknown as Turn;
  it("says how many turns moved, and nothing when none did", () => {
    const c: Changes = { turns: { before: [turn(1, 10), turn(2, 11)], after: [turn(1, 12), turn(2, 11)] }, records: [] };
    expect(movedSuffix(c)).toBe("; 1 future turn re-planned");
    expect(movedSuffix({ turns: { before: [], after: [] }, records: [] })).toBe("");
  });
});
