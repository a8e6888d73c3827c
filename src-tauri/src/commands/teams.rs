//! Teams, members, time off and holidays.
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::team::{NewTeam, Team};
use sprintshield_core::time::parse_date;
use sprintshield_core::time_off::{Holiday, NewHoliday, NewTimeOff, TimeOff};
use sprintshield_core::Id;
use sprintshield_service::{Changes, EditEffect, Outcome, TurnMoves};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// All teams.
#[tauri::command(async)]
pub fn list_teams(state: State<'_, AppState>) -> CmdResult<Vec<Team>> {
    state.with(|s| s.teams())
}

/// Creates a team.
#[tauri::command(async)]
pub fn create_team(state: State<'_, AppState>, new: NewTeam) -> CmdResult<Team> {
    state.with(|s| s.create_team(new).map(|o| o.value))
}

/// Every IANA zone a team may be in, sorted (for the zone pickers).
#[tauri::command(async)]
pub fn list_zones(state: State<'_, AppState>) -> CmdResult<Vec<&'static str>> {
    state.with(|s| s.zones())
}

/// What saving a team edit would do to future turns ("Saving re-plans 9 future turns …");
/// writes nothing.
#[tauri::command(async)]
pub fn preview_team_edit(state: State<'_, AppState>, id: Id, new: NewTeam) -> CmdResult<EditEffect> {
    state.with(|s| s.preview_team_edit(id, new, chrono::Utc::now()))
}

/// Changes a team's name, kind, zone, working days or sprint length (a new zone or new working
/// days re-plan its unlocked future turns); returns the team and what changed.
#[tauri::command(async)]
pub fn edit_team(state: State<'_, AppState>, id: Id, new: NewTeam) -> CmdResult<Outcome<Team>> {
    state.with(|s| s.edit_team(id, new, chrono::Utc::now()))
}

/// Removes a team with no history; one with history is refused with the reason.
#[tauri::command(async)]
pub fn remove_team(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_team(id, chrono::Utc::now()))
}

/// A team's members.
#[tauri::command(async)]
pub fn list_members(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<Member>> {
    state.with(|s| s.members(team_id))
}

/// Adds a member.
#[tauri::command(async)]
pub fn add_member(state: State<'_, AppState>, team_id: Id, new: NewMember) -> CmdResult<Member> {
    state.with(|s| s.add_member(team_id, new).map(|o| o.value))
}

/// Replaces every field of a member (new active days or duty re-plan the future); returns the
/// member and what changed.
#[tauri::command(async)]
pub fn edit_member(state: State<'_, AppState>, id: Id, new: NewMember) -> CmdResult<Outcome<Member>> {
    state.with(|s| s.edit_member(id, new, chrono::Utc::now()))
}

/// Gives a member a last day (`YYYY-MM-DD`): history stays, future unlocked turns go to others,
/// future locked turns stay as conflicts; returns the member and what changed.
#[tauri::command(async)]
pub fn retire_member(state: State<'_, AppState>, id: Id, last_day: String) -> CmdResult<Outcome<Member>> {
    let last_day = parse_date("last_day", &last_day)?;
    state.with(|s| s.retire_member(id, last_day, chrono::Utc::now()))
}

/// Removes a member nothing refers to; one with history is refused with the advice to retire them.
#[tauri::command(async)]
pub fn remove_member(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_member(id))
}

/// The team's time off.
#[tauri::command(async)]
pub fn list_time_off(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<TimeOff>> {
    state.with(|s| s.time_off(team_id))
}

/// Records time off (the team's unlocked turns from its first day are re-planned around it);
/// returns it and what changed (undo removes it and puts the turns back).
#[tauri::command(async)]
pub fn add_time_off(state: State<'_, AppState>, new: NewTimeOff) -> CmdResult<Outcome<TimeOff>> {
    state.with(|s| s.add_time_off(new, chrono::Utc::now()))
}

/// What recording time off would do to future turns, turn by turn ("Ana's Batman turn on Tue
/// 8 Dec moves to Ben"); writes nothing.
#[tauri::command(async)]
pub fn preview_add_time_off(state: State<'_, AppState>, new: NewTimeOff) -> CmdResult<TurnMoves> {
    state.with(|s| s.preview_add_time_off(new, chrono::Utc::now()))
}

/// What an operation's changes did to the team's future turns, turn by turn, and the locked
/// turns now in conflict on the days of the time off or holidays it touched; reads only.
#[tauri::command(async)]
pub fn describe_turn_moves(state: State<'_, AppState>, team_id: Id, changes: Changes) -> CmdResult<TurnMoves> {
    state.with(|s| s.describe_turn_moves(team_id, &changes, chrono::Utc::now()))
}

/// Replaces a stretch of time off (the team's future unlocked turns are re-planned around it);
/// returns it and what changed.
#[tauri::command(async)]
pub fn edit_time_off(state: State<'_, AppState>, id: Id, new: NewTimeOff) -> CmdResult<Outcome<TimeOff>> {
    state.with(|s| s.edit_time_off(id, new, chrono::Utc::now()))
}

/// What removing time off would do to future turns ("Removing it re-plans 2 future turns (…)");
/// writes nothing.
#[tauri::command(async)]
pub fn preview_delete_time_off(state: State<'_, AppState>, id: Id) -> CmdResult<EditEffect> {
    state.with(|s| s.preview_delete_time_off(id, chrono::Utc::now()))
}

/// Deletes time off (the team's unlocked turns from its first day are re-planned); returns
/// what changed.
#[tauri::command(async)]
pub fn delete_time_off(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.delete_time_off(id, chrono::Utc::now()))
}

/// The team's holidays.
#[tauri::command(async)]
pub fn list_holidays(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<Holiday>> {
    state.with(|s| s.holidays(team_id))
}

/// Adds a team holiday (the team's unlocked turns from its day are re-planned around it);
/// returns it and what changed.
#[tauri::command(async)]
pub fn add_holiday(state: State<'_, AppState>, team_id: Id, new: NewHoliday) -> CmdResult<Outcome<Holiday>> {
    state.with(|s| s.add_holiday(team_id, new, chrono::Utc::now()))
}

/// What adding a holiday would do to future turns, turn by turn; writes nothing.
#[tauri::command(async)]
pub fn preview_add_holiday(state: State<'_, AppState>, team_id: Id, new: NewHoliday) -> CmdResult<TurnMoves> {
    state.with(|s| s.preview_add_holiday(team_id, new, chrono::Utc::now()))
}

/// Replaces a holiday's day and name (a moved day re-plans the turns around it); returns it and
/// what changed.
#[tauri::command(async)]
pub fn edit_holiday(state: State<'_, AppState>, id: Id, new: NewHoliday) -> CmdResult<Outcome<Holiday>> {
    state.with(|s| s.edit_holiday(id, new, chrono::Utc::now()))
}

/// What removing a holiday would do to future turns; writes nothing.
#[tauri::command(async)]
pub fn preview_delete_holiday(state: State<'_, AppState>, id: Id) -> CmdResult<EditEffect> {
    state.with(|s| s.preview_delete_holiday(id, chrono::Utc::now()))
}

/// Deletes a team holiday (its day's turns are re-planned); returns what changed.
#[tauri::command(async)]
pub fn delete_holiday(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.delete_holiday(id, chrono::Utc::now()))
}
