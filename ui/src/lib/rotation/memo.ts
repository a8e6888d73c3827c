// Keeping what a drop did not change. A drop replaces the planner's whole view, but most turns,
// days and people in it are as they were. `Memo` hands back the very object it made last time
// for an item whose inputs (written as a string key) are the same, so Svelte's keyed `each`
// blocks see an unchanged item and leave its DOM and its effects alone: a drop re-renders the
// turns it changed, not all of them.

/** Objects made per item id, remade only when the item's key changes. Each pass (one
 *  recomputation of a derived value) asks for the items it shows and then calls `done`, which
 *  forgets the items that pass did not ask for. */
export class Memo<T> {
  private prev = new Map<string | number, { key: string; value: T }>();
  private next = new Map<string | number, { key: string; value: T }>();

  /** The object for `id`: the one made before if `key` is the same, else `make()`. */
  get(id: string | number, key: string, make: () => T): T {
    const hit = this.prev.get(id) ?? this.next.get(id);
    const value = hit && hit.key === key ? hit.value : make();
    this.next.set(id, { key, value });
    return value;
  }

  /** Ends a pass. */
  done(): void {
    this.prev = this.next;
    this.next = new Map();
  }
}

/** `next`, or `prev` when it holds the same elements in the same order (by `===`), so a derived
 *  list that came out the same keeps its identity and nothing downstream re-runs. */
export function sameList<T>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (prev && prev.length === next.length && prev.every((x, i) => x === next[i])) return prev as T[];
  return next;
}
