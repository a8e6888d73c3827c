//! Duty policies and the rotation planner.
use serde::Serialize;
use sprintshield_core::rotation::{AppliedPlan, DutyPolicy, Edit, EditPreview, NewPolicy, Plan, RotationView, Turn};
use sprintshield_core::time::{parse_date, DateSpan};
use sprintshield_core::{AppError, Id};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

fn range(from: &str, to: &str) -> Result<DateSpan, AppError> {
    Ok(DateSpan::new(parse_date("from", from)?, parse_date("to", to)?, "to")?)
}

/// An edit as made: the turns before and after (for undo and redo) and the refreshed view.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EditResult {
    /// The changed turns as they were.
    pub before: Vec<Turn>,
    /// The changed turns as they are now.
    pub after: Vec<Turn>,
    /// The planner's view after the edit.
    pub view: RotationView,
}

/// The team's duty policies.
#[tauri::command(async)]
pub fn list_policies(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<DutyPolicy>> {
    state.with(|s| s.policies(team_id))
}

/// Adds a duty policy.
#[tauri::command(async)]
pub fn add_policy(state: State<'_, AppState>, team_id: Id, new: NewPolicy) -> CmdResult<DutyPolicy> {
    state.with(|s| s.add_policy(team_id, new))
}

/// The planner's view of the local days `from`..=`to`.
#[tauri::command(async)]
pub fn rotation_view(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<RotationView> {
    let r = range(&from, &to)?;
    state.with(|s| s.rotation_view(team_id, r, chrono::Utc::now()))
}

/// Auto-plan: fills the unlocked future turns of `from`..=`to`; locked turns and history stay.
/// Returns the plan and the turns it changed, so the planner can undo it.
#[tauri::command(async)]
pub fn plan_rotation(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<AppliedPlan> {
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

/// Makes an edit (override or swap) and returns the refreshed view in the same round trip.
#[tauri::command(async)]
pub fn apply_edit(
    state: State<'_, AppState>,
    team_id: Id,
    from: String,
    to: String,
    edit: Edit,
) -> CmdResult<EditResult> {
    let r = range(&from, &to)?;
    state.with(|s| {
        let (before, after) = s.apply_edit(team_id, edit)?;
        let view = s.rotation_view(team_id, r, chrono::Utc::now())?;
        Ok(EditResult { before, after, view })
    })
}

/// Undo / redo: replaces the turns `remove` (as they must still be stored) by `put`, and returns
/// the refreshed view. Refused, writing nothing, when the rotation has changed since.
#[tauri::command(async)]
pub fn restore_turns(
    state: State<'_, AppState>,
    team_id: Id,
    from: String,
    to: String,
    remove: Vec<Turn>,
    put: Vec<Turn>,
) -> CmdResult<RotationView> {
    let r = range(&from, &to)?;
    state.with(|s| {
        s.restore_turns(team_id, &remove, &put)?;
        s.rotation_view(team_id, r, chrono::Utc::now())
    })
}

/// Sets the handoff note of a turn.
#[tauri::command(async)]
pub fn set_turn_note(state: State<'_, AppState>, turn_id: Id, note: String) -> CmdResult<()> {
    state.with(|s| s.set_turn_note(turn_id, &note))
}
