//! The interrupt log.
use sprintshield_core::interrupt::{Interrupt, InterruptFilter, NewInterrupt};
use sprintshield_core::Id;
use sprintshield_service::Outcome;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Logs an interrupt (arrival time checked against the current time).
#[tauri::command(async)]
pub fn log_interrupt(state: State<'_, AppState>, team_id: Id, new: NewInterrupt) -> CmdResult<Interrupt> {
    state.with(|s| s.log_interrupt(team_id, new, chrono::Utc::now()).map(|o| o.value))
}

/// The team's interrupts matching the filter, newest first.
#[tauri::command(async)]
pub fn list_interrupts(state: State<'_, AppState>, team_id: Id, filter: InterruptFilter) -> CmdResult<Vec<Interrupt>> {
    state.with(|s| s.interrupts(team_id, &filter))
}

/// Replaces every field of an interrupt (arrival time checked against the current time).
#[tauri::command(async)]
pub fn edit_interrupt(state: State<'_, AppState>, interrupt_id: Id, new: NewInterrupt) -> CmdResult<Interrupt> {
    state.with(|s| s.edit_interrupt(interrupt_id, new, chrono::Utc::now()).map(|o| o.value))
}

/// Removes an interrupt (logged twice, or by mistake); the changes name it, so undo can bring it back.
#[tauri::command(async)]
pub fn remove_interrupt(state: State<'_, AppState>, interrupt_id: Id) -> CmdResult<Outcome<()>> {
    state.with(|s| s.remove_interrupt(interrupt_id))
}
