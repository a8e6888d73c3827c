import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Changes, Holiday, Interrupt, Member, Record, Turn } from "../src/lib/bindings";
import { created, dropStale, emptyUndo, inTextField, isEmpty, kinds, nextRedo, nextUndo, push, redone, refusalSentence, UNDO_LIMIT, undoKey, undone } from "../src/lib/shell/undo";

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

  it("records a revert to plan (turns only) so undo hands back the locked override", () => {
    const planned = { id: 4, policy_id: 1, member_id: 2, start: "2026-12-08T08:00:00Z", end: "2026-12-09T08:00:00Z", source: "generated", locked: false, note: "", shadow_member_id: null, replaced_member_id: null } as Turn;
    const locked = { ...planned, member_id: 3, source: "override", locked: true } as Turn;
    const h = push(emptyUndo(), { label: "Revert to plan", changes: { turns: { before: [locked], after: [planned] }, records: [] }, teamId: 7 });
    expect(nextUndo(h)?.changes.turns).toEqual({ before: [locked], after: [planned] });
    expect(push(h, { label: "Nothing", changes: none, teamId: 7 })).toBe(h);
  });

  it("a quick-captured interrupt is one creation, which undo removes", () => {
    const i = { id: 12, team_id: 7, title: "Checkout returns 500", minutes: 15 } as unknown as Interrupt;
    const c = created({ kind: "interrupt", record: i });
    expect([...kinds(c)]).toEqual(["interrupt"]);
    expect(c.records).toEqual([{ before: null, after: { kind: "interrupt", record: i } }]);
  });

  it("says a refusal in one sentence: the service's reason and that the screen was read again", () => {
    expect(refusalSentence("undo", "Edit Ana", "the member has changed since; nothing was undone — reload and look again"))
      .toBe("Could not undo “Edit Ana”: the member has changed since; nothing was undone. The screen was reloaded and shows what is saved now.");
    expect(refusalSentence("redo", "Add holiday", "the rotation has changed since; nothing was undone."))
      .toBe("Could not redo “Add holiday”: the rotation has changed since; nothing was undone. The screen was reloaded and shows what is saved now.");
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

  it("asks the window to reload the screen after a refused undo or redo, and not after one that went through", async () => {
    const heard: string[] = [];
    const off = undoHistory.onUndone((e, how) => heard.push(`${how} ${e.label}`));
    const start = undoHistory.reloads;
    undoHistory.record("Edit Ana", edit("Ana", "Ana Lima"), 7);
    undoChanges.mockResolvedValueOnce(reverse(edit("Ana", "Ana Lima")));
    await undoHistory.undo();
    expect(undoHistory.reloads).toBe(start);
    undoChanges.mockRejectedValueOnce({ kind: "conflict", message: "the member has changed since; nothing was undone — reload and look again", field: "changes" });
    await undoHistory.redo();
    expect(undoHistory.reloads).toBe(start + 1);
    expect(undoHistory.message).toEqual({
      text: "Could not redo “Edit Ana”: the member has changed since; nothing was undone. The screen was reloaded and shows what is saved now.",
      refused: true,
    });
    expect(nextRedo(undoHistory.history)).toBeNull();
    expect(heard).toEqual(["undo Edit Ana"]);
    off();
  });
});
