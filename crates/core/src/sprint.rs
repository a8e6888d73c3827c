//! Sprints: a team's time box with start and end dates, committed and completed points.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{validate_free_text, validate_name, GOAL_MAX, NAME_MAX};
use crate::time::{parse_date, DateSpan};
use crate::{Id, Invalid};

/// A sprint as the user typed it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NewSprint {
    /// Name, unique in the team (e.g. "Sprint 42").
    pub name: String,
    /// First day `YYYY-MM-DD`.
    pub start: String,
    /// Last day `YYYY-MM-DD`, inclusive.
    pub end: String,
    /// The sprint goal.
    #[serde(default)]
    pub goal: String,
    /// Points committed at sprint planning.
    #[ts(optional)]
    pub committed_points: Option<f64>,
}

/// A validated sprint, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintSpec {
    /// Name, unique in the team.
    pub name: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day, inclusive; never before `start`.
    pub end: NaiveDate,
    /// The sprint goal.
    pub goal: String,
    /// Points committed at sprint planning.
    pub committed_points: Option<f64>,
}

/// A stored sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Sprint {
    /// Row id.
    pub id: Id,
    /// The team.
    pub team_id: Id,
    /// The validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: SprintSpec,
    /// Points completed, set when the sprint is closed; `None` while open.
    pub completed_points: Option<f64>,
}

impl Sprint {
    /// The sprint's days, inclusive.
    pub fn span(&self) -> DateSpan {
        self.spec.span()
    }

    /// Whether the sprint has been closed with its completed points.
    pub fn is_closed(&self) -> bool {
        self.completed_points.is_some()
    }
}

impl SprintSpec {
    /// The sprint's days, inclusive.
    pub fn span(&self) -> DateSpan {
        DateSpan {
            first: self.start,
            last: self.end,
        }
    }
}

/// Validates a number of story points: finite, not negative, at most 10 000.
pub fn validate_points(field: &'static str, points: f64) -> Result<f64, Invalid> {
    if !points.is_finite() || points < 0.0 {
        return Err(Invalid::new(
            field,
            format!("points must be zero or more, not {points}"),
        ));
    }
    if points > 10_000.0 {
        return Err(Invalid::new(
            field,
            format!("{points} points in one sprint is not plausible; at most 10000"),
        ));
    }
    Ok(points)
}

impl NewSprint {
    /// Checks name, goal (plain text, at most [`GOAL_MAX`] characters), dates (end not before
    /// start, at most 90 days) and points.
    pub fn validate(self) -> Result<SprintSpec, Invalid> {
        let name = validate_name("name", "sprint", &self.name, NAME_MAX)?;
        let goal = validate_free_text("goal", "sprint goal", &self.goal, GOAL_MAX)?;
        let start = parse_date("start", &self.start)?;
        let end = parse_date("end", &self.end)?;
        if end < start {
            return Err(Invalid::new(
                "end",
                format!("the sprint ends ({end}) before it starts ({start})"),
            ));
        }
        if (end - start).num_days() >= 90 {
            return Err(Invalid::new(
                "end",
                "a sprint longer than 90 days is not a sprint; check the end date",
            ));
        }
        let committed_points = self
            .committed_points
            .map(|p| validate_points("committed_points", p))
            .transpose()?;
        Ok(SprintSpec {
            name,
            start,
            end,
            goal,
            committed_points,
        })
    }
}

/// Rejects a sprint that shares a day with another sprint of the same team.
/// `existing` are the team's stored sprints; `except` skips one of them (when editing it).
pub fn check_no_overlap(spec: &SprintSpec, existing: &[Sprint], except: Option<Id>) -> Result<(), Invalid> {
    let span = spec.span();
    match existing
        .iter()
        .find(|s| Some(s.id) != except && s.span().overlaps(&span))
    {
        Some(other) => Err(Invalid::new(
            "start",
            format!(
                "\"{}\" ({} to {}) overlaps \"{}\" ({} to {}); sprints of one team must not overlap",
                spec.name, spec.start, spec.end, other.spec.name, other.spec.start, other.spec.end
            ),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(start: &str, end: &str) -> NewSprint {
        NewSprint {
            name: "Sprint 1".into(),
            start: start.into(),
            end: end.into(),
            ..Default::default()
        }
    }

    fn stored(id: Id, start: &str, end: &str) -> Sprint {
        Sprint {
            id,
            team_id: 1,
            spec: new(start, end).validate().unwrap(),
            completed_points: None,
        }
    }

    #[test]
    fn end_before_start_is_rejected() {
        let e = new("2026-06-12", "2026-06-01").validate().unwrap_err();
        assert_eq!(e.field, "end");
        assert!(e.message.contains("before it starts"));
    }

    #[test]
    fn overlapping_sprints_are_rejected_adjacent_are_fine() {
        let existing = vec![stored(1, "2026-06-01", "2026-06-12")];
        let overlapping = new("2026-06-12", "2026-06-25").validate().unwrap();
        let e = check_no_overlap(&overlapping, &existing, None).unwrap_err();
        assert!(e.message.contains("overlaps"));
        assert!(check_no_overlap(&overlapping, &existing, Some(1)).is_ok());
        let adjacent = new("2026-06-13", "2026-06-26").validate().unwrap();
        assert!(check_no_overlap(&adjacent, &existing, None).is_ok());
    }

    #[test]
    fn points_must_be_plausible() {
        assert!(validate_points("completed_points", -1.0).is_err());
        assert!(validate_points("completed_points", f64::NAN).is_err());
        assert_eq!(validate_points("completed_points", 21.5).unwrap(), 21.5);
    }
}
