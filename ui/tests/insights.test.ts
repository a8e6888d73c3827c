import { describe, expect, it } from "vitest";
import type { InterruptStats, RotationView, SimBacktest, SimBacktestRow, Simulation, StrategyResult } from "../src/lib/bindings";
import { LIMIT_CHIP, shortNames, heatGrid, hoursMinutes, mixRows, personRows, shareLines, trendChart } from "../src/lib/insights/insights";
import { backtestRows, backtestTallies, bestShield, assumptionLines, shortName, shortOf, adoption, comparisonRows, focusBars, minutesOf, sensitivityGrid, strategyLabel } from "../src/lib/insights/simulator";
import { isCaptureShortcut, onDutyNow } from "../src/lib/shell/capture";

const share = (count: number, percent: number) => ({ count, percent });

function stats(over: Partial<InterruptStats> = {}): InterruptStats {
  const heat = Array.from({ length: 7 }, () => Array(24).fill(0));
  heat[0]![10] = 4;
  heat[2]![14] = 1;
  return {
    range: { first: "2026-09-04", last: "2026-12-02" },
    count: 10, minutes: 400,
    by_category: [{ key: "production_bug", label: "Production bug", count: 6, minutes: 300 }, { key: "question", label: "Question", count: 4, minutes: 100 }],
    by_severity: [],
    handled_on_duty: share(4, 40), pulled_off_focus: share(6, 60), could_have_waited: share(3, 30), urgent: share(2, 20),
    per_sprint: [
      { sprint: "S1", days: { first: "2026-09-07", last: "2026-09-18" }, count: 3, minutes: 90, ops_percent: 4 },
      { sprint: "S2", days: { first: "2026-09-21", last: "2026-10-02" }, count: 7, minutes: 310, ops_percent: 12 },
    ],
    heat, recurring_causes: [],
    per_person: [
      { member_id: 1, name: "Ana", on_duty: 3, on_duty_minutes: 120, off_duty: 1, off_duty_minutes: 30 },
      { member_id: 2, name: "Ben", on_duty: 0, on_duty_minutes: 0, off_duty: 6, off_duty_minutes: 250 },
    ],
    breaches: [], observations: ["60 % pulled someone off focus"],
    ...over,
  };
}

describe("insights data", () => {
  it("hours and minutes", () => {
    expect(hoursMinutes(45)).toBe("45 min");
    expect(hoursMinutes(125)).toBe("2 h 05 min");
    expect(hoursMinutes(120)).toBe("2 h");
  });

  it("trend: one bar per sprint in hours, ticks are sprint names, the peak is named", () => {
    const c = trendChart(stats().per_sprint);
    expect(c.data).toEqual([[0, 1], [1.5, 5.2]]);
    expect(c.xTick(1)).toBe("S2");
    expect(c.xLabel).toBe("Sprint");
    expect(c.xSplits).toEqual([0, 1]);
    expect(c.titles[1]).toContain("12 % of the team's time");
    expect(c.summary).toContain("S2");
    expect(trendChart([]).summary).toBe("no sprint overlaps the range");
  });

  it("axis ticks drop the words every sprint name starts with", () => {
    expect(shortNames(["Phoenix 31", "Phoenix 32"])).toEqual(["31", "32"]);
    expect(shortNames(["Team A Sprint 1", "Team A Sprint 2"])).toEqual(["1", "2"]);
    expect(shortNames(["Alpha", "Beta"])).toEqual(["Alpha", "Beta"]);
    expect(shortNames(["Phoenix", "Phoenix 2"])).toEqual(["Phoenix", "Phoenix 2"]);
    const c = trendChart([{ sprint: "Phoenix 31", days: { first: "a", last: "b" }, count: 1, minutes: 60, ops_percent: 1 }, { sprint: "Phoenix 32", days: { first: "a", last: "b" }, count: 1, minutes: 60, ops_percent: 1 }]);
    expect([c.xTick(0), c.xLabel]).toEqual(["31", "Sprint (Phoenix …)"]);
  });

  it("mix bars are relative to the largest", () => {
    const r = mixRows(stats().by_category);
    expect(r.map((x) => x.width)).toEqual([100, 33]);
    expect(r[0]!.text).toBe("6 · 5 h");
    expect(mixRows([])).toEqual([]);
  });

  it("heat map: Monday first, at least 08–18, levels by the busiest hour", () => {
    const g = heatGrid(stats().heat);
    expect(g.rows.map((r) => r.day)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(g.hours[0]).toBe(8);
    expect(g.hours.at(-1)).toBe(18);
    const mon10 = g.rows[0]!.cells.find((c) => c.hour === 10)!;
    expect(mon10).toMatchObject({ count: 4, level: 4 });
    expect(g.rows[2]!.cells.find((c) => c.hour === 14)!.level).toBe(1);
    expect(g.summary).toBe("busiest: Mon 10:00 with 4 interrupts");
    const late = Array.from({ length: 7 }, () => Array(24).fill(0));
    late[6]![22] = 1;
    expect(heatGrid(late).hours.at(-1)).toBe(22);
    expect(heatGrid(Array.from({ length: 7 }, () => Array(24).fill(0))).summary).toBe("no interrupts in the range");
  });

  it("every load limit has its chip", () => {
    expect(Object.keys(LIMIT_CHIP).sort()).toEqual(["incidents_per_shift", "on_call_share", "ops_share"]);
  });

  it("shares are sentences with the counts", () => {
    expect(shareLines(stats())).toEqual([
      "40 % (4 of 10) handled by whoever was on duty",
      "60 % (6 of 10) pulled someone off focus",
      "30 % (3 of 10) could have waited",
      "20 % (2 of 10) urgent (critical or high)",
    ]);
  });

  it("who absorbed what: on and off duty against the busiest person", () => {
    const [ana, ben] = personRows(stats().per_person);
    expect(ben).toMatchObject({ onWidth: 0, offWidth: 100, offDuty: "6 · 4 h 10 min" });
    expect(ana).toMatchObject({ onWidth: 48, offWidth: 12 });
  });
});

function result(name: string, kind: StrategyResult["strategy"]["kind"], mean: number, wait = false): StrategyResult {
  return {
    strategy: { kind, backlog_and_wait: wait }, name, label: `${name} label`,
    focus_hours: { mean, low: mean - 10, high: mean + 10 }, interrupt_hours: 20,
    points: kind === "no_shield" ? null : { mean: mean / 10, low: mean / 10 - 1, high: mean / 10 + 1 },
    context_switches_per_dev: 3.14, first_response_p50: 5, first_response_p95: 42.4,
    duty_overload_chance: 0.125, breaches_per_sprint: 0, chores_hours: kind === "daily" ? 20.4 : 0, load_spread: 1,
  };
}

function sim(): Simulation {
  const cells = [0, 10, 23, 45].flatMap((r) => [0, 45, 90, 120].map((b) => ({ recovery_minutes: r, block_minutes: b, winner: r === 0 ? "no_shield" : "daily" })));
  return {
    model: { rate: [], urgent_minutes: [], other_minutes: [], urgent_share: 0.2, wait_share: 0.5, fitted_to: 40, assumptions: ["fitted to 40"] },
    settings: { runs: 1000, seed: 7, recovery_minutes: 23, block_minutes: 90, ops_share: 0.2, escalation_share: 0.3 },
    results: [result("daily", "daily", 200), result("no_shield", "no_shield", 150), result("wait", "no_shield", 160, true)],
    winner: "daily", sensitivity: cells.reverse(), winner_flips: true, warnings: [], assumptions: ["8-hour day"], summary: "Daily wins.",
  };
}

describe("simulator data", () => {
  it("comparison rows as text, the winner marked", () => {
    const [d, n] = comparisonRows(sim());
    expect(d).toMatchObject({ name: "daily", short: "Daily Batman", winner: true, focus: "200", focusRange: "190–210", points: "20.0 (19–21)", switches: "3.1", responseP95: "42 min", chores: "20 h", overload: "13 %" });
    expect(n).toMatchObject({ winner: false, points: "—", chores: "—" });
  });

  it("backlog-and-wait on its own is named as such", () => {
    expect(shortName({ kind: "no_shield", backlog_and_wait: true })).toBe("Backlog and wait");
    expect(shortName({ kind: "weekly", backlog_and_wait: true })).toBe("Op of the Week + wait");
    expect(shortOf(sim(), "unknown")).toBe("unknown");
    expect(strategyLabel(sim().results[2]!)).toMatch(/^Backlog and wait/);
    expect(strategyLabel(result("daily+wait", "daily", 1, true))).toBe("daily+wait label, with backlog-and-wait");
  });

  it("focus bars: mean and 80 % range against the widest high", () => {
    const [d] = focusBars(sim());
    expect(d).toMatchObject({ mean: 95.2, low: 90.5, high: 100, winner: true });
    expect(d!.text).toBe("200 h (80 %: 190–210)");
  });

  it("sensitivity grid: recovery rows, block columns, sorted, current cell marked", () => {
    const g = sensitivityGrid(sim());
    expect(g.blocks).toEqual([0, 45, 90, 120]);
    expect(g.rows.map((r) => r.recovery)).toEqual([0, 10, 23, 45]);
    expect(g.rows[0]!.cells[0]).toMatchObject({ winner: "No shield", same: false, current: false });
    expect(g.rows[2]!.cells[2]).toMatchObject({ winner: "Daily Batman", same: true, current: true });
  });

  it("adopt: shields map to policy kinds; no shield and ops share have nothing to adopt", () => {
    expect(adoption({ kind: "daily", backlog_and_wait: false })).toEqual({ kind: "daily" });
    expect(adoption({ kind: "weekly", backlog_and_wait: true })).toEqual({ kind: "weekly" });
    expect(adoption({ kind: "per_sprint", backlog_and_wait: false })).toEqual({ kind: "sprint" });
    expect(adoption({ kind: "standing", backlog_and_wait: false })).toEqual({ kind: "standing" });
    expect(adoption({ kind: "no_shield", backlog_and_wait: false })).toHaveProperty("none");
    expect(adoption({ kind: "ops_share", backlog_and_wait: false })).toHaveProperty("none");
  });

  it("assumptions: each sentence once, the model's first", () => {
    const s = { ...sim(), assumptions: ["fitted to 40", "8-hour day"] };
    expect(assumptionLines(s)).toEqual(["fitted to 40", "8-hour day"]);
  });

  it("the best shield is the first result with a policy to adopt", () => {
    const s = sim();
    expect(bestShield(s)).toEqual({ name: "Daily Batman", kind: "daily" });
    expect(bestShield({ ...s, results: [s.results[1]!, s.results[2]!] })).toBeNull();
    expect(bestShield({ ...s, results: [s.results[2]!, result("per_sprint", "per_sprint", 10)] })).toEqual({ name: "One out per sprint", kind: "sprint" });
  });

  it("minutes fields: whole numbers only", () => {
    expect(minutesOf(" 23 ")).toBe(23);
    expect(minutesOf("0")).toBe(0);
    expect(minutesOf("2.5")).toBeNull();
    expect(minutesOf("")).toBeNull();
  });
});

describe("quick capture from anywhere", () => {
  it("Ctrl+I or ⌘I, nothing else", () => {
    const k = (key: string, o: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...o });
    expect(isCaptureShortcut(k("i", { ctrlKey: true }))).toBe(true);
    expect(isCaptureShortcut(k("I", { metaKey: true }))).toBe(true);
    expect(isCaptureShortcut(k("i"))).toBe(false);
    expect(isCaptureShortcut(k("I", { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it("on duty now: the team's own policy with a current turn, from the Today cards", () => {
    const turn = (member_id: number, policy_id: number) => ({ id: 1, policy_id, member_id, start: "", end: "", source: "generated", locked: false });
    const view = {
      policies: [{ id: 9, team_id: 2, name: "Atlas OW" }, { id: 3, team_id: 1, name: "Batman" }, { id: 4, team_id: 1, name: "Lead" }],
      members: [{ id: 7, name: "Ana" }, { id: 8, name: "Ben" }],
      today: [
        { policy_id: 9, on_duty: { current: turn(8, 9), next: null, handoff_note: null }, checklist: [] },
        { policy_id: 3, on_duty: { current: null, next: turn(8, 3), handoff_note: null }, checklist: [] },
        { policy_id: 4, on_duty: { current: turn(7, 4), next: null, handoff_note: null }, checklist: [] },
      ],
    } as unknown as RotationView;
    expect(onDutyNow(view, 1)).toEqual({ memberId: 7, name: "Ana", policy: "Lead" });
    expect(onDutyNow({ ...view, today: [] }, 1)).toBeNull();
  });
});

describe("simulator backtest", () => {
  const spread = (mean: number, low: number, high: number) => ({ mean, low, high });
  const row = (over: Partial<SimBacktestRow>): SimBacktestRow => ({
    sprint_id: 1, name: "Phoenix 32", days: { first: "2026-06-01", last: "2026-06-12" }, strategy: "daily",
    strategy_from: "“Batman” (from the sprint's turns)", fitted_to: 33,
    expected_interrupts: spread(35.2, 28, 43), logged_interrupts: 33,
    expected_interrupt_hours: spread(41.6, 31.2, 53.4), logged_interrupt_hours: 27.4, interrupt_hours_hit: false,
    predicted_focus_hours: spread(307, 307, 307), replayed_focus_hours: 307, focus_hit: null,
    predicted_points: spread(44.2, 43.9, 44.6), completed_points: 41, points_hit: false, ...over,
  });
  const b: SimBacktest = {
    rows: [row({ fitted_to: 0, predicted_points: null, points_hit: null, interrupt_hours_hit: true }), row({})],
    interrupt_hours_hits: 1, interrupt_hours_bias: 3, focus_tested: 0, focus_hits: 0, focus_bias_hours: null,
    focus_error_hours: null, points_tested: 1, points_hits: 0, points_bias: 3.2, points_error: 3.2,
    summary: "Checked against 2 past sprints", assumptions: [],
  };

  it("sets each predicted range beside what happened, and says what was not checked", () => {
    const rows = backtestRows(b);
    expect(rows).toHaveLength(2);
    const [first, second] = [rows[0]!, rows[1]!];
    expect(first.fitted).toBe("defaults (no log before it)");
    expect(first.points).toBe("— → 41");
    expect(first.pointsHit).toBeNull();
    expect(second.strategy).toBe("Daily Batman");
    expect(second.hours).toBe("42 (31–53) → 27");
    expect(second.hoursHit).toBe(false);
    expect(second.focus).toBe("not checked");
    expect(second.points).toBe("44 (44–45) → 41");
    expect(backtestTallies(b)).toEqual([
      "Interrupt hours: 1 of 2 inside the predicted range",
      "Focus: not checked (someone on duty took every interrupt)",
      "Points: 0 of 1 inside",
    ]);
  });
});
