//! What a face asks of the calendar export and import, and what it gets back.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::import::ImportMessage;
use super::mapping::{ImportProposal, KindChoice};
use super::sources::ExportWhat;
use super::CalendarEvent;
use crate::{named_enum, Id};

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    /// The team.
    pub team_id: Id,
    /// Only this member's turns and time off.
    pub member_id: Option<Id>,
    /// Only this duty policy's turns.
    pub policy_id: Option<Id>,
    /// Which kinds of events; at least one.
    pub what: Vec<ExportWhat>,
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range, inclusive.
    pub to: NaiveDate,
}

/// An export: the events (with sequences and cancellations already applied) and the file text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportPreview {
    /// The calendar's name (`X-WR-CALNAME`).
    pub calname: String,
    /// A file name to suggest, e.g. `phoenix-2026-11-23-2027-01-31.ics`.
    pub file_name: String,
    /// Every event written, cancelled ones included, in file order.
    pub events: Vec<CalendarEvent>,
    /// Events never exported before in this scope.
    pub new_events: usize,
    /// Events exported before whose content changed (sequence raised).
    pub changed_events: usize,
    /// Events exported before that are gone (written as cancelled).
    pub cancelled_events: usize,
    /// The `.ics` text.
    pub text: String,
}

named_enum! {
    /// What an imported file holds.
    pub enum ImportAs ("import kind") {
        TimeOff = "time_off", "Time off of members", ["timeoff", "away"];
        Holidays = "holidays", "Team holidays", ["holiday"];
    }
}

/// What to import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    /// The team.
    pub team_id: Id,
    /// The file's text.
    pub text: String,
    /// Time off or holidays.
    pub kind: ImportAs,
    /// First day of the range read (repeating events are expanded within it).
    pub from: NaiveDate,
    /// Last day of the range, inclusive.
    pub to: NaiveDate,
    /// Kinds of time off the user chose per event, over the guessed ones (none: all guessed).
    #[serde(default)]
    pub kinds: Vec<KindChoice>,
}

/// What an import would write (or wrote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// Proposed time off and holidays (duplicates marked) and unused items with reasons.
    pub proposal: ImportProposal,
    /// Notes and skipped events from reading the file.
    pub messages: Vec<ImportMessage>,
    /// Stretches of time off that are (or were) written.
    pub time_off_to_write: usize,
    /// Holidays that are (or were) written.
    pub holidays_to_write: usize,
    /// Whether it was written.
    pub applied: bool,
}
