// Generated from the Rust command list by src-tauri/tests/ipc_contract.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test --test ipc_contract
//
// One wrapper per command of `generate_handler!` in src-tauri/src/lib.rs, in that order. Each resolves
// with the command's result or rejects with an AppError { kind, message, field } (see `call`).
// `T | null` arguments are Rust `Option`s: pass null for "not given".
import { call } from "./api";
import type {
  AppInfo, BacklogForecast, CalendarTarget, Changes, ChatFormat, ChatStatus, ChatTarget,
  DemoSummary, DutyPolicy, Edit, EditEffect, EditPreview, EditResult, ExportPreview, ExportRequest,
  ExportWhat, FreezeSpan, Holiday, ImportPreview, ImportRequest, Interrupt, InterruptCsvPreview,
  InterruptCsvRequest, InterruptFilter, InterruptStats, Member, NewHoliday, NewInterrupt, NewMember,
  NewPolicy, NewSprint, NewTeam, NewTimeOff, Outcome, Plan, PublishReport, PublishStatus,
  ReleasePin, RotationView, RoutineEvents, SimBacktest, Simulation, Sprint, SprintActions,
  SprintCsvPreview, SprintCsvRequest, SprintForecast, StoredFreeze, Team, TeamBacktest, TimeOff,
  TrainInfo, TrainPlan, Turn, TurnMoves, WhatIf,
} from "./bindings";

export const commands = {
  /** Version, database path and schema version. */
  appInfo: () => call<AppInfo>("app_info"),
  /** Loads the demo teams Phoenix and Atlas around today. */
  loadDemo: () => call<DemoSummary>("load_demo"),
  /**
   * Undoes an operation from the changes it reported; returns the changes that redo it. Refused,
   * writing nothing, when what it touched has changed since.
   */
  undoChanges: (changes: Changes) => call<Changes>("undo_changes", { changes }),
  /** All teams. */
  listTeams: () => call<Team[]>("list_teams"),
  /** Creates a team. */
  createTeam: (new_: NewTeam) => call<Team>("create_team", { new: new_ }),
  /** Every IANA zone a team may be in, sorted (for the zone pickers). */
  listZones: () => call<string[]>("list_zones"),
  /**
   * What saving a team edit would do to future turns ("Saving re-plans 9 future turns …");
   * writes nothing.
   */
  previewTeamEdit: (id: number, new_: NewTeam) => call<EditEffect>("preview_team_edit", { id, new: new_ }),
  /**
   * Changes a team's name, kind, zone, working days or sprint length (a new zone or new working
   * days re-plan its unlocked future turns); returns the team and what changed.
   */
  editTeam: (id: number, new_: NewTeam) => call<Outcome<Team>>("edit_team", { id, new: new_ }),
  /** Removes a team with no history; one with history is refused with the reason. */
  removeTeam: (id: number) => call<Outcome<null>>("remove_team", { id }),
  /** A team's members. */
  listMembers: (teamId: number) => call<Member[]>("list_members", { teamId }),
  /** Adds a member. */
  addMember: (teamId: number, new_: NewMember) => call<Member>("add_member", { teamId, new: new_ }),
  /**
   * Replaces every field of a member (new active days or duty re-plan the future); returns the
   * member and what changed.
   */
  editMember: (id: number, new_: NewMember) => call<Outcome<Member>>("edit_member", { id, new: new_ }),
  /**
   * Gives a member a last day (`YYYY-MM-DD`): history stays, future unlocked turns go to others,
   * future locked turns stay as conflicts; returns the member and what changed.
   */
  retireMember: (id: number, lastDay: string) => call<Outcome<Member>>("retire_member", { id, lastDay }),
  /** Removes a member nothing refers to; one with history is refused with the advice to retire them. */
  removeMember: (id: number) => call<Outcome<null>>("remove_member", { id }),
  /** The team's time off. */
  listTimeOff: (teamId: number) => call<TimeOff[]>("list_time_off", { teamId }),
  /**
   * Records time off (the team's unlocked turns from its first day are re-planned around it);
   * returns it and what changed (undo removes it and puts the turns back).
   */
  addTimeOff: (new_: NewTimeOff) => call<Outcome<TimeOff>>("add_time_off", { new: new_ }),
  /**
   * What recording time off would do to future turns, turn by turn ("Ana's Batman turn on Tue
   * 8 Dec moves to Ben"); writes nothing.
   */
  previewAddTimeOff: (new_: NewTimeOff) => call<TurnMoves>("preview_add_time_off", { new: new_ }),
  /**
   * What an operation's changes did to the team's future turns, turn by turn, and the locked
   * turns now in conflict on the days of the time off or holidays it touched; reads only.
   */
  describeTurnMoves: (teamId: number, changes: Changes) => call<TurnMoves>("describe_turn_moves", { teamId, changes }),
  /**
   * Replaces a stretch of time off (the team's future unlocked turns are re-planned around it);
   * returns it and what changed.
   */
  editTimeOff: (id: number, new_: NewTimeOff) => call<Outcome<TimeOff>>("edit_time_off", { id, new: new_ }),
  /**
   * What removing time off would do to future turns ("Removing it re-plans 2 future turns (…)");
   * writes nothing.
   */
  previewDeleteTimeOff: (id: number) => call<EditEffect>("preview_delete_time_off", { id }),
  /**
   * Deletes time off (the team's unlocked turns from its first day are re-planned); returns
   * what changed.
   */
  deleteTimeOff: (id: number) => call<Outcome<null>>("delete_time_off", { id }),
  /** The team's holidays. */
  listHolidays: (teamId: number) => call<Holiday[]>("list_holidays", { teamId }),
  /**
   * Adds a team holiday (the team's unlocked turns from its day are re-planned around it);
   * returns it and what changed.
   */
  addHoliday: (teamId: number, new_: NewHoliday) => call<Outcome<Holiday>>("add_holiday", { teamId, new: new_ }),
  /** What adding a holiday would do to future turns, turn by turn; writes nothing. */
  previewAddHoliday: (teamId: number, new_: NewHoliday) =>
    call<TurnMoves>("preview_add_holiday", { teamId, new: new_ }),
  /**
   * Replaces a holiday's day and name (a moved day re-plans the turns around it); returns it and
   * what changed.
   */
  editHoliday: (id: number, new_: NewHoliday) => call<Outcome<Holiday>>("edit_holiday", { id, new: new_ }),
  /** What removing a holiday would do to future turns; writes nothing. */
  previewDeleteHoliday: (id: number) => call<EditEffect>("preview_delete_holiday", { id }),
  /** Deletes a team holiday (its day's turns are re-planned); returns what changed. */
  deleteHoliday: (id: number) => call<Outcome<null>>("delete_holiday", { id }),
  /** A team's sprints, oldest first. */
  listSprints: (teamId: number) => call<Sprint[]>("list_sprints", { teamId }),
  /** Creates a sprint. */
  createSprint: (teamId: number, new_: NewSprint) => call<Sprint>("create_sprint", { teamId, new: new_ }),
  /**
   * Closes a sprint with its completed points (on its last day or after it); `correct` replaces
   * the points of a sprint closed before.
   */
  closeSprint: (sprintId: number, completed: number, correct: boolean) =>
    call<Sprint>("close_sprint", { sprintId, completed, correct }),
  /**
   * The sprint the planner shows first: the one running on the team's local day, else the next
   * one, else the latest open one (core's rule); nothing when the team has no such sprint.
   */
  defaultSprint: (teamId: number) => call<Sprint | null>("default_sprint", { teamId }),
  /**
   * For each of the team's sprints: whether it can be closed today (on the team's local day),
   * reopened or removed, with core's reason when not.
   */
  sprintActions: (teamId: number) => call<SprintActions[]>("sprint_actions", { teamId }),
  /** Reopens a closed sprint (its completed points are cleared); returns it and what changed. */
  reopenSprint: (sprintId: number) => call<Outcome<Sprint>>("reopen_sprint", { sprintId }),
  /** Replaces a sprint's name, days, goal and commitment; returns it and what changed. */
  editSprint: (sprintId: number, new_: NewSprint) => call<Outcome<Sprint>>("edit_sprint", { sprintId, new: new_ }),
  /**
   * Removes a sprint that is not closed history (a closed one must be reopened first); returns what
   * changed, so undo can bring it back.
   */
  removeSprint: (sprintId: number) => call<Outcome<null>>("remove_sprint", { sprintId }),
  /** Logs an interrupt (arrival time checked against the current time). */
  logInterrupt: (teamId: number, new_: NewInterrupt) => call<Interrupt>("log_interrupt", { teamId, new: new_ }),
  /** The team's interrupts matching the filter, newest first. */
  listInterrupts: (teamId: number, filter: InterruptFilter) => call<Interrupt[]>("list_interrupts", { teamId, filter }),
  /** Replaces every field of an interrupt (arrival time checked against the current time). */
  editInterrupt: (interruptId: number, new_: NewInterrupt) =>
    call<Interrupt>("edit_interrupt", { interruptId, new: new_ }),
  /** Removes an interrupt (logged twice, or by mistake); the changes name it, so undo can bring it back. */
  removeInterrupt: (interruptId: number) => call<Outcome<null>>("remove_interrupt", { interruptId }),
  /** What importing the interrupt CSV `bytes` would add, skip as duplicates and skip as unreadable. */
  previewInterruptCsv: (bytes: number[], request: InterruptCsvRequest) =>
    call<InterruptCsvPreview>("preview_interrupt_csv", { bytes, request }),
  /** Imports the interrupt CSV `bytes`: every row to add, in one transaction; remembers the mapping. */
  importInterruptCsv: (bytes: number[], request: InterruptCsvRequest) =>
    call<Outcome<InterruptCsvPreview>>("import_interrupt_csv", { bytes, request }),
  /** What importing the sprint-history CSV `bytes` would add. */
  previewSprintCsv: (bytes: number[], request: SprintCsvRequest) =>
    call<SprintCsvPreview>("preview_sprint_csv", { bytes, request }),
  /** Imports the sprint-history CSV `bytes` in one transaction. */
  importSprintCsv: (bytes: number[], request: SprintCsvRequest) =>
    call<Outcome<SprintCsvPreview>>("import_sprint_csv", { bytes, request }),
  /**
   * Capacity, history and forecast of `sprint_id` (default: the running or next sprint) with the
   * what-if toggles applied.
   */
  forecastSprint: (
    teamId: number,
    sprintId: number | null,
    whatIfs: WhatIf[],
    trials: number | null,
    seed: number | null,
    recoveryMinutes: number | null,
  ) => call<SprintForecast>("forecast_sprint", { teamId, sprintId, whatIfs, trials, seed, recoveryMinutes }),
  /** Sprints needed for `backlog_points` when every sprint is like `sprint_id` (what-ifs applied). */
  forecastBacklog: (
    teamId: number,
    sprintId: number | null,
    whatIfs: WhatIf[],
    backlogPoints: number,
    recoveryMinutes: number | null,
  ) => call<BacklogForecast>("forecast_backlog", { teamId, sprintId, whatIfs, backlogPoints, recoveryMinutes }),
  /** The backtest of the team's closed sprints and the P85 hit rate. */
  forecastBacktest: (teamId: number, recoveryMinutes: number | null) =>
    call<TeamBacktest>("forecast_backtest", { teamId, recoveryMinutes }),
  /**
   * What the team's interrupt log says about the local days `from`..=`to` ("YYYY-MM-DD"); a
   * missing end is filled by the service on the team's today (the last 90 days, or `last_days`).
   * The answer's `range` is what was looked at.
   */
  interruptStats: (teamId: number, from: string | null, to: string | null, lastDays: number | null) =>
    call<InterruptStats>("interrupt_stats", { teamId, from, to, lastDays }),
  /**
   * Runs `strategies` (e.g. "daily", "no_shield+wait"; empty: all seven) over simulated sprints
   * drawn from the team's interrupt log; settings not given keep their defaults.
   */
  simulate: (
    teamId: number,
    strategies: string[],
    runs: number | null,
    seed: number | null,
    recoveryMinutes: number | null,
    blockMinutes: number | null,
  ) => call<Simulation>("simulate", { teamId, strategies, runs, seed, recoveryMinutes, blockMinutes }),
  /**
   * The simulator checked against the team's closed sprints (each predicted from what was known
   * before it, for the strategy the team ran), with the screen's recovery and block settings.
   */
  simulationBacktest: (
    teamId: number,
    runs: number | null,
    recoveryMinutes: number | null,
    blockMinutes: number | null,
  ) => call<SimBacktest>("simulation_backtest", { teamId, runs, recoveryMinutes, blockMinutes }),
  /** The team's duty policies. */
  listPolicies: (teamId: number) => call<DutyPolicy[]>("list_policies", { teamId }),
  /** Adds a duty policy. */
  addPolicy: (teamId: number, new_: NewPolicy) => call<DutyPolicy>("add_policy", { teamId, new: new_ }),
  /** Checks a new duty policy as typed (the policy editor asks on every change); writes nothing. */
  validatePolicy: (teamId: number, new_: NewPolicy) => call<null>("validate_policy", { teamId, new: new_ }),
  /** What saving a policy edit would do to future turns, in one sentence; writes nothing. */
  previewPolicyEdit: (id: number, new_: NewPolicy) => call<EditEffect>("preview_policy_edit", { id, new: new_ }),
  /** Changes a duty policy and re-plans the team's unlocked future turns. */
  editPolicy: (id: number, new_: NewPolicy) => call<Outcome<DutyPolicy>>("edit_policy", { id, new: new_ }),
  /** Removes a duty policy that has no past turns (refused, with the reason, when it has). */
  removePolicy: (id: number) => call<Outcome<null>>("remove_policy", { id }),
  /** The planner's view of the local days `from`..=`to`. */
  rotationView: (teamId: number, from: string, to: string) => call<RotationView>("rotation_view", { teamId, from, to }),
  /**
   * Auto-plan: fills the unlocked future turns of `from`..=`to`; locked turns and history stay.
   * Returns the plan and what it changed, so the planner can undo it.
   */
  planRotation: (teamId: number, from: string, to: string) =>
    call<Outcome<Plan>>("plan_rotation", { teamId, from, to }),
  /** What auto-plan would propose for `from`..=`to` (ghost turns to accept or discard); writes nothing. */
  previewPlan: (teamId: number, from: string, to: string) => call<Plan>("preview_plan", { teamId, from, to }),
  /** What an edit would do (shown while dragging); writes nothing. */
  previewEdit: (teamId: number, from: string, to: string, edit: Edit) =>
    call<EditPreview>("preview_edit", { teamId, from, to, edit }),
  /** Makes an edit (override, swap or shadow) and returns what changed with the refreshed view. */
  applyEdit: (teamId: number, from: string, to: string, edit: Edit) =>
    call<EditResult>("apply_edit", { teamId, from, to, edit }),
  /** Sets the handoff note of a turn; returns what changed (undo writes the old note back). */
  setTurnNote: (turnId: number, note: string) => call<Outcome<null>>("set_turn_note", { turnId, note }),
  /**
   * Revert to plan: unlocks the override or swap of `policy_id` covering `at` and plans its days
   * again; returns what changed, so the planner can undo it.
   */
  unlockTurn: (teamId: number, policyId: number, at: string) =>
    call<Outcome<Turn[]>>("unlock_turn", { teamId, policyId, at }),
  /**
   * The team's stand-up message now, as Markdown: who is on duty per policy (overrides and swaps
   * included), who is next, the last handoff note, the checklist, and what changed since the last
   * publish and whom it affects — the text the chat post is made from.
   */
  standupText: (teamId: number) => call<string>("standup_text", { teamId }),
  /**
   * Where the team's stand-up message goes, whether its webhook URL can be found (the OS keyring
   * entry, or the variable in the app's environment; the URL is never returned), and the changes
   * waiting to be posted. Asking the keyring may wait on a desktop unlock prompt, so it runs on a
   * connection of its own.
   */
  chatStatus: (teamId: number) => call<ChatStatus>("chat_status", { teamId }),
  /**
   * Sets the team's chat: the NAME of the environment variable holding the webhook URL (never the
   * URL) and the JSON the webhook takes.
   */
  setChatTarget: (teamId: number, webhookEnv: string, format: ChatFormat) =>
    call<ChatTarget>("set_chat_target", { teamId, webhookEnv, format }),
  /**
   * Sets the team's chat with the webhook URL itself, stored in the OS keyring (Secret Service),
   * and the JSON the webhook takes. A URL that is not `https://` is refused on the field without
   * being repeated; where no keyring runs, the error says so and points at the
   * environment-variable set-up (`set_chat_target`).
   */
  setChatTargetInKeyring: (teamId: number, webhookUrl: string, format: ChatFormat) =>
    call<ChatTarget>("set_chat_target_in_keyring", { teamId, webhookUrl, format }),
  /**
   * Posts today's stand-up message to the team's chat, with the changes waiting for it; says
   * where it went ("Posted the stand-up message to hooks.slack.com, with 2 changes").
   */
  postStandup: (teamId: number) => call<string>("post_standup", { teamId }),
  /** Where the team publishes, what it published, and what publishing now would send. */
  publishStatus: (teamId: number) => call<PublishStatus>("publish_status", { teamId }),
  /**
   * Sets the team's calendar: the collection URL, the user, and the NAME of the environment
   * variable holding the password (never the password).
   */
  setCalendarTarget: (
    teamId: number,
    collectionUrl: string,
    user: string,
    passwordEnv: string,
    perMember: boolean,
    what: ExportWhat[],
  ) => call<CalendarTarget>("set_calendar_target", { teamId, collectionUrl, user, passwordEnv, perMember, what }),
  /**
   * Sets the team's calendar: the collection URL and the user, with the password stored in the OS
   * keyring (Secret Service). Where no keyring runs, the error says so and points at the
   * environment-variable set-up (`set_calendar_target`).
   */
  setCalendarTargetInKeyring: (
    teamId: number,
    collectionUrl: string,
    user: string,
    password: string,
    perMember: boolean,
    what: ExportWhat[],
  ) => call<CalendarTarget>("set_calendar_target_in_keyring", { teamId, collectionUrl, user, password, perMember, what }),
  /** What publishing the team now would send and whom it affects; nothing is sent. */
  previewPublish: (teamId: number, from: string | null, to: string | null) =>
    call<PublishReport>("preview_publish", { teamId, from, to }),
  /**
   * Publishes the team's plan to its calendar (creating it when missing); `force` overwrites
   * events edited on the server.
   */
  publishPlan: (teamId: number, from: string | null, to: string | null, force: boolean) =>
    call<PublishReport>("publish_plan", { teamId, from, to, force }),
  /** Every release train, by name. */
  listReleaseTrains: () => call<TrainInfo[]>("list_release_trains"),
  /** Adds a release train (lag defaults to 2 weeks, name to "<dev>-<ops>"). */
  addReleaseTrain: (name: string | null, devTeamId: number, opsTeamId: number, lagWeeks: number | null) =>
    call<TrainInfo>("add_release_train", { name, devTeamId, opsTeamId, lagWeeks }),
  /**
   * Changes a train's lag (kept when `None`) and routine events; validated like a new train;
   * returns it and what changed.
   */
  updateReleaseTrain: (trainId: number, lagWeeks: number | null, routine: RoutineEvents) =>
    call<Outcome<TrainInfo>>("update_release_train", { trainId, lagWeeks, routine }),
  /**
   * Removes a release train (its hand placements go with it; sprints and freezes stay); returns
   * what changed.
   */
  removeReleaseTrain: (trainId: number) => call<Outcome<null>>("remove_release_train", { trainId }),
  /** The train's releases for every sprint; `preview` tries a hand placement without storing it. */
  releasePlan: (trainId: number, preview: ReleasePin | null) => call<TrainPlan>("release_plan", { trainId, preview }),
  /** Places a sprint's production release on a day by hand; returns the placement and what changed. */
  pinRelease: (trainId: number, sprintId: number, productionDay: string) =>
    call<Outcome<ReleasePin>>("pin_release", { trainId, sprintId, productionDay }),
  /** Lets the planner place a sprint's release again; returns what changed. */
  unpinRelease: (trainId: number, sprintId: number) => call<Outcome<null>>("unpin_release", { trainId, sprintId }),
  /** Freeze windows of one team, or of all teams. */
  listFreezes: (teamId: number | null) => call<StoredFreeze[]>("list_freezes", { teamId }),
  /**
   * Adds a freeze window, once or yearly; the name and days are validated; returns it and what
   * changed.
   */
  addFreeze: (teamId: number, name: string, span: FreezeSpan) =>
    call<Outcome<StoredFreeze>>("add_freeze", { teamId, name, span }),
  /**
   * Replaces a freeze window's name and days (validated like a new one); returns it and what
   * changed.
   */
  editFreeze: (id: number, name: string, span: FreezeSpan) =>
    call<Outcome<StoredFreeze>>("edit_freeze", { id, name, span }),
  /** Deletes a freeze window; returns what changed (undo puts it back). */
  deleteFreeze: (id: number) => call<Outcome<null>>("delete_freeze", { id }),
  /** What an export would contain, without recording anything. */
  exportPreview: (request: ExportRequest) => call<ExportPreview>("export_preview", { request }),
  /**
   * Writes the export to `path` (chosen in the save dialog), then records it so the next export
   * updates these events instead of duplicating them. A failed write records nothing.
   */
  saveExport: (request: ExportRequest, path: string) => call<ExportPreview>("save_export", { request, path }),
  /** Like [`import_calendar_file`], reading the .ics file at `path`. */
  importCalendar: (path: string, request: ImportRequest, apply: boolean) =>
    call<ImportPreview>("import_calendar", { path, request, apply }),
  /**
   * The bytes of the .ics file the user picked (`name` is its file name, for messages): proposes
   * time off or holidays; with `apply`, writes them in one transaction. The bytes, not text, cross
   * IPC so that a fold splitting a UTF-8 character can be rejoined before decoding.
   */
  importCalendarFile: (request: ImportRequest, name: string, bytes: number[], apply: boolean) =>
    call<ImportPreview>("import_calendar_file", { request, name, bytes, apply }),
};
