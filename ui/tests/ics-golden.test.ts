// The exported .ics files read back by an independent parser: ical.js, the one Thunderbird uses.
// Golden files are written by the Rust exporter's tests (crates/core/tests/golden); here each
// event's start is resolved through the file's own VTIMEZONE, as a calendar app would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

const GOLDEN = fileURLToPath(new URL("../../crates/core/tests/golden", import.meta.url));

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtz);
  }
  return cal;
}

function localParts(d: Date, zone: string) {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return f.format(d);
}

describe("golden .ics files parse in ical.js", () => {
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith(".ics"));
  it("there are golden files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file}: RFC 5545 basics hold`, () => {
      const text = readFileSync(join(GOLDEN, file), "utf8");
      expect(text.includes("\r\n")).toBe(true);
      expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
      for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      const cal = parse(text);
      expect(cal.getFirstPropertyValue("version")).toBe("2.0");
      expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();
      for (const ev of cal.getAllSubcomponents("vevent")) {
        expect(ev.getFirstPropertyValue("uid")).toBeTruthy();
        expect(ev.getFirstPropertyValue("dtstamp")).toBeTruthy();
        const start = ev.getFirstPropertyValue("dtstart") as InstanceType<typeof ICAL.Time>;
        const end = ev.getFirstPropertyValue("dtend") as InstanceType<typeof ICAL.Time>;
        expect(start.isDate || start.zone !== ICAL.Timezone.localTimezone).toBe(true); // never floating
        expect(end.compare(start)).toBe(1); // DTEND after DTSTART, also for all-day events
      }
    });
  }

  it("a weekly Monday 12:00 Europe/Berlin handoff stays 12:00 local across both DST changes", () => {
    const cal = parse(readFileSync(join(GOLDEN, "weekly_handoff_berlin_2026.ics"), "utf8"));
    const events = cal.getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThanOrEqual(4);
    const offsets = new Set<number>();
    for (const ev of events) {
      const event = new ICAL.Event(ev);
      const start = event.startDate.toJSDate();
      expect(localParts(start, "Europe/Berlin")).toBe("Mon 12:00");
      expect(localParts(event.endDate.toJSDate(), "Europe/Berlin")).toBe("Mon 12:00");
      // The UID carries the UTC instant Sprintshield stored; ical.js must land on the same one.
      const m = /(\d{8}T\d{6}Z)/.exec(event.uid);
      expect(m).not.toBeNull();
      const iso = m![1]!.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, "$1-$2-$3T$4:$5:$6Z");
      expect(start.toISOString()).toBe(new Date(iso).toISOString());
      offsets.add(start.getUTCHours());
    }
    expect(offsets).toEqual(new Set([10, 11])); // both CET (11:00Z) and CEST (10:00Z) weeks occur
  });

  it("all-day events use VALUE=DATE with an exclusive end", () => {
    const cal = parse(readFileSync(join(GOLDEN, "batman_day.ics"), "utf8"));
    const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(ev.startDate.isDate).toBe(true);
    expect(ev.endDate.isDate).toBe(true);
    expect(ev.endDate.toUnixTime() - ev.startDate.toUnixTime()).toBe(86400);
    expect(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
  });
});
