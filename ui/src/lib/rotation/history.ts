// Undo and redo of planner edits (overrides, swaps, shadows, an accepted auto-plan): each entry
// holds the turns it touched before and after; undo puts `before` back in place of `after`.
import type { Turn } from "../bindings";

export interface Entry {
  label: string;
  before: Turn[];
  after: Turn[];
}

export interface History {
  done: Entry[];
  undone: Entry[];
}

export const emptyHistory = (): History => ({ done: [], undone: [] });

export function record(h: History, e: Entry): History {
  return { done: [...h.done, e], undone: [] };
}

/** Records what an operation did to the turns (its `changes.turns`) under `label`; an operation
 *  that touched no turn leaves the history as it was. */
export function recordTurns(h: History, label: string, turns: { before: Turn[]; after: Turn[] }): History {
  if (turns.before.length + turns.after.length === 0) return h;
  return record(h, { label, before: turns.before, after: turns.after });
}

/** What undo or redo writes: the stored turns to replace (as they must still be) and what to put. */
export interface Restore {
  remove: Turn[];
  put: Turn[];
}

/** Undo of the last entry and the history after it; null when there is nothing to undo. */
export function undo(h: History): { restore: Restore; entry: Entry; history: History } | null {
  const entry = h.done[h.done.length - 1];
  if (!entry) return null;
  return {
    restore: { remove: entry.after, put: entry.before },
    entry,
    history: { done: h.done.slice(0, -1), undone: [...h.undone, entry] },
  };
}

export function redo(h: History): { restore: Restore; entry: Entry; history: History } | null {
  const entry = h.undone[h.undone.length - 1];
  if (!entry) return null;
  return {
    restore: { remove: entry.before, put: entry.after },
    entry,
    history: { done: [...h.done, entry], undone: h.undone.slice(0, -1) },
  };
}
