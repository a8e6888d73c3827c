// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test --test bindings

export type ErrorKind = "invalid" | "not_found" | "conflict" | "storage" | "remote";

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
 * Where it was imported from, when it was: kept through edits, and carried by a removal
 * or an import's undo so putting it back keeps it (a re-import then still skips it).
 */
origin?: InterruptOrigin, 
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

export type InterruptOrigin = { 
/**
 * The tool that wrote the file.
 */
source: CsvSource, 
/**
 * The tool's id for it.
 */
external_id: string, };

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

export type CsvSource = "pagerduty" | "opsgenie" | "jira" | "generic";

export type ImportField = "at" | "title" | "category" | "severity" | "minutes" | "resolved" | "handled_by" | "external_id" | "root_cause";

export type ColumnChoice = { 
/**
 * The interrupt field.
 */
field: ImportField, 
/**
 * The CSV column's header, as written in the file.
 */
column?: string, };

export type ValueChoice = { 
/**
 * Category, severity or handled_by.
 */
field: ImportField, 
/**
 * The value as written in the file (compared case-insensitively, trimmed).
 */
value: string, 
/**
 * What it means here.
 */
to: string, };

export type CsvMapping = { 
/**
 * Column per field; a field not listed keeps the source's default column.
 */
columns: Array<ColumnChoice>, 
/**
 * Values mapped by the user.
 */
values: Array<ValueChoice>, 
/**
 * The severities whose interrupts could have waited ([`waiting`]); absent: the stated
 * default, low only. Critical and high are refused.
 */
could_wait?: Array<Severity>, 
/**
 * For a sprint-history import ([`MappingSource::SprintHistory`]): the column used for each
 * sprint field last time (the interrupt fields above stay empty).
 */
sprint_columns?: Array<SprintColumnChoice>, };

export type InterruptCsvRequest = { 
/**
 * The team.
 */
team_id: number, 
/**
 * The file's text (the app and CLI read the file; an empty text is refused).
 */
text: string, 
/**
 * The source; detected from the header when absent.
 */
source?: CsvSource, 
/**
 * Column and value choices on top of the remembered mapping.
 */
mapping: CsvMapping, };

export type ImportRow = { 
/**
 * The line of the file where the row starts (1 = the header).
 */
line: number, 
/**
 * The id the source gave it (incident id, alert tiny id, issue key).
 */
external_id?: string, 
/**
 * The interrupt it becomes.
 */
spec: InterruptSpec, 
/**
 * Who handled it, by name (empty when nobody matched).
 */
handled_by_name: string, 
/**
 * What was assumed or changed while reading it (a DST-resolved time, a shortened title …).
 */
notes: Array<string>, };

export type DuplicateRow = { 
/**
 * The line of the file.
 */
line: number, 
/**
 * Its title.
 */
title: string, 
/**
 * Why it is a duplicate.
 */
reason: string, };

export type SkippedRow = { 
/**
 * The line of the file.
 */
line: number, 
/**
 * What is wrong, in plain words.
 */
reason: string, };

export type UnknownValue = { 
/**
 * Category, severity or handled_by.
 */
field: ImportField, 
/**
 * The value as written.
 */
value: string, 
/**
 * How many rows carry it.
 */
rows: number, 
/**
 * What it was read as (a category or severity name, or empty for nobody).
 */
read_as: string, };

export type InterruptCsvPreview = { 
/**
 * The source used.
 */
source: CsvSource, 
/**
 * The source the header looks like.
 */
detected: CsvSource, 
/**
 * The file's column headers, in order.
 */
columns: Array<string>, 
/**
 * The mapping used (source defaults, then the remembered mapping, then the user's choices).
 */
mapping: CsvMapping, 
/**
 * Rows to add.
 */
rows: Array<ImportRow>, 
/**
 * Rows already in the log or repeated in the file.
 */
duplicates: Array<DuplicateRow>, 
/**
 * Rows that cannot be read.
 */
skipped: Array<SkippedRow>, 
/**
 * Values read as a default because nothing matched them.
 */
unknown_values: Array<UnknownValue>, 
/**
 * Sentences about the whole file (which column gives what, assumptions made).
 */
notes: Array<string>, 
/**
 * Whether the rows were written.
 */
applied: boolean, };

export type SprintCsvRequest = { 
/**
 * The team.
 */
team_id: number, 
/**
 * The file's text.
 */
text: string, 
/**
 * Columns chosen by the user for sprint fields, on top of those found by name.
 */
columns: Array<SprintColumnChoice>, };

export type SprintRow = { 
/**
 * The line of the file.
 */
line: number, 
/**
 * The sprint.
 */
spec: SprintSpec, 
/**
 * Points completed (a closed sprint), if given.
 */
completed_points?: number, };

export type SprintCsvPreview = { 
/**
 * The file's column headers.
 */
columns: Array<string>, 
/**
 * The column used for each field, in the fields' order (found by name, then the user's choices).
 */
mapping: Array<SprintColumnChoice>, 
/**
 * Sprints to add.
 */
rows: Array<SprintRow>, 
/**
 * Sprints already stored.
 */
duplicates: Array<DuplicateRow>, 
/**
 * Rows that cannot be used.
 */
skipped: Array<SkippedRow>, 
/**
 * Sentences about the whole file (a required column nobody chose yet).
 */
notes: Array<string>, 
/**
 * Whether they were written.
 */
applied: boolean, };

export type SprintField = "name" | "start" | "end" | "committed" | "completed";

export type SprintColumnChoice = { 
/**
 * The sprint field.
 */
field: SprintField, 
/**
 * The CSV column's header, as written in the file.
 */
column?: string, };

export type MappingSource = "pagerduty" | "opsgenie" | "jira" | "generic" | "sprint_history";

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

export type Sourced = { 
/**
 * The number.
 */
value: number, 
/**
 * How it was computed, in plain words.
 */
from: string, };

export type CellFlag = "weekend" | "holiday" | "time_off" | "inactive" | "duty";

export type CapacityCell = { 
/**
 * The local date.
 */
date: string, 
/**
 * Focus person-days left for sprint work (0..=1).
 */
value: number, 
/**
 * Why the cell is reduced.
 */
flags: Array<CellFlag>, 
/**
 * The duty's label when the member is on duty that day.
 */
duty: string | null, 
/**
 * Focus person-days after duty, before interrupt cost.
 */
before_interrupts: number, 
/**
 * Person-days the member is reachable for interrupts (working, not on duty).
 */
exposed: number, 
/**
 * How `value` was computed.
 */
from: string, };

export type CapacityDay = { 
/**
 * The local date.
 */
date: string, 
/**
 * Whether the team works that day (working weekday and not a holiday).
 */
working: boolean, 
/**
 * The holiday's name, if it is one.
 */
holiday: string | null, };

export type PersonCapacity = { 
/**
 * The member.
 */
member_id: number, 
/**
 * Display name.
 */
name: string, 
/**
 * One cell per sprint day, aligned with [`CapacityReport::days`].
 */
cells: Array<CapacityCell>, 
/**
 * Focus person-days of the member in the sprint.
 */
total: Sourced, };

export type InterruptRate = { 
/**
 * The days of the log that were measured.
 */
window: DateSpan, 
/**
 * Minutes of context-switch recovery counted per interrupt.
 */
recovery_minutes: number, 
/**
 * Person-days lost per reachable (off-duty) person-day to interrupts that pulled people off focus.
 */
leaked: Sourced, 
/**
 * The part of `leaked` that is context-switch recovery.
 */
leaked_recovery: Sourced, 
/**
 * Person-days lost per working person-day if every interrupt were shared by everybody.
 */
shared: Sourced, 
/**
 * The part of `shared` that is context-switch recovery.
 */
shared_recovery: Sourced, 
/**
 * The leaked rate of each measured working day (0..=1), the distribution the Monte Carlo
 * forecast draws from; one entry per day on which somebody was reachable.
 */
daily_losses: Array<number>, };

export type ScenarioKind = "shielded" | "no_shield";

export type PersonTotal = { 
/**
 * The member.
 */
member_id: number, 
/**
 * Display name.
 */
name: string, 
/**
 * Focus person-days.
 */
focus_days: number, };

export type Scenario = { 
/**
 * The scenario.
 */
kind: ScenarioKind, 
/**
 * Team focus person-days.
 */
team_total: Sourced, 
/**
 * Focus person-days per member.
 */
people: Array<PersonTotal>, 
/**
 * Person-days given to duty covers.
 */
duty_cost: Sourced, 
/**
 * Person-days lost to interrupts, recovery included.
 */
interrupt_cost: Sourced, 
/**
 * The part of `interrupt_cost` that is context-switch recovery.
 */
context_switch_cost: Sourced, 
/**
 * What the scenario assumes, one sentence each.
 */
assumptions: Array<string>, };

export type CapacityReport = { 
/**
 * The sprint's days.
 */
sprint: DateSpan, 
/**
 * Every calendar day of the sprint, in order (the columns of the heat map).
 */
days: Array<CapacityDay>, 
/**
 * One row per member, in input order.
 */
people: Array<PersonCapacity>, 
/**
 * Team focus person-days with the rotation (the sum of all cells).
 */
team_total: Sourced, 
/**
 * The interrupt rates the cells were charged with.
 */
interrupts: InterruptRate, 
/**
 * Shielded (your rotation), then no shield: interrupts hit everyone.
 */
scenarios: Array<Scenario>, 
/**
 * The most members on time off on a single working day of the sprint.
 */
most_people_out: number, };

export type WhatIf = { "kind": "on_duty", 
/**
 * The member.
 */
member_id: number, 
/**
 * Percent of capacity left for sprint work while on duty (0–100).
 */
focus_share_percent: number, } | { "kind": "away", 
/**
 * The member.
 */
member_id: number, } | { "kind": "back", 
/**
 * The member.
 */
member_id: number, };

export type CauseKind = "duty" | "time_off" | "holiday" | "interrupts";

export type Cause = { 
/**
 * Which kind of loss.
 */
kind: CauseKind, 
/**
 * In plain words: "on duty", "Ben's vacation", "Christmas Day", "interrupts".
 */
label: string, 
/**
 * Person-days lost (positive).
 */
days: number, };

export type CapacityBreakdown = { 
/**
 * Person-days if everybody worked every working weekday they are active, at their capacity percent.
 */
nominal: number, 
/**
 * What took days away, in order: duty, time off per person and kind, holidays, interrupts.
 * Causes of zero are left out.
 */
causes: Array<Cause>, 
/**
 * `nominal − Σ causes`, equal to the report's team total.
 */
focus_days: number, };

export type PastSprint = { 
/**
 * The sprint.
 */
sprint_id: number, 
/**
 * Its name, for charts and explanations.
 */
name: string, 
/**
 * Points completed.
 */
completed_points: number, 
/**
 * Focus person-days the team had in it (from the capacity model).
 */
focus_days: number, 
/**
 * The most members on time off on one working day, when known.
 */
most_people_out: number | null, };

export type VelocityPoint = { 
/**
 * The sprint.
 */
sprint_id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Points completed.
 */
completed_points: number, 
/**
 * Focus person-days it had.
 */
focus_days: number, 
/**
 * `completed_points / focus_days`.
 */
per_focus_day: number, };

export type PointRange = { 
/**
 * Lower end, points.
 */
low: number, 
/**
 * Upper end, points.
 */
high: number, 
/**
 * How it was obtained.
 */
from: string, };

export type Deterministic = { 
/**
 * Mean velocity per focus person-day over the history.
 */
mean_per_focus_day: Sourced, 
/**
 * Mean velocity times planned focus days, in points.
 */
points: Sourced, 
/**
 * Cohn's 90 % range in points; `None` with fewer than 5 sprints.
 */
range: PointRange | null, 
/**
 * Why the range is what it is (or why there is none).
 */
range_note: string, 
/**
 * Lowest and highest past velocity, in points for the planned focus days.
 */
lowest_highest: PointRange, 
/**
 * Chance (0..=1) that the next sprint falls in `lowest_highest`: (n − 1)/(n + 1).
 */
chance_in_lowest_highest: Sourced, };

export type Bin = { 
/**
 * Lower edge, inclusive.
 */
from: number, 
/**
 * Upper edge, exclusive (inclusive for the last bin).
 */
to: number, 
/**
 * Number of trials in the bin.
 */
count: number, };

export type Histogram = { 
/**
 * Width of every bin.
 */
bin_width: number, 
/**
 * The bins, lowest first.
 */
bins: Array<Bin>, };

export type MonteCarlo = { 
/**
 * Trials run.
 */
trials: number, 
/**
 * The seed of the random generator (same seed, same result).
 */
seed: number, 
/**
 * Points reached in at least half of the trials.
 */
p50: number, 
/**
 * Points reached in at least 85 % of the trials.
 */
p85: number, 
/**
 * Points reached in at least 95 % of the trials.
 */
p95: number, 
/**
 * Points reached in only 15 % of the trials (the top of the likely range P85–P15).
 */
p15: number, 
/**
 * Mean of all trials.
 */
mean: number, 
/**
 * Distribution of the trials' points.
 */
histogram: Histogram, };

export type WarningKind = "few_sprints" | "focus_below_history" | "focus_above_history" | "more_people_out";

export type ForecastWarning = { 
/**
 * Which warning.
 */
kind: WarningKind, 
/**
 * What it means for this plan.
 */
message: string, };

export type Forecast = { 
/**
 * Focus person-days the plan expects (after the expected interrupt cost).
 */
planned_focus_days: Sourced, 
/**
 * The history used, oldest first.
 */
history: Array<VelocityPoint>, 
/**
 * Mean and Cohn's 90 % range.
 */
deterministic: Deterministic, 
/**
 * Simulated P50/P85/P95 and the distribution.
 */
monte_carlo: MonteCarlo, 
/**
 * Where the plan is outside the data.
 */
warnings: Array<ForecastWarning>, };

export type SprintCapacity = { 
/**
 * The sprint.
 */
sprint: Sprint, 
/**
 * The per-person × per-day grid, totals and scenarios (what-ifs applied).
 */
report: CapacityReport, 
/**
 * Which days the interrupt cost was measured over, and why.
 */
interrupt_window_note: string, 
/**
 * Duty covers from stored turns that touch the sprint (before what-ifs).
 */
planned_covers: number, 
/**
 * One sentence per what-if applied, in order.
 */
what_ifs: Array<string>, 
/**
 * Where the focus person-days went: nominal capacity, duty, time off, holidays, interrupts.
 */
breakdown: CapacityBreakdown, };

export type SprintForecast = { 
/**
 * The sprint's capacity.
 */
capacity: SprintCapacity, 
/**
 * The history the forecast learnt from, oldest first.
 */
history: Array<PastSprint>, 
/**
 * Closed sprints left out of the history, and why.
 */
left_out: Array<string>, 
/**
 * The forecast; `None` when there is no usable history (see `no_forecast`).
 */
forecast: Forecast | null, 
/**
 * Why there is no forecast.
 */
no_forecast: string | null, 
/**
 * The sentence to read first: what to commit to and why (`None` without a forecast).
 */
headline: Headline | null, 
/**
 * What the forecast had to assume because the data does not say, one sentence each.
 */
assumptions: Array<string>, };

export type SprintCount = { 
/**
 * Number of sprints.
 */
sprints: number, 
/**
 * Trials that needed exactly that many.
 */
trials: number, };

export type BacklogForecast = { 
/**
 * Backlog size in points.
 */
backlog_points: number, 
/**
 * Sprints within which half of the trials finished.
 */
p50_sprints: number, 
/**
 * Sprints within which 85 % of the trials finished.
 */
p85_sprints: number, 
/**
 * Sprints within which 95 % of the trials finished.
 */
p95_sprints: number, 
/**
 * Mean number of sprints.
 */
mean_sprints: number, 
/**
 * How many trials finished after each number of sprints, fewest sprints first.
 */
distribution: Array<SprintCount>, 
/**
 * Trials run.
 */
trials: number, 
/**
 * Seed used.
 */
seed: number, 
/**
 * What was assumed.
 */
from: string, };

export type BacktestRow = { 
/**
 * The sprint.
 */
sprint_id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * How many earlier sprints the forecast used.
 */
sprints_used: number, 
/**
 * Forecast P50, points.
 */
p50: number, 
/**
 * Forecast P85, points.
 */
p85: number, 
/**
 * Points actually completed.
 */
actual: number, 
/**
 * Whether the team reached the P85 line.
 */
hit: boolean, };

export type Backtest = { 
/**
 * One row per sprint that had enough sprints before it, in order.
 */
rows: Array<BacktestRow>, 
/**
 * Share of rows that reached their P85 line (0..=1); `None` without rows.
 */
hit_rate: Sourced | null, 
/**
 * What the backtest did, or why it has no rows.
 */
note: string, };

export type TeamBacktest = { 
/**
 * The history backtested, oldest first.
 */
history: Array<PastSprint>, 
/**
 * Closed sprints left out of the history, and why.
 */
left_out: Array<string>, 
/**
 * Which days the interrupt cost was measured over.
 */
interrupt_window_note: string, 
/**
 * What the history had to assume, one sentence each.
 */
assumptions: Array<string>, 
/**
 * Forecast against outcome per sprint, and the P85 hit rate.
 */
backtest: Backtest, };

export type LikelyRange = { 
/**
 * Lower end, whole points (the P85, rounded down).
 */
low: number, 
/**
 * Upper end, whole points (the P15, rounded up).
 */
high: number, 
/**
 * The range in a sentence, with how often a sprint lands in it.
 */
sentence: string, };

export type Percentile = { 
/**
 * Confidence, percent (50, 85, 95).
 */
percent: number, 
/**
 * Points reached with that confidence, rounded down; `None` when the history is too short.
 */
points: number | null, 
/**
 * What the line means, or why it is left out.
 */
note: string, };

export type Headline = { 
/**
 * The whole sentence: what to commit to and why, in whole points.
 */
sentence: string, 
/**
 * Points to commit to (the P85, rounded down).
 */
commit_points: number, 
/**
 * How likely the team reaches `commit_points`, percent: 85, or less when the history is too
 * short to back 85 % (n/(n + 1) with n past sprints).
 */
commit_percent: number, 
/**
 * Points reached half the time (the P50, rounded down).
 */
half_points: number, 
/**
 * The one range to show, in plain words.
 */
range: LikelyRange, 
/**
 * "Capacity 30.5 focus days of 48: −11.5 on duty, …" on its own.
 */
capacity: string, 
/**
 * P50, P85, P95 for the details, each left out when the history cannot back it.
 */
percentiles: Array<Percentile>, };

export type PolicyKind = "daily" | "weekly" | "sprint" | "standing";

export type Handoff = { 
/**
 * Weekday of the handoff (weekly policies).
 */
weekday: string, 
/**
 * Local wall-clock time of the handoff.
 */
time: string, };

export type LoadWeights = { 
/**
 * Hours on a day the team does not work (weekend). Default 1.5.
 */
weekend: number, 
/**
 * Hours on a team holiday. Default 2.0.
 */
holiday: number, 
/**
 * Hours on a release day. Default 1.5.
 */
release_day: number, };

export type StandingCover = { 
/**
 * The fixed member (e.g. the tech lead).
 */
member_id: number, 
/**
 * Who covers while the fixed member is away; without one the fixed member keeps the turn.
 */
stand_in_id: number | null, };

export type NewPolicy = { 
/**
 * Name, e.g. "Batman" or "Op of the Week".
 */
name: string, 
/**
 * Daily, weekly, per sprint or standing.
 */
kind: PolicyKind, 
/**
 * `"MON 12:00"` (weekly) or `"09:30"` (daily, sprint); the kind's default when absent.
 */
handoff?: string, 
/**
 * Eligible member ids; empty = every member that can take duty.
 */
pool: Array<number>, 
/**
 * Percent of capacity the person on duty still gives to sprint work (0–100).
 */
focus_share_percent?: number, 
/**
 * Duty checklist; the kind's default when absent.
 */
checklist?: Array<string>, 
/**
 * The policy this one escalates to (possibly another team's).
 */
escalates_to?: number, 
/**
 * Trainees who may shadow turns.
 */
shadow_pool: Array<number>, 
/**
 * Minimum number of other turns between two turns of one person (0–20); 1 when absent.
 */
min_gap_turns?: number, 
/**
 * Load multipliers; defaults when absent.
 */
weights?: LoadWeights, 
/**
 * Standing policies: the fixed member.
 */
standing_member_id?: number, 
/**
 * Standing policies: the stand-in.
 */
stand_in_id?: number, };

export type PolicySpec = { 
/**
 * Name, 1–80 characters.
 */
name: string, 
/**
 * How turns are cut.
 */
kind: PolicyKind, 
/**
 * Handoff weekday (weekly) and local time.
 */
handoff: Handoff, 
/**
 * Eligible member ids, sorted; empty = every member that can take duty.
 */
pool: Array<number>, 
/**
 * Percent of capacity still given to sprint work while on duty.
 */
focus_share_percent: number, 
/**
 * Duty checklist shown to whoever is on duty.
 */
checklist: Array<string>, 
/**
 * The policy this one escalates to.
 */
escalates_to: number | null, 
/**
 * Trainees who may shadow turns, sorted.
 */
shadow_pool: Array<number>, 
/**
 * Minimum number of other turns between two turns of one person, where the pool allows.
 */
min_gap_turns: number, 
/**
 * Load multipliers.
 */
weights: LoadWeights, 
/**
 * The fixed member and stand-in (standing policies only).
 */
standing: StandingCover | null, };

export type DutyPolicy = { 
/**
 * Row id.
 */
id: number, 
/**
 * The team the policy belongs to.
 */
team_id: number, 
/**
 * Name, 1–80 characters.
 */
name: string, 
/**
 * How turns are cut.
 */
kind: PolicyKind, 
/**
 * Handoff weekday (weekly) and local time.
 */
handoff: Handoff, 
/**
 * Eligible member ids, sorted; empty = every member that can take duty.
 */
pool: Array<number>, 
/**
 * Percent of capacity still given to sprint work while on duty.
 */
focus_share_percent: number, 
/**
 * Duty checklist shown to whoever is on duty.
 */
checklist: Array<string>, 
/**
 * The policy this one escalates to.
 */
escalates_to: number | null, 
/**
 * Trainees who may shadow turns, sorted.
 */
shadow_pool: Array<number>, 
/**
 * Minimum number of other turns between two turns of one person, where the pool allows.
 */
min_gap_turns: number, 
/**
 * Load multipliers.
 */
weights: LoadWeights, 
/**
 * The fixed member and stand-in (standing policies only).
 */
standing: StandingCover | null, };

export type TurnSource = "generated" | "override" | "swap";

export type Turn = { 
/**
 * Row id once stored; `None` for a freshly planned turn.
 */
id: number | null, 
/**
 * The duty policy.
 */
policy_id: number, 
/**
 * Who is on duty.
 */
member_id: number, 
/**
 * First instant on duty (a handoff).
 */
start: string, 
/**
 * First instant no longer on duty (the next handoff); after `start`.
 */
end: string, 
/**
 * Planned, overridden by hand, or swapped.
 */
source: TurnSource, 
/**
 * Kept as is when the plan is regenerated.
 */
locked: boolean, 
/**
 * Handoff note for the next person.
 */
note: string, 
/**
 * A trainee shadowing this turn; never counts as cover.
 */
shadow_member_id: number | null, 
/**
 * Who the planner had put on this turn before an override or swap replaced them; the
 * fairness ledger reads it as "`member_id` covered for `replaced_member_id`".
 */
replaced_member_id: number | null, };

export type ConflictKind = "coverage_gap" | "time_off" | "holiday" | "inactive_member" | "same_person_in_pair" | "back_to_back" | "overlap" | "double_duty";

export type ConflictSeverity = "warning" | "error";

export type Conflict = { 
/**
 * What is wrong.
 */
kind: ConflictKind, 
/**
 * Error or warning.
 */
severity: ConflictSeverity, 
/**
 * The policy concerned.
 */
policy_id: number, 
/**
 * Indexes of the turns concerned in the checked slice (empty for a coverage gap).
 */
turns: Array<number>, 
/**
 * The member concerned, if one.
 */
member_id: number | null, 
/**
 * Start of the period concerned.
 */
start: string, 
/**
 * End of the period concerned.
 */
end: string, 
/**
 * One sentence for people.
 */
message: string, };

export type ShownConflict = { 
/**
 * Ids of the turns concerned (stored turns only).
 */
turn_ids: Array<number>, 
/**
 * What is wrong.
 */
kind: ConflictKind, 
/**
 * Error or warning.
 */
severity: ConflictSeverity, 
/**
 * The policy concerned.
 */
policy_id: number, 
/**
 * Indexes of the turns concerned in the checked slice (empty for a coverage gap).
 */
turns: Array<number>, 
/**
 * The member concerned, if one.
 */
member_id: number | null, 
/**
 * Start of the period concerned.
 */
start: string, 
/**
 * End of the period concerned.
 */
end: string, 
/**
 * One sentence for people.
 */
message: string, };

export type OnDuty = { 
/**
 * The turn covering the instant, if any.
 */
current: Turn | null, 
/**
 * The first turn starting after the instant.
 */
next: Turn | null, 
/**
 * The note of the turn that ended last before the instant (the previous person's handoff).
 */
handoff_note: string | null, };

export type TodayCard = { 
/**
 * The policy.
 */
policy_id: number, 
/**
 * Now, next, last handoff note.
 */
on_duty: OnDuty, 
/**
 * The duty checklist of the policy.
 */
checklist: Array<string>, };

export type FairnessRow = { 
/**
 * The member.
 */
member_id: number, 
/**
 * Their name.
 */
name: string, 
/**
 * Turns held (past and planned).
 */
turns: number, 
/**
 * Of those, turns starting at or after `now`.
 */
planned_turns: number, 
/**
 * Hours on duty.
 */
duty_hours: number, 
/**
 * Hours on duty, weekend, holiday and release-day hours weighted.
 */
weighted_load: number, 
/**
 * Weighted load divided by the capacity share (100 % = 1).
 */
load_per_capacity: number, 
/**
 * Percent above (+) or below (−) the team average load per capacity.
 */
deviation_percent: number, };

export type CoverEntry = { 
/**
 * The turn's policy.
 */
policy_id: number, 
/**
 * Index of the turn in the slice given.
 */
turn: number, 
/**
 * The turn's start.
 */
start: string, 
/**
 * Who held the turn.
 */
covered_by: number, 
/**
 * Who was planned for it.
 */
covered_for: number, 
/**
 * Override or swap.
 */
source: TurnSource, 
/**
 * Weighted hours of the turn.
 */
weighted_hours: number, 
/**
 * Whether the planned member was away (time off or not active) during the turn: a
 * time-off replacement rather than a favour.
 */
planned_was_away: boolean, };

export type Payback = { 
/**
 * Who should take a turn back.
 */
owed_by: number, 
/**
 * Who covered.
 */
owed_to: number, 
/**
 * Net weighted hours owed.
 */
weighted_hours: number, };

export type FairnessReport = { 
/**
 * One row per member in a rotating pool or holding a rotating turn.
 */
rows: Array<FairnessRow>, 
/**
 * Who covered for whom.
 */
ledger: Array<CoverEntry>, 
/**
 * Net debts between pairs of members, largest first.
 */
paybacks: Array<Payback>, };

export type Explanation = { 
/**
 * The turn's policy.
 */
policy_id: number, 
/**
 * The turn's start.
 */
start: string, 
/**
 * Who was picked.
 */
member_id: number, 
/**
 * One sentence, e.g. "Ben: 3 turns vs fair share 3.4, weighted load 72.0 h vs fair 81.6 h".
 */
reason: string, };

export type Plan = { 
/**
 * Kept turns (history, locked) and generated turns, sorted by `(policy_id, start)`.
 */
turns: Array<Turn>, 
/**
 * Why each generated turn went to its member.
 */
explanations: Array<Explanation>, };

export type TurnChanges = { 
/**
 * The touched turns as they were.
 */
before: Array<Turn>, 
/**
 * The touched turns as they are now.
 */
after: Array<Turn>, };

export type ViewDay = { 
/**
 * The local day.
 */
date: string, 
/**
 * Whether the day's weekday is one of the team's working days (a holiday on a working
 * weekday is still `working`; see `holiday`).
 */
working: boolean, 
/**
 * The team holiday on this day, by name.
 */
holiday: string | null, 
/**
 * The instant the local day begins (local midnight, DST-resolved).
 */
start: string, 
/**
 * The instant the next local day begins: 23 or 25 hours after `start` on a DST change.
 */
end: string, };

export type RotationView = { 
/**
 * The local days shown, inclusive.
 */
range: DateSpan, 
/**
 * One entry per local day of `range`, in order: working weekday or not, the holiday on it,
 * and the instants it begins and ends (the grid's columns are drawn from these).
 */
days: Array<ViewDay>, 
/**
 * The team's IANA zone (the grid is laid out in it).
 */
zone: string, 
/**
 * The policies shown: the team's own, then the ones they escalate to.
 */
policies: Array<DutyPolicy>, 
/**
 * Everyone who may appear on a turn (members of the team and of escalation teams).
 */
members: Array<Member>, 
/**
 * The turns overlapping the range, by policy then start.
 */
turns: Array<Turn>, 
/**
 * Conflicts in the range.
 */
conflicts: Array<ShownConflict>, 
/**
 * Fairness over all turns (rolling history plus the plan).
 */
fairness: FairnessReport, 
/**
 * One card per policy for the stand-up.
 */
today: Array<TodayCard>, };

export type Edit = { "kind": "override", 
/**
 * The turn.
 */
turn_id: number, 
/**
 * The member.
 */
member_id: number, } | { "kind": "shadow", 
/**
 * The turn.
 */
turn_id: number, 
/**
 * The trainee, or `None` to remove.
 */
member_id: number | null, } | { "kind": "swap", 
/**
 * The dragged turn.
 */
turn_id: number, 
/**
 * The turn it was dropped on.
 */
with_turn_id: number, };

export type LoadChange = { 
/**
 * The member.
 */
member_id: number, 
/**
 * Turns before → after.
 */
turns_before: number, 
/**
 * Turns after the edit.
 */
turns_after: number, 
/**
 * Deviation from the team average before, in percent.
 */
deviation_before: number, 
/**
 * Deviation after, in percent.
 */
deviation_after: number, };

export type CapacityChange = { 
/**
 * The sprint.
 */
sprint: string, 
/**
 * Team focus person-days before the edit.
 */
before: number, 
/**
 * Team focus person-days after it.
 */
after: number, };

export type EditPreview = { 
/**
 * "Override" or "Swap", with who: e.g. "Swap Ana and Ben".
 */
action: string, 
/**
 * Conflicts the edit creates.
 */
added: Array<Conflict>, 
/**
 * Conflicts the edit clears.
 */
cleared: Array<Conflict>, 
/**
 * Members whose load changes.
 */
load: Array<LoadChange>, 
/**
 * The turns after the edit (only the changed ones), ready to store.
 */
changed: Array<Turn>, 
/**
 * The change of the team's focus capacity in the sprint, when one overlaps the range
 * (filled by the caller that has the team's data, with
 * `crate::forecast::capacity_change`: rotation does not depend on the capacity model).
 */
capacity: CapacityChange | null, };

export type Record = { "kind": "team", "record": Team } | { "kind": "member", "record": Member } | { "kind": "time_off", "record": TimeOff } | { "kind": "holiday", "record": Holiday } | { "kind": "sprint", "record": Sprint } | { "kind": "interrupt", "record": Interrupt } | { "kind": "policy", "record": DutyPolicy } | { "kind": "release_train", "record": TrainInfo } | { "kind": "release_pin", "record": { 
/**
 * The train.
 */
train_id: number, 
/**
 * The placement.
 */
pin: ReleasePin, } } | { "kind": "freeze", "record": StoredFreeze } | { "kind": "calendar_target", "record": CalendarTarget } | { "kind": "chat_target", "record": ChatTarget } | { "kind": "published", "record": { 
/**
 * The team.
 */
team_id: number, 
/**
 * The resource.
 */
resource: PublishedResource, } } | { "kind": "chat_line", "record": { 
/**
 * The team.
 */
team_id: number, 
/**
 * The line's id (the order lines were kept in).
 */
id: number, 
/**
 * The line.
 */
line: string, 
/**
 * When the publish that kept it ran.
 */
published_at: string, } } | { "kind": "import_mapping", "record": { 
/**
 * The team.
 */
team_id: number, 
/**
 * The tool that wrote the file, or sprint history.
 */
source: MappingSource, 
/**
 * The mapping.
 */
mapping: CsvMapping, } } | { "kind": "handoff_note", "record": { 
/**
 * The turn.
 */
turn_id: number, 
/**
 * The note ("" for none).
 */
note: string, } };

export type RecordChange = { 
/**
 * The record as it was.
 */
before: Record | null, 
/**
 * The record as it is now.
 */
after: Record | null, };

export type Changes = { 
/**
 * The turns it touched, before and after.
 */
turns: TurnChanges, 
/**
 * The other records it created, edited or removed.
 */
records: Array<RecordChange>, };

export type PublishedResource = { 
/**
 * The collection's URL.
 */
collection: string, 
/**
 * The event's UID.
 */
uid: string, 
/**
 * The resource's path on the server.
 */
href: string, 
/**
 * The ETag the server gave the last write, when it sent one.
 */
etag: string | null, 
/**
 * The content hash of the event as written.
 */
hash: string, 
/**
 * Its `SEQUENCE` as written.
 */
sequence: number, 
/**
 * The event as written.
 */
event: CalendarEvent, 
/**
 * Who held it, for a duty turn.
 */
holder: Holder | null, 
/**
 * When it was written.
 */
published_at: string, };

export type Holder = { 
/**
 * The duty policy's name ("Batman").
 */
policy: string, 
/**
 * The member on duty ("Ana Souza").
 */
person: string, };

export type EditResult = { 
/**
 * What the write changed (the turns before and after; undo replays it backwards).
 */
changes: Changes, 
/**
 * The planner's view after the write.
 */
view: RotationView, };

export type Outcome<T> = { 
/**
 * The operation's result (the created record, the plan, …).
 */
value: T, 
/**
 * What it changed.
 */
changes: Changes, };

export type SprintActions = { 
/**
 * The sprint.
 */
sprint_id: number, 
/**
 * Whether it may be closed (or, when closed, its points corrected) today: on its last day
 * or after it.
 */
can_close: boolean, 
/**
 * Why it cannot be closed yet, in core's words; `None` when it can.
 */
close_refusal: string | null, 
/**
 * Whether it is closed and so can be reopened.
 */
can_reopen: boolean, 
/**
 * Why it cannot be removed (closed history), in core's words; `None` when it can.
 */
remove_refusal: string | null, };

export type EditEffect = { 
/**
 * Future turns that get another person (or disappear).
 */
moved: number, 
/**
 * Future turns that are new (a day that was a holiday gets its own turn).
 */
added: number, 
/**
 * Future locked turns kept as they are.
 */
kept_locked: number, 
/**
 * The people whose duties change, by name.
 */
affected: Array<string>, 
/**
 * One sentence, e.g. "Saving re-plans 9 future turns (Ana, Ben); 2 locked turns are kept"
 * (the turns counted are `moved` plus `added`).
 */
sentence: string, };

export type TurnMoves = { 
/**
 * Future turns re-planned: given to another person, dropped, or new.
 */
count: number, 
/**
 * The people whose turns change, by name.
 */
affected: Array<string>, 
/**
 * One line per re-planned turn, by start: "Ana's Batman turn on Tue 8 Dec moves to Ben".
 */
lines: Array<string>, 
/**
 * Locked future turns the new days clash with: kept as they are, shown as conflicts (one
 * sentence each, core's conflict message).
 */
conflicts: Array<string>, 
/**
 * All of it in one sentence: "2 turns move: …; …" or "No turn moves", and the conflicts.
 */
sentence: string, };

export type RoutineEvents = { 
/**
 * Weekday of the production release (Saturday).
 */
release_weekday: "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun", 
/**
 * Local time of the production release (09:00).
 */
release_time: string, 
/**
 * Days from the release-candidate push to the production day (9: Thursday of the week before
 * a Saturday release).
 */
rc_push_days_before: number, 
/**
 * Local time of the release-candidate pre-production push (18:00).
 */
rc_push_time: string, 
/**
 * Start of the ops duty person's high alert on the production day (08:00).
 */
high_alert_start: string, 
/**
 * End of the high alert on the production day (14:00).
 */
high_alert_end: string, 
/**
 * Days of regression / load testing before the push day (3: Monday to the Thursday push).
 */
regression_days_before_push: number, 
/**
 * Local start time of the regression window (09:00); it ends at the push.
 */
regression_start_time: string, 
/**
 * The shortest acceptable time from the sprint's last day to the production day, in days (7).
 */
min_lag_days: number, };

export type ReleaseTrainSpec = { 
/**
 * The dev team whose sprints are released.
 */
dev_team_id: number, 
/**
 * The ops team that deploys them.
 */
ops_team_id: number, 
/**
 * Weeks from a sprint's end to its production release (1–12, default 2).
 */
lag_weeks: number, 
/**
 * The routine events around each release.
 */
routine: RoutineEvents, };

export type ReleaseTrain = { 
/**
 * Row id.
 */
id: number, 
/**
 * The dev team whose sprints are released.
 */
dev_team_id: number, 
/**
 * The ops team that deploys them.
 */
ops_team_id: number, 
/**
 * Weeks from a sprint's end to its production release (1–12, default 2).
 */
lag_weeks: number, 
/**
 * The routine events around each release.
 */
routine: RoutineEvents, };

export type MonthDay = { 
/**
 * Month, 1–12.
 */
month: number, 
/**
 * Day of month, 1–31 (29 February allowed).
 */
day: number, };

export type FreezeSpan = { "kind": "once", 
/**
 * The frozen days, inclusive.
 */
days: DateSpan, } | { "kind": "yearly", 
/**
 * First frozen day of the year.
 */
from: MonthDay, 
/**
 * Last frozen day (in the next year when before `from`).
 */
to: MonthDay, };

export type FreezeWindow = { 
/**
 * Name shown in warnings, e.g. "Year-end freeze".
 */
name: string, 
/**
 * When it applies.
 */
span: FreezeSpan, };

export type Window = { 
/**
 * Start instant.
 */
start: string, 
/**
 * End instant.
 */
end: string, };

export type ReleasePin = { 
/**
 * The sprint whose release is pinned.
 */
sprint_id: number, 
/**
 * The chosen production day.
 */
production_day: string, };

export type Release = { 
/**
 * The sprint released.
 */
sprint_id: number, 
/**
 * The sprint's name.
 */
sprint_name: string, 
/**
 * The sprint's last day.
 */
sprint_end: string, 
/**
 * The production day (local, in the ops team's zone).
 */
production_day: string, 
/**
 * The release-candidate pre-production push.
 */
rc_push: string, 
/**
 * The production release.
 */
production: string, 
/**
 * The ops duty person's high alert on the production day.
 */
high_alert: Window, 
/**
 * Regression / load testing by the ops team, ending at the push.
 */
regression: Window, 
/**
 * The production day the lag pointed to, when a freeze or holiday moved the release.
 */
moved_from: string | null, 
/**
 * Why it moved.
 */
move_reason: string | null, 
/**
 * Whether the production day was chosen by hand.
 */
pinned: boolean, 
/**
 * The ops members on duty during the high alert.
 */
on_duty: Array<number>, 
/**
 * Everything that needs a look.
 */
warnings: Array<ReleaseWarning>, };

export type ReleaseWarningKind = "no_duty_cover" | "duty_on_time_off" | "on_holiday" | "in_freeze" | "lag_too_short" | "two_in_one_weekend" | "no_valid_slot";

export type ReleaseWarning = { 
/**
 * What kind of problem.
 */
kind: ReleaseWarningKind, 
/**
 * The problem in plain words, with dates and names.
 */
message: string, };

export type TrainInfo = { 
/**
 * Unique name, e.g. "Phoenix-Atlas".
 */
name: string, 
/**
 * The dev team's name.
 */
dev_team: string, 
/**
 * The ops team's name.
 */
ops_team: string, 
/**
 * Row id.
 */
id: number, 
/**
 * The dev team whose sprints are released.
 */
dev_team_id: number, 
/**
 * The ops team that deploys them.
 */
ops_team_id: number, 
/**
 * Weeks from a sprint's end to its production release (1–12, default 2).
 */
lag_weeks: number, 
/**
 * The routine events around each release.
 */
routine: RoutineEvents, };

export type StoredFreeze = { 
/**
 * Row id.
 */
id: number, 
/**
 * The team it belongs to.
 */
team_id: number, 
/**
 * Name shown in warnings, e.g. "Year-end freeze".
 */
name: string, 
/**
 * When it applies.
 */
span: FreezeSpan, };

export type FrozenDays = { 
/**
 * The freeze window's name.
 */
name: string, 
/**
 * The frozen days, inclusive.
 */
days: DateSpan, };

export type TrainPlan = { 
/**
 * The train.
 */
train: TrainInfo, 
/**
 * The ops team's zone (IANA name); every local time is read there.
 */
zone: string, 
/**
 * The days the plan covers: from the first sprint's start to a week after the last release.
 */
range: DateSpan, 
/**
 * The dev sprints released, by end.
 */
sprints: Array<Sprint>, 
/**
 * One release per sprint.
 */
releases: Array<Release>, 
/**
 * Frozen stretches in the range (freezes of both teams).
 */
freezes: Array<FrozenDays>, 
/**
 * Ops team holidays in the range.
 */
holidays: Array<Holiday>, };

export type EventTime = { "kind": "all_day", 
/**
 * First day.
 */
first: string, 
/**
 * Last day, inclusive.
 */
last_inclusive: string, } | { "kind": "timed", 
/**
 * Start instant.
 */
start: string, 
/**
 * End instant, after `start`.
 */
end: string, };

export type Person = { 
/**
 * Display name (`CN`).
 */
name: string, 
/**
 * E-mail address, written as `mailto:`.
 */
email: string, };

export type CalendarEvent = { 
/**
 * Stable identifier, e.g. `turn-<policy>-<start-utc>@sprintshield`; a re-export with the same
 * UID updates the event in the reader's calendar instead of duplicating it.
 */
uid: string, 
/**
 * One-line title.
 */
summary: string, 
/**
 * Longer text; may contain newlines. Empty means none.
 */
description: string, 
/**
 * When.
 */
when: EventTime, 
/**
 * Shown as free, not busy (`TRANSP:TRANSPARENT`); true for duty turns.
 */
transparent: boolean, 
/**
 * Revision number; increase it whenever the event changes.
 */
sequence: number, 
/**
 * A removed item, written with `STATUS:CANCELLED` so readers drop it.
 */
cancelled: boolean, 
/**
 * Category names (`CATEGORIES`).
 */
categories: Array<string>, 
/**
 * Who organizes it, if anyone.
 */
organizer: Person | null, 
/**
 * Who attends (the member on duty, for a turn).
 */
attendees: Array<Person>, };

export type ExportWhat = "turns" | "time_off" | "sprints" | "releases";

export type ImportedPerson = { 
/**
 * Display name (`CN`), if given.
 */
name: string | null, 
/**
 * E-mail address (from `mailto:`, a bare address, or the `EMAIL` parameter), lower-case.
 */
email: string | null, };

export type MessageLevel = "note" | "skipped";

export type ImportMessage = { 
/**
 * The line of the event's `BEGIN:VEVENT`.
 */
line: number, 
/**
 * The event's title.
 */
summary: string, 
/**
 * Note or skipped.
 */
level: MessageLevel, 
/**
 * What happened, in plain words.
 */
text: string, };

export type ProposedTimeOff = { 
/**
 * The member.
 */
member_id: number, 
/**
 * The member's name, for the preview.
 */
member_name: string, 
/**
 * The days, inclusive.
 */
days: DateSpan, 
/**
 * The event title (becomes the note).
 */
summary: string, 
/**
 * The event UID.
 */
uid: string, 
/**
 * How the member was found, e.g. "attendee e-mail ann@example.com".
 */
matched_by: string, 
/**
 * The kind of time off it is written as: guessed from the event, or chosen by the user.
 */
kind: TimeOffKind, 
/**
 * Why that kind: `category "Vacation"`, `"urlaub" in the title`, `chosen`, or empty when
 * nothing pointed to a kind (other).
 */
kind_reason: string, 
/**
 * The line of the event's `BEGIN:VEVENT`.
 */
line: number, 
/**
 * Already stored (or proposed earlier in this import); skipped when writing.
 */
duplicate: boolean, };

export type ProposedHoliday = { 
/**
 * The day.
 */
date: string, 
/**
 * The event title.
 */
name: string, 
/**
 * The event UID.
 */
uid: string, 
/**
 * Already stored (or proposed earlier in this import); skipped when writing.
 */
duplicate: boolean, };

export type KindChoice = { 
/**
 * The event's UID.
 */
uid: string, 
/**
 * The kind to write.
 */
kind: TimeOffKind, };

export type UnmatchedItem = { 
/**
 * The event title.
 */
summary: string, 
/**
 * Its days.
 */
days: DateSpan, 
/**
 * Why it is not imported, in plain words.
 */
reason: string, };

export type ImportProposal = { 
/**
 * Proposed time off.
 */
time_off: Array<ProposedTimeOff>, 
/**
 * Proposed holidays.
 */
holidays: Array<ProposedHoliday>, 
/**
 * Items not used.
 */
unmatched: Array<UnmatchedItem>, };

export type ExportRequest = { 
/**
 * The team.
 */
team_id: number, 
/**
 * Only this member's turns and time off.
 */
member_id: number | null, 
/**
 * Only this duty policy's turns.
 */
policy_id: number | null, 
/**
 * Which kinds of events; at least one.
 */
what: Array<ExportWhat>, 
/**
 * First day of the range.
 */
from: string, 
/**
 * Last day of the range, inclusive.
 */
to: string, };

export type ExportPreview = { 
/**
 * The calendar's name (`X-WR-CALNAME`).
 */
calname: string, 
/**
 * A file name to suggest, e.g. `phoenix-2026-11-23-2027-01-31.ics`.
 */
file_name: string, 
/**
 * Every event written, cancelled ones included, in file order.
 */
events: Array<CalendarEvent>, 
/**
 * Events never exported before in this scope.
 */
new_events: number, 
/**
 * Events exported before whose content changed (sequence raised).
 */
changed_events: number, 
/**
 * Events exported before that are gone (written as cancelled).
 */
cancelled_events: number, 
/**
 * The `.ics` text.
 */
text: string, };

export type ImportAs = "time_off" | "holidays";

export type ImportRequest = { 
/**
 * The team.
 */
team_id: number, 
/**
 * The file's text.
 */
text: string, 
/**
 * Time off or holidays.
 */
kind: ImportAs, 
/**
 * First day of the range read (repeating events are expanded within it).
 */
from: string, 
/**
 * Last day of the range, inclusive.
 */
to: string, 
/**
 * Kinds of time off the user chose per event, over the guessed ones (none: all guessed).
 */
kinds: Array<KindChoice>, };

export type ImportPreview = { 
/**
 * Proposed time off and holidays (duplicates marked) and unused items with reasons.
 */
proposal: ImportProposal, 
/**
 * Notes and skipped events from reading the file.
 */
messages: Array<ImportMessage>, 
/**
 * Stretches of time off that are (or were) written.
 */
time_off_to_write: number, 
/**
 * Holidays that are (or were) written.
 */
holidays_to_write: number, 
/**
 * Whether it was written.
 */
applied: boolean, };

export type Tally = { 
/**
 * What is counted (a category or severity name, a root cause).
 */
key: string, 
/**
 * Its label.
 */
label: string, 
/**
 * How many interrupts.
 */
count: number, 
/**
 * Their minutes.
 */
minutes: number, };

export type Share = { 
/**
 * How many.
 */
count: number, 
/**
 * Of all interrupts counted, in whole percent.
 */
percent: number, };

export type SprintTally = { 
/**
 * The sprint's name.
 */
sprint: string, 
/**
 * Its days.
 */
days: DateSpan, 
/**
 * Interrupts in it.
 */
count: number, 
/**
 * Their minutes.
 */
minutes: number, 
/**
 * Interrupt minutes as a share of the team's working time in the sprint, whole percent.
 */
ops_percent: number, };

export type PersonTally = { 
/**
 * The member.
 */
member_id: number, 
/**
 * Their name.
 */
name: string, 
/**
 * Interrupts handled while on duty.
 */
on_duty: number, 
/**
 * Their minutes.
 */
on_duty_minutes: number, 
/**
 * Interrupts handled while not on duty.
 */
off_duty: number, 
/**
 * Their minutes.
 */
off_duty_minutes: number, };

export type LimitKind = "incidents_per_shift" | "ops_share" | "on_call_share";

export type Breach = { 
/**
 * Which limit.
 */
kind: LimitKind, 
/**
 * When (the shift's start, or local midnight of the sprint's first day).
 */
at: string, 
/**
 * What happened, with the numbers.
 */
message: string, };

export type InterruptStats = { 
/**
 * The days looked at.
 */
range: DateSpan, 
/**
 * Interrupts in the range.
 */
count: number, 
/**
 * Their minutes.
 */
minutes: number, 
/**
 * By category, most first.
 */
by_category: Array<Tally>, 
/**
 * By severity, most urgent first.
 */
by_severity: Array<Tally>, 
/**
 * Handled by the person on duty at the time.
 */
handled_on_duty: Share, 
/**
 * Pulled someone off focus work.
 */
pulled_off_focus: Share, 
/**
 * Could have waited for the backlog.
 */
could_have_waited: Share, 
/**
 * Critical or high (must be handled at once).
 */
urgent: Share, 
/**
 * Per sprint that overlaps the range, oldest first.
 */
per_sprint: Array<SprintTally>, 
/**
 * Interrupts by local weekday (Monday first) and hour: 7 rows of 24.
 */
heat: Array<Array<number>>, 
/**
 * Root causes written down at least twice (compared without case and spaces), most first.
 */
recurring_causes: Array<Tally>, 
/**
 * Who absorbed what, on and off duty.
 */
per_person: Array<PersonTally>, 
/**
 * Breaches of the load limits.
 */
breaches: Array<Breach>, 
/**
 * What the numbers suggest, each sentence with its numbers.
 */
observations: Array<string>, };

export type StrategyKind = "no_shield" | "ops_share" | "daily" | "weekly" | "per_sprint" | "standing";

export type Strategy = { 
/**
 * The kind of shield.
 */
kind: StrategyKind, 
/**
 * Interrupts that could wait go to the end of the day.
 */
backlog_and_wait: boolean, };

export type SimulationSettings = { 
/**
 * Simulated sprints per strategy.
 */
runs: number, 
/**
 * Seed of the random generator.
 */
seed: number, 
/**
 * Minutes of recovery after each interrupt.
 */
recovery_minutes: number, 
/**
 * The shortest stretch that counts as deep work, in minutes.
 */
block_minutes: number, 
/**
 * Share of everyone's day set aside by the "ops share" strategy (0–1).
 */
ops_share: number, 
/**
 * Share of urgent interrupts the Op of the Week escalates to the Dev of the Week (0–1).
 */
escalation_share: number, };

export type Spread = { 
/**
 * Mean.
 */
mean: number, 
/**
 * 10th percentile.
 */
low: number, 
/**
 * 90th percentile.
 */
high: number, };

export type StrategyResult = { 
/**
 * The strategy.
 */
strategy: Strategy, 
/**
 * Its name, e.g. "daily+wait".
 */
name: string, 
/**
 * What it is, in words.
 */
label: string, 
/**
 * Team hours of focus in blocks that count, per sprint.
 */
focus_hours: Spread, 
/**
 * Hours of interrupt work per sprint (the same draw for every strategy).
 */
interrupt_hours: number, 
/**
 * Points per sprint (focus days × the team's velocity per focus day), when it is known.
 */
points: Spread | null, 
/**
 * Interrupts that broke a developer's focus, per developer per sprint.
 */
context_switches_per_dev: number, 
/**
 * Minutes from arrival to the start of handling of urgent interrupts: median.
 */
first_response_p50: number, 
/**
 * The same, 95th percentile.
 */
first_response_p95: number, 
/**
 * Share of duty days with more interrupt work than the day has hours.
 */
duty_overload_chance: number, 
/**
 * Days per sprint with more than 2 urgent interrupts on one person (SRE: 2 per shift).
 */
breaches_per_sprint: number, 
/**
 * Hours per sprint the duty person has left for chores and toil reduction.
 */
chores_hours: number, 
/**
 * Interrupt minutes of the most loaded person against the average (1 = even).
 */
load_spread: number, };

export type SensitivityCell = { 
/**
 * Recovery minutes tried.
 */
recovery_minutes: number, 
/**
 * Focus block minutes tried.
 */
block_minutes: number, 
/**
 * The strategy with the most focus hours.
 */
winner: string, };

export type InterruptModel = { 
/**
 * Expected arrivals per hour, by weekday (Monday first) and working hour (09:00 first).
 */
rate: Array<Array<number>>, 
/**
 * Logged minutes of urgent interrupts (sampled with replacement).
 */
urgent_minutes: Array<number>, 
/**
 * Logged minutes of the others.
 */
other_minutes: Array<number>, 
/**
 * Share of interrupts that are critical or high (handled at once).
 */
urgent_share: number, 
/**
 * Share of the non-urgent ones that could have waited.
 */
wait_share: number, 
/**
 * Interrupts the model was fitted to.
 */
fitted_to: number, 
/**
 * What the model assumed, in words (defaults used, window fitted).
 */
assumptions: Array<string>, };

export type Simulation = { 
/**
 * The model the sprints were drawn from.
 */
model: InterruptModel, 
/**
 * The settings.
 */
settings: SimulationSettings, 
/**
 * One result per strategy, most focus first.
 */
results: Array<StrategyResult>, 
/**
 * The strategy with the most focus hours.
 */
winner: string, 
/**
 * The winner across the recovery × block ranges.
 */
sensitivity: Array<SensitivityCell>, 
/**
 * Whether the winner changes anywhere in those ranges.
 */
winner_flips: boolean, 
/**
 * What should worry the scrum master (an overloaded duty person).
 */
warnings: Array<string>, 
/**
 * Everything assumed, in words.
 */
assumptions: Array<string>, 
/**
 * One plain sentence: who wins, by how much, and how sure.
 */
summary: string, };

export type SimBacktestRow = { 
/**
 * The sprint.
 */
sprint_id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Its days.
 */
days: DateSpan, 
/**
 * The strategy the team ran in it (from its stored turns).
 */
strategy: string, 
/**
 * How that strategy was found, in words.
 */
strategy_from: string, 
/**
 * Interrupts the model was fitted to (0: the stated defaults were used).
 */
fitted_to: number, 
/**
 * Interrupts the model expected in the sprint (mean and 80 % range).
 */
expected_interrupts: Spread, 
/**
 * Interrupts logged in the sprint's working days.
 */
logged_interrupts: number, 
/**
 * Hours of interrupt work the model expected (mean and 80 % range).
 */
expected_interrupt_hours: Spread, 
/**
 * Hours of interrupt work logged in the sprint's working days.
 */
logged_interrupt_hours: number, 
/**
 * Whether the logged hours fell inside the expected 80 % range.
 */
interrupt_hours_hit: boolean, 
/**
 * Predicted team focus hours in blocks that count (mean and 80 % range).
 */
predicted_focus_hours: Spread, 
/**
 * The sprint's own log replayed through the same day model.
 */
replayed_focus_hours: number, 
/**
 * Whether the replayed focus fell inside the predicted 80 % range; `None` when the
 * strategy's focus does not depend on the interrupts (someone on duty takes them all), so
 * there is nothing to check.
 */
focus_hit: boolean | null, 
/**
 * Predicted points (mean and 80 % range), when sprints closed before it gave a velocity.
 */
predicted_points: Spread | null, 
/**
 * Points completed.
 */
completed_points: number, 
/**
 * Whether the completed points fell inside the predicted 80 % range.
 */
points_hit: boolean | null, };

export type SimBacktest = { 
/**
 * One row per closed sprint, oldest first.
 */
rows: Array<SimBacktestRow>, 
/**
 * Sprints whose logged interrupt hours fell in the expected range.
 */
interrupt_hours_hits: number, 
/**
 * Mean of expected minus logged interrupt hours (positive: expected too many).
 */
interrupt_hours_bias: number | null, 
/**
 * Sprints whose focus could be checked (it depends on the interrupts).
 */
focus_tested: number, 
/**
 * Of those, sprints whose replayed focus fell in the predicted range.
 */
focus_hits: number, 
/**
 * Mean of predicted focus minus replayed focus, hours (positive: the simulator expected
 * more focus than the log gave).
 */
focus_bias_hours: number | null, 
/**
 * Mean absolute difference of predicted and replayed focus, hours.
 */
focus_error_hours: number | null, 
/**
 * Sprints with a points prediction.
 */
points_tested: number, 
/**
 * Of those, sprints whose completed points fell in the predicted range.
 */
points_hits: number, 
/**
 * Mean of predicted minus completed points (positive: predicted too many).
 */
points_bias: number | null, 
/**
 * Mean absolute difference of predicted and completed points.
 */
points_error: number | null, 
/**
 * The result in plain words.
 */
summary: string, 
/**
 * What the backtest assumed, in words.
 */
assumptions: Array<string>, };

export type ActionKind = "create" | "update" | "delete";

export type ChatFormat = "slack" | "teams";

export type CalendarTarget = { 
/**
 * The team.
 */
team_id: number, 
/**
 * The calendar collection's URL (`http(s)://host/path/`), ending with `/`.
 */
collection_url: string, 
/**
 * The user name the server knows.
 */
user: string, 
/**
 * Where the password is kept: an environment variable or the OS keyring.
 */
password_source: PasswordSource, 
/**
 * With [`PasswordSource::Env`], the name of the environment variable that holds the
 * password (never the password); empty with the keyring.
 */
password_env: string, 
/**
 * Also publish each member's own turns to a collection of their own ("my duties").
 */
per_member: boolean, 
/**
 * What is published: turns, and optionally sprints and releases.
 */
what: Array<ExportWhat>, 
/**
 * When the last publish finished, if one did.
 */
last_published_at: string | null, };

export type ChatTarget = { 
/**
 * The team.
 */
team_id: number, 
/**
 * Where the webhook URL is kept: an environment variable or the OS keyring.
 */
webhook_source: WebhookSource, 
/**
 * With [`WebhookSource::Env`], the name of the environment variable holding the webhook URL
 * (never the URL); empty with the keyring.
 */
webhook_env: string, 
/**
 * What JSON the webhook takes.
 */
format: ChatFormat, 
/**
 * When a message was last posted, if one was.
 */
last_posted_at: string | null, };

export type PasswordSource = "env" | "keyring";

export type WebhookSource = "env" | "keyring";

export type PublishOptions = { 
/**
 * First day (default: today in the team's zone).
 */
from: string | null, 
/**
 * Last day, inclusive (default: 90 days after the first).
 */
to: string | null, 
/**
 * Overwrite (or delete) events that were edited on the server.
 */
force: boolean, };

export type PublishChange = { 
/**
 * Create, update or delete.
 */
kind: ActionKind, 
/**
 * The event's UID.
 */
uid: string, 
/**
 * Its title now (for a delete: as it was).
 */
summary: string, 
/**
 * Its title as last published, for an update.
 */
before: string | null, 
/**
 * Its first local day.
 */
day: string, };

export type PublishReport = { 
/**
 * The team.
 */
team: string, 
/**
 * The team calendar's URL.
 */
collection_url: string, 
/**
 * The range published.
 */
from: string, 
/**
 * Last day, inclusive.
 */
to: string, 
/**
 * Only a preview: nothing was sent.
 */
dry_run: boolean, 
/**
 * One line: "Publish 5 changes — Ana Souza: Tue 8 Dec → Thu 10 Dec; …" or what was done.
 */
headline: string, 
/**
 * The team calendar's changes, in the order of their days.
 */
changes: Array<PublishChange>, 
/**
 * Who is affected, one line per person (and per removed turn).
 */
affected: Array<string>, 
/**
 * Events new to the team calendar.
 */
created: number, 
/**
 * Events changed.
 */
updated: number, 
/**
 * Events removed.
 */
deleted: number, 
/**
 * Events already published as they are.
 */
unchanged: number, 
/**
 * Writes to members' own calendars (with `per_member`).
 */
member_writes: number, 
/**
 * Events edited on the server and left as they are there (publish with force to overwrite).
 */
conflicts: Array<string>, 
/**
 * Events edited on the server that were overwritten (force).
 */
overwritten: number, 
/**
 * Whether the calendar collection had to be created (`MKCALENDAR`).
 */
calendar_created: boolean, 
/**
 * HTTP requests sent.
 */
requests: number, };

export type PublishStatus = { 
/**
 * The calendar target, if set up.
 */
calendar: CalendarTarget | null, 
/**
 * The chat target, if set up.
 */
chat: ChatTarget | null, 
/**
 * Events in the team calendar as last published.
 */
published_events: number, 
/**
 * Events in members' own calendars.
 */
member_events: number, 
/**
 * What publishing now would send (the default range), when a calendar is set up.
 */
pending: PublishReport | null, };

export type ChatStatus = { 
/**
 * The chat target, if one is set.
 */
target: ChatTarget | null, 
/**
 * Why the webhook URL cannot be found where this runs, as one sentence (the environment
 * variable is not set in the app's or the shell's environment, the OS keyring holds no entry
 * or cannot be reached, the value is not a web address); `None` when it can. The URL itself
 * is never read out.
 */
url_missing: string | null, 
/**
 * What publishes changed that the chat has not been told about yet, oldest first.
 */
waiting: Array<string>, };
