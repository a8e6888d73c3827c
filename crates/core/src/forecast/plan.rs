//! The planned sprint as the forecast needs it: focus person-days per day before interrupts,
//! the person-days exposed to interrupts, and the observed distribution of interrupt losses.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::capacity::CapacityReport;
use crate::Invalid;

/// One calendar day of the planned sprint, summed over the team.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanDay {
    /// Focus person-days after duty, before interrupt cost.
    pub before_interrupts: f64,
    /// Person-days reachable for interrupts (working, not on duty); never above `before_interrupts`.
    pub exposed: f64,
}

/// The sprint to forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FocusPlan {
    /// One entry per calendar day of the sprint (weekends included, with zeros).
    pub days: Vec<PlanDay>,
    /// Expected person-days lost per exposed person-day (the deterministic interrupt cost).
    pub expected_loss_rate: f64,
    /// Observed per-day loss rates (0..=1) the Monte Carlo draws from; empty = no interrupt cost.
    pub loss_samples: Vec<f64>,
    /// The most members on time off on one working day, when known.
    pub most_people_out: Option<u32>,
}

impl FocusPlan {
    /// The plan of a sprint from its capacity report (the "with rotation" grid).
    pub fn from_report(report: &CapacityReport) -> Self {
        let days = (0..report.days.len())
            .map(|i| {
                report.people.iter().fold(PlanDay::default(), |acc, p| PlanDay {
                    before_interrupts: acc.before_interrupts + p.cells[i].before_interrupts,
                    exposed: acc.exposed + p.cells[i].exposed,
                })
            })
            .collect();
        Self {
            days,
            expected_loss_rate: report.interrupts.leaked.value,
            loss_samples: report.interrupts.daily_losses.clone(),
            most_people_out: Some(report.most_people_out),
        }
    }

    /// A plan of `focus_days` net focus person-days with no interrupt draw (used by the backtest,
    /// whose past sprints already have their interrupt cost deducted).
    pub fn flat(focus_days: f64) -> Self {
        Self {
            days: vec![PlanDay {
                before_interrupts: focus_days,
                exposed: 0.0,
            }],
            expected_loss_rate: 0.0,
            loss_samples: Vec::new(),
            most_people_out: None,
        }
    }

    /// Expected focus person-days: before-interrupt days minus the expected interrupt cost.
    pub fn net_focus_days(&self) -> f64 {
        self.days
            .iter()
            .map(|d| (d.before_interrupts - self.expected_loss_rate * d.exposed).max(0.0))
            .sum()
    }

    /// Rejects negative or non-finite numbers and loss rates outside 0..=1.
    pub fn validate(&self) -> Result<(), Invalid> {
        let bad_day = self.days.iter().any(|d| {
            !(d.before_interrupts.is_finite() && d.exposed.is_finite())
                || d.before_interrupts < 0.0
                || d.exposed < 0.0
                || d.exposed > d.before_interrupts + 1e-9
        });
        if bad_day {
            return Err(Invalid::new(
                "plan",
                "the planned focus days must be zero or more, with no more people reachable than working",
            ));
        }
        let bad_rate = |r: &f64| !(0.0..=1.0).contains(r);
        if bad_rate(&self.expected_loss_rate) || self.loss_samples.iter().any(bad_rate) {
            return Err(Invalid::new(
                "plan",
                "interrupt losses must be between 0 and 1 person-day per person-day",
            ));
        }
        Ok(())
    }
}
