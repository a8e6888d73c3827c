//! The stand-up message for the Today card's "Copy for stand-up": one `sprintshield-service`
//! operation, the message written as Markdown.
use sprintshield_core::Id;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// The team's stand-up message now, as Markdown: who is on duty per policy (overrides and swaps
/// included), who is next, the last handoff note and the checklist — the text the chat post
/// is made from.
#[tauri::command(async)]
pub fn standup_text(state: State<'_, AppState>, team_id: Id) -> CmdResult<String> {
    state.with(|s| s.standup(team_id, chrono::Utc::now()).map(|m| m.markdown()))
}
