//! Insights and the strategy simulator: what the interrupt log says about a range of days, and
//! which shield fits the team. Each one `sprintshield-service` operation (the same the CLI calls).
use sprintshield_core::insights::InterruptStats;
use sprintshield_core::simulate::{SimBacktest, Simulation, SimulationSettings, Strategy};
use sprintshield_core::time::parse_date;
use sprintshield_core::Id;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// What the team's interrupt log says about the local days `from`..=`to` ("YYYY-MM-DD"); a
/// missing end is filled by the service on the team's today (the last 90 days, or `last_days`).
/// The answer's `range` is what was looked at.
#[tauri::command(async)]
pub fn interrupt_stats(
    state: State<'_, AppState>,
    team_id: Id,
    from: Option<String>,
    to: Option<String>,
    last_days: Option<u32>,
) -> CmdResult<InterruptStats> {
    let from = from.map(|f| parse_date("from", &f)).transpose()?;
    let to = to.map(|t| parse_date("to", &t)).transpose()?;
    state.with(|s| s.interrupt_stats_at(team_id, from, to, last_days, chrono::Utc::now()))
}

/// Runs `strategies` (e.g. "daily", "no_shield+wait"; empty: all seven) over simulated sprints
/// drawn from the team's interrupt log; settings not given keep their defaults.
#[tauri::command(async)]
pub fn simulate(
    state: State<'_, AppState>,
    team_id: Id,
    strategies: Vec<String>,
    runs: Option<u32>,
    seed: Option<u64>,
    recovery_minutes: Option<u32>,
    block_minutes: Option<u32>,
) -> CmdResult<Simulation> {
    let strategies = if strategies.is_empty() {
        Strategy::all()
    } else {
        strategies
            .iter()
            .map(|s| Strategy::parse(s))
            .collect::<Result<Vec<_>, _>>()?
    };
    let d = SimulationSettings::default();
    let settings = SimulationSettings {
        runs: runs.unwrap_or(d.runs),
        seed: seed.unwrap_or(d.seed),
        recovery_minutes: recovery_minutes.unwrap_or(d.recovery_minutes),
        block_minutes: block_minutes.unwrap_or(d.block_minutes),
        ..d
    };
    state.with(|s| s.simulate(team_id, &strategies, settings, chrono::Utc::now()))
}

/// The simulator checked against the team's closed sprints (each predicted from what was known
/// before it, for the strategy the team ran), with the screen's recovery and block settings.
#[tauri::command(async)]
pub fn simulation_backtest(
    state: State<'_, AppState>,
    team_id: Id,
    runs: Option<u32>,
    recovery_minutes: Option<u32>,
    block_minutes: Option<u32>,
) -> CmdResult<SimBacktest> {
    let d = SimulationSettings::default();
    let settings = SimulationSettings {
        runs: runs.unwrap_or(d.runs),
        recovery_minutes: recovery_minutes.unwrap_or(d.recovery_minutes),
        block_minutes: block_minutes.unwrap_or(d.block_minutes),
        ..d
    };
    state.with(|s| s.simulation_backtest(team_id, settings, chrono::Utc::now()))
}
