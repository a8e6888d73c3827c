//! Insights and the strategy simulator: what the interrupt log says about a range of days, and
//! which shield fits the team. Each one `sprintshield-service` operation (the same the CLI calls).
use sprintshield_core::insights::InterruptStats;
use sprintshield_core::simulate::{Simulation, SimulationSettings, Strategy};
use sprintshield_core::time::{parse_date, DateSpan};
use sprintshield_core::Id;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

/// What the team's interrupt log says about the local days `from`..=`to` ("YYYY-MM-DD").
#[tauri::command(async)]
pub fn interrupt_stats(state: State<'_, AppState>, team_id: Id, from: String, to: String) -> CmdResult<InterruptStats> {
    let range = DateSpan::new(parse_date("from", &from)?, parse_date("to", &to)?, "to")?;
    state.with(|s| s.interrupt_stats(team_id, range))
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
