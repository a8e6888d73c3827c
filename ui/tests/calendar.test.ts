import { describe, expect, it } from "vitest";
import type { CalendarEvent, ImportPreview, ProposedTimeOff } from "../src/lib/bindings";
import {
  countByCategory, defaultForm, exportRequest, importRequest, importSummary, kindWhy, messageText, toggle, when,
} from "../src/lib/calendar/choice";

function ev(over: Partial<CalendarEvent>): CalendarEvent {
  return {
    uid: "u", summary: "s", description: "", transparent: true, sequence: 0, cancelled: false, categories: ["Duty"],
    organizer: null, attendees: [], when: { kind: "timed", start: "2027-03-29T07:30:00Z", end: "2027-03-30T07:30:00Z" }, ...over,
  };
}

describe("export choice", () => {
  it("defaults to turns, sprints and releases over eight weeks", () => {
    const f = defaultForm("2027-03-01");
    expect(f.what).toEqual(["turns", "sprints", "releases"]);
    expect(f.to).toBe("2027-04-25");
  });

  it("builds a request or says what is missing", () => {
    const f = defaultForm("2027-03-01");
    expect(exportRequest(3, f)).toMatchObject({ team_id: 3, member_id: null, what: ["turns", "sprints", "releases"] });
    expect(exportRequest(3, { ...f, what: [] })).toBe("Choose at least one thing to export.");
    expect(exportRequest(3, { ...f, to: "2027-02-01" })).toBe("The range ends before it starts.");
    expect(exportRequest(3, { ...f, from: "" })).toBe("Choose both dates.");
    expect(toggle(["turns"], "sprints")).toEqual(["turns", "sprints"]);
    expect(toggle(["turns", "sprints"], "turns")).toEqual(["sprints"]);
  });

  it("shows times in the team's zone after the DST change and all-day spans as dates", () => {
    expect(when(ev({}), "Europe/Berlin")).toBe("Mon 29 Mar, 09:30 – Tue 30 Mar, 09:30");
    expect(when(ev({ when: { kind: "all_day", first: "2027-03-08", last_inclusive: "2027-03-19" } }), "Europe/Berlin"))
      .toBe("2027-03-08 – 2027-03-19");
  });

  it("counts events per category, cancelled ones apart", () => {
    const c = countByCategory([ev({}), ev({ uid: "b" }), ev({ uid: "c", categories: ["Sprint"] }), ev({ uid: "d", cancelled: true })]);
    expect(c).toEqual({ Duty: 2, Sprint: 1, Cancelled: 1 });
  });
});

describe("import preview", () => {
  it("reads a year back and two ahead", () => {
    expect(importRequest(1, "holidays", "2027-03-01"))
      .toEqual({ team_id: 1, text: "", kind: "holidays", from: "2026-03-01", to: "2029-02-28", kinds: [] });
  });

  it("sends the kinds the user chose per event", () => {
    expect(importRequest(1, "time_off", "2027-03-01", { "a@google.com": "sick" }).kinds).toEqual([{ uid: "a@google.com", kind: "sick" }]);
  });

  it("says why a kind was chosen and what happened to each doubtful event", () => {
    const t = { kind: "vacation", kind_reason: "category \"Vacation\"" } as ProposedTimeOff;
    expect(kindWhy(t)).toBe("guessed from category \"Vacation\"");
    expect(kindWhy({ ...t, kind_reason: "chosen" })).toBe("your choice");
    expect(kindWhy({ ...t, kind: "other", kind_reason: "" })).toBe("nothing in the event says which kind");
    expect(messageText({ line: 12, summary: "Ski", level: "skipped", text: "it ends (2027-03-01) before it starts (2027-03-05)" }))
      .toBe("Line 12, Ski: skipped — it ends (2027-03-01) before it starts (2027-03-05)");
    expect(messageText({ line: 3, summary: "Call", level: "note", text: "the event has no time zone" }))
      .toBe("Line 3, Call: imported with a note — the event has no time zone");
  });

  it("says what Apply will write and what is skipped", () => {
    const p: ImportPreview = {
      proposal: {
        time_off: [
          { member_id: 1, member_name: "Ana", days: { first: "2027-03-01", last: "2027-03-03" }, summary: "Ski", uid: "a", matched_by: "attendee e-mail",
            kind: "vacation", kind_reason: "\"ski\" in the title", line: 4, duplicate: false },
          { member_id: 1, member_name: "Ana", days: { first: "2027-04-01", last: "2027-04-01" }, summary: "Dentist", uid: "b", matched_by: "attendee e-mail",
            kind: "other", kind_reason: "", line: 9, duplicate: true },
        ],
        holidays: [],
        unmatched: [{ summary: "Stranger", days: { first: "2027-03-10", last: "2027-03-10" }, reason: "none of nobody@example.com is a member" }],
      },
      messages: [], time_off_to_write: 1, holidays_to_write: 0, applied: false,
    };
    expect(importSummary(p)).toBe("Will import 1 time off and 0 holidays; 1 already recorded (skipped); 1 not usable.");
    expect(importSummary({ ...p, applied: true })).toMatch(/^Imported 1 time off/);
  });
});
