//! The strategy simulator on the team's own data: one snapshot, then core's simulation.
use chrono::{DateTime, Utc};
use sprintshield_core::simulate::{
    backtest, sim_team, simulate, SimBacktest, Simulation, SimulationSettings, Strategy,
};
use sprintshield_core::Id;

use crate::{Result, Sprintshield};

impl Sprintshield {
    /// Compares `strategies` (all seven when empty) for the team, fitted to its log of the last
    /// half year, on the team's local day at `now`.
    pub fn simulate(
        &self,
        team_id: Id,
        strategies: &[Strategy],
        settings: SimulationSettings,
        now: DateTime<Utc>,
    ) -> Result<Simulation> {
        let data = self.team_data(team_id)?;
        let today = now.with_timezone(&data.team.spec.zone).date_naive();
        let (team, model) = sim_team(&data, today);
        Ok(simulate(&model, &team, settings, strategies)?)
    }

    /// The simulator checked against the team's closed sprints: each predicted from what was
    /// known the day before it started, for the strategy the team ran, against its own log
    /// replayed and the points it completed (core's `simulate::backtest`).
    pub fn simulation_backtest(
        &self,
        team_id: Id,
        settings: SimulationSettings,
        now: DateTime<Utc>,
    ) -> Result<SimBacktest> {
        let data = self.team_data(team_id)?;
        let today = now.with_timezone(&data.team.spec.zone).date_naive();
        Ok(backtest(&data, today, settings)?)
    }
}
