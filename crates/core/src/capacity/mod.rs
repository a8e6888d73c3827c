//! Capacity: the focus person-days a team has in a sprint after time off, holidays, duty covers
//! and interrupt cost — per member per day, with the reason behind every number.
//!
//! Per member per local day (team zone): the base is `capacity_percent / 100`, or 0 on a day
//! that is not a working day, a team holiday, time off, or outside the member's active dates.
//! A duty cover touching the day multiplies it by `1 − coverage × (1 − focus_share)`, where
//! coverage is the fraction of the working window (09:00–17:00 by default) the cover spans; if
//! several covers touch the day, the one leaving the least focus counts. Finally the part of the
//! day the member is reachable (not on duty) pays the interrupt cost measured from the log
//! (see [`InterruptRate`]). Capacity works with zero covers: then nobody is on duty.
//!
//! [`capacity_report`] returns the grid, the totals and two scenarios ("Shielded (your rotation)"
//! and "No shield: interrupts hit everyone") so the cost of each approach is visible;
//! [`breakdown`] says where the person-days went; [`assumed_covers`] fills past sprints that
//! have no stored turns with the current policies (see that module for why).
mod assumed;
mod availability;
mod breakdown;
mod cover;
mod from_turns;
mod interrupts;
mod report;
mod scenario;
mod sourced;
mod what_if;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use assumed::touches;
pub use assumed::{assumed_covers, PastDuty, ASSUMED_SUFFIX};
pub use availability::CellFlag;
pub use breakdown::{breakdown, days_text, CapacityBreakdown, Cause, CauseKind};
pub use cover::DutyCover;
pub use from_turns::{covers_from_turns, SHADOW_FOCUS_SHARE};
pub use interrupts::InterruptRate;
pub use report::{CapacityCell, CapacityDay, CapacityReport, PersonCapacity};
pub use scenario::{PersonTotal, Scenario, ScenarioKind};
pub(crate) use sourced::round2;
pub use sourced::Sourced;
pub use what_if::{apply_what_ifs, Adjusted, WhatIf, WHAT_IF_DUTY};

use crate::interrupt::Interrupt;
use crate::member::Member;
use crate::team::Team;
use crate::time::DateSpan;
use crate::time_off::{Holiday, TimeOff};
use crate::Invalid;

/// Default context-switch recovery per interrupt, in minutes.
pub const DEFAULT_RECOVERY_MINUTES: u32 = 23;

/// Tunable assumptions of the capacity model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacitySettings {
    /// Minutes a person needs to get back into focus after an interrupt (default 23).
    pub recovery_minutes: u32,
    /// Start of the working window in the team's zone (default 09:00).
    pub workday_start: NaiveTime,
    /// End of the working window in the team's zone (default 17:00); its length is a person-day.
    pub workday_end: NaiveTime,
}

impl Default for CapacitySettings {
    fn default() -> Self {
        Self {
            recovery_minutes: DEFAULT_RECOVERY_MINUTES,
            workday_start: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time"),
            workday_end: NaiveTime::from_hms_opt(17, 0, 0).expect("17:00 is a time"),
        }
    }
}

impl CapacitySettings {
    /// Length of a person-day in minutes (the working window).
    pub fn day_minutes(&self) -> f64 {
        (self.workday_end - self.workday_start).num_minutes() as f64
    }

    /// Rejects a window that ends before it starts and a recovery longer than a working day.
    /// The default settings with `minutes` of context-switch recovery per interrupt (0–480),
    /// validated — the form the CLI and the app take it in.
    pub fn with_recovery_minutes(minutes: i64) -> Result<Self, Invalid> {
        if !(0..=480).contains(&minutes) {
            return Err(Invalid::new(
                "recovery_minutes",
                format!("recovery after an interrupt must be between 0 and 480 minutes, not {minutes}"),
            ));
        }
        let settings = Self {
            recovery_minutes: minutes as u32,
            ..Self::default()
        };
        settings.validate()?;
        Ok(settings)
    }

    /// Checks the working window and that the recovery fits in a working day.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.workday_end <= self.workday_start {
            return Err(Invalid::new(
                "workday_end",
                format!(
                    "the working day must end after it starts ({} to {})",
                    self.workday_start, self.workday_end
                ),
            ));
        }
        if f64::from(self.recovery_minutes) > self.day_minutes() {
            return Err(Invalid::new(
                "recovery_minutes",
                format!(
                    "a recovery of {} minutes per interrupt is longer than a working day",
                    self.recovery_minutes
                ),
            ));
        }
        Ok(())
    }
}

/// Everything the capacity model reads: the team's calendar, duty covers and interrupt log.
#[derive(Debug, Clone, Copy)]
pub struct CapacityInput<'a> {
    /// The team (zone and working days).
    pub team: &'a Team,
    /// The team's members.
    pub members: &'a [Member],
    /// Time off of the members.
    pub time_off: &'a [TimeOff],
    /// Team holidays.
    pub holidays: &'a [Holiday],
    /// Duty covers (may be empty); used for the sprint and for the interrupt window.
    pub covers: &'a [DutyCover],
    /// The interrupt log; only interrupts arriving inside `interrupt_window` count.
    pub interrupts: &'a [Interrupt],
    /// The days over which the interrupt rate is measured (e.g. the last closed sprints).
    pub interrupt_window: DateSpan,
    /// Model assumptions.
    pub settings: CapacitySettings,
}

/// Longest sprint the model accepts, in days.
const MAX_SPRINT_DAYS: i64 = 90;
/// Longest interrupt window the model accepts, in days.
const MAX_WINDOW_DAYS: i64 = 731;

/// Computes the focus capacity of `sprint`: the per-person × per-day grid, totals, the interrupt
/// rates used and the two scenarios. Same input, same output.
pub fn capacity_report(input: &CapacityInput<'_>, sprint: DateSpan) -> Result<CapacityReport, Invalid> {
    validate(input, sprint)?;
    let w = input.interrupt_window;
    let days = DateSpan {
        first: w.first.min(sprint.first),
        last: w.last.max(sprint.last),
    };
    let cal = availability::Calendar::new(input, days);
    let rate = interrupts::measure(input, &cal);
    let people: Vec<PersonCapacity> = input
        .members
        .iter()
        .map(|m| report::person(&cal, m, sprint, rate.leaked.value))
        .collect();
    Ok(CapacityReport {
        sprint,
        days: report::days(&cal, sprint),
        team_total: report::team_total(&people, input, sprint, &rate),
        scenarios: scenario::scenarios(&cal, input.members, sprint, &rate),
        most_people_out: report::most_people_out(&cal, input.members, sprint),
        people,
        interrupts: rate,
    })
}

fn validate(input: &CapacityInput<'_>, sprint: DateSpan) -> Result<(), Invalid> {
    input.settings.validate()?;
    if sprint.days() > MAX_SPRINT_DAYS {
        return Err(Invalid::new(
            "sprint",
            format!(
                "a sprint of {} days is too long to plan; at most {MAX_SPRINT_DAYS}",
                sprint.days()
            ),
        ));
    }
    if input.interrupt_window.days() > MAX_WINDOW_DAYS {
        return Err(Invalid::new(
            "interrupt_window",
            format!(
                "measure interrupts over at most two years ({MAX_WINDOW_DAYS} days), not {}",
                input.interrupt_window.days()
            ),
        ));
    }
    input.covers.iter().try_for_each(DutyCover::validate)
}
