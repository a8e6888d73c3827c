//! Sprints.
use sprintshield_core::sprint::{NewSprint, Sprint};
use sprintshield_core::Id;
use sprintshield_service::sprint_status::SprintActions;
use sprintshield_service::Outcome;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// A team's sprints, oldest first.
#[tauri::command(async)]
pub fn list_sprints(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<Sprint>> {
    state.with(|s| s.sprints(team_id))
}

/// Creates a sprint.
#[tauri::command(async)]
pub fn create_sprint(state: State<'_, AppState>, team_id: Id, new: NewSprint) -> CmdResult<Sprint> {
    state.with(|s| s.create_sprint(team_id, new).map(|o| o.value))
}

/// Closes a sprint with its completed points (on its last day or after it); `correct` replaces
/// the points of a sprint closed before.
#[tauri::command(async)]
pub fn close_sprint(state: State<'_, AppState>, sprint_id: Id, completed: f64, correct: bool) -> CmdResult<Sprint> {
    state.with(|s| {
        s.close_sprint(sprint_id, completed, correct, chrono::Utc::now())
            .map(|o| o.value)
    })
}

/// The sprint the planner shows first: the one running on the team's local day, else the next
/// one, else the latest open one (core's rule); nothing when the team has no such sprint.
#[tauri::command(async)]
pub fn default_sprint(state: State<'_, AppState>, team_id: Id) -> CmdResult<Option<Sprint>> {
    state.with(|s| s.default_sprint(team_id, chrono::Utc::now()))
}

/// For each of the team's sprints: whether it can be closed today (on the team's local day),
/// reopened or removed, with core's reason when not.
#[tauri::command(async)]
pub fn sprint_actions(state: State<'_, AppState>, team_id: Id) -> CmdResult<Vec<SprintActions>> {
    state.with(|s| s.sprint_actions(team_id, chrono::Utc::now()))
}

/// Reopens a closed sprint (its completed points are cleared); returns it and what changed.
#[tauri::command(async)]
pub fn reopen_sprint(state: State<'_, AppState>, sprint_id: Id) -> CmdResult<Outcome<Sprint>> {
    state.with(|s| s.reopen_sprint(sprint_id))
}

/// Replaces a sprint's name, days, goal and commitment; returns it and what changed.
#[tauri::command(async)]
pub fn edit_sprint(state: State<'_, AppState>, sprint_id: Id, new: NewSprint) -> CmdResult<Outcome<Sprint>> {
    state.with(|s| s.edit_sprint(sprint_id, new))
}

/// Removes a sprint that is not closed history (a closed one must be reopened first); returns what
/// changed, so undo can bring it back.
#[tauri::command(async)]
pub fn remove_sprint(state: State<'_, AppState>, sprint_id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_sprint(sprint_id))
}
