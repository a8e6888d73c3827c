//! The team's chat from the app: the stand-up message for the Today card's "Copy for stand-up",
//! where the message goes (set up, status), and posting it. Each calls one `sprintshield-service`
//! operation; the webhook poster is the one the CLI hands the service (`sprintshield_chat::post`).
//!
//! A post waits for the chat server for up to a time-out, so it runs on a connection of its own
//! to the database file: the other screens' commands are not held behind it.
use sprintshield_caldav::OsSecrets;
use sprintshield_core::publish::{ChatFormat, ChatTarget};
use sprintshield_core::Id;
use sprintshield_service::{ChatStatus, OpenMode, Sprintshield};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// The team's stand-up message now, as Markdown: who is on duty per policy (overrides and swaps
/// included), who is next, the last handoff note, the checklist, and what changed since the last
/// publish and whom it affects — the text the chat post is made from.
#[tauri::command(async)]
pub fn standup_text(state: State<'_, AppState>, team_id: Id) -> CmdResult<String> {
    state.with(|s| s.standup(team_id, chrono::Utc::now()).map(|m| m.markdown()))
}

/// Where the team's stand-up message goes, whether its webhook URL can be found (the OS keyring
/// entry, or the variable in the app's environment; the URL is never returned), and the changes
/// waiting to be posted. Asking the keyring may wait on a desktop unlock prompt, so it runs on a
/// connection of its own.
#[tauri::command(async)]
pub fn chat_status(state: State<'_, AppState>, team_id: Id) -> CmdResult<ChatStatus> {
    let own = Sprintshield::open(&state.db_path, OpenMode::MustExist)?;
    own.chat_status(team_id, &OsSecrets::default())
}

/// Sets the team's chat: the NAME of the environment variable holding the webhook URL (never the
/// URL) and the JSON the webhook takes.
#[tauri::command(async)]
pub fn set_chat_target(
    state: State<'_, AppState>,
    team_id: Id,
    webhook_env: String,
    format: ChatFormat,
) -> CmdResult<ChatTarget> {
    state.with(|s| s.set_chat_target(team_id, &webhook_env, format).map(|o| o.value))
}

/// Posts today's stand-up message to the team's chat, with the changes waiting for it; says
/// where it went ("Posted the stand-up message to hooks.slack.com, with 2 changes").
#[tauri::command(async)]
pub fn post_standup(state: State<'_, AppState>, team_id: Id) -> CmdResult<String> {
    let mut own = Sprintshield::open(&state.db_path, OpenMode::MustExist)?;
    own.post_standup(
        team_id,
        chrono::Utc::now(),
        &sprintshield_chat::post,
        &OsSecrets::default(),
    )
    .map(|posted| posted.headline)
}
