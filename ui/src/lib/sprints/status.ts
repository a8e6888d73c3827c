// Where a sprint stands relative to today, for the list's status chip.
import type { Sprint } from "../bindings";

export interface SprintStatus {
  label: string;
  tone: "ok" | "warn" | "";
  canClose: boolean;
}

/** `today` is "YYYY-MM-DD" in the team's zone; ISO dates compare correctly as strings. */
export function sprintStatus(s: Sprint, today: string): SprintStatus {
  if (s.completed_points !== null) return { label: "closed", tone: "", canClose: true };
  if (today < s.start) return { label: "planned", tone: "", canClose: false };
  if (today <= s.end) return { label: "running", tone: "ok", canClose: true };
  return { label: "ended – close it", tone: "warn", canClose: true };
}
