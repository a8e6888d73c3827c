// Quick capture from anywhere: the shortcut, and who it pre-fills as "handled by". Who is on
// duty now is the backend's answer (the rotation view's Today cards, resolved at the backend's
// "now"); this only picks the team's own first policy that has someone on duty.
import type { RotationView } from "../bindings";

/** Ctrl+I (⌘I on a Mac): "I" for interrupt. Free in the app: no screen binds it. */
export function isCaptureShortcut(ev: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): boolean {
  return (ev.ctrlKey || ev.metaKey) && !ev.shiftKey && !ev.altKey && ev.key.toLowerCase() === "i";
}

/** The member on duty now under the team's own first policy that has a current turn, if any. */
export function onDutyNow(view: RotationView, teamId: number): { memberId: number; name: string; policy: string } | null {
  for (const card of view.today) {
    const policy = view.policies.find((p) => p.id === card.policy_id);
    const turn = card.on_duty.current;
    if (!policy || policy.team_id !== teamId || !turn) continue;
    const member = view.members.find((m) => m.id === turn.member_id);
    return { memberId: turn.member_id, name: member?.name ?? "", policy: policy.name };
  }
  return null;
}
