// Undo and redo of planner edits: each entry holds the changed turns before and after.
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

/** The turns to restore for undo, and the history after it; null when there is nothing to undo. */
export function undo(h: History): { restore: Turn[]; entry: Entry; history: History } | null {
  const entry = h.done[h.done.length - 1];
  if (!entry) return null;
  return { restore: entry.before, entry, history: { done: h.done.slice(0, -1), undone: [...h.undone, entry] } };
}

export function redo(h: History): { restore: Turn[]; entry: Entry; history: History } | null {
  const entry = h.undone[h.undone.length - 1];
  if (!entry) return null;
  return { restore: entry.after, entry, history: { done: [...h.done, entry], undone: h.undone.slice(0, -1) } };
}
