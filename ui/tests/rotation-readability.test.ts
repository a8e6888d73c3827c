// The planner's readability rules: which label fits a turn, where a daily turn sits, who is on duty
// each day, the quarter's per-week counts, and the contrast of the colours the planner uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Turn, ViewDay } from "../src/lib/bindings";
import { addDays } from "../src/lib/dates";
import { dayBounds, days, placeTurnOn, rangeBounds, weeks } from "../src/lib/rotation/layout";
import { contrast, countsText, dayAt, fitLabel, initials, mix, onDuty, textPx, TURN_CHROME_PX, weekCounts } from "../src/lib/rotation/readability";

const HOUR = 3_600_000;
const turn = (id: number, member: number, start: string, end: string, policy = 1): Turn => ({
  id, policy_id: policy, member_id: member, start, end, source: "generated", locked: false, note: "", shadow_member_id: null, replaced_member_id: null,
});

/** Days from `first` whose local midnights (UTC) are `bounds`; Saturday and Sunday not worked. */
function viewDays(first: string, bounds: string[]): ViewDay[] {
  return bounds.slice(0, -1).map((start, i) => {
    const date = addDays(first, i);
    const wd = new Date(`${date}T12:00:00Z`).getUTCDay();
    return { date, working: wd !== 0 && wd !== 6, holiday: null, start, end: bounds[i + 1]! };
  });
}
const every24h = (from: string, n: number) => Array.from({ length: n + 1 }, (_, i) => new Date(Date.parse(from) + i * 24 * HOUR).toISOString());
/** Berlin, Mon 23 – Sun 29 March 2026: the clocks go forward on Sunday (a 23-hour day). */
const dstWeek = () => viewDays("2026-03-23", [...every24h("2026-03-22T23:00:00Z", 6), "2026-03-29T22:00:00Z"]);

describe("turn labels fit their width", () => {
  const w = (text: string) => textPx(text) + TURN_CHROME_PX;
  it("shows the whole name when it fits", () => {
    expect(fitLabel("Ana Lopez", w("Ana Lopez"))).toEqual({ kind: "full", text: "Ana Lopez" });
    expect(fitLabel("Emma Larsen", 300)).toEqual({ kind: "full", text: "Emma Larsen" });
  });
  it("falls back to the first name, then to initials", () => {
    expect(fitLabel("Ana Lopez", w("Ana Lopez") - 1)).toEqual({ kind: "first", text: "Ana" });
    expect(fitLabel("Dmitri Ivanov", w("Dmitri"))).toEqual({ kind: "first", text: "Dmitri" });
    expect(fitLabel("Dmitri Ivanov", w("Dmitri") - 1)).toEqual({ kind: "initials", text: "DI" });
  });
  it("counts wide letters as wide: a 49 px turn holds \"Ben\" but not \"Emma\" (measured at 1280 px)", () => {
    expect(fitLabel("Emma Larsen", 49).text).toBe("EL");
    expect(fitLabel("Ben Okafor", 49).text).toBe("Ben");
    expect(textPx("mm")).toBeGreaterThan(textPx("il") * 2);
  });
  it("scales with a smaller font and leaves room for what sits beside the name", () => {
    // A quarter week cell of 53 px: "Ana ×3" in 0.7rem text fits, "Emma ×2" does not.
    expect(fitLabel("Ana Souza", 53, 24, 0.85).text).toBe("Ana");
    expect(fitLabel("Emma Larsen", 53, 24, 0.85).text).toBe("EL");
  });
  it("always shows something, however narrow", () => {
    expect(fitLabel("Dmitri", 3)).toEqual({ kind: "initials", text: "Dm" });
    expect(fitLabel("Dmitri Ivanov", 0).text).toBe("DI");
  });
  it("makes initials of up to three words, two letters of one word", () => {
    expect(initials("ana maría lópez garcía")).toBe("AML");
    expect(initials("Ben")).toBe("Be");
    expect(initials("  ")).toBe("?");
  });
});

describe("daily turns line up with the day columns", () => {
  const view = { days: dstWeek() };
  it("covers the local day it starts on, from its start to its end", () => {
    // Tue 24 March 09:30 Berlin (08:30 UTC) to Wed 09:30: the whole of Tuesday's column.
    const t = turn(1, 1, "2026-03-24T08:30:00Z", "2026-03-25T08:30:00Z");
    const col = days(view)[1]!;
    const pos = placeTurnOn(t, "daily", view)!;
    const total = rangeBounds(view)[1] - rangeBounds(view)[0];
    expect(pos.left).toBeCloseTo(((col.start - rangeBounds(view)[0]) / total) * 100, 9);
    expect(pos.width).toBeCloseTo(col.width, 9);
  });
  it("fills the short DST day exactly (23 hours)", () => {
    const t = turn(1, 1, "2026-03-29T07:30:00Z", "2026-03-30T07:30:00Z");
    const pos = placeTurnOn(t, "daily", view)!;
    expect(pos.left + pos.width).toBeCloseTo(100, 9);
    expect(pos.width).toBeCloseTo(days(view)[6]!.width, 9);
  });
  it("keeps weekly turns time-proportional (a Monday-noon handoff sits mid-day)", () => {
    const t = turn(1, 1, "2026-03-23T11:00:00Z", "2026-03-30T10:00:00Z");
    const pos = placeTurnOn(t, "weekly", view)!;
    expect(pos.left).toBeGreaterThan(0);
    expect(pos.left).toBeLessThan(days(view)[0]!.width);
  });
  it("is left out when it starts outside the range", () => {
    expect(placeTurnOn(turn(1, 1, "2026-04-05T08:30:00Z", "2026-04-06T08:30:00Z"), "daily", view)).toBeNull();
    // Friday's turn running into Monday morning is not a sliver on Monday.
    expect(placeTurnOn(turn(1, 1, "2026-03-20T08:30:00Z", "2026-03-23T08:30:00Z"), "daily", view)).toBeNull();
  });
  it("finds the day an instant falls in (start inclusive, end exclusive)", () => {
    const list = dayBounds(view);
    expect(dayAt(list, Date.parse("2026-03-23T23:00:00Z"))!.date).toBe("2026-03-24");
    expect(dayAt(list, Date.parse("2026-03-23T22:59:59Z"))!.date).toBe("2026-03-23");
    expect(dayAt(list, Date.parse("2026-03-29T22:00:00Z"))).toBeNull();
  });
});

describe("on duty today", () => {
  const view = { days: dstWeek() };
  const cols = days(view);
  // Batman: daily at 09:30 (07:30/08:30 UTC); OW: weekly, handed over Monday 10:00.
  const batman = [
    turn(1, 11, "2026-03-23T08:30:00Z", "2026-03-24T08:30:00Z"),
    turn(2, 12, "2026-03-24T08:30:00Z", "2026-03-25T08:30:00Z"),
    turn(3, 11, "2026-03-25T08:30:00Z", "2026-03-26T08:30:00Z"),
  ];
  const ow = [turn(4, 20, "2026-03-16T09:00:00Z", "2026-03-23T09:00:00Z", 2), turn(5, 21, "2026-03-23T09:00:00Z", "2026-03-30T08:00:00Z", 2)];
  const byPolicy = new Map([[1, batman], [2, ow]]);
  const duty = onDuty(cols, [{ id: 1 }, { id: 2 }], byPolicy);
  it("names who holds each policy on each day, in the policies' order", () => {
    expect(duty.map((d) => d.date)).toEqual(cols.map((c) => c.date));
    expect(duty[0]!.cells.map((c) => c.memberId)).toEqual([11, 21]); // Monday: the new OW from 10:00
    expect(duty[1]!.cells.map((c) => c.memberId)).toEqual([12, 21]);
    expect(duty[2]!.cells[0]!.turn!.id).toBe(3);
  });
  it("says nobody where no turn covers the day", () => {
    expect(duty[3]!.cells[0]).toEqual({ policyId: 1, memberId: null, turn: null });
    expect(onDuty(cols, [{ id: 9 }], byPolicy)[0]!.cells[0]!.memberId).toBeNull();
  });
});

describe("quarter view: daily turns counted per week and person", () => {
  const view = { days: viewDays("2026-03-02", every24h("2026-03-01T23:00:00Z", 14)) }; // two weeks, no DST change
  const cols = weeks(view);
  const daily = (day: number, member: number) =>
    turn(day, member, new Date(Date.parse("2026-03-02T08:30:00Z") + day * 24 * HOUR).toISOString(), new Date(Date.parse("2026-03-03T08:30:00Z") + day * 24 * HOUR).toISOString());
  const ts = [daily(0, 1), daily(1, 2), daily(2, 1), daily(3, 1), daily(4, 2), daily(7, 2), daily(8, 3), daily(20, 1)];
  const names: Record<number, string> = { 1: "Ana Lopez", 2: "Ben Okafor", 3: "Dmitri Ivanov" };
  const counts = weekCounts(cols, ts);
  it("counts each person's turns in the week they start, in order of first turn", () => {
    expect(counts.map((w) => w.date)).toEqual(["2026-03-02", "2026-03-09"]);
    expect(counts[0]!.counts).toEqual([{ memberId: 1, n: 3 }, { memberId: 2, n: 2 }]);
    expect(counts[1]!.counts).toEqual([{ memberId: 2, n: 1 }, { memberId: 3, n: 1 }]);
  });
  it("reads as first names with counts", () => {
    expect(countsText(counts[0]!.counts, (id) => names[id]!).replace(/\u00a0/g, " ")).toBe("Ana ×3, Ben ×2");
    expect(countsText([], (id) => names[id]!)).toBe("");
  });
});

describe("contrast of the planner's colours (WCAG AA)", () => {
  it("computes WCAG ratios", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777", "#777")).toBeCloseTo(1, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(() => contrast("red", "#fff")).toThrow();
  });

  // The tokens are read from app.css, light (`:root`) and dark (the media query), so a changed
  // colour is checked here.
  const css = readFileSync(new URL("../src/app.css", import.meta.url), "utf8");
  const darkAt = css.indexOf("prefers-color-scheme: dark");
  const tokens = (part: string) => Object.fromEntries([...part.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!]));
  const light = tokens(css.slice(0, darkAt));
  const dark = { ...light, ...tokens(css.slice(darkAt)) };
  // Text on its background: 4.5:1 (WCAG AA, normal text).
  const text: [string, string][] = [
    ["weekend-text", "weekend-bg"], // weekend headers
    ["muted", "surface"], // working-day headers, row labels
    ["muted", "warn-bg"], // holiday headers
    ["text", "surface"], ["text", "surface-2"], ["text", "today-bg"], ["muted", "today-bg"],
    ["warn", "warn-bg"], ["warn", "surface"], ["error", "surface"], ["ok", "ok-bg"], ["accent-text", "accent"],
  ];
  for (const [scheme, t] of [["light", light], ["dark", dark]] as const) {
    for (const [fg, bg] of text) {
      it(`${scheme}: ${fg} on ${bg} is at least 4.5:1`, () => {
        expect(contrast(t[fg]!, t[bg]!)).toBeGreaterThanOrEqual(4.5);
      });
    }
    it(`${scheme}: the coverage strip and its gaps stand out from the card (3:1, a graphic)`, () => {
      expect(contrast(t["cover"]!, t["surface"]!)).toBeGreaterThanOrEqual(3);
      expect(contrast(t["error"]!, t["surface"]!)).toBeGreaterThanOrEqual(3);
    });
    it(`${scheme}: disabled buttons are dimmer than enabled ones`, () => {
      expect(contrast(t["disabled-text"]!, t["surface"]!)).toBeLessThan(contrast(t["text"]!, t["surface"]!) / 2);
    });
  }
  // Member colours (core's palette, crates/core/src/member.rs): a turn is the colour at 28 % over
  // the card, an on-duty name at 22 %; their text is the text colour.
  const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#6b8e23"];
  it("mixes like color-mix in srgb", () => {
    expect(mix("#ffffff", "#000000", 50)).toBe("#808080");
    expect(mix("#4e79a7", "#ffffff", 100)).toBe("#4e79a7");
  });
  for (const [scheme, t] of [["light", light], ["dark", dark]] as const) {
    it(`${scheme}: names on turns and on-duty chips of every member colour are at least 4.5:1`, () => {
      for (const c of PALETTE) {
        for (const share of [28, 22]) expect(contrast(t["text"]!, mix(c, t["surface"]!, share)), `${c} at ${share} %`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
  it("weekend headers in light mode are well above the old 2.25:1", () => {
    expect(contrast(light["weekend-text"]!, light["weekend-bg"]!)).toBeGreaterThan(7);
  });
});
