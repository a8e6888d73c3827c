// Sentences the Team screen shows after an operation, read from the operation's `changes`
// (what the backend did), never worked out here.
import type { Changes, ShownConflict, Turn } from "../bindings";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-12" → "12 Dec" (the calendar date as written; no time zone involved). */
export function shortDay(day: string): string {
  const [, m = 0, d = 0] = day.split("-").map(Number);
  return m >= 1 && m <= 12 && d >= 1 ? `${d} ${MONTHS[m - 1]}` : day;
}

/** Turns the operation gave to someone else or took away: those in `before` whose stored
 *  version in `after` has another member, or is gone. */
export function movedTurns(changes: Changes): number {
  const after = new Map<number, Turn>();
  for (const t of changes.turns.after) if (t.id !== null) after.set(t.id, t);
  return changes.turns.before.filter((b) => {
    const a = b.id === null ? undefined : after.get(b.id);
    return !a || a.member_id !== b.member_id;
  }).length;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Ben retires after 12 Dec: 6 future turns re-planned, 1 locked turn kept as a conflict".
 *  `keptLocked` is how many of their locked turns lie after the last day (null: unknown). */
export function retireSummary(name: string, lastDay: string, changes: Changes, keptLocked: number | null): string {
  const first = name.trim().split(/\s+/)[0] || name;
  const moved = movedTurns(changes);
  const parts = [moved === 0 ? "no future turn to re-plan" : `${count(moved, "future turn")} re-planned`];
  if (keptLocked) parts.push(`${count(keptLocked, "locked turn")} kept as ${keptLocked === 1 ? "a conflict" : "conflicts"}`);
  return `${first} retires after ${shortDay(lastDay)}: ${parts.join(", ")}`;
}

/** "Saved Ana Souza" plus, when the edit re-planned the future, how many turns moved. */
export function editSummary(what: string, changes: Changes): string {
  const moved = movedTurns(changes);
  return moved === 0 ? `Saved ${what}` : `Saved ${what}: ${count(moved, "future turn")} re-planned`;
}

/** How many of `memberId`'s turns the rotation view flags as held by someone no longer active
 *  (core's inactive-member conflict): after a retirement, the locked turns kept as conflicts. */
export function keptAsConflicts(conflicts: readonly ShownConflict[], memberId: number): number {
  const turns = new Set<number>();
  let unnamed = 0;
  for (const c of conflicts) {
    if (c.kind !== "inactive_member" || c.member_id !== memberId) continue;
    if (c.turn_ids.length === 0) unnamed += 1;
    for (const id of c.turn_ids) turns.add(id);
  }
  return turns.size + unnamed;
}

/** The span the rotation view is asked for after a retirement: from the last day to the end of
 *  the following year, far enough for the turns planned ahead. */
export function afterLastDay(lastDay: string): { from: string; to: string } {
  return { from: lastDay, to: `${Number(lastDay.slice(0, 4)) + 1}-12-31` };
}

/** "; 3 future turns re-planned" after a change that moved turns, else "". */
export function movedSuffix(changes: Changes): string {
  const moved = movedTurns(changes);
  return moved === 0 ? "" : `; ${count(moved, "future turn")} re-planned`;
}
