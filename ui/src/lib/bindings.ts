// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test --test bindings

export type ErrorKind = "invalid" | "not_found" | "conflict" | "storage";

export type AppError = { 
/**
 * What kind of failure this is.
 */
kind: ErrorKind, 
/**
 * One clear sentence.
 */
message: string, 
/**
 * The form field at fault, when there is one.
 */
field: string | null, };

export type DateSpan = { 
/**
 * First day, inclusive.
 */
first: string, 
/**
 * Last day, inclusive.
 */
last: string, };

export type TeamKind = "dev" | "ops" | "mixed";

export type NewTeam = { 
/**
 * Team name, unique.
 */
name: string, 
/**
 * Dev, ops or mixed.
 */
kind: TeamKind, 
/**
 * IANA zone name, e.g. `Europe/Berlin`.
 */
zone: string, 
/**
 * Working days; Monday to Friday when absent.
 */
working_days?: Array<"Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun">, 
/**
 * Default sprint length in days; 14 when absent.
 */
sprint_length_days?: number, };

export type TeamSpec = { 
/**
 * Team name, unique, 1–80 characters.
 */
name: string, 
/**
 * Dev, ops or mixed.
 */
kind: TeamKind, 
/**
 * The team's IANA zone; every local time of the team is read in it.
 */
zone: string, 
/**
 * The weekdays the team works.
 */
working_days: Array<"Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun">, 
/**
 * Default sprint length in days (1–60).
 */
sprint_length_days: number, };

export type Team = { 
/**
 * Row id.
 */
id: number, 
/**
 * Team name, unique, 1–80 characters.
 */
name: string, 
/**
 * Dev, ops or mixed.
 */
kind: TeamKind, 
/**
 * The team's IANA zone; every local time of the team is read in it.
 */
zone: string, 
/**
 * The weekdays the team works.
 */
working_days: Array<"Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun">, 
/**
 * Default sprint length in days (1–60).
 */
sprint_length_days: number, };

export type NewMember = { 
/**
 * Display name, unique in the team.
 */
name: string, 
/**
 * Optional e-mail (used to match calendar attendees).
 */
email?: string, 
/**
 * Share of a full-time week, 1–100; 100 when absent.
 */
capacity_percent?: number, 
/**
 * Skill tags, e.g. `["db", "frontend"]`.
 */
skills: Array<string>, 
/**
 * First active day `YYYY-MM-DD`, when the member joins later.
 */
active_from?: string, 
/**
 * Last active day `YYYY-MM-DD`, when the member leaves.
 */
active_until?: string, 
/**
 * Whether the member may be put on duty; true when absent.
 */
can_take_duty?: boolean, 
/**
 * Colour `#rrggbb`; one is picked from the name when absent.
 */
colour?: string, };

export type MemberSpec = { 
/**
 * Display name, unique in the team.
 */
name: string, 
/**
 * E-mail, if known.
 */
email: string | null, 
/**
 * Share of a full-time week, 1–100.
 */
capacity_percent: number, 
/**
 * Skill tags, trimmed, lower-case, without duplicates.
 */
skills: Array<string>, 
/**
 * First active day, if the member joins later.
 */
active_from: string | null, 
/**
 * Last active day, if the member leaves.
 */
active_until: string | null, 
/**
 * Whether the member may be put on duty.
 */
can_take_duty: boolean, 
/**
 * Colour `#rrggbb`.
 */
colour: string, };

export type Member = { 
/**
 * Row id.
 */
id: number, 
/**
 * The member's team.
 */
team_id: number, 
/**
 * Display name, unique in the team.
 */
name: string, 
/**
 * E-mail, if known.
 */
email: string | null, 
/**
 * Share of a full-time week, 1–100.
 */
capacity_percent: number, 
/**
 * Skill tags, trimmed, lower-case, without duplicates.
 */
skills: Array<string>, 
/**
 * First active day, if the member joins later.
 */
active_from: string | null, 
/**
 * Last active day, if the member leaves.
 */
active_until: string | null, 
/**
 * Whether the member may be put on duty.
 */
can_take_duty: boolean, 
/**
 * Colour `#rrggbb`.
 */
colour: string, };

export type TimeOffKind = "vacation" | "sick" | "training" | "other";

export type NewTimeOff = { 
/**
 * The member who is away.
 */
member_id: number, 
/**
 * First day away `YYYY-MM-DD`, inclusive.
 */
first_day: string, 
/**
 * Last day away `YYYY-MM-DD`, inclusive.
 */
last_day: string, 
/**
 * Why.
 */
kind: TimeOffKind, 
/**
 * Free text.
 */
note: string, };

export type TimeOffSpec = { 
/**
 * The member who is away.
 */
member_id: number, 
/**
 * The days away, inclusive.
 */
days: DateSpan, 
/**
 * Why.
 */
kind: TimeOffKind, 
/**
 * Free text.
 */
note: string, };

export type TimeOff = { 
/**
 * Row id.
 */
id: number, 
/**
 * The member who is away.
 */
member_id: number, 
/**
 * The days away, inclusive.
 */
days: DateSpan, 
/**
 * Why.
 */
kind: TimeOffKind, 
/**
 * Free text.
 */
note: string, };

export type NewHoliday = { 
/**
 * The day `YYYY-MM-DD`.
 */
date: string, 
/**
 * Its name, e.g. "Christmas Day".
 */
name: string, };

export type Holiday = { 
/**
 * Row id.
 */
id: number, 
/**
 * The team.
 */
team_id: number, 
/**
 * The day.
 */
date: string, 
/**
 * Its name.
 */
name: string, };

export type NewSprint = { 
/**
 * Name, unique in the team (e.g. "Sprint 42").
 */
name: string, 
/**
 * First day `YYYY-MM-DD`.
 */
start: string, 
/**
 * Last day `YYYY-MM-DD`, inclusive.
 */
end: string, 
/**
 * The sprint goal.
 */
goal: string, 
/**
 * Points committed at sprint planning.
 */
committed_points?: number, };

export type SprintSpec = { 
/**
 * Name, unique in the team.
 */
name: string, 
/**
 * First day.
 */
start: string, 
/**
 * Last day, inclusive; never before `start`.
 */
end: string, 
/**
 * The sprint goal.
 */
goal: string, 
/**
 * Points committed at sprint planning.
 */
committed_points: number | null, };

export type Sprint = { 
/**
 * Row id.
 */
id: number, 
/**
 * The team.
 */
team_id: number, 
/**
 * Points completed, set when the sprint is closed; `None` while open.
 */
completed_points: number | null, 
/**
 * Name, unique in the team.
 */
name: string, 
/**
 * First day.
 */
start: string, 
/**
 * Last day, inclusive; never before `start`.
 */
end: string, 
/**
 * The sprint goal.
 */
goal: string, 
/**
 * Points committed at sprint planning.
 */
committed_points: number | null, };

export type InterruptCategory = "production_bug" | "operational_problem" | "user_question" | "security_patch" | "release_rollback" | "other";

export type Severity = "critical" | "high" | "normal" | "low";

export type NewInterrupt = { 
/**
 * When it arrived.
 */
arrived_at: string, 
/**
 * Short title.
 */
title: string, 
/**
 * Category.
 */
category: InterruptCategory, 
/**
 * Severity.
 */
severity: Severity, 
/**
 * Who handled it.
 */
handled_by?: number, 
/**
 * Minutes spent on it.
 */
minutes: number, 
/**
 * Whether it pulled an off-duty member away from focus work.
 */
pulled_off_focus: boolean, 
/**
 * Whether it could have waited for the backlog.
 */
could_have_waited: boolean, 
/**
 * Root-cause note.
 */
root_cause: string, };

export type InterruptSpec = { 
/**
 * When it arrived (UTC).
 */
arrived_at: string, 
/**
 * Short title.
 */
title: string, 
/**
 * Category.
 */
category: InterruptCategory, 
/**
 * Severity.
 */
severity: Severity, 
/**
 * Who handled it.
 */
handled_by: number | null, 
/**
 * Minutes spent (1 to 7 days' worth).
 */
minutes: number, 
/**
 * Whether it pulled an off-duty member away from focus work.
 */
pulled_off_focus: boolean, 
/**
 * Whether it could have waited for the backlog.
 */
could_have_waited: boolean, 
/**
 * Root-cause note.
 */
root_cause: string, };

export type Interrupt = { 
/**
 * Row id.
 */
id: number, 
/**
 * The team.
 */
team_id: number, 
/**
 * When it arrived (UTC).
 */
arrived_at: string, 
/**
 * Short title.
 */
title: string, 
/**
 * Category.
 */
category: InterruptCategory, 
/**
 * Severity.
 */
severity: Severity, 
/**
 * Who handled it.
 */
handled_by: number | null, 
/**
 * Minutes spent (1 to 7 days' worth).
 */
minutes: number, 
/**
 * Whether it pulled an off-duty member away from focus work.
 */
pulled_off_focus: boolean, 
/**
 * Whether it could have waited for the backlog.
 */
could_have_waited: boolean, 
/**
 * Root-cause note.
 */
root_cause: string, };

export type InterruptFilter = { 
/**
 * First local day, inclusive.
 */
from?: string, 
/**
 * Last local day, inclusive.
 */
to?: string, 
/**
 * Only this category.
 */
category?: InterruptCategory, 
/**
 * Only this severity.
 */
severity?: Severity, };

export type DemoSummary = { 
/**
 * Team names created.
 */
teams: Array<string>, 
/**
 * Members created.
 */
members: number, 
/**
 * Sprints created.
 */
sprints: number, 
/**
 * Interrupts logged.
 */
interrupts: number, };

export type AppInfo = { 
/**
 * App version.
 */
version: string, 
/**
 * The database file.
 */
db_path: string, 
/**
 * Applied schema migrations.
 */
schema_version: number, };
