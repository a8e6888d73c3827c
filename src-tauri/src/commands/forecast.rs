//! Capacity and forecast of a sprint with what-if toggles, sprints to finish a backlog, and the
//! backtest: each one `sprintshield-service` operation (the same the CLI calls).
use sprintshield_core::capacity::{CapacitySettings, WhatIf};
use sprintshield_core::forecast::{
    BacklogForecast, ForecastSettings, SprintForecast, TeamBacktest, DEFAULT_SEED, DEFAULT_TRIALS,
};
use sprintshield_core::Id;
use sprintshield_service::ForecastQuery;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

fn recovery(minutes: Option<i64>) -> CmdResult<CapacitySettings> {
    match minutes {
        None => Ok(CapacitySettings::default()),
        Some(m) => Ok(CapacitySettings::with_recovery_minutes(m)?),
    }
}

/// Capacity, history and forecast of `sprint_id` (default: the running or next sprint) with the
/// what-if toggles applied.
#[tauri::command(async)]
pub fn forecast_sprint(
    state: State<'_, AppState>,
    team_id: Id,
    sprint_id: Option<Id>,
    what_ifs: Vec<WhatIf>,
    trials: Option<u32>,
    seed: Option<u64>,
    recovery_minutes: Option<i64>,
) -> CmdResult<SprintForecast> {
    let q = ForecastQuery {
        sprint_id,
        what_ifs,
        settings: ForecastSettings::new(trials.unwrap_or(DEFAULT_TRIALS), seed.unwrap_or(DEFAULT_SEED))?,
        capacity: recovery(recovery_minutes)?,
    };
    state.with(|s| s.sprint_forecast(team_id, &q, chrono::Utc::now()))
}

/// Sprints needed for `backlog_points` when every sprint is like `sprint_id` (what-ifs applied).
#[tauri::command(async)]
pub fn forecast_backlog(
    state: State<'_, AppState>,
    team_id: Id,
    sprint_id: Option<Id>,
    what_ifs: Vec<WhatIf>,
    backlog_points: f64,
    recovery_minutes: Option<i64>,
) -> CmdResult<BacklogForecast> {
    let q = ForecastQuery {
        sprint_id,
        what_ifs,
        settings: ForecastSettings::default(),
        capacity: recovery(recovery_minutes)?,
    };
    state.with(|s| s.backlog_forecast(team_id, &q, backlog_points, chrono::Utc::now()))
}

/// The backtest of the team's closed sprints and the P85 hit rate.
#[tauri::command(async)]
pub fn forecast_backtest(
    state: State<'_, AppState>,
    team_id: Id,
    recovery_minutes: Option<i64>,
) -> CmdResult<TeamBacktest> {
    let capacity = recovery(recovery_minutes)?;
    state.with(|s| s.backtest(team_id, ForecastSettings::default(), capacity))
}
