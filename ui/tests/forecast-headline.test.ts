import { describe, expect, it } from "vitest";
import type { SprintForecast } from "../src/lib/bindings";
import { backedPercents, detailRows, headlineView } from "../src/lib/forecast/headline";

const s = (value: number, from = `from ${value}`) => ({ value, from });

// The numbers of core's hand-computed headline test (crates/core/tests/forecast_headline.rs).
function forecast(): SprintForecast {
  const capacity = "Capacity 35 focus days of 50: −10 on duty, −5 Ben's vacation.";
  return {
    capacity: { interrupt_window_note: "interrupt cost measured over the closed sprints" },
    history: [],
    left_out: [],
    no_forecast: null,
    assumptions: ["Sprint 1, Sprint 2 and 4 more have no stored duty turns; assumed your current policies"],
    forecast: {
      planned_focus_days: s(35, "35 focus person-days after duty"),
      history: [],
      deterministic: {
        mean_per_focus_day: s(1, "mean of 6 past sprints"),
        points: s(35, "1 points per focus person-day × 35"),
        range: { low: 26.25, high: 43.75, from: "Cohn" },
        range_note: "Cohn's 90 % range: the 1st lowest and highest of 6 sprints",
        lowest_highest: { low: 26.25, high: 43.75, from: "lowest and highest" },
        chance_in_lowest_highest: s(5 / 7, "(6 − 1)/(6 + 1) = 71 %"),
      },
      monte_carlo: { trials: 20000, seed: 7, p50: 35, p85: 26.25, p95: 26.25, p15: 43.75, mean: 35, histogram: { bin_width: 1, bins: [] } },
      warnings: [{ kind: "focus_below_history", message: "the plan has 35 focus person-days, fewer than any past sprint" }],
    },
    headline: {
      sentence: `Commit to 26 points (85 % likely; 35 half the time). ${capacity}`,
      commit_points: 26,
      commit_percent: 85,
      half_points: 35,
      range: { low: 26, high: 44, sentence: "Likely range: 26–44 points; 7 sprints in 10 land here." },
      capacity,
      percentiles: [
        { percent: 50, points: 35, note: "reached in 50 % of 20000 simulated sprints" },
        { percent: 85, points: 26, note: "reached in 85 % of 20000 simulated sprints" },
        { percent: 95, points: null, note: "not shown — backing 95 % needs at least 19 past sprints" },
      ],
    },
  } as unknown as SprintForecast;
}

describe("forecast headline", () => {
  it("splits core's sentence so the commitment stands out, the causes stay visible text", () => {
    const h = headlineView(forecast())!;
    expect(h.commit).toBe("Commit to 26 points");
    expect(h.likely).toBe("(85 % likely; 35 half the time).");
    expect(h.capacity).toBe("Capacity 35 focus days of 50: −10 on duty, −5 Ben's vacation.");
    expect(`${h.commit} ${h.likely} ${h.capacity}`).toBe(h.sentence);
    expect(h.range).toBe("Likely range: 26–44 points; 7 sprints in 10 land here.");
    expect(h.notes.map((n) => n.kind)).toEqual(["assumption", "warning"]);
  });

  it("has no headline without a forecast", () => {
    expect(headlineView({ ...forecast(), headline: null })).toBeNull();
  });

  it("puts the jargon in the details with whole points, and leaves out what the history cannot back", () => {
    const rows = detailRows(forecast());
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    expect(byLabel["P85"]).toBe("26 points");
    expect(byLabel["P95"]).toBe("—");
    expect(byLabel["Cohn's 90 % range of the median"]).toBe("26–44 points");
    expect(byLabel["Focus person-days planned"]).toBe("35");
    expect(rows.every((r) => !/\.\d\d/.test(r.value))).toBe(true);
    expect(backedPercents(forecast())).toEqual([50, 85]);
  });
});
