import { describe, expect, it } from "vitest";
import type { Changes, Member, Team } from "../src/lib/bindings";
import { teamAfterUndo, teamBroughtBack } from "../src/lib/shell/undo";

const team = (id: number, name: string): Team => ({ id, name, kind: "ops", zone: "Europe/Berlin", working_days: ["mon"], sprint_length_days: 14 }) as unknown as Team;
const member = (id: number, teamId: number): Member => ({ id, team_id: teamId, name: "Ana" }) as unknown as Member;
const removal = (id: number): Changes => ({
  turns: { before: [], after: [] },
  records: [
    { before: { kind: "member", record: member(1, id) }, after: null },
    { before: { kind: "team", record: team(id, "Orion") }, after: null },
  ],
});
const rename: Changes = { turns: { before: [], after: [] }, records: [{ before: { kind: "team", record: team(4, "Atlas") }, after: { kind: "team", record: team(4, "Atlas Ops") } }] };
const creation: Changes = { turns: { before: [], after: [] }, records: [{ before: null, after: { kind: "team", record: team(9, "Vega") } }] };

describe("the team shown after an undo", () => {
  it("is the team whose removal was undone, not the one the window had switched to", () => {
    // Orion (5) was removed; the window moved to Phoenix (1); undo brings Orion back.
    expect(teamBroughtBack(removal(5))).toBe(5);
    expect(teamAfterUndo(removal(5), 1, [1, 4, 5])).toBe(5);
  });
  it("stays on the current team after undoing a team edit", () => {
    expect(teamBroughtBack(rename)).toBeNull();
    expect(teamAfterUndo(rename, 4, [1, 4])).toBe(4);
  });
  it("falls back to the first team when the current one went (undoing its creation)", () => {
    expect(teamAfterUndo(creation, 9, [1, 4])).toBe(1);
    expect(teamAfterUndo(creation, 9, [])).toBeNull();
  });
  it("keeps the current team when the removed team did not come back", () => {
    expect(teamAfterUndo(removal(5), 1, [1, 4])).toBe(1);
  });
});
