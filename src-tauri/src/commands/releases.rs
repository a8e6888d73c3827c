//! Release trains, freeze windows and release plans (with pins and drag previews).
use chrono::NaiveDate;
use sprintshield_core::release::{
    FreezeSpan, FreezeWindow, ReleasePin, RoutineEvents, StoredFreeze, TrainInfo, TrainPlan,
};
use sprintshield_core::Id;
use sprintshield_service::Outcome;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Every release train, by name.
#[tauri::command(async)]
pub fn list_release_trains(state: State<'_, AppState>) -> CmdResult<Vec<TrainInfo>> {
    state.with(|s| s.release_trains())
}

/// Adds a release train (lag defaults to 2 weeks, name to "<dev>-<ops>").
#[tauri::command(async)]
pub fn add_release_train(
    state: State<'_, AppState>,
    name: Option<String>,
    dev_team_id: Id,
    ops_team_id: Id,
    lag_weeks: Option<i64>,
) -> CmdResult<TrainInfo> {
    state.with(|s| {
        s.add_release_train(name.as_deref(), dev_team_id, ops_team_id, lag_weeks, None)
            .map(|o| o.value)
    })
}

/// Changes a train's lag (kept when `None`) and routine events; validated like a new train;
/// returns it and what changed.
#[tauri::command(async)]
pub fn update_release_train(
    state: State<'_, AppState>,
    train_id: Id,
    lag_weeks: Option<i64>,
    routine: RoutineEvents,
) -> CmdResult<Outcome<TrainInfo>> {
    state.with(|s| s.update_release_train(train_id, lag_weeks, routine))
}

/// The train's releases for every sprint; `preview` tries a hand placement without storing it.
#[tauri::command(async)]
pub fn release_plan(state: State<'_, AppState>, train_id: Id, preview: Option<ReleasePin>) -> CmdResult<TrainPlan> {
    state.with(|s| s.plan_train(train_id, None, preview))
}

/// Places a sprint's production release on a day by hand; returns the placement and what changed.
#[tauri::command(async)]
pub fn pin_release(
    state: State<'_, AppState>,
    train_id: Id,
    sprint_id: Id,
    production_day: NaiveDate,
) -> CmdResult<Outcome<ReleasePin>> {
    state.with(|s| s.pin_release(train_id, sprint_id, production_day))
}

/// Lets the planner place a sprint's release again; returns what changed.
#[tauri::command(async)]
pub fn unpin_release(state: State<'_, AppState>, train_id: Id, sprint_id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.unpin_release(train_id, sprint_id))
}

/// Freeze windows of one team, or of all teams.
#[tauri::command(async)]
pub fn list_freezes(state: State<'_, AppState>, team_id: Option<Id>) -> CmdResult<Vec<StoredFreeze>> {
    state.with(|s| s.freezes(team_id))
}

/// Adds a freeze window, once or yearly; the name and days are validated; returns it and what
/// changed.
#[tauri::command(async)]
pub fn add_freeze(
    state: State<'_, AppState>,
    team_id: Id,
    name: String,
    span: FreezeSpan,
) -> CmdResult<Outcome<StoredFreeze>> {
    let window = FreezeWindow::from_span(&name, span)?;
    state.with(|s| s.add_freeze(team_id, window))
}

/// Replaces a freeze window's name and days (validated like a new one); returns it and what
/// changed.
#[tauri::command(async)]
pub fn edit_freeze(
    state: State<'_, AppState>,
    id: Id,
    name: String,
    span: FreezeSpan,
) -> CmdResult<Outcome<StoredFreeze>> {
    let window = FreezeWindow::from_span(&name, span)?;
    state.with(|s| s.edit_freeze(id, window))
}

/// Deletes a freeze window; returns what changed (undo puts it back).
#[tauri::command(async)]
pub fn delete_freeze(state: State<'_, AppState>, id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.delete_freeze(id))
}

/// Removes a release train (its hand placements go with it; sprints and freezes stay); returns
/// what changed.
#[tauri::command(async)]
pub fn remove_release_train(state: State<'_, AppState>, train_id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_release_train(train_id))
}
