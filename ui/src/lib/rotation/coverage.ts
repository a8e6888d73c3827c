// What the coverage strip along the bottom of the planner says. Green means "someone is on duty",
// so it is drawn only when there is a policy to be on duty for: a team with no duty policy gets
// the empty state instead of an all-green strip and "Conflicts (0)". The gaps themselves are
// core's coverage-gap conflicts (a policy with no turns is one long gap, red).
import type { RotationView, ShownConflict } from "../bindings";

export type Coverage =
  | { kind: "no-policy" }
  | { kind: "unplanned"; gaps: ShownConflict[] }
  | { kind: "planned"; gaps: ShownConflict[] };

/** The team's own policies in the view (the view also holds the policies they escalate to). */
export function ownPolicies(view: Pick<RotationView, "policies">, teamId: number) {
  return view.policies.filter((p) => p.team_id === teamId);
}

/** The coverage of the view for team `teamId`: no policy (nothing to cover, nothing green), a
 *  policy but no turn of it in the range (offer Auto-plan), or planned, with the gaps. */
export function coverage(view: Pick<RotationView, "policies" | "turns" | "conflicts">, teamId: number): Coverage {
  const own = ownPolicies(view, teamId);
  if (own.length === 0) return { kind: "no-policy" };
  const gaps = view.conflicts.filter((c) => c.kind === "coverage_gap");
  const ids = new Set(own.map((p) => p.id));
  return view.turns.some((t) => ids.has(t.policy_id)) ? { kind: "planned", gaps } : { kind: "unplanned", gaps };
}
