//! Capacity and forecast operations: one load of the team's data, then core's capacity model
//! and forecast; the sprint defaults to the running (else next) one on the team's local day.
use chrono::{DateTime, Utc};
use sprintshield_core::capacity::{CapacitySettings, WhatIf};
use sprintshield_core::forecast::{
    backlog_forecast, sprint_capacity, sprint_forecast, sprint_or_default, team_backtest, BacklogForecast,
    ForecastSettings, SprintCapacity, SprintForecast, TeamBacktest, TeamData,
};
use sprintshield_core::Id;

use crate::{Result, Sprintshield};

/// Which sprint a forecast is about and how it is computed.
#[derive(Debug, Clone, Default)]
pub struct ForecastQuery {
    /// The sprint; `None` for the running sprint, else the next one.
    pub sprint_id: Option<Id>,
    /// What-if toggles.
    pub what_ifs: Vec<WhatIf>,
    /// Trials and seed of the simulation.
    pub settings: ForecastSettings,
    /// The capacity model's settings (recovery per interrupt).
    pub capacity: CapacitySettings,
}

impl Sprintshield {
    /// Everything the capacity model and the forecast read about the team, in one snapshot.
    pub fn team_data(&self, team_id: Id) -> Result<TeamData> {
        self.read(|s| s.team_data(team_id))
    }

    fn data_and_sprint(&self, team_id: Id, sprint_id: Option<Id>, now: DateTime<Utc>) -> Result<(TeamData, Id)> {
        let data = self.team_data(team_id)?;
        let id = sprint_or_default(&data, sprint_id, now)?;
        Ok((data, id))
    }

    /// Focus capacity of the sprint, per person and per day, with and without rotation.
    pub fn sprint_capacity(&self, team_id: Id, q: &ForecastQuery, now: DateTime<Utc>) -> Result<SprintCapacity> {
        let (data, id) = self.data_and_sprint(team_id, q.sprint_id, now)?;
        Ok(sprint_capacity(&data, id, &q.what_ifs, q.capacity)?)
    }

    /// Capacity, history and forecast of the sprint.
    pub fn sprint_forecast(&self, team_id: Id, q: &ForecastQuery, now: DateTime<Utc>) -> Result<SprintForecast> {
        let (data, id) = self.data_and_sprint(team_id, q.sprint_id, now)?;
        Ok(sprint_forecast(&data, id, &q.what_ifs, q.settings, q.capacity)?)
    }

    /// Sprints needed for `backlog_points` when every sprint is like the chosen one.
    pub fn backlog_forecast(
        &self,
        team_id: Id,
        q: &ForecastQuery,
        backlog_points: f64,
        now: DateTime<Utc>,
    ) -> Result<BacklogForecast> {
        let (data, id) = self.data_and_sprint(team_id, q.sprint_id, now)?;
        Ok(backlog_forecast(
            &data,
            id,
            &q.what_ifs,
            backlog_points,
            q.settings,
            q.capacity,
        )?)
    }

    /// What the forecast would have said for each closed sprint, and its P85 hit rate.
    pub fn backtest(
        &self,
        team_id: Id,
        settings: ForecastSettings,
        capacity: CapacitySettings,
    ) -> Result<TeamBacktest> {
        let data = self.team_data(team_id)?;
        Ok(team_backtest(&data, settings, capacity)?)
    }
}
