//! Teams, members, time off and holidays.
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::team::{NewTeam, Team};
use sprintshield_core::time_off::{Holiday, NewHoliday, NewTimeOff, TimeOff};
use sprintshield_core::Id;
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

/// Edits a member.
#[tauri::command(async)]
pub fn update_member(state: State<'_, AppState>, id: Id, new: NewMember) -> CmdResult<Member> {
    state.with(|s| s.update_member(id, new).map(|o| o.value))
}

/// The team's time off.
#[tauri::command(async)]
pub fn list_time_off(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<TimeOff>> {
    state.with(|s| s.time_off(team_id))
}

/// Records time off.
#[tauri::command(async)]
pub fn add_time_off(state: State<'_, AppState>, new: NewTimeOff) -> CmdResult<TimeOff> {
    state.with(|s| s.add_time_off(new).map(|o| o.value))
}

/// Deletes time off.
#[tauri::command(async)]
pub fn delete_time_off(state: State<'_, AppState>, id: Id) -> CmdResult<()> {
    state.with(|s| s.delete_time_off(id).map(|o| o.value))
}

/// The team's holidays.
#[tauri::command(async)]
pub fn list_holidays(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<Holiday>> {
    state.with(|s| s.holidays(team_id))
}

/// Adds a team holiday.
#[tauri::command(async)]
pub fn add_holiday(state: State<'_, AppState>, team_id: Id, new: NewHoliday) -> CmdResult<Holiday> {
    state.with(|s| s.add_holiday(team_id, new).map(|o| o.value))
}

/// Deletes a team holiday.
#[tauri::command(async)]
pub fn delete_holiday(state: State<'_, AppState>, id: Id) -> CmdResult<()> {
    state.with(|s| s.delete_holiday(id).map(|o| o.value))
}
