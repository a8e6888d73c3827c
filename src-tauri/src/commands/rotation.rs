//! Duty policies and the rotation planner: each command is one `sprintshield-service` operation.
use chrono::{DateTime, Utc};
use sprintshield_core::rotation::{DutyPolicy, Edit, EditPreview, NewPolicy, Plan, RotationView, Turn};
use sprintshield_core::time::{parse_date, DateSpan};
use sprintshield_core::{AppError, Id};
use sprintshield_service::{EditEffect, EditResult, Outcome};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

fn range(from: &str, to: &str) -> Result<DateSpan, AppError> {
    Ok(DateSpan::new(parse_date("from", from)?, parse_date("to", to)?, "to")?)
}

/// The team's duty policies.
#[tauri::command(async)]
pub fn list_policies(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<DutyPolicy>> {
    state.with(|s| s.policies(team_id))
}

/// Adds a duty policy.
#[tauri::command(async)]
pub fn add_policy(state: State<'_, AppState>, team_id: Id, new: NewPolicy) -> CmdResult<DutyPolicy> {
    state.with(|s| s.add_policy(team_id, new).map(|o| o.value))
}

/// The planner's view of the local days `from`..=`to`.
#[tauri::command(async)]
pub fn rotation_view(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<RotationView> {
    let r = range(&from, &to)?;
    state.with(|s| s.rotation_view(team_id, r, chrono::Utc::now()))
}

/// Auto-plan: fills the unlocked future turns of `from`..=`to`; locked turns and history stay.
/// Returns the plan and what it changed, so the planner can undo it.
#[tauri::command(async)]
pub fn plan_rotation(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<Outcome<Plan>> {
    let r = range(&from, &to)?;
    state.with(|s| s.plan_rotation(team_id, r, chrono::Utc::now()))
}

/// What auto-plan would propose for `from`..=`to` (ghost turns to accept or discard); writes nothing.
#[tauri::command(async)]
pub fn preview_plan(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<Plan> {
    let r = range(&from, &to)?;
    state.with(|s| s.preview_plan(team_id, r, chrono::Utc::now()))
}

/// What an edit would do (shown while dragging); writes nothing.
#[tauri::command(async)]
pub fn preview_edit(
    state: State<'_, AppState>,
    team_id: Id,
    from: String,
    to: String,
    edit: Edit,
) -> CmdResult<EditPreview> {
    let r = range(&from, &to)?;
    state.with(|s| s.preview_edit(team_id, r, edit, chrono::Utc::now()))
}

/// Makes an edit (override, swap or shadow) and returns what changed with the refreshed view.
#[tauri::command(async)]
pub fn apply_edit(
    state: State<'_, AppState>,
    team_id: Id,
    from: String,
    to: String,
    edit: Edit,
) -> CmdResult<EditResult> {
    let r = range(&from, &to)?;
    state.with(|s| s.apply_edit(team_id, r, edit, chrono::Utc::now()))
}

/// Sets the handoff note of a turn; returns what changed (undo writes the old note back).
#[tauri::command(async)]
pub fn set_turn_note(state: State<'_, AppState>, turn_id: Id, note: String) -> CmdResult<Outcome<()>> {
    state.with(|s| s.set_turn_note(turn_id, &note))
}

/// Checks a new duty policy as typed (the policy editor asks on every change); writes nothing.
#[tauri::command(async)]
pub fn validate_policy(state: State<'_, AppState>, team_id: Id, new: NewPolicy) -> CmdResult<()> {
    state.with(|s| s.validate_policy(team_id, new))
}

/// What saving a policy edit would do to future turns, in one sentence; writes nothing.
#[tauri::command(async)]
pub fn preview_policy_edit(state: State<'_, AppState>, id: Id, new: NewPolicy) -> CmdResult<EditEffect> {
    state.with(|s| s.preview_policy_edit(id, new, chrono::Utc::now()))
}

/// Changes a duty policy and re-plans the team's unlocked future turns.
#[tauri::command(async)]
pub fn edit_policy(state: State<'_, AppState>, id: Id, new: NewPolicy) -> CmdResult<Outcome<DutyPolicy>> {
    state.with(|s| s.edit_policy(id, new, chrono::Utc::now()))
}

/// Removes a duty policy that has no past turns (refused, with the reason, when it has).
#[tauri::command(async)]
pub fn remove_policy(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_policy(id, chrono::Utc::now()))
}

/// Revert to plan: unlocks the override or swap of `policy_id` covering `at` and plans its days
/// again; returns what changed, so the planner can undo it.
#[tauri::command(async)]
pub fn unlock_turn(
    state: State<'_, AppState>,
    team_id: Id,
    policy_id: Id,
    at: DateTime<Utc>,
) -> CmdResult<Outcome<Vec<Turn>>> {
    state.with(|s| s.unlock_turn(team_id, policy_id, at, chrono::Utc::now()))
}
