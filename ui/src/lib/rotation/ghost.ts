// Auto-plan as a proposal: which proposed turns differ from the current ones (shown as ghosts
// the scrum master accepts or discards as one step), and why each was chosen.
import type { Explanation, Plan, Turn } from "../bindings";

export interface Ghost {
  turn: Turn;
  /** Who holds this slot today, if someone else. */
  replaces: number | null;
  reason: string | null;
}

const same = (a: Turn, b: Turn) => a.policy_id === b.policy_id && a.start === b.start && a.end === b.end;

/** Proposed turns overlapping [fromMs, toMs) that change something, with the planner's reason. */
export function ghosts(current: Turn[], plan: Plan, fromMs: number, toMs: number): Ghost[] {
  const reasonOf = (t: Turn): Explanation | undefined =>
    plan.explanations.find((e) => e.policy_id === t.policy_id && e.start === t.start);
  return plan.turns
    .filter((t) => Date.parse(t.end) > fromMs && Date.parse(t.start) < toMs)
    .map((t) => ({ t, now: current.find((c) => same(c, t)) }))
    .filter(({ t, now }) => !now || now.member_id !== t.member_id)
    .map(({ t, now }) => ({ turn: t, replaces: now ? now.member_id : null, reason: reasonOf(t)?.reason ?? null }));
}
