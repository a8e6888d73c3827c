//! Calendar export (preview, then save to the path chosen in the save dialog) and import.
use std::path::PathBuf;

use sprintshield_core::calendar::import::text_from_bytes;
use sprintshield_core::calendar::requests::{ExportPreview, ExportRequest, ImportPreview, ImportRequest};
use sprintshield_core::{AppError, ErrorKind};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// What an export would contain, without recording anything.
#[tauri::command(async)]
pub fn export_preview(state: State<'_, AppState>, request: ExportRequest) -> CmdResult<ExportPreview> {
    state.with(|s| s.export_preview(&request, chrono::Utc::now()))
}

/// Writes the export to `path` (chosen in the save dialog), then records it so the next export
/// updates these events instead of duplicating them. A failed write records nothing.
#[tauri::command(async)]
pub fn save_export(state: State<'_, AppState>, request: ExportRequest, path: PathBuf) -> CmdResult<ExportPreview> {
    state.with(|s| s.save_export(&request, &path, chrono::Utc::now()))
}

/// The bytes of the .ics file the user picked (`name` is its file name, for messages): proposes
/// time off or holidays; with `apply`, writes them in one transaction. The bytes, not text, cross
/// IPC so that a fold splitting a UTF-8 character can be rejoined before decoding.
#[tauri::command(async)]
pub fn import_calendar_file(
    state: State<'_, AppState>,
    request: ImportRequest,
    name: String,
    bytes: Vec<u8>,
    apply: bool,
) -> CmdResult<ImportPreview> {
    let text = text_from_bytes(&bytes, &name)?;
    let request = ImportRequest { text, ..request };
    state.with(|s| {
        if apply {
            s.import_calendar(&request).map(|o| o.value)
        } else {
            s.import_preview(&request)
        }
    })
}

/// Like [`import_calendar_file`], reading the .ics file at `path`.
#[tauri::command(async)]
pub fn import_calendar(
    state: State<'_, AppState>,
    path: PathBuf,
    request: ImportRequest,
    apply: bool,
) -> CmdResult<ImportPreview> {
    let bytes = std::fs::read(&path)
        .map_err(|e| AppError::new(ErrorKind::Storage, format!("cannot read {}: {e}", path.display())))?;
    let text = text_from_bytes(&bytes, &path.display().to_string())?;
    let request = ImportRequest { text, ..request };
    state.with(|s| {
        if apply {
            s.import_calendar(&request).map(|o| o.value)
        } else {
            s.import_preview(&request)
        }
    })
}
