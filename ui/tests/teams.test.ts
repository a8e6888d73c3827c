import { describe, expect, it } from "vitest";
import { emptyTeam, exactZone, filterZones, movesTurns, teamFields, teamInput, toggleDay } from "../src/lib/forms/team";
import { emptyMember, memberFields, memberInput } from "../src/lib/forms/member";
import { afterLastDay, editSummary, keptAsConflicts, movedTurns, retireSummary, shortDay } from "../src/lib/teams/summary";
import type { Changes, Member, ShownConflict, Team, Turn } from "../src/lib/bindings";

const ZONES = ["America/Chicago", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Berlin", "Europe/Lisbon", "UTC", "US/Eastern"];

const team: Team = { id: 1, name: "Phoenix", kind: "dev", zone: "Europe/Berlin", working_days: ["Mon", "Tue", "Wed", "Thu", "Fri"], sprint_length_days: 14 };

function turn(id: number, member: number, locked = false): Turn {
  return { id, policy_id: 1, member_id: member, start: "2026-12-14T08:30:00Z", end: "2026-12-15T08:30:00Z", source: locked ? "override" : "generated", locked, note: "", shadow_member_id: null, replaced_member_id: null } as Turn;
}

function changes(before: Turn[], after: Turn[]): Changes {
  return { turns: { before, after }, records: [] };
}

describe("zone search", () => {
  it("finds a zone by part of its city, city matches first", () => {
    expect(filterZones(ZONES, "berl")).toEqual(["Europe/Berlin"]);
    expect(filterZones(ZONES, "new york")).toEqual(["America/New_York"]);
    expect(filterZones(ZONES, "lord_howe")).toEqual(["Australia/Lord_Howe"]);
    expect(filterZones(ZONES, "america")[0]).toBe("America/Chicago");
    // "e" is in many names; a city starting with it is not needed to match, but ranks first.
    expect(filterZones(["Europe/Lisbon", "US/Eastern"], "east")).toEqual(["US/Eastern"]);
    expect(filterZones(ZONES, "lis")[0]).toBe("Europe/Lisbon");
  });
  it("offers the start of the list for an empty query and respects the limit", () => {
    expect(filterZones(ZONES, "", 3)).toEqual(ZONES.slice(0, 3));
    expect(filterZones(ZONES, "   ", 2)).toHaveLength(2);
  });
  it("finds nothing for a city that is not there", () => {
    expect(filterZones(ZONES, "atlantis")).toEqual([]);
  });
  it("accepts a typed zone only when it is exactly one of the list", () => {
    expect(exactZone(ZONES, "europe/berlin")).toBe("Europe/Berlin");
    expect(exactZone(ZONES, "America/New York")).toBe("America/New_York");
    expect(exactZone(ZONES, "Berlin")).toBeNull();
  });
});

describe("team form", () => {
  it("turns the fields into a NewTeam", () => {
    const r = teamInput({ ...emptyTeam("Asia/Kolkata"), name: " Orion ", length: "7", workingDays: ["Mon", "Tue"] });
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ name: "Orion", kind: "dev", zone: "Asia/Kolkata", working_days: ["Mon", "Tue"], sprint_length_days: 7 });
  });
  it("asks for a zone, a working day and a number before sending", () => {
    const r = teamInput({ ...emptyTeam(""), name: "", length: "two weeks", workingDays: [] });
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["name", "sprint_length_days", "working_days", "zone"]);
  });
  it("toggles days keeping Monday first", () => {
    expect(toggleDay(["Wed", "Mon"], "Sun")).toEqual(["Mon", "Wed", "Sun"]);
    expect(toggleDay(["Mon", "Wed"], "Mon")).toEqual(["Wed"]);
  });
  it("previews only a change of zone or working days", () => {
    const f = teamFields(team);
    expect(movesTurns(team, f)).toBe(false);
    expect(movesTurns(team, { ...f, name: "Phoenix 2", length: "10" })).toBe(false);
    expect(movesTurns(team, { ...f, zone: "Europe/Lisbon" })).toBe(true);
    expect(movesTurns(team, { ...f, workingDays: toggleDay(f.workingDays, "Fri") })).toBe(true);
  });
});

describe("member form", () => {
  it("starts a new member on the given day with the colour left to the backend", () => {
    const f = emptyMember("2026-12-02");
    expect(f.activeFrom).toBe("2026-12-02");
    expect(memberInput({ ...f, name: "Ana" }).input).toEqual({ name: "Ana", capacity_percent: 100, skills: [], active_from: "2026-12-02", can_take_duty: true });
  });
  it("edits every field of a stored member, colour included", () => {
    const m: Member = { id: 3, team_id: 1, name: "Ben Okafor", email: null, capacity_percent: 80, skills: ["frontend", "qa"], active_from: null, active_until: "2026-12-12", can_take_duty: false, colour: "#f28e2b" };
    const f = memberFields(m);
    expect(f.skills).toBe("frontend, qa");
    expect(memberInput({ ...f, colour: "#112233" }).input).toEqual({ name: "Ben Okafor", capacity_percent: 80, skills: ["frontend", "qa"], active_until: "2026-12-12", can_take_duty: false, colour: "#112233" });
  });
});

describe("what a change did", () => {
  it("counts turns that got another member or went away", () => {
    const c = changes([turn(1, 7), turn(2, 7), turn(3, 8), turn(4, 7)], [turn(1, 9), turn(2, 8), turn(3, 8)]);
    expect(movedTurns(c)).toBe(3);
    expect(movedTurns(changes([], [turn(5, 7)]))).toBe(0);
  });
  it("says what a retirement did", () => {
    const six = changes([1, 2, 3, 4, 5, 6].map((i) => turn(i, 2)), [1, 2, 3, 4, 5, 6].map((i) => turn(i, 3)));
    expect(retireSummary("Ben Okafor", "2026-12-12", six, 1)).toBe("Ben retires after 12 Dec: 6 future turns re-planned, 1 locked turn kept as a conflict");
    expect(retireSummary("Ben", "2027-01-05", changes([turn(1, 2)], [turn(1, 3)]), 2)).toBe("Ben retires after 5 Jan: 1 future turn re-planned, 2 locked turns kept as conflicts");
    expect(retireSummary("Ben", "2026-12-12", changes([], []), 0)).toBe("Ben retires after 12 Dec: no future turn to re-plan");
    expect(retireSummary("Ben", "2026-12-12", changes([], []), null)).toBe("Ben retires after 12 Dec: no future turn to re-plan");
  });
  it("says what an edit did", () => {
    expect(editSummary("Ana Souza", changes([], []))).toBe("Saved Ana Souza");
    expect(editSummary("Phoenix", changes([turn(1, 2), turn(2, 2)], [turn(1, 3), turn(2, 4)]))).toBe("Saved Phoenix: 2 future turns re-planned");
  });
  it("counts the retired member's turns core flags as inactive", () => {
    const c = (kind: string, member: number | null, ids: number[]) => ({ kind, member_id: member, turn_ids: ids }) as unknown as ShownConflict;
    expect(keptAsConflicts([c("inactive_member", 2, [10]), c("inactive_member", 2, [10, 11]), c("time_off", 2, [12]), c("inactive_member", 3, [13])], 2)).toBe(2);
  });
  it("writes dates short and asks the view from the last day on", () => {
    expect(shortDay("2026-12-12")).toBe("12 Dec");
    expect(shortDay("2026-01-05")).toBe("5 Jan");
    expect(shortDay("garbage")).toBe("garbage");
    expect(afterLastDay("2026-02-28")).toEqual({ from: "2026-02-28", to: "2027-12-31" });
  });
});
