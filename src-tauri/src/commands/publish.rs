//! Publishing the plan from the Rotation screen: where the team publishes (set up, status), what a
//! publish would send and whom it affects, and the publish itself. Each calls one
//! `sprintshield-service` operation; the CalDAV adapter is the one the CLI uses.
//!
//! The publish talks to a server for up to a time-out per request, so it runs on a connection of
//! its own to the database file: the other screens' commands are not held behind it.
use chrono::NaiveDate;
use sprintshield_caldav::{CalDavConnector, OsSecrets};
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::publish::CalendarTarget;
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, PublishOptions, PublishReport, PublishStatus, Sprintshield};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// Where the team publishes, what it published, and what publishing now would send.
#[tauri::command(async)]
pub fn publish_status(state: State<'_, AppState>, team_id: Id) -> CmdResult<PublishStatus> {
    state.with(|s| s.publish_status(team_id, chrono::Utc::now()))
}

/// Sets the team's calendar: the collection URL, the user, and the NAME of the environment
/// variable holding the password (never the password).
#[tauri::command(async)]
pub fn set_calendar_target(
    state: State<'_, AppState>,
    team_id: Id,
    collection_url: String,
    user: String,
    password_env: String,
    per_member: bool,
    what: Vec<ExportWhat>,
) -> CmdResult<CalendarTarget> {
    state.with(|s| s.set_calendar_target(team_id, &collection_url, &user, &password_env, per_member, what))
}

/// What publishing the team now would send and whom it affects; nothing is sent.
#[tauri::command(async)]
pub fn preview_publish(
    state: State<'_, AppState>,
    team_id: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> CmdResult<PublishReport> {
    state.with(|s| s.publish_preview(team_id, chrono::Utc::now(), &PublishOptions { from, to, force: false }))
}

/// Publishes the team's plan to its calendar (creating it when missing); `force` overwrites
/// events edited on the server.
#[tauri::command(async)]
pub fn publish_plan(
    state: State<'_, AppState>,
    team_id: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    force: bool,
) -> CmdResult<PublishReport> {
    let mut own = Sprintshield::open(&state.db_path, OpenMode::MustExist)?;
    own.publish(
        team_id,
        chrono::Utc::now(),
        &PublishOptions { from, to, force },
        &CalDavConnector::default(),
        &OsSecrets::default(),
    )
}
