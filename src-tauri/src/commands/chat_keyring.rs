//! The team chat's webhook URL kept in the OS keyring (the Secret Service), from the Publish
//! dialog's chat set-up. It calls one `sprintshield-service` operation with the OS keyring the
//! CLI uses; the URL crosses IPC once, into the keyring, and is never stored in the database,
//! returned or logged.
//!
//! Talking to the keyring may wait on a desktop unlock prompt, so it runs on a connection of its
//! own to the database file: the other screens' commands are not held behind it.
use sprintshield_caldav::OsSecrets;
use sprintshield_core::publish::{ChatFormat, ChatTarget};
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, Sprintshield};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Sets the team's chat with the webhook URL itself, stored in the OS keyring (Secret Service),
/// and the JSON the webhook takes. A URL that is not `https://` is refused on the field without
/// being repeated; where no keyring runs, the error says so and points at the
/// environment-variable set-up (`set_chat_target`).
#[tauri::command(async)]
pub fn set_chat_target_in_keyring(
    state: State<'_, AppState>,
    team_id: Id,
    webhook_url: String,
    format: ChatFormat,
) -> CmdResult<ChatTarget> {
    let mut own = Sprintshield::open(&state.db_path, OpenMode::MustExist)?;
    own.set_chat_target_in_keyring(team_id, &webhook_url, format, &OsSecrets::default())
        .map(|o| o.value)
}
