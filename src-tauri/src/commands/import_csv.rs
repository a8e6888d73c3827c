//! Importing the interrupt log and sprint history from CSV exports: the page sends the file's
//! bytes (read from a file input), the service reads them against what is stored; a preview
//! writes nothing, an import writes the rows to add in one transaction and returns what changed
//! (so Undo removes them again).
use sprintshield_core::import_csv::read::decode;
use sprintshield_core::import_csv::{InterruptCsvPreview, InterruptCsvRequest, SprintCsvPreview, SprintCsvRequest};
use sprintshield_service::Outcome;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// What importing the interrupt CSV `bytes` would add, skip as duplicates and skip as unreadable.
#[tauri::command(async)]
pub fn preview_interrupt_csv(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    request: InterruptCsvRequest,
) -> CmdResult<InterruptCsvPreview> {
    let request = InterruptCsvRequest {
        text: decode(&bytes)?,
        ..request
    };
    state.with(|s| s.interrupt_csv_preview(&request, chrono::Utc::now()))
}

/// Imports the interrupt CSV `bytes`: every row to add, in one transaction; remembers the mapping.
#[tauri::command(async)]
pub fn import_interrupt_csv(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    request: InterruptCsvRequest,
) -> CmdResult<Outcome<InterruptCsvPreview>> {
    let request = InterruptCsvRequest {
        text: decode(&bytes)?,
        ..request
    };
    state.with(|s| s.import_interrupt_csv(&request, chrono::Utc::now()))
}

/// What importing the sprint-history CSV `bytes` would add.
#[tauri::command(async)]
pub fn preview_sprint_csv(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    request: SprintCsvRequest,
) -> CmdResult<SprintCsvPreview> {
    let request = SprintCsvRequest {
        text: decode(&bytes)?,
        ..request
    };
    state.with(|s| s.sprint_csv_preview(&request, chrono::Utc::now()))
}

/// Imports the sprint-history CSV `bytes` in one transaction.
#[tauri::command(async)]
pub fn import_sprint_csv(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    request: SprintCsvRequest,
) -> CmdResult<Outcome<SprintCsvPreview>> {
    let request = SprintCsvRequest {
        text: decode(&bytes)?,
        ..request
    };
    state.with(|s| s.import_sprint_csv(&request, chrono::Utc::now()))
}
