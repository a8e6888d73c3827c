// IPC calls of the rotation planner.
import { call } from "../api";
import type { AppliedPlan, DutyPolicy, Edit, EditPreview, NewPolicy, Plan, RotationView, Turn } from "../bindings";
import type { Restore } from "./history";

export interface EditResult {
  before: Turn[];
  after: Turn[];
  view: RotationView;
}

export const rotationApi = {
  listPolicies: (teamId: number) => call<DutyPolicy[]>("list_policies", { teamId }),
  addPolicy: (teamId: number, input: NewPolicy) => call<DutyPolicy>("add_policy", { teamId, new: input }),
  view: (teamId: number, from: string, to: string) => call<RotationView>("rotation_view", { teamId, from, to }),
  plan: (teamId: number, from: string, to: string) => call<AppliedPlan>("plan_rotation", { teamId, from, to }),
  previewPlan: (teamId: number, from: string, to: string) => call<Plan>("preview_plan", { teamId, from, to }),
  preview: (teamId: number, from: string, to: string, edit: Edit) => call<EditPreview>("preview_edit", { teamId, from, to, edit }),
  apply: (teamId: number, from: string, to: string, edit: Edit) => call<EditResult>("apply_edit", { teamId, from, to, edit }),
  restore: (teamId: number, from: string, to: string, r: Restore) =>
    call<RotationView>("restore_turns", { teamId, from, to, remove: r.remove, put: r.put }),
  setNote: (turnId: number, note: string) => call<null>("set_turn_note", { turnId, note }),
};
