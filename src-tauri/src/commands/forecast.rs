//! Capacity and forecast of a sprint with what-if toggles, sprints to finish a backlog, and the
//! backtest. The store loads the team's data once; `sprintshield_core::forecast` does the rest
//! (the same functions the CLI calls).
use sprintshield_core::capacity::{CapacitySettings, WhatIf};
use sprintshield_core::forecast::{
    backlog_forecast, sprint_forecast, sprint_or_default, team_backtest, BacklogForecast, ForecastSettings,
    SprintForecast, TeamBacktest, TeamData, DEFAULT_SEED, DEFAULT_TRIALS,
};
use sprintshield_core::{AppError, Id};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// The team's data and `sprint_id`, or the running/next sprint (today in the team's zone).
fn load(state: &AppState, team_id: Id, sprint_id: Option<Id>) -> CmdResult<(TeamData, Id)> {
    let data = state.with(|s| s.team_data(team_id))?;
    let id = sprint_or_default(&data, sprint_id, chrono::Utc::now())?;
    Ok((data, id))
}

fn settings(trials: Option<u32>, seed: Option<u64>) -> CmdResult<ForecastSettings> {
    Ok(ForecastSettings::new(
        trials.unwrap_or(DEFAULT_TRIALS),
        seed.unwrap_or(DEFAULT_SEED),
    )?)
}

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
    let settings = settings(trials, seed)?;
    let capacity = recovery(recovery_minutes)?;
    let (data, id) = load(&state, team_id, sprint_id)?;
    sprint_forecast(&data, id, &what_ifs, settings, capacity).map_err(AppError::from)
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
    let capacity = recovery(recovery_minutes)?;
    let (data, id) = load(&state, team_id, sprint_id)?;
    backlog_forecast(
        &data,
        id,
        &what_ifs,
        backlog_points,
        ForecastSettings::default(),
        capacity,
    )
    .map_err(AppError::from)
}

/// The backtest of the team's closed sprints and the P85 hit rate.
#[tauri::command(async)]
pub fn forecast_backtest(
    state: State<'_, AppState>,
    team_id: Id,
    recovery_minutes: Option<i64>,
) -> CmdResult<TeamBacktest> {
    let capacity = recovery(recovery_minutes)?;
    let data = state.with(|s| s.team_data(team_id))?;
    team_backtest(&data, ForecastSettings::default(), capacity).map_err(AppError::from)
}
