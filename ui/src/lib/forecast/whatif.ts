// The what-if panel's state: at most one toggle per member (on duty or away or back), as the
// list of WhatIf values the forecast command takes.
import type { WhatIf } from "../bindings";

export type Toggle = "on_duty" | "away" | "back";

/** The toggle currently set for `memberId`, if any. */
export function toggleOf(list: WhatIf[], memberId: number): Toggle | null {
  return list.find((w) => w.member_id === memberId)?.kind ?? null;
}

/** Sets `kind` for `memberId` (replacing any other toggle of theirs), or clears it when it was set. */
export function toggle(list: WhatIf[], memberId: number, kind: Toggle, focusSharePercent = 0): WhatIf[] {
  const rest = list.filter((w) => w.member_id !== memberId);
  if (toggleOf(list, memberId) === kind) return rest;
  const next: WhatIf =
    kind === "on_duty"
      ? { kind, member_id: memberId, focus_share_percent: focusSharePercent }
      : { kind, member_id: memberId };
  return [...rest, next];
}
