import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError, DutyPolicy, RotationView, ShownConflict, Team, Turn } from "../src/lib/bindings";
import {
  canSave, debouncedCheck, emptyPolicy, escalationOptions, fieldsOf, handoffShape, policyInput, togglePool, unchecked,
  verdictErrors, type Check,
} from "../src/lib/rotation/policyForm";
import { coverage } from "../src/lib/rotation/coverage";

const policy = (over: Partial<DutyPolicy> = {}): DutyPolicy => ({
  id: 7, team_id: 1, name: "Op of the Week", kind: "weekly",
  handoff: { weekday: "Thu", time: "18:30:00" }, pool: [2, 3], focus_share_percent: 20,
  checklist: ["Review nightly jobs"], escalates_to: 9, shadow_pool: [4], min_gap_turns: 2,
  weights: { weekend: 1.5, holiday: 2, release_day: 1.5 }, standing: null, ...over,
});

const turn = (over: Partial<Turn> = {}): Turn => ({
  id: 1, policy_id: 7, member_id: 2, start: "2026-11-23T08:30:00Z", end: "2026-11-24T08:30:00Z",
  source: "generated", locked: false, note: "", shadow_member_id: null, replaced_member_id: null, ...over,
} as Turn);

describe("policy form", () => {
  it("leaves empty fields to the kind's defaults (decided in Rust)", () => {
    const r = policyInput({ ...emptyPolicy(), name: " Batman " });
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ name: "Batman", kind: "daily", pool: [], shadow_pool: [] });
  });

  it("sends a weekly handoff as weekday and time, a daily one as time only, a standing one not at all", () => {
    expect(policyInput({ ...emptyPolicy(), kind: "weekly", weekday: "TUE", time: "12:00" }).input?.handoff).toBe("TUE 12:00");
    expect(policyInput({ ...emptyPolicy(), kind: "daily", weekday: "TUE", time: "09:30" }).input?.handoff).toBe("09:30");
    expect(policyInput({ ...emptyPolicy(), kind: "standing", time: "09:30", standingMember: 3, standIn: 4 }).input)
      .toMatchObject({ standing_member_id: 3, stand_in_id: 4 });
    expect(policyInput({ ...emptyPolicy(), kind: "standing", time: "09:30" }).input?.handoff).toBeUndefined();
    expect(handoffShape("sprint")).toBe("time");
  });

  it("drops the fixed member and stand-in for other kinds", () => {
    const r = policyInput({ ...emptyPolicy(), kind: "daily", standingMember: 3, standIn: 4 });
    expect(r.input?.standing_member_id).toBeUndefined();
    expect(r.input?.stand_in_id).toBeUndefined();
  });

  it("reports numbers that are not numbers inline, under the backend's field names, sending nothing", () => {
    const r = policyInput({ ...emptyPolicy(), focus: "lots", minGap: "1.5" });
    expect(r.input).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(["focus_share_percent", "min_gap_turns"]);
    expect(policyInput({ ...emptyPolicy(), kind: "weekly", weekday: "WED", time: "" }).errors.handoff).toMatch(/time/);
  });

  it("sends the checklist only when written (blank lines dropped), or always once edited", () => {
    expect(policyInput({ ...emptyPolicy(), checklist: ["", "  "] }).input?.checklist).toBeUndefined();
    expect(policyInput({ ...emptyPolicy(), checklist: [" Page ops ", ""] }).input?.checklist).toEqual(["Page ops"]);
    expect(policyInput({ ...emptyPolicy(), checklist: [], ownChecklist: true }).input?.checklist).toEqual([]);
  });

  it("round-trips a stored policy, keeping trainees and weights it does not show", () => {
    const p = policy();
    const f = fieldsOf(p);
    expect(f).toMatchObject({ weekday: "THU", time: "18:30", focus: "20", minGap: "2", escalatesTo: 9, ownChecklist: true });
    expect(policyInput(f, p).input).toEqual({
      name: "Op of the Week", kind: "weekly", handoff: "THU 18:30", pool: [2, 3], shadow_pool: [4], focus_share_percent: 20,
      checklist: ["Review nightly jobs"], escalates_to: 9, min_gap_turns: 2, weights: p.weights,
    });
    const standing = fieldsOf(policy({ kind: "standing", standing: { member_id: 3, stand_in_id: null } }));
    expect([standing.standingMember, standing.standIn]).toEqual([3, null]);
  });

  it("ticks and unticks pool members, sending them sorted", () => {
    let pool = togglePool([], 5, true);
    pool = togglePool(pool, 2, true);
    pool = togglePool(pool, 5, true);
    expect(pool).toEqual([2, 5]);
    expect(policyInput({ ...emptyPolicy(), pool: [5, 2] }).input?.pool).toEqual([2, 5]);
    expect(togglePool(pool, 2, false)).toEqual([5]);
  });

  it("offers every team's policies as escalation, own team first, never the policy itself", () => {
    const teams = [{ id: 1, name: "Atlas" }, { id: 2, name: "Phoenix" }] as Team[];
    const all = [policy({ id: 7, team_id: 1 }), policy({ id: 9, team_id: 2, name: "Dev of the Week" }), policy({ id: 3, team_id: 2, name: "Batman" })];
    expect(escalationOptions(teams, all, 1, 7)).toEqual([
      { id: 3, label: "Phoenix / Batman" }, { id: 9, label: "Phoenix / Dev of the Week" },
    ]);
    expect(escalationOptions(teams, all, 2, null).map((o) => o.id)).toEqual([3, 9, 7]);
  });

  it("puts a backend error under the field it names, or on the form", () => {
    const e = (field: string | null): AppError => ({ kind: "invalid", message: "m", field });
    expect(verdictErrors(e("focus_share_percent"))).toEqual({ focus_share_percent: "m" });
    expect(verdictErrors(e("policy"))).toEqual({ _form: "m" });
    expect(verdictErrors(e(null))).toEqual({ _form: "m" });
  });

  it("allows saving only after a clean check of the latest input", () => {
    expect(canSave(unchecked, false)).toBe(false);
    expect(canSave({ pending: false, errors: {}, sentence: null }, false)).toBe(true);
    expect(canSave({ pending: false, errors: {}, sentence: null }, true)).toBe(false);
    expect(canSave({ pending: false, errors: { name: "Enter a name" }, sentence: null }, false)).toBe(false);
  });
});

describe("the check as you type", () => {
  afterEach(() => vi.useRealTimers());

  it("asks once, 250 ms after typing stops, and keeps only the latest answer", async () => {
    vi.useFakeTimers();
    const seen: Check[] = [];
    const calls: string[] = [];
    let release: (() => void) | null = null;
    const c = debouncedCheck<string>(async (input) => {
      calls.push(input);
      if (input === "slow") await new Promise<void>((r) => (release = r));
      if (input === "bad") throw { kind: "invalid", message: "the focus share must be between 0 and 100", field: "focus_share_percent" };
      return `checked ${input}`;
    }, (x) => seen.push(x));
    c.schedule("a", {});
    c.schedule("ab", {});
    expect(seen.at(-1)?.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(["ab"]);
    expect(seen.at(-1)).toEqual({ pending: false, errors: {}, sentence: "checked ab" });

    // A slow answer to an older input never overwrites the newer one.
    c.schedule("slow", {});
    await vi.advanceTimersByTimeAsync(250);
    c.schedule("bad", {});
    await vi.advanceTimersByTimeAsync(250);
    expect(seen.at(-1)).toEqual({ pending: false, errors: { focus_share_percent: "the focus share must be between 0 and 100" }, sentence: null });
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)?.errors).toHaveProperty("focus_share_percent");
  });

  it("reports what the form itself found without asking", async () => {
    vi.useFakeTimers();
    const seen: Check[] = [];
    const check = vi.fn(async () => null);
    const c = debouncedCheck(check, (x) => seen.push(x));
    c.schedule(null, { focus_share_percent: "whole number" });
    await vi.advanceTimersByTimeAsync(500);
    expect(check).not.toHaveBeenCalled();
    expect(seen).toEqual([{ pending: false, errors: { focus_share_percent: "whole number" }, sentence: null }]);
  });
});

describe("coverage strip", () => {
  const gap = { kind: "coverage_gap", policy_id: 7 } as ShownConflict;
  const view = (over: Partial<RotationView>) => ({ policies: [], turns: [], conflicts: [], ...over }) as Pick<RotationView, "policies" | "turns" | "conflicts">;

  it("is not green when the team has no policy: there is nothing to cover", () => {
    expect(coverage(view({}), 1)).toEqual({ kind: "no-policy" });
    // Another team's policy (an escalation target) is not the team's own.
    expect(coverage(view({ policies: [policy({ team_id: 2 })] }), 1).kind).toBe("no-policy");
  });

  it("shows a policy without turns as unplanned, its gaps red", () => {
    expect(coverage(view({ policies: [policy()], conflicts: [gap] }), 1)).toEqual({ kind: "unplanned", gaps: [gap] });
  });

  it("shows a planned policy with core's gaps", () => {
    const c = coverage(view({ policies: [policy()], turns: [turn()], conflicts: [gap, { kind: "back_to_back" } as ShownConflict] }), 1);
    expect(c).toEqual({ kind: "planned", gaps: [gap] });
  });
});

describe("a new policy from Insights' Adopt", () => {
  it("starts as the adopted kind, everything else at the kind's defaults", () => {
    const f = emptyPolicy("weekly");
    expect(f.kind).toBe("weekly");
    expect(policyInput({ ...f, name: "Op of the Week" }).input).toMatchObject({ kind: "weekly", name: "Op of the Week" });
    expect(emptyPolicy().kind).toBe("daily");
  });
});
