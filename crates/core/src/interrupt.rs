//! Interrupts: unplanned work that arrived, with the taxonomy of seed 000 (production bugs,
//! operational problems, user questions, security patches, releases/rollbacks).
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import_csv::CsvSource;
use crate::text::{validate_free_text, validate_name, NOTE_MAX, TITLE_MAX};
use crate::time::parse_datetime;
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// What kind of unplanned work arrived.
    pub enum InterruptCategory ("category") {
        ProductionBug = "production_bug", "Production bug", ["bug"];
        OperationalProblem = "operational_problem", "Operational problem", ["ops", "operational"];
        UserQuestion = "user_question", "User question / support", ["support", "question"];
        SecurityPatch = "security_patch", "Security patch", ["security"];
        ReleaseRollback = "release_rollback", "Release / rollback", ["release", "rollback"];
        Other = "other", "Other";
    }
}

named_enum! {
    /// How urgent the interrupt was.
    pub enum Severity ("severity") {
        Critical = "critical", "Critical";
        High = "high", "High";
        Normal = "normal", "Normal", ["medium"];
        Low = "low", "Low";
    }
}

/// An interrupt as the user typed it. `arrived_at` is ISO 8601, with an offset or in the team's zone.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewInterrupt {
    /// When it arrived.
    pub arrived_at: String,
    /// Short title.
    pub title: String,
    /// Category.
    pub category: InterruptCategory,
    /// Severity.
    pub severity: Severity,
    /// Who handled it.
    #[ts(optional)]
    pub handled_by: Option<Id>,
    /// Minutes spent on it.
    pub minutes: i64,
    /// Whether it pulled an off-duty member away from focus work.
    #[serde(default)]
    pub pulled_off_focus: bool,
    /// Whether it could have waited for the backlog.
    #[serde(default)]
    pub could_have_waited: bool,
    /// Root-cause note.
    #[serde(default)]
    pub root_cause: String,
}

/// A validated interrupt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterruptSpec {
    /// When it arrived (UTC).
    pub arrived_at: DateTime<Utc>,
    /// Short title.
    pub title: String,
    /// Category.
    pub category: InterruptCategory,
    /// Severity.
    pub severity: Severity,
    /// Who handled it.
    pub handled_by: Option<Id>,
    /// Minutes spent (1 to 7 days' worth).
    pub minutes: u32,
    /// Whether it pulled an off-duty member away from focus work.
    pub pulled_off_focus: bool,
    /// Whether it could have waited for the backlog.
    pub could_have_waited: bool,
    /// Root-cause note.
    pub root_cause: String,
}

/// A stored interrupt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Interrupt {
    /// Row id.
    pub id: Id,
    /// The team.
    pub team_id: Id,
    /// The validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: InterruptSpec,
    /// Where it was imported from, when it was: kept through edits, and carried by a removal
    /// or an import's undo so putting it back keeps it (a re-import then still skips it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<InterruptOrigin>,
}

/// The tool an imported interrupt came from and the id that tool gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InterruptOrigin {
    /// The tool that wrote the file.
    pub source: CsvSource,
    /// The tool's id for it.
    pub external_id: String,
}

impl NewInterrupt {
    /// Checks the time (read in `zone` when it has no offset), title (one line, at most
    /// [`TITLE_MAX`] characters), root-cause note (at most [`NOTE_MAX`]) and minutes. An interrupt
    /// cannot arrive after `now`.
    pub fn validate(self, zone: Tz, now: DateTime<Utc>) -> Result<InterruptSpec, Invalid> {
        let arrived_at = parse_datetime("arrived_at", &self.arrived_at, zone)?;
        if arrived_at > now + chrono::Duration::minutes(5) {
            return Err(Invalid::new(
                "arrived_at",
                "an interrupt cannot arrive in the future; check the date and time",
            ));
        }
        let title = validate_name("title", "interrupt", &self.title, TITLE_MAX)?;
        let root_cause = validate_free_text("root_cause", "root-cause note", &self.root_cause, NOTE_MAX)?;
        if !(1..=7 * 24 * 60).contains(&self.minutes) {
            return Err(Invalid::new(
                "minutes",
                format!(
                    "minutes spent must be between 1 and 10080 (a week), not {}",
                    self.minutes
                ),
            ));
        }
        Ok(InterruptSpec {
            arrived_at,
            title,
            category: self.category,
            severity: self.severity,
            handled_by: self.handled_by,
            minutes: self.minutes as u32,
            pulled_off_focus: self.pulled_off_focus,
            could_have_waited: self.could_have_waited,
            root_cause,
        })
    }
}

/// Which interrupts to list: an inclusive local date range (in the team's zone) and optional
/// category/severity.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InterruptFilter {
    /// First local day, inclusive.
    #[ts(optional)]
    pub from: Option<chrono::NaiveDate>,
    /// Last local day, inclusive.
    #[ts(optional)]
    pub to: Option<chrono::NaiveDate>,
    /// Only this category.
    #[ts(optional)]
    pub category: Option<InterruptCategory>,
    /// Only this severity.
    #[ts(optional)]
    pub severity: Option<Severity>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn new(at: &str, minutes: i64) -> NewInterrupt {
        NewInterrupt {
            arrived_at: at.into(),
            title: "Disk full on db-2".into(),
            category: InterruptCategory::OperationalProblem,
            severity: Severity::High,
            handled_by: None,
            minutes,
            pulled_off_focus: true,
            could_have_waited: false,
            root_cause: String::new(),
        }
    }

    #[test]
    fn local_time_is_read_in_team_zone() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let s = new("2026-11-20T09:30", 45)
            .validate(chrono_tz::Europe::Berlin, now)
            .unwrap();
        assert_eq!(s.arrived_at, Utc.with_ymd_and_hms(2026, 11, 20, 8, 30, 0).unwrap());
    }

    #[test]
    fn future_and_zero_minutes_are_rejected() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        assert_eq!(
            new("2026-11-23T09:30", 45)
                .validate(chrono_tz::UTC, now)
                .unwrap_err()
                .field,
            "arrived_at"
        );
        assert_eq!(
            new("2026-11-20T09:30", 0)
                .validate(chrono_tz::UTC, now)
                .unwrap_err()
                .field,
            "minutes"
        );
    }

    #[test]
    fn category_parses_cli_spellings() {
        assert_eq!(
            InterruptCategory::parse("production-bug").unwrap(),
            InterruptCategory::ProductionBug
        );
        assert_eq!(
            InterruptCategory::parse("support").unwrap(),
            InterruptCategory::UserQuestion
        );
        assert!(Severity::parse("urgent").is_err());
    }
}
