//! Loading everything the capacity and forecast screens read about one team, in one call.
use sprintshield_core::forecast::TeamData;
use sprintshield_core::Id;

use crate::{Result, Store};
use sprintshield_core::interrupt::InterruptFilter;

impl Store {
    /// The team with its members, time off, holidays, whole interrupt log, sprints, duty policies
    /// and turns; a "not found" error when the team does not exist.
    pub fn team_data(&self, team_id: Id) -> Result<TeamData> {
        Ok(TeamData {
            team: self.team(team_id)?,
            members: self.members(team_id)?,
            time_off: self.time_off(team_id)?,
            holidays: self.holidays(team_id)?,
            interrupts: self.interrupts(team_id, &InterruptFilter::default())?,
            sprints: self.sprints(team_id)?,
            policies: self.policies(team_id)?,
            turns: self.all_turns(team_id)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use sprintshield_core::capacity::CapacitySettings;
    use sprintshield_core::forecast::{default_sprint, sprint_forecast, ForecastSettings};

    #[test]
    fn the_demo_team_loads_and_forecasts_its_running_sprint() {
        let mut s = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        s.write_demo_records(today, Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap())
            .unwrap();
        let team = s.team_by_name("Phoenix").unwrap();
        let data = s.team_data(team.id).unwrap();
        assert_eq!(data.members.len(), 5);
        assert!(!data.interrupts.is_empty());
        let sprint = default_sprint(&data.sprints, today).unwrap();
        assert!(!sprint.is_closed());
        let fc = sprint_forecast(
            &data,
            sprint.id,
            &[],
            ForecastSettings::default(),
            CapacitySettings::default(),
        )
        .unwrap();
        let f = fc.forecast.unwrap();
        assert_eq!(fc.history.len(), 6);
        assert!(f.monte_carlo.p95 <= f.monte_carlo.p85 && f.monte_carlo.p85 <= f.monte_carlo.p50);
        assert!(s.team_data(9999).is_err());
    }
}
