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

  it("Batman turns are all-day events on their working day, the 09:30 handoff in the description", () => {
    const batman = all.filter((e) => e.summary.startsWith("Batman: "));
    expect(batman.length).toBeGreaterThan(10);
    const days = new Set<string>();
    for (const e of batman) {
      // One whole day (VALUE=DATE, exclusive end), never drawn across two days.
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.isDate).toBe(true);
      expect(e.endDate.toUnixTime() - e.startDate.toUnixTime()).toBe(86400);
      const weekday = e.startDate.dayOfWeek(); // 1 = Sunday … 7 = Saturday
      expect(weekday >= 2 && weekday <= 6).toBe(true);
      expect(days.has(e.startDate.toString())).toBe(false); // one Batman a day
      days.add(e.startDate.toString());
      // The handoff is 09:30 local on both sides of the DST change; a Friday runs to Monday.
      const until = weekday === 6 ? "Mon" : ["Mon", "Tue", "Wed", "Thu", "Fri"][weekday - 1];
      expect(e.description).toMatch(new RegExp(`^Handoff at 09:30 Europe/Berlin \\(on duty until ${until} \\d{2} \\w{3} 09:30\\)`));
      // Duty turns never block people as busy.
      expect(e.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    }
    expect(days.has("2027-03-26")).toBe(true); // Friday before the change (CET)
    expect(days.has("2027-03-29")).toBe(true); // Monday after it (CEST)
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
