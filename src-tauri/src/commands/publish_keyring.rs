//! The team calendar's password kept in the OS keyring (the Secret Service), from the Publish
//! dialog's set-up form. It calls one `sprintshield-service` operation with the OS keyring the
//! CLI uses; the password crosses IPC once, into the keyring, and is never stored in the database,
//! returned or logged.
//!
//! Talking to the keyring may wait on a desktop unlock prompt, so it runs on a connection of its
//! own to the database file: the other screens' commands are not held behind it.
use sprintshield_caldav::OsSecrets;
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::publish::CalendarTarget;
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, Sprintshield};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Sets the team's calendar: the collection URL and the user, with the password stored in the OS
/// keyring (Secret Service). Where no keyring runs, the error says so and points at the
/// environment-variable set-up (`set_calendar_target`).
#[tauri::command(async)]
pub fn set_calendar_target_in_keyring(
    state: State<'_, AppState>,
    team_id: Id,
    collection_url: String,
    user: String,
    password: String,
    per_member: bool,
    what: Vec<ExportWhat>,
) -> CmdResult<CalendarTarget> {
    let mut own = Sprintshield::open(&state.db_path, OpenMode::MustExist)?;
    own.set_calendar_target_in_keyring(
        team_id,
        &collection_url,
        &user,
        &password,
        per_member,
        what,
        &OsSecrets::default(),
    )
}
