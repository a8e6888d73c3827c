//! The history a forecast learns from: closed sprints with their completed points and the focus
//! person-days they had, turned into velocity per focus person-day.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::capacity::CapacityReport;
use crate::sprint::Sprint;
use crate::{Id, Invalid};

/// One closed sprint as the forecast sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PastSprint {
    /// The sprint.
    pub sprint_id: Id,
    /// Its name, for charts and explanations.
    pub name: String,
    /// Points completed.
    pub completed_points: f64,
    /// Focus person-days the team had in it (from the capacity model).
    pub focus_days: f64,
    /// The most members on time off on one working day, when known.
    pub most_people_out: Option<u32>,
}

impl PastSprint {
    /// The history entry of a closed `sprint` whose capacity is `report`; `None` while it is open.
    pub fn from_report(sprint: &Sprint, report: &CapacityReport) -> Option<Self> {
        Some(Self {
            sprint_id: sprint.id,
            name: sprint.spec.name.clone(),
            completed_points: sprint.completed_points?,
            focus_days: report.team_total.value,
            most_people_out: Some(report.most_people_out),
        })
    }
}

/// Velocity of one past sprint, per focus person-day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VelocityPoint {
    /// The sprint.
    pub sprint_id: Id,
    /// Its name.
    pub name: String,
    /// Points completed.
    pub completed_points: f64,
    /// Focus person-days it had.
    pub focus_days: f64,
    /// `completed_points / focus_days`.
    pub per_focus_day: f64,
}

/// Velocities of `history`, in order. Rejects an empty history and sprints without focus days.
pub fn velocities(history: &[PastSprint]) -> Result<Vec<VelocityPoint>, Invalid> {
    if history.is_empty() {
        return Err(Invalid::new(
            "history",
            "there are no closed sprints yet; close at least one sprint with its completed points to forecast",
        ));
    }
    history.iter().map(velocity).collect()
}

fn velocity(s: &PastSprint) -> Result<VelocityPoint, Invalid> {
    if !s.completed_points.is_finite() || s.completed_points < 0.0 {
        return Err(Invalid::new(
            "history",
            format!(
                "\"{}\" has {} completed points; points must be zero or more",
                s.name, s.completed_points
            ),
        ));
    }
    if !s.focus_days.is_finite() || s.focus_days <= 0.0 {
        return Err(Invalid::new(
            "history",
            format!(
                "\"{}\" had no focus person-days ({}); leave it out of the history",
                s.name, s.focus_days
            ),
        ));
    }
    Ok(VelocityPoint {
        sprint_id: s.sprint_id,
        name: s.name.clone(),
        completed_points: s.completed_points,
        focus_days: s.focus_days,
        per_focus_day: s.completed_points / s.focus_days,
    })
}
