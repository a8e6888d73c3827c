//! Teams: a group with one IANA time zone, working days and a sprint cadence.
use chrono::Weekday;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::text::validate_name;
use crate::text::NAME_MAX;
use crate::time::{parse_zone, WorkingDays};
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// What a team does: develops, runs production, or both.
    pub enum TeamKind ("team kind") {
        Dev = "dev", "Development", ["development"];
        Ops = "ops", "Operations", ["operations"];
        Mixed = "mixed", "Dev and ops", ["both"];
    }
}

/// A team as the user typed it; [`NewTeam::validate`] turns it into a [`TeamSpec`].
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewTeam {
    /// Team name, unique.
    pub name: String,
    /// Dev, ops or mixed.
    pub kind: TeamKind,
    /// IANA zone name, e.g. `Europe/Berlin`.
    pub zone: String,
    /// Working days; Monday to Friday when absent.
    #[ts(optional, as = "Option<WorkingDays>")]
    pub working_days: Option<Vec<Weekday>>,
    /// Default sprint length in days; 14 when absent.
    #[ts(optional)]
    pub sprint_length_days: Option<i64>,
}

/// A validated team, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TeamSpec {
    /// Team name, unique, 1–80 characters.
    pub name: String,
    /// Dev, ops or mixed.
    pub kind: TeamKind,
    /// The team's IANA zone; every local time of the team is read in it.
    #[ts(type = "string")]
    pub zone: Tz,
    /// The weekdays the team works.
    pub working_days: WorkingDays,
    /// Default sprint length in days (1–60).
    pub sprint_length_days: u16,
}

/// A stored team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Team {
    /// Row id.
    pub id: Id,
    /// The team's validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: TeamSpec,
}

impl NewTeam {
    /// Checks every field; the first problem found is returned.
    pub fn validate(self) -> Result<TeamSpec, Invalid> {
        let name = validate_name("name", "team", &self.name, NAME_MAX)?;
        let zone = parse_zone(&self.zone)?;
        let working_days = match self.working_days {
            Some(days) => WorkingDays::new(&days)?,
            None => WorkingDays::default(),
        };
        let len = self.sprint_length_days.unwrap_or(14);
        if !(1..=60).contains(&len) {
            return Err(Invalid::new(
                "sprint_length_days",
                format!("a sprint of {len} days is not possible; use 1 to 60 days"),
            ));
        }
        Ok(TeamSpec {
            name,
            kind: self.kind,
            zone,
            working_days,
            sprint_length_days: len as u16,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(zone: &str) -> NewTeam {
        NewTeam {
            name: " Phoenix ".into(),
            kind: TeamKind::Dev,
            zone: zone.into(),
            working_days: None,
            sprint_length_days: None,
        }
    }

    #[test]
    fn valid_team_gets_defaults() {
        let t = new("Europe/Berlin").validate().unwrap();
        assert_eq!(t.name, "Phoenix");
        assert_eq!(t.working_days, WorkingDays::MON_FRI);
        assert_eq!(t.sprint_length_days, 14);
    }

    #[test]
    fn unknown_zone_names_the_zone_field() {
        assert_eq!(new("Mars/Olympus").validate().unwrap_err().field, "zone");
    }

    #[test]
    fn empty_name_and_bad_length_are_rejected() {
        let mut t = new("UTC");
        t.name = "  ".into();
        assert_eq!(t.validate().unwrap_err().field, "name");
        let mut t = new("UTC");
        t.sprint_length_days = Some(0);
        assert_eq!(t.validate().unwrap_err().field, "sprint_length_days");
    }

    #[test]
    fn kind_parses_aliases_and_explains_choices() {
        assert_eq!(TeamKind::parse("Operations").unwrap(), TeamKind::Ops);
        let e = TeamKind::parse("qa").unwrap_err();
        assert!(e.message.contains("dev, ops, mixed"), "{}", e.message);
    }
}
