import { describe, expect, it } from "vitest";
import type { ChatStatus, PublishChange, PublishReport } from "../src/lib/bindings";
import {
  CHAT_FORMATS, changeCount, changeText, chatLine, savedLine, dayLabel, kindLabel, postsAfterPublish, publishLabel, targetLine, waitingLine, whatLine,
} from "../src/lib/publish/publish";

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
    const t = { team_id: 1, collection_url: "https://d/ana/p/", user: "ana", password_source: "env" as const, password_env: "PW", per_member: false, what: ["turns" as const], last_published_at: null };
    expect(targetLine(t)).toBe("https://d/ana/p/ as ana (password from $PW)");
    expect(targetLine({ ...t, password_source: "keyring", password_env: "" })).toBe("https://d/ana/p/ as ana (password in the OS keyring)");
    expect(whatLine(["turns"])).toBe("turns");
    expect(whatLine(["turns", "sprints", "releases"])).toBe("turns, sprints and releases");
  });
});

describe("the team chat in the publish dialog", () => {
  const chat = (waiting: string[]): ChatStatus => ({
    target: { team_id: 1, webhook_source: "env", webhook_env: "PHOENIX_HOOK", format: "slack", last_posted_at: null },
    url_missing: null,
    waiting,
  });

  it("names where the message goes by the variable, never a URL", () => {
    expect(chatLine(chat([]).target!)).toBe("Posts the stand-up message as Slack-compatible JSON to the webhook in $PHOENIX_HOOK");
    expect(chatLine({ ...chat([]).target!, format: "teams" })).toBe(
      "Posts the stand-up message as a Microsoft Teams Adaptive Card to the webhook in $PHOENIX_HOOK",
    );
    expect(CHAT_FORMATS.map((f) => f.value)).toEqual(["slack", "teams"]);
  });

  it("says a URL in the OS keyring is kept there, without any variable or URL", () => {
    const kept = { ...chat([]).target!, webhook_source: "keyring" as const, webhook_env: "" };
    expect(chatLine(kept)).toBe("Posts the stand-up message as Slack-compatible JSON to the webhook kept in the OS keyring");
    expect(savedLine("Phoenix", kept)).toBe("Phoenix posts its stand-up message to the webhook kept in the OS keyring.");
    expect(savedLine("Phoenix", chat([]).target!)).toBe("Phoenix posts its stand-up message to the webhook in $PHOENIX_HOOK.");
  });

  it("counts the changes still waiting for the chat", () => {
    expect(waitingLine([])).toBeNull();
    expect(waitingLine(["Ana: Tue 8 Dec → Thu 10 Dec"])).toBe("1 change waits to be posted to the chat");
    expect(waitingLine(["a", "b"])).toBe("2 changes wait to be posted to the chat");
  });

  it("posts after a publish that changed something or when changes still wait", () => {
    const changed = report(0, 1, 0);
    const nothing = report(0, 0, 0);
    expect(postsAfterPublish(changed, chat([]), true)).toBe(true);
    expect(postsAfterPublish(changed, chat([]), false)).toBe(false);
    expect(postsAfterPublish(nothing, chat([]), true)).toBe(false);
    expect(postsAfterPublish(nothing, chat(["Ana: Tue 8 Dec → Thu 10 Dec"]), true)).toBe(true);
    expect(postsAfterPublish(changed, null, true)).toBe(false);
    expect(postsAfterPublish(changed, { target: null, url_missing: null, waiting: [] }, true)).toBe(false);
    // Only conflicts (events edited on the server, left alone): nothing new to tell.
    expect(postsAfterPublish({ ...changed, conflicts: ["Batman: Ana (Tue 8 Dec) was edited on the calendar server; not overwritten"] }, chat([]), true)).toBe(false);
  });
});
