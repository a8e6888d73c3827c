// Pointer-event drag and drop for the planner, as a pure state machine (no DOM here): what is
// being dragged, where it would land, and which edit a drop makes. Pointer events (not HTML5 DnD)
// so WebDriver can drive it and Tauri's file-drop handler does not swallow it.
import type { Edit, Turn } from "../bindings";

export type DragSource = { kind: "member"; memberId: number } | { kind: "turn"; turn: Turn };

export type DragState =
  | { phase: "idle" }
  | { phase: "pressed"; source: DragSource; x: number; y: number }
  | { phase: "dragging"; source: DragSource; x: number; y: number; target: Turn | null; shadow: boolean };

export const THRESHOLD_PX = 4;
export const idle: DragState = { phase: "idle" };

export function press(source: DragSource, x: number, y: number): DragState {
  return { phase: "pressed", source, x, y };
}

/** Pointer moved to (x, y) over `target` (the turn under the pointer, if any); `shadow` when
 *  the pointer is on that turn's shadow row. */
export function move(s: DragState, x: number, y: number, target: Turn | null, shadow = false): DragState {
  if (s.phase === "idle") return s;
  if (s.phase === "pressed" && Math.hypot(x - s.x, y - s.y) < THRESHOLD_PX) return s;
  return { phase: "dragging", source: s.source, x, y, target, shadow: shadow && target !== null };
}

/** The edit dropping `source` on `target` makes, or null when the drop does nothing. */
export function editFor(source: DragSource, target: Turn | null, shadow = false): Edit | null {
  if (!target || target.id === null) return null;
  if (shadow) {
    if (source.kind !== "member" || source.memberId === target.member_id || source.memberId === target.shadow_member_id) return null;
    return { kind: "shadow", turn_id: target.id, member_id: source.memberId };
  }
  if (source.kind === "member") {
    return source.memberId === target.member_id ? null : { kind: "override", turn_id: target.id, member_id: source.memberId };
  }
  const t = source.turn;
  if (t.id === null || t.id === target.id || t.policy_id !== target.policy_id || t.member_id === target.member_id) return null;
  return { kind: "swap", turn_id: t.id, with_turn_id: target.id };
}

/** Pointer released: the edit to make (if any) and the state after. */
export function release(s: DragState): { edit: Edit | null; state: DragState } {
  if (s.phase !== "dragging") return { edit: null, state: idle };
  return { edit: editFor(s.source, s.target, s.shadow), state: idle };
}

/** Same key for the same drop, so previews are fetched once per target. */
export function editKey(e: Edit | null): string {
  if (!e) return "";
  if (e.kind === "override") return `o:${e.turn_id}:${e.member_id}`;
  if (e.kind === "shadow") return `h:${e.turn_id}:${e.member_id ?? "-"}`;
  return `s:${e.turn_id}:${e.with_turn_id}`;
}

/** Widest and tallest the drag ghost gets (its CSS sets the same max-width). */
export const GHOST_MAX = { width: 340, height: 220 };

/** Where the drag ghost goes for a pointer at (x, y): beside the pointer, flipped to its left or
 *  above it near the window's edges so the preview stays readable and never hangs outside the
 *  window (which also made WebKit re-lay out the whole page on the drop). */
export function ghostPlacement(x: number, y: number, view: { width: number; height: number }): string {
  const left = x + 14 + GHOST_MAX.width > view.width;
  const up = y + 10 + GHOST_MAX.height > view.height;
  const dx = left ? `calc(${x - 14}px - 100%)` : `${x + 14}px`;
  const dy = up ? `calc(${y - 10}px - 100%)` : `${y + 10}px`;
  return `transform:translate(${dx},${dy})`;
}
