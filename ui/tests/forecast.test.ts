import { describe, expect, it } from "vitest";
import type { CapacityReport, MonteCarlo, Sourced, VelocityPoint, WhatIf } from "../src/lib/bindings";
import { distributionChart, placeMarkers, velocityChart } from "../src/lib/forecast/chart";
import { usableLanguage } from "../src/lib/forecast/locale";
import { barOptions, withAlpha, type Theme } from "../src/lib/forecast/plot";
import { weekdayName } from "../src/lib/dates";
import { heatMap, markerOf, scenarioCards } from "../src/lib/forecast/heatmap";
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
      { kind: "shielded", team_total: s(1.17), people: [], duty_cost: s(0.8), interrupt_cost: s(0.03), context_switch_cost: s(0.01), assumptions: ["the person on duty takes the interrupts"] },
      { kind: "no_shield", team_total: s(1.5), people: [], duty_cost: s(0), interrupt_cost: s(0.5, "all interrupts"), context_switch_cost: s(0.2), assumptions: ["nobody is on duty", "every logged interrupt lands on whoever is working"] },
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
    expect(m.total).toBe(1.2); // one decimal, as in the headline (was 1.17)
  });

  it("adds the team's focus per day under the people, with the sum as title", () => {
    const m = heatMap(report());
    expect(m.dayTotals.map((d) => [d.value, d.text])).toEqual([[1.17, "1.2"], [0, ""], [0, ""]]);
    expect(m.dayTotals[0]!.title).toBe("2026-06-05: Ana 0.2 + Ben 0.97 = 1.17 focus person-days");
    expect(m.dayTotals[0]!.shade).toBeCloseTo(1.17 / 2);
  });

  it("prefers holiday over time off over weekend over duty", () => {
    expect(markerOf(["duty", "time_off"])).toBe("time_off");
    expect(markerOf(["weekend", "holiday"])).toBe("holiday");
    expect(markerOf([])).toBeNull();
    expect(weekdayName("2026-03-29")).toBe("Sun");
  });

  it("names the two scenarios for what they are, compares them and lists their assumptions", () => {
    const cards = scenarioCards(report());
    expect(cards.map((c) => c.label)).toEqual(["Shielded (your rotation)", "No shield: interrupts hit everyone"]);
    expect(cards.map((c) => c.delta)).toEqual([0, 0.3]);
    const shared = cards.find((c) => c.kind === "no_shield")!;
    expect(shared.interrupts).toBe(0.5);
    expect(shared.interruptsTitle).toBe("all interrupts");
    expect(shared.assumptions).toEqual(["nobody is on duty", "every logged interrupt lands on whoever is working"]);
  });
});

describe("forecast charts", () => {
  const mc: MonteCarlo = {
    trials: 100, seed: 1, p50: 30, p85: 26, p95: 24, p15: 31, mean: 29.5,
    histogram: { bin_width: 2, bins: [
      { from: 22, to: 24, count: 5 }, { from: 24, to: 26, count: 10 }, { from: 26, to: 28, count: 35 },
      { from: 28, to: 30, count: 30 }, { from: 30, to: 32, count: 20 },
    ] },
  };

  it("gives uPlot one bar per bin at the bin's middle and P95 ≤ P85 ≤ P50 as markers", () => {
    const c = distributionChart(mc);
    expect(c.data).toEqual([[23, 25, 27, 29, 31], [5, 10, 35, 30, 20]]);
    expect(c.xRange).toEqual([22, 32]);
    expect(c.markers.map((m) => [m.label, m.value, m.emphasis])).toEqual([
      ["P95", 24, false], ["P85", 26, true], ["P50", 30, false],
    ]);
    expect(c.titles[2]).toBe("26–28 points: 35 of 100 trials (35.0 %)");
    expect(c.markers[1]!.title).toContain("85 % of 100 trials (seed 1)");
    expect(c.xSplits).toBeNull();
    expect(c.summary).toBe("100 simulated sprints; P95 24, P85 26, P50 30 points");
  });

  it("draws only the confidence lines the history backs", () => {
    const c = distributionChart(mc, [50, 85]);
    expect(c.markers.map((m) => m.label)).toEqual(["P85", "P50"]);
  });

  it("widens the x range so a confidence line outside the bins stays visible", () => {
    const c = distributionChart({ ...mc, p95: 18, p50: 35 });
    expect(c.xRange).toEqual([18, 35]);
  });

  it("draws one velocity bar per past sprint, ticked with its name, its computation as title", () => {
    const h: VelocityPoint[] = [
      { sprint_id: 1, name: "S1", completed_points: 40, focus_days: 50, per_focus_day: 0.8 },
      { sprint_id: 2, name: "S2", completed_points: 20, focus_days: 50, per_focus_day: 0.4 },
    ];
    const c = velocityChart(h);
    expect(c.data).toEqual([[0, 1], [0.8, 0.4]]);
    expect(c.xRange).toEqual([-0.5, 1.5]);
    expect(c.xSplits).toEqual([0, 1]);
    expect([0, 0.5, 1].map(c.xTick)).toEqual(["S1", "", "S2"]);
    expect(c.titles[0]).toBe("S1: 40 points / 50 focus person-days = 0.8 per focus day");
    expect(c.markers).toEqual([]);
  });

  it("moves a marker label one row down when it would overlap the previous one", () => {
    const c = distributionChart({ ...mc, p95: 25.9, p85: 26, p50: 30 });
    const places = placeMarkers(c.markers, (v) => v * 20, 48);
    expect(places.map((p) => [p.marker.label, p.x, p.row])).toEqual([["P95", 518, 0], ["P85", 520, 1], ["P50", 600, 0]]);
  });
});

describe("uPlot options", () => {
  it("replaces a POSIX locale Intl rejects (uPlot would fail to load) with one it accepts", () => {
    expect(usableLanguage("de-DE")).toBe("de-DE");
    expect(usableLanguage("en-US@posix")).toBe("en-US");
    expect(usableLanguage("de_DE.UTF-8")).toBe("de-DE");
    const fallback = usableLanguage("C");
    expect(fallback).toBe(new Intl.NumberFormat().resolvedOptions().locale);
    expect(() => new Intl.NumberFormat("C")).toThrow(RangeError);
  });


  const theme: Theme = { text: "#111", muted: "#666", border: "#d9dee6", accent: "#1f5fa8", ok: "#1e7b4a", surface: "#fff", font: "sans-serif" };
  const mc: MonteCarlo = {
    trials: 10, seed: 3, p50: 30, p85: 26, p95: 24, p15: 30, mean: 29,
    histogram: { bin_width: 4, bins: [{ from: 22, to: 26, count: 4 }, { from: 26, to: 30, count: 6 }] },
  };

  it("turns design-token colours into canvas colours with opacity", () => {
    expect(withAlpha("#1f5fa8", 0.5)).toBe("rgba(31, 95, 168, 0.5)");
    expect(withAlpha("#fff", 1)).toBe("rgba(255, 255, 255, 1)");
    expect(withAlpha("rgb(1 2 3)", 0.5)).toBe("rgb(1 2 3)");
  });

  it("colours bars and axes from the theme and starts the y axis at zero", () => {
    const o = barOptions(distributionChart(mc), theme, 480, 220);
    expect([o.width, o.height]).toEqual([480, 220]);
    expect(o.series[1]!.fill).toBe("rgba(31, 95, 168, 0.55)");
    expect(o.axes![0]!.stroke).toBe("#666");
    const y = o.scales!.y!.range as (u: unknown, min: number, max: number) => [number, number];
    expect(y(null, 4, 6)).toEqual([0, 6 * 1.1]);
    const value = o.series[1]!.value as (u: unknown, v: number, si: number, idx: number | null) => string;
    expect(value(null, 6, 1, 1)).toBe("26–30 points: 6 of 10 trials (60.0 %)");
  });

  it("draws the three confidence lines with P85 solid in the ok colour", () => {
    const o = barOptions(distributionChart(mc), theme, 480, 220);
    const strokes: { x: number; color: string; dash: number[] }[] = [];
    const texts: string[] = [];
    let dash: number[] = [];
    let color = "";
    const ctx = {
      save() {}, restore() {}, beginPath() {}, lineTo() {}, stroke() {}, fillRect() {},
      setLineDash(d: number[]) { dash = d; },
      moveTo(x: number) { strokes.push({ x, color, dash }); },
      measureText: (t: string) => ({ width: t.length * 6 }),
      fillText(t: string) { texts.push(t); },
      set strokeStyle(c: string) { color = c; },
    };
    const u = { ctx, bbox: { left: 0, top: 0, width: 400, height: 200 }, valToPos: (v: number) => (v - 20) * 20 };
    o.hooks!.draw![0]!(u as never);
    expect(strokes).toEqual([
      { x: 80, color: "#111", dash: [4, 3] }, { x: 120, color: "#1e7b4a", dash: [] }, { x: 200, color: "#111", dash: [4, 3] },
    ]);
    expect(texts).toEqual(["P95 24", "P85 26", "P50 30"]);
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
