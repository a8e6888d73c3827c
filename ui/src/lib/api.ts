// Typed wrappers over the IPC commands. Every call either resolves with the Rust type or rejects
// with an AppError { kind, message, field } (never a bare string).
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError, AppInfo, DemoSummary, Holiday, Interrupt, InterruptFilter, Member, NewHoliday, NewInterrupt,
  NewMember, NewSprint, NewTeam, NewTimeOff, Sprint, Team, TimeOff,
} from "./bindings";

/** Normalises whatever a failed invoke threw into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    const o = e as { kind: AppError["kind"]; message: string; field?: string | null };
    return { kind: o.kind, message: o.message, field: o.field ?? null };
  }
  return { kind: "storage", message: e instanceof Error ? e.message : String(e), field: null };
}

export async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  loadDemo: () => call<DemoSummary>("load_demo"),
  listTeams: () => call<Team[]>("list_teams"),
  createTeam: (input: NewTeam) => call<Team>("create_team", { new: input }),
  listMembers: (teamId: number) => call<Member[]>("list_members", { teamId }),
  addMember: (teamId: number, input: NewMember) => call<Member>("add_member", { teamId, new: input }),
  updateMember: (id: number, input: NewMember) => call<Member>("update_member", { id, new: input }),
  listTimeOff: (teamId: number) => call<TimeOff[]>("list_time_off", { teamId }),
  addTimeOff: (input: NewTimeOff) => call<TimeOff>("add_time_off", { new: input }),
  deleteTimeOff: (id: number) => call<null>("delete_time_off", { id }),
  listHolidays: (teamId: number) => call<Holiday[]>("list_holidays", { teamId }),
  addHoliday: (teamId: number, input: NewHoliday) => call<Holiday>("add_holiday", { teamId, new: input }),
  deleteHoliday: (id: number) => call<null>("delete_holiday", { id }),
  listSprints: (teamId: number) => call<Sprint[]>("list_sprints", { teamId }),
  createSprint: (teamId: number, input: NewSprint) => call<Sprint>("create_sprint", { teamId, new: input }),
  closeSprint: (sprintId: number, completed: number) => call<Sprint>("close_sprint", { sprintId, completed }),
  logInterrupt: (teamId: number, input: NewInterrupt) => call<Interrupt>("log_interrupt", { teamId, new: input }),
  listInterrupts: (teamId: number, filter: InterruptFilter) => call<Interrupt[]>("list_interrupts", { teamId, filter }),
};
