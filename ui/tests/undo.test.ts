import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Changes, Holiday, Member, Record } from "../src/lib/bindings";
import { created, dropStale, emptyUndo, inTextField, isEmpty, kinds, nextRedo, nextUndo, push, redone, UNDO_LIMIT, undoKey, undone } from "../src/lib/shell/undo";

const undoChanges = vi.fn();
vi.mock("../src/lib/ipc", () => ({ commands: { undoChanges: (c: Changes) => undoChanges(c) } }));
const { undoHistory } = await import("../src/lib/shell/undo.svelte");

const member = (name: string): Member => ({ id: 1, team_id: 7, name, email: null, capacity_percent: 100, skills: [], active_from: null, active_until: null, colour: "#123456", can_take_duty: true }) as unknown as Member;
const holiday: Holiday = { id: 3, team_id: 7, date: "2026-12-25", name: "Christmas" } as Holiday;
const edit = (b: string, a: string): Changes => ({ turns: { before: [], after: [] }, records: [{ before: { kind: "member", record: member(b) }, after: { kind: "member", record: member(a) } }] });
const reverse = (c: Changes): Changes => ({
  turns: { before: c.turns.after, after: c.turns.before },
  records: [...c.records].reverse().map((r) => ({ before: r.after, after: r.before })),
});
const none: Changes = { turns: { before: [], after: [] }, records: [] };

describe("the shared undo history", () => {
  it("undoes the newest edit first and redoes with the undo's own changes", () => {
    let h = push(emptyUndo(), { label: "Edit Ana", changes: edit("Ana", "Ana Lima"), teamId: 7 });
    h = push(h, { label: "Remove holiday Christmas", changes: { turns: { before: [], after: [] }, records: [{ before: { kind: "holiday", record: holiday }, after: null }] }, teamId: 7 });
    expect(nextUndo(h)?.label).toBe("Remove holiday Christmas");
    const back = reverse(nextUndo(h)!.changes);
    h = undone(h, back);
    expect(nextUndo(h)?.label).toBe("Edit Ana");
    expect(nextRedo(h)?.changes).toEqual(back);
    h = redone(h, reverse(back));
    expect(nextUndo(h)?.changes.records[0]?.after).toBeNull();
    expect(h.undone).toHaveLength(0);
  });

  it("a new edit clears redo; an edit that changed nothing is not recorded", () => {
    let h = push(emptyUndo(), { label: "A", changes: edit("A", "B"), teamId: 7 });
    h = undone(h, reverse(h.done[0]!.changes));
    expect(push(h, { label: "nothing", changes: none, teamId: 7 })).toBe(h);
    h = push(h, { label: "C", changes: edit("B", "C"), teamId: 7 });
    expect(h.undone).toHaveLength(0);
    expect(isEmpty(none)).toBe(true);
  });

  it("keeps the newest edits up to its limit and drops a stale one so the next is reachable", () => {
    let h = emptyUndo();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) h = push(h, { label: `E${i}`, changes: edit(`${i}`, `${i + 1}`), teamId: 1 });
    expect(h.done).toHaveLength(UNDO_LIMIT);
    expect(h.done[0]?.label).toBe("E5");
    h = dropStale(h, "undo");
    expect(nextUndo(h)?.label).toBe(`E${UNDO_LIMIT + 3}`);
  });

  it("knows which kinds of record an entry touches and builds a creation's changes", () => {
    const c = created({ kind: "member", record: member("Omar") } as Record);
    expect(c.records[0]).toEqual({ before: null, after: { kind: "member", record: member("Omar") } });
    expect([...kinds(c)]).toEqual(["member"]);
  });

  it("reads Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, and leaves text fields their own undo", () => {
    const k = (key: string, shiftKey = false, ctrlKey = true) => undoKey({ key, shiftKey, ctrlKey, metaKey: false });
    expect(k("z")).toBe("undo");
    expect(k("Z", true)).toBe("redo");
    expect(k("y")).toBe("redo");
    expect(k("z", false, false)).toBeNull();
    expect(k("i")).toBeNull();
    expect(inTextField({ tagName: "INPUT", type: "text" } as unknown as EventTarget)).toBe(true);
    expect(inTextField({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(inTextField({ tagName: "INPUT", type: "checkbox" } as unknown as EventTarget)).toBe(false);
    expect(inTextField({ tagName: "BUTTON" } as unknown as EventTarget)).toBe(false);
  });
});

describe("the window's instance", () => {
  beforeEach(() => {
    undoChanges.mockReset();
    undoHistory.history = { done: [], undone: [] };
  });

  it("passes the entry's changes to the service, tells the screens, and redoes with the reverse", async () => {
    const heard: string[] = [];
    const off = undoHistory.onUndone((e, how) => heard.push(`${how} ${e.label}`));
    const c = edit("Ana", "Ana Lima");
    undoHistory.record("Edit Ana", c, 7);
    undoChanges.mockResolvedValueOnce(reverse(c));
    await undoHistory.undo();
    expect(undoChanges).toHaveBeenLastCalledWith(c);
    expect(undoHistory.message).toEqual({ text: "Undid: Edit Ana", refused: false });
    undoChanges.mockResolvedValueOnce(c);
    await undoHistory.redo();
    expect(undoChanges).toHaveBeenLastCalledWith(reverse(c));
    expect(heard).toEqual(["undo Edit Ana", "redo Edit Ana"]);
    off();
  });

  it("shows the service's refusal, changes nothing else, and drops the stale entry", async () => {
    undoHistory.record("Edit Ben", edit("Ben", "Ben O"), 7);
    undoHistory.record("Edit Ana", edit("Ana", "Ana Lima"), 7);
    undoChanges.mockRejectedValueOnce({ kind: "conflict", message: "the member has changed since; nothing was undone — reload and look again", field: "changes" });
    await undoHistory.undo();
    expect(undoHistory.message?.refused).toBe(true);
    expect(undoHistory.message?.text).toContain("the member has changed since; nothing was undone");
    expect(nextUndo(undoHistory.history)?.label).toBe("Edit Ben");
    expect(undoHistory.history.undone).toHaveLength(0);
  });
});
