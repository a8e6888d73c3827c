// The app's one undo history: every edit made on any screen (team, members, time off, holidays,
// sprints, releases, freezes) and in the planner is an entry holding the label of what it did and
// the service's `Changes`; undo hands those changes to the service's `undo`, which refuses and
// writes nothing when the records have changed since. The undo's own changes are the redo.
// Pure logic only; `undo.svelte.ts` keeps the shared instance and talks to the backend.
import type { Changes, Record } from "../bindings";

export interface UndoEntry {
  /** What the edit did, e.g. "Edit Ana Lima" (shown as "Undo: Edit Ana Lima"). */
  label: string;
  /** What the service reported it changed; undo passes it back. */
  changes: Changes;
  /** The team it was made in (the window reloads that team's lists after an undo). */
  teamId: number | null;
}

export interface UndoHistory {
  done: UndoEntry[];
  undone: UndoEntry[];
}

/** How many edits are kept; older ones fall off the bottom. */
export const UNDO_LIMIT = 100;

export const emptyUndo = (): UndoHistory => ({ done: [], undone: [] });

/** Whether an operation changed nothing (nothing to undo). */
export function isEmpty(c: Changes): boolean {
  return c.turns.before.length + c.turns.after.length + c.records.length === 0;
}

/** Adds an edit on top; a new edit clears what could be redone. An edit that changed nothing
 *  leaves the history as it was. */
export function push(h: UndoHistory, e: UndoEntry): UndoHistory {
  if (isEmpty(e.changes)) return h;
  return { done: [...h.done, e].slice(-UNDO_LIMIT), undone: [] };
}

/** The entry undo would take back, or null. */
export const nextUndo = (h: UndoHistory): UndoEntry | null => h.done[h.done.length - 1] ?? null;
/** The entry redo would make again, or null. */
export const nextRedo = (h: UndoHistory): UndoEntry | null => h.undone[h.undone.length - 1] ?? null;

/** After the service undid the top entry: it moves to the redo side, holding the undo's own
 *  changes (undoing those is the redo). */
export function undone(h: UndoHistory, reverse: Changes): UndoHistory {
  const e = nextUndo(h);
  if (!e) return h;
  return { done: h.done.slice(0, -1), undone: [...h.undone, { ...e, changes: reverse }] };
}

/** After the service redid the top redo entry: it goes back on the undo side with the redo's
 *  changes. */
export function redone(h: UndoHistory, reverse: Changes): UndoHistory {
  const e = nextRedo(h);
  if (!e) return h;
  return { done: [...h.done, { ...e, changes: reverse }], undone: h.undone.slice(0, -1) };
}

/** After the service refused (the records changed since): the entry can never be taken back,
 *  so it leaves the history and the next one down becomes reachable. */
export function dropStale(h: UndoHistory, side: "undo" | "redo"): UndoHistory {
  return side === "undo" ? { ...h, done: h.done.slice(0, -1) } : { ...h, undone: h.undone.slice(0, -1) };
}

/** The one sentence a refused undo or redo shows: the service's reason, and that the screen
 *  was read again (the window reloads the current screen after a refusal, so what it shows is
 *  what is stored). The service's own advice to reload is left out: it has been done. */
export function refusalSentence(how: "undo" | "redo", label: string, reason: string): string {
  const why = reason.replace(/\s*[—-]\s*reload and look again\.?$/, "").replace(/[.;\s]+$/, "");
  return `Could not ${how} “${label}”: ${why}. The screen was reloaded and shows what is saved now.`;
}

/** The changes of an operation that only created `record` — what the service reports for it
 *  (`Changes::created`), for the few commands that return the record alone. */
export function created(record: Record): Changes {
  return { turns: { before: [], after: [] }, records: [{ before: null, after: record }] };
}

/** The changes of an operation that only replaced `before` by `after` (`Changes::edited`), for
 *  the few commands that return the record alone. */
export function edited(before: Record, after: Record): Changes {
  return { turns: { before: [], after: [] }, records: [{ before, after }] };
}

/** The record kinds an entry's changes touch (a screen reloads what it shows of them). */
export function kinds(c: Changes): Set<Record["kind"]> {
  const out = new Set<Record["kind"]>();
  for (const r of c.records) {
    const x = r.before ?? r.after;
    if (x) out.add(x.kind);
  }
  return out;
}

/** Whether the keystroke is undo (Ctrl/⌘+Z) or redo (Ctrl/⌘+Shift+Z, Ctrl+Y); null otherwise. */
export function undoKey(ev: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey?: boolean }): "undo" | "redo" | null {
  if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return null;
  const k = ev.key.toLowerCase();
  if (k === "z") return ev.shiftKey ? "redo" : "undo";
  if (k === "y") return "redo";
  return null;
}

/** Whether the keystroke belongs to a text field, whose own undo of typing comes first. */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== "string") return false;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea") return true;
  if (tag === "input") {
    const type = ((el as HTMLInputElement).type ?? "text").toLowerCase();
    return !["button", "checkbox", "radio", "submit", "reset", "color", "range", "file"].includes(type);
  }
  return el.isContentEditable === true;
}

/** The team that undoing `c` brings back — a team the operation removed (its record before,
 *  none after) — or null. Undo and redo both undo an entry's changes, so this holds for both. */
export function teamBroughtBack(c: Changes): number | null {
  for (const r of c.records) {
    if (r.before?.kind === "team" && r.after === null) return r.before.record.id;
  }
  return null;
}

/** The team the window shows after undoing `c`, given the teams stored now: the team that came
 *  back (undoing its removal), else the current team while it still exists, else the first. */
export function teamAfterUndo(c: Changes, current: number | null, teamIds: number[]): number | null {
  const back = teamBroughtBack(c);
  if (back !== null && teamIds.includes(back)) return back;
  if (current !== null && teamIds.includes(current)) return current;
  return teamIds[0] ?? null;
}
