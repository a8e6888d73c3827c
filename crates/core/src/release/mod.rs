//! Release trains: a dev team's sprints deployed by an ops team a lag later, with the routine
//! events around each release (seed 001: release-candidate pre-production push on a Thursday
//! evening, production release on Saturday morning with the ops duty person on high alert; seed
//! 002: a regression / load-testing window for the ops team before the push, a lag of one to two
//! weeks and never the day after the sprint ends).
//!
//! [`plan_releases`] is pure: sprints, ops holidays, freeze windows, ops duty cover and time off
//! come in as values; every local time is resolved with [`crate::time::resolve_local`] in the ops
//! team's zone.
use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Invalid};

mod cover;
mod freeze;
mod plan;
mod routine_edit;
mod train_plan;
mod warnings;

pub use cover::duty_cover_from_turns;
pub use freeze::{parse_yearly, FreezeSpan, FreezeWindow, MonthDay};
pub use plan::{plan_releases, DutyCover, Release, ReleaseInputs, ReleasePin, Window};
pub use routine_edit::{
    days_before_in_previous_week, parse_clock, parse_day_time, parse_time_span, weekday_before, RoutineEdit,
};
pub use train_plan::{train_plan, FrozenDays, StoredFreeze, TrainInfo, TrainPlan};
pub use warnings::{ReleaseWarning, WarningKind};

/// The default lag between a sprint's end and its production release, in weeks.
pub const DEFAULT_LAG_WEEKS: u8 = 2;
/// The largest lag accepted, in weeks.
pub const MAX_LAG_WEEKS: u8 = 12;

/// When the routine events of each release happen. Defaults follow seeds 001 and 002.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoutineEvents {
    /// Weekday of the production release (Saturday).
    #[ts(type = "\"Mon\" | \"Tue\" | \"Wed\" | \"Thu\" | \"Fri\" | \"Sat\" | \"Sun\"")]
    pub release_weekday: Weekday,
    /// Local time of the production release (09:00).
    pub release_time: NaiveTime,
    /// Days from the release-candidate push to the production day (9: Thursday of the week before
    /// a Saturday release).
    pub rc_push_days_before: u8,
    /// Local time of the release-candidate pre-production push (18:00).
    pub rc_push_time: NaiveTime,
    /// Start of the ops duty person's high alert on the production day (08:00).
    pub high_alert_start: NaiveTime,
    /// End of the high alert on the production day (14:00).
    pub high_alert_end: NaiveTime,
    /// Days of regression / load testing before the push day (3: Monday to the Thursday push).
    pub regression_days_before_push: u8,
    /// Local start time of the regression window (09:00); it ends at the push.
    pub regression_start_time: NaiveTime,
    /// The shortest acceptable time from the sprint's last day to the production day, in days (7).
    pub min_lag_days: u8,
}

impl Default for RoutineEvents {
    fn default() -> Self {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid hour");
        Self {
            release_weekday: Weekday::Sat,
            release_time: t(9),
            rc_push_days_before: 9,
            rc_push_time: t(18),
            high_alert_start: t(8),
            high_alert_end: t(14),
            regression_days_before_push: 3,
            regression_start_time: t(9),
            min_lag_days: 7,
        }
    }
}

impl RoutineEvents {
    /// Checks that the high alert ends after it starts and the day counts are plausible
    /// (push 1–28 days before, regression 0–14 days, minimum lag 1–84 days).
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.high_alert_end <= self.high_alert_start {
            return Err(Invalid::new(
                "high_alert_end",
                "the high alert must end after it starts",
            ));
        }
        if !(1..=28).contains(&self.rc_push_days_before) {
            return Err(Invalid::new(
                "rc_push_days_before",
                "the release-candidate push must be 1 to 28 days before the production release",
            ));
        }
        if self.regression_days_before_push > 14 {
            return Err(Invalid::new(
                "regression_days_before_push",
                "the regression window can start at most 14 days before the push",
            ));
        }
        if !(1..=84).contains(&self.min_lag_days) {
            return Err(Invalid::new(
                "min_lag_days",
                "the minimum lag must be 1 to 84 days; releasing the day after the sprint ends is never safe",
            ));
        }
        Ok(())
    }
}

/// A validated release train: which dev team's sprints the ops team deploys, how many weeks
/// later, and its routine events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReleaseTrainSpec {
    /// The dev team whose sprints are released.
    pub dev_team_id: Id,
    /// The ops team that deploys them.
    pub ops_team_id: Id,
    /// Weeks from a sprint's end to its production release (1–12, default 2).
    pub lag_weeks: u8,
    /// The routine events around each release.
    pub routine: RoutineEvents,
}

impl ReleaseTrainSpec {
    /// A train from `dev_team_id` to `ops_team_id`; `lag_weeks` defaults to 2 and `routine` to
    /// the seed defaults. Rejects the same team on both ends, a lag outside 1–12 weeks, and
    /// invalid routine events.
    pub fn new(
        dev_team_id: Id,
        ops_team_id: Id,
        lag_weeks: Option<i64>,
        routine: Option<RoutineEvents>,
    ) -> Result<Self, Invalid> {
        if dev_team_id == ops_team_id {
            return Err(Invalid::new("ops_team", "a release train links two different teams"));
        }
        let lag = lag_weeks.unwrap_or(i64::from(DEFAULT_LAG_WEEKS));
        if !(1..=i64::from(MAX_LAG_WEEKS)).contains(&lag) {
            return Err(Invalid::new(
                "lag_weeks",
                format!("the lag must be 1 to {MAX_LAG_WEEKS} weeks, not {lag}; ops needs at least a week"),
            ));
        }
        let routine = routine.unwrap_or_default();
        routine.validate()?;
        Ok(Self {
            dev_team_id,
            ops_team_id,
            lag_weeks: lag as u8,
            routine,
        })
    }
}

/// A stored release train.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReleaseTrain {
    /// Row id.
    pub id: Id,
    /// The validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: ReleaseTrainSpec,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn train_defaults_and_limits() {
        let t = ReleaseTrainSpec::new(1, 2, None, None).unwrap();
        assert_eq!(t.lag_weeks, 2);
        assert_eq!(t.routine.release_weekday, Weekday::Sat);
        assert_eq!(ReleaseTrainSpec::new(1, 1, None, None).unwrap_err().field, "ops_team");
        assert_eq!(
            ReleaseTrainSpec::new(1, 2, Some(0), None).unwrap_err().field,
            "lag_weeks"
        );
        let bad = RoutineEvents {
            high_alert_end: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            ..RoutineEvents::default()
        };
        assert_eq!(
            ReleaseTrainSpec::new(1, 2, None, Some(bad)).unwrap_err().field,
            "high_alert_end"
        );
    }
}
