// The demo export of Phoenix (written by crates/cli/tests/export.rs through the real CLI) read back
// by ical.js, the parser Thunderbird uses: every event's local start is what Sprintshield planned,
// also across the 28 March 2027 DST change inside the exported range.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

const FILE = fileURLToPath(new URL("../../crates/cli/tests/golden/phoenix_export.ics", import.meta.url));

function events() {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(FILE, "utf8")));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  return { cal, events: cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

function local(d: Date) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Berlin",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(d);
}

function offsetMinutes(d: Date) {
  const wall = new Date(d.toLocaleString("en-US", { timeZone: "Europe/Berlin" }));
  const utc = new Date(d.toLocaleString("en-US", { timeZone: "UTC" }));
  return (wall.getTime() - utc.getTime()) / 60000;
}

describe("Phoenix demo export read by ical.js", () => {
  const { cal, events: all } = events();

  it("is a named calendar with turns, sprints and releases", () => {
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Phoenix");
    const summaries = all.map((e) => e.summary);
    expect(summaries.some((s) => s.startsWith("Batman: "))).toBe(true);
    expect(summaries.some((s) => s.startsWith("Dev of the Week: "))).toBe(true);
    expect(summaries).toContain("Phoenix 47");
    expect(summaries).toContain("Production release: Phoenix 47");
  });

  it("Batman turns hand off at 09:30 local on both sides of the DST change", () => {
    const batman = all.filter((e) => e.summary.startsWith("Batman: "));
    expect(batman.length).toBeGreaterThan(10);
    const offsets = new Set<number>();
    for (const e of batman) {
      const start = e.startDate.toJSDate();
      expect(local(start).slice(4)).toBe("09:30");
      expect(local(e.endDate.toJSDate()).slice(4)).toBe("09:30");
      offsets.add(offsetMinutes(start));
      // Duty turns never block people as busy.
      expect(e.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    }
    expect([...offsets].sort((a, b) => a - b)).toEqual([60, 120]);
  });

  it("Dev of the Week hands off Monday 12:00 local", () => {
    for (const e of all.filter((e) => e.summary.startsWith("Dev of the Week: "))) {
      expect(local(e.startDate.toJSDate())).toBe("Mon 12:00");
    }
  });

  it("release events land on their routine local times after the DST change", () => {
    const one = (prefix: string) => all.find((e) => e.summary.startsWith(prefix))!;
    expect(local(one("Release-candidate push: Phoenix 47").startDate.toJSDate())).toBe("Thu 18:00");
    const prod = one("Production release: Phoenix 47").startDate.toJSDate();
    expect(local(prod)).toBe("Sat 09:00");
    expect(offsetMinutes(prod)).toBe(120);
    expect(local(one("High alert: Phoenix 47").startDate.toJSDate())).toBe("Sat 08:00");
    expect(local(one("Regression / load testing: Phoenix 47").startDate.toJSDate())).toBe("Mon 09:00");
  });

  it("the sprint is an all-day event with an exclusive end", () => {
    const sprint = all.find((e) => e.summary === "Phoenix 47")!;
    expect(sprint.startDate.isDate).toBe(true);
    expect(sprint.startDate.toString()).toBe("2027-03-08");
    expect(sprint.endDate.toString()).toBe("2027-03-20");
  });
});
