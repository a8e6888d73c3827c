//! App-level commands: where the data lives, demo data.
use serde::Serialize;
use sprintshield_core::demo::DemoSummary;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Facts about the running app.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    /// App version.
    pub version: String,
    /// The database file.
    pub db_path: String,
    /// Applied schema migrations.
    pub schema_version: u32,
}

/// Version, database path and schema version.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let schema_version = state.with(|s| s.schema_version())? as u32;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        db_path: state.db_path.display().to_string(),
        schema_version,
    })
}

/// Loads the demo teams Phoenix and Atlas around today.
#[tauri::command(async)]
pub fn load_demo(state: State<'_, AppState>) -> CmdResult<DemoSummary> {
    let now = chrono::Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
    state.with(|s| s.load_demo(today, now))
}

/// Undoes an operation from the changes it reported; returns the changes that redo it. Refused,
/// writing nothing, when what it touched has changed since.
#[tauri::command(async)]
pub fn undo_changes(
    state: State<'_, AppState>,
    changes: sprintshield_service::Changes,
) -> CmdResult<sprintshield_service::Changes> {
    state.with(|s| s.undo(&changes).map(|o| o.changes))
}
