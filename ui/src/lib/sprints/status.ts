// Where a sprint stands relative to today, for the list's status chip. Whether it can be closed
// is core's rule on the team's local day; it comes from the backend (`sprintActions`).
import type { Sprint, SprintActions } from "../bindings";

export interface SprintStatus {
  label: string;
  tone: "ok" | "warn" | "";
  canClose: boolean;
}

/** `today` is "YYYY-MM-DD" in the team's zone; ISO dates compare correctly as strings.
 *  `canClose` is the backend's answer for this sprint (false until it has answered). */
export function sprintStatus(s: Sprint, today: string, actions?: SprintActions): SprintStatus {
  const canClose = actions?.can_close ?? false;
  if (s.completed_points !== null) return { label: "closed", tone: "", canClose };
  if (today < s.start) return { label: "planned", tone: "", canClose };
  if (today <= s.end) return { label: "running", tone: "ok", canClose };
  return { label: "ended – close it", tone: "warn", canClose };
}

/** The backend's answers by sprint id. */
export function actionsById(list: readonly SprintActions[]): Map<number, SprintActions> {
  return new Map(list.map((a) => [a.sprint_id, a]));
}
