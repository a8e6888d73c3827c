import { describe, expect, it } from "vitest";
import type { CapacityReport, MonteCarlo, Sourced, VelocityPoint, WhatIf } from "../src/lib/bindings";
import { distributionChart, velocityChart } from "../src/lib/forecast/chart";
import { heatMap, markerOf, scenarioCards, weekday } from "../src/lib/forecast/heatmap";
import { toggle, toggleOf } from "../src/lib/forecast/whatif";

const s = (value: number, from = `from ${value}`): Sourced => ({ value, from });

function report(): CapacityReport {
  const days: [string, string, string] = ["2026-06-05", "2026-06-06", "2026-06-08"];
  return {
    sprint: { first: days[0], last: days[2] },
    days: [
      { date: days[0], working: true, holiday: null },
      { date: days[1], working: false, holiday: null },
      { date: days[2], working: false, holiday: "Whit Monday" },
    ],
    people: [
      {
        member_id: 7, name: "Ana", total: s(0.2, "Ana's total"),
        cells: [
          { date: days[0], value: 0.2, flags: ["duty"], duty: "Op of the Week", before_interrupts: 0.2, exposed: 0, from: "100 % × 20 %" },
          { date: days[1], value: 0, flags: ["weekend"], duty: null, before_interrupts: 0, exposed: 0, from: "no focus time: weekend" },
          { date: days[2], value: 0, flags: ["weekend", "holiday"], duty: null, before_interrupts: 0, exposed: 0, from: "holiday" },
        ],
      },
      {
        member_id: 8, name: "Ben", total: s(0.97),
        cells: [
          { date: days[0], value: 0.97, flags: [], duty: null, before_interrupts: 1, exposed: 1, from: "100 % − 0.03" },
          { date: days[1], value: 0, flags: ["weekend"], duty: null, before_interrupts: 0, exposed: 0, from: "weekend" },
          { date: days[2], value: 0, flags: ["time_off", "holiday"], duty: null, before_interrupts: 0, exposed: 0, from: "time off" },
        ],
      },
    ],
    team_total: s(1.17, "team"),
    interrupts: {
      window: { first: "2026-05-01", last: "2026-05-29" }, recovery_minutes: 23,
      leaked: s(0.03), leaked_recovery: s(0.01), shared: s(0.04), shared_recovery: s(0.02), daily_losses: [0.03],
    },
    scenarios: [
      { kind: "with_rotation", team_total: s(1.17), people: [], duty_cost: s(0.8), interrupt_cost: s(0.03), context_switch_cost: s(0.01) },
      { kind: "without_rotation", team_total: s(1.94), people: [], duty_cost: s(0), interrupt_cost: s(0.06), context_switch_cost: s(0.02) },
      { kind: "everyone_shares", team_total: s(1.5), people: [], duty_cost: s(0), interrupt_cost: s(0.5, "all interrupts"), context_switch_cost: s(0.2) },
    ],
    most_people_out: 1,
  };
}

describe("capacity heat map", () => {
  it("shades cells by focus left and marks why a day is reduced", () => {
    const m = heatMap(report());
    expect(m.columns.map((c) => c.weekday)).toEqual(["Fri", "Sat", "Mon"]);
    expect(m.columns[2]!.holiday).toBe("Whit Monday");
    const [ana, ben] = m.rows;
    expect(ana!.cells.map((c) => c.marker)).toEqual(["duty", "weekend", "holiday"]);
    expect(ana!.cells[0]!.text).toBe("0.2");
    expect(ana!.cells[0]!.shade).toBeCloseTo(0.2);
    expect(ana!.cells[0]!.title).toContain("on duty: Op of the Week");
    expect(ana!.cells[2]!.text).toBe("H");
    expect(ben!.cells[2]!.marker).toBe("holiday");
    expect(ben!.cells[0]!.title).toBe("2026-06-05: 100 % − 0.03");
    expect(ana!.totalTitle).toBe("Ana's total");
    expect(m.total).toBe(1.17);
  });

  it("prefers holiday over time off over weekend over duty", () => {
    expect(markerOf(["duty", "time_off"])).toBe("time_off");
    expect(markerOf(["weekend", "holiday"])).toBe("holiday");
    expect(markerOf([])).toBeNull();
    expect(weekday("2026-03-29")).toBe("Sun");
  });

  it("compares every scenario with the plan so the cost of sharing interrupts is visible", () => {
    const cards = scenarioCards(report());
    expect(cards.map((c) => c.delta)).toEqual([0, 0.77, 0.33]);
    const shared = cards.find((c) => c.kind === "everyone_shares")!;
    expect(shared.label).toBe("Everyone shares interrupts");
    expect(shared.interrupts).toBe(0.5);
    expect(shared.interruptsTitle).toBe("all interrupts");
  });
});

describe("forecast charts", () => {
  const mc: MonteCarlo = {
    trials: 100, seed: 1, p50: 30, p85: 26, p95: 24, mean: 29.5,
    histogram: { bin_width: 2, bins: [
      { from: 22, to: 24, count: 5 }, { from: 24, to: 26, count: 10 }, { from: 26, to: 28, count: 35 },
      { from: 28, to: 30, count: 30 }, { from: 30, to: 32, count: 20 },
    ] },
  };

  it("places P95 ≤ P85 ≤ P50 left to right over bars scaled to the tallest bin", () => {
    const c = distributionChart(mc, 560, 200);
    const [p95, p85, p50] = c.lines;
    expect([p95!.label, p85!.label, p50!.label]).toEqual(["P95", "P85", "P50"]);
    expect(p95!.x).toBeLessThan(p85!.x);
    expect(p85!.x).toBeLessThan(p50!.x);
    expect(c.bars[0]!.x).toBeCloseTo(24);
    const tallest = c.bars[2]!;
    expect(tallest.height).toBeCloseTo(200 - 48);
    expect(c.bars[0]!.height).toBeCloseTo((5 / 35) * 152);
    expect(c.bars[2]!.title).toBe("26–28 points: 35 of 100 trials (35.0 %)");
    expect(p85!.title).toContain("85 % of 100 trials");
    expect(c.ticks.every((t) => t.x >= 24 && t.x <= 536)).toBe(true);
  });

  it("draws one velocity bar per past sprint with its computation as title", () => {
    const h: VelocityPoint[] = [
      { sprint_id: 1, name: "S1", completed_points: 40, focus_days: 50, per_focus_day: 0.8 },
      { sprint_id: 2, name: "S2", completed_points: 20, focus_days: 50, per_focus_day: 0.4 },
    ];
    const c = velocityChart(h, 560, 140);
    expect(c.bars).toHaveLength(2);
    expect(c.bars[1]!.height).toBeCloseTo(c.bars[0]!.height / 2);
    expect(c.bars[0]!.title).toBe("S1: 40 points / 50 focus person-days = 0.8 per focus day");
    expect(c.ticks.map((t) => t.label)).toEqual(["S1", "S2"]);
  });
});

describe("what-if toggles", () => {
  it("keeps one toggle per member and clears it when pressed again", () => {
    let list: WhatIf[] = [];
    list = toggle(list, 7, "on_duty", 20);
    expect(list).toEqual([{ kind: "on_duty", member_id: 7, focus_share_percent: 20 }]);
    list = toggle(list, 8, "away");
    list = toggle(list, 7, "away");
    expect(list).toEqual([{ kind: "away", member_id: 8 }, { kind: "away", member_id: 7 }]);
    expect(toggleOf(list, 7)).toBe("away");
    list = toggle(list, 7, "away");
    expect(toggleOf(list, 7)).toBeNull();
    expect(list).toHaveLength(1);
  });
});
