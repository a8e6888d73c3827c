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

/** `next` with every part that equals the same part of `prev` (deeply, as JSON data) replaced by
 *  `prev`'s object, and `prev` itself when everything is equal: a view read again after a drop
 *  keeps the objects of the days, people, turns and rows the drop did not change, so what is drawn
 *  from them keeps its identity and Svelte leaves their DOM alone. Elements of a list that carry
 *  an `id` are matched by it (a turn added or removed does not shift the others), the rest by
 *  position. */
export function keepEqual<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (typeof next !== "object" || next === null || typeof prev !== "object" || prev === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    const byId = new Map<unknown, unknown>();
    for (const x of prev) if (hasId(x)) byId.set(x.id, x);
    let same = prev.length === next.length;
    const out = next.map((x, i) => {
      const k = keepEqual(hasId(x) && byId.has(x.id) ? byId.get(x.id) : prev[i], x);
      if (k !== prev[i]) same = false;
      return k;
    });
    return (same ? prev : out) as T;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Record<string, unknown>;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const k = keepEqual(p[key], (next as Record<string, unknown>)[key]);
    if (k !== p[key] || !(key in p)) same = false;
    out[key] = k;
  }
  return (same ? prev : out) as T;
}

function hasId(x: unknown): x is { id: number | string } {
  return typeof x === "object" && x !== null && (typeof (x as { id?: unknown }).id === "number" || typeof (x as { id?: unknown }).id === "string");
}
