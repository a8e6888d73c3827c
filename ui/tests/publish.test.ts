import { describe, expect, it } from "vitest";
import type { PublishChange, PublishReport } from "../src/lib/bindings";
import { changeCount, changeText, dayLabel, kindLabel, publishLabel, targetLine, whatLine } from "../src/lib/publish/publish";

function report(created: number, updated: number, deleted: number): PublishReport {
  return {
    team: "Phoenix", collection_url: "http://h/c/", from: "2026-12-01", to: "2026-12-31", dry_run: true,
    headline: "", changes: [], affected: [], created, updated, deleted, unchanged: 0, member_writes: 0,
    conflicts: [], overwritten: 0, calendar_created: false, requests: 0,
  };
}

describe("publish dialog wording", () => {
  it("labels the button with the number of changes", () => {
    expect(publishLabel(null)).toBe("Publish");
    expect(publishLabel(report(0, 0, 0))).toBe("Nothing to publish");
    expect(publishLabel(report(0, 1, 0))).toBe("Publish 1 change");
    expect(publishLabel(report(3, 1, 1))).toBe("Publish 5 changes");
    expect(changeCount(report(3, 1, 1))).toBe(5);
  });

  it("words a change, its kind and its day", () => {
    const c: PublishChange = { kind: "update", uid: "u", summary: "Batman: Ben", before: "Batman: Ana", day: "2026-12-08" };
    expect(changeText(c)).toBe("Batman: Ana → Batman: Ben");
    expect(changeText({ ...c, before: null })).toBe("Batman: Ben");
    expect(kindLabel("create")).toBe("New");
    expect(kindLabel("delete")).toBe("Removed");
    expect(dayLabel("2026-12-08")).toBe("Tue 8 Dec");
  });

  it("names the target without any secret, and what is published", () => {
    expect(targetLine({ team_id: 1, collection_url: "https://d/ana/p/", user: "ana", password_env: "PW", per_member: false, what: ["turns"], last_published_at: null }))
      .toBe("https://d/ana/p/ as ana (password from $PW)");
    expect(whatLine(["turns"])).toBe("turns");
    expect(whatLine(["turns", "sprints", "releases"])).toBe("turns, sprints and releases");
  });
});
