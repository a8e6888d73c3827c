// The shared undo history of the window (see `undo.ts` for the rules): one instance for every
// screen and the planner. Undo and redo go through the service's `undo`; a refusal ("… has
// changed since; nothing was undone") is shown as the service says it, the stale entry is
// dropped, and `reloads` counts up so the window reads the current screen again (it showed
// something the database no longer holds). Screens subscribe with `onUndone` to reload what
// they show after an undo or redo that went through.
import { commands } from "../ipc";
import type { AppError, Changes } from "../bindings";
import { dropStale, emptyUndo, nextRedo, nextUndo, push, redone, refusalSentence, undone, type UndoEntry, type UndoHistory } from "./undo";

type Listener = (entry: UndoEntry, how: "undo" | "redo") => void;

class SharedUndo {
  history = $state.raw<UndoHistory>(emptyUndo());
  /** The last outcome in words ("Undid: Edit Ana Lima", or the service's refusal). */
  message = $state<{ text: string; refused: boolean } | null>(null);
  busy = $state(false);
  /** How many undos or redos were refused; the window re-reads the current screen when it grows. */
  reloads = $state(0);
  #listeners = new Set<Listener>();

  /** Records an edit the user just made. */
  record(label: string, changes: Changes, teamId: number | null) {
    this.history = push(this.history, { label, changes, teamId });
    this.message = null;
  }

  /** Calls `fn` after every undo or redo; returns the unsubscribe. */
  onUndone(fn: Listener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  undo = () => this.#step("undo");
  redo = () => this.#step("redo");

  async #step(how: "undo" | "redo") {
    const entry = how === "undo" ? nextUndo(this.history) : nextRedo(this.history);
    if (!entry || this.busy) return;
    this.busy = true;
    try {
      const reverse = await commands.undoChanges(entry.changes);
      this.history = how === "undo" ? undone(this.history, reverse) : redone(this.history, reverse);
      this.message = { text: `${how === "undo" ? "Undid" : "Redid"}: ${entry.label}`, refused: false };
      for (const fn of this.#listeners) fn(entry, how);
    } catch (e) {
      this.history = dropStale(this.history, how);
      this.message = { text: refusalSentence(how, entry.label, (e as AppError).message), refused: true };
      this.reloads += 1;
    } finally {
      this.busy = false;
    }
  }
}

/** The window's one undo history. */
export const undoHistory = new SharedUndo();
