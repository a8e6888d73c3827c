//! Time off (a member away for some days) and team holidays (a day nobody works).
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{validate_free_text, validate_name, NAME_MAX, TIME_OFF_NOTE_MAX};
use crate::time::{parse_date, DateSpan};
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// Why a member is away.
    pub enum TimeOffKind ("time off kind") {
        Vacation = "vacation", "Vacation", ["holiday", "leave"];
        Sick = "sick", "Sick";
        Training = "training", "Training", ["conference"];
        Other = "other", "Other";
    }
}

/// Time off as the user typed it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewTimeOff {
    /// The member who is away.
    pub member_id: Id,
    /// First day away `YYYY-MM-DD`, inclusive.
    pub first_day: String,
    /// Last day away `YYYY-MM-DD`, inclusive.
    pub last_day: String,
    /// Why.
    pub kind: TimeOffKind,
    /// Free text.
    #[serde(default)]
    pub note: String,
}

/// A validated stretch of time off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeOffSpec {
    /// The member who is away.
    pub member_id: Id,
    /// The days away, inclusive.
    pub days: DateSpan,
    /// Why.
    pub kind: TimeOffKind,
    /// Free text.
    pub note: String,
}

/// Stored time off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeOff {
    /// Row id.
    pub id: Id,
    /// The validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: TimeOffSpec,
}

impl NewTimeOff {
    /// Checks the dates (last day not before first, at most a year) and the note (plain text,
    /// at most [`TIME_OFF_NOTE_MAX`] characters).
    pub fn validate(self) -> Result<TimeOffSpec, Invalid> {
        let first = parse_date("first_day", &self.first_day)?;
        let last = parse_date("last_day", &self.last_day)?;
        let days = DateSpan::new(first, last, "last_day")?;
        if days.days() > 366 {
            return Err(Invalid::new(
                "last_day",
                "time off longer than a year; split it or set the member's active dates instead",
            ));
        }
        let note = validate_free_text("note", "note", &self.note, TIME_OFF_NOTE_MAX)?;
        Ok(TimeOffSpec {
            member_id: self.member_id,
            days,
            kind: self.kind,
            note,
        })
    }
}

/// A team holiday as the user typed it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewHoliday {
    /// The day `YYYY-MM-DD`.
    pub date: String,
    /// Its name, e.g. "Christmas Day".
    pub name: String,
}

/// A stored team holiday: a day the whole team does not work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Holiday {
    /// Row id.
    pub id: Id,
    /// The team.
    pub team_id: Id,
    /// The day.
    pub date: NaiveDate,
    /// Its name.
    pub name: String,
}

impl NewHoliday {
    /// Checks the date and the name; returns `(date, name)`.
    pub fn validate(self) -> Result<(NaiveDate, String), Invalid> {
        let date = parse_date("date", &self.date)?;
        let name = validate_name("name", "holiday", &self.name, NAME_MAX)?;
        Ok((date, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_day_before_first_is_rejected() {
        let t = NewTimeOff {
            member_id: 1,
            first_day: "2026-05-10".into(),
            last_day: "2026-05-08".into(),
            kind: TimeOffKind::Vacation,
            note: String::new(),
        };
        let e = t.validate().unwrap_err();
        assert_eq!(e.field, "last_day");
        assert!(e.message.contains("before the first day"));
    }

    #[test]
    fn one_day_off_is_fine() {
        let t = NewTimeOff {
            member_id: 1,
            first_day: "2026-05-10".into(),
            last_day: "2026-05-10".into(),
            kind: TimeOffKind::Sick,
            note: " flu ".into(),
        };
        let s = t.validate().unwrap();
        assert_eq!(s.days.days(), 1);
        assert_eq!(s.note, "flu");
    }

    #[test]
    fn holiday_needs_a_date_and_name() {
        assert_eq!(
            NewHoliday {
                date: "24.12.2026".into(),
                name: "Xmas".into()
            }
            .validate()
            .unwrap_err()
            .field,
            "date"
        );
        assert_eq!(
            NewHoliday {
                date: "2026-12-24".into(),
                name: "".into()
            }
            .validate()
            .unwrap_err()
            .field,
            "name"
        );
    }
}
