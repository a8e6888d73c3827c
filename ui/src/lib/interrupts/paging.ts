// Paging of the interrupt log: the table draws one page of rows (the log can hold thousands),
// while the totals above it are still worked out over the whole filtered log.

/** Rows drawn at most at once. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  /** The rows of this page, in the list's order. */
  rows: T[];
  /** 0-based index of the page shown (clamped into range). */
  index: number;
  /** How many pages the list has (at least 1, also when empty). */
  count: number;
  /** 1-based position of the first and last row shown (0 and 0 when the list is empty). */
  first: number;
  last: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Page `index` of `list`; an index past either end shows the nearest page that exists (after a
 *  removal empties the last page, the page before it). */
export function pageOf<T>(list: readonly T[], index: number, size: number = PAGE_SIZE): Page<T> {
  const per = Math.max(1, Math.floor(size));
  const count = Math.max(1, Math.ceil(list.length / per));
  const i = Math.min(Math.max(0, Math.floor(Number.isFinite(index) ? index : 0)), count - 1);
  const start = i * per;
  const rows = list.slice(start, start + per);
  return {
    rows,
    index: i,
    count,
    first: rows.length ? start + 1 : 0,
    last: start + rows.length,
    total: list.length,
    hasPrevious: i > 0,
    hasNext: i < count - 1,
  };
}

/** The page that holds the row at 0-based `position` (to keep an edited row in view). */
export function pageHolding(position: number, size: number = PAGE_SIZE): number {
  return position < 0 ? 0 : Math.floor(position / Math.max(1, Math.floor(size)));
}

/** "51–60 of 60" (an en dash), or "none" for an empty list. */
export function pageLabel(p: Pick<Page<unknown>, "first" | "last" | "total">): string {
  return p.total === 0 ? "none" : `${p.first}–${p.last} of ${p.total}`;
}
