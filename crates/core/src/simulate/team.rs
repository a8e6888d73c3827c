//! The simulated team from the stored one: who takes duty (today), the working days of one
//! sprint, the velocity per focus day of its closed sprints, and the model fitted to its log.
use chrono::{Datelike, Duration, NaiveDate};

use super::model::InterruptModel;
use super::run::SimTeam;
use crate::capacity::CapacitySettings;
use crate::forecast::{sprint_capacity, TeamData};
use crate::time::DateSpan;

/// Days of the log the model is fitted to, ending today.
pub const FIT_DAYS: i64 = 180;

/// The simulated team and its interrupt model, from the team's data on `today`.
pub fn sim_team(data: &TeamData, today: NaiveDate) -> (SimTeam, InterruptModel) {
    let people = data
        .members
        .iter()
        .filter(|m| m.spec.can_take_duty && m.is_active_on(today))
        .map(|m| f64::from(m.spec.capacity_percent) / 100.0)
        .collect();
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let sprint_weekdays = (0..i64::from(data.team.spec.sprint_length_days))
        .map(|d| monday + Duration::days(d))
        .filter(|d| data.team.spec.working_days.includes(*d))
        .map(|d| d.weekday().num_days_from_monday() as usize)
        .collect();
    let (mut points, mut focus) = (0.0, 0.0);
    for s in data.sprints.iter().filter(|s| s.is_closed() && s.spec.end < today) {
        if let Ok(c) = sprint_capacity(data, s.id, &[], CapacitySettings::default()) {
            points += s.completed_points.unwrap_or(0.0);
            focus += c.report.team_total.value;
        }
    }
    let window = DateSpan {
        first: today - Duration::days(FIT_DAYS - 1),
        last: today,
    };
    let model = InterruptModel::fit(
        &data.interrupts,
        window,
        data.team.spec.zone,
        data.team.spec.working_days,
    );
    let team = SimTeam {
        people,
        sprint_weekdays,
        velocity_per_focus_day: (focus > 0.0).then(|| points / focus),
    };
    (team, model)
}
