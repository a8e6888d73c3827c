//! Turns: one member's stretch of duty under a policy, stored as UTC instants.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{validate_free_text, NOTE_MAX};
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// Where a turn came from.
    pub enum TurnSource ("turn source") {
        Generated = "generated", "Planned";
        Override = "override", "Override";
        Swap = "swap", "Swap";
    }
}

/// One member's duty under one policy from `start` (inclusive) to `end` (exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Turn {
    /// Row id once stored; `None` for a freshly planned turn.
    pub id: Option<Id>,
    /// The duty policy.
    pub policy_id: Id,
    /// Who is on duty.
    pub member_id: Id,
    /// First instant on duty (a handoff).
    pub start: DateTime<Utc>,
    /// First instant no longer on duty (the next handoff); after `start`.
    pub end: DateTime<Utc>,
    /// Planned, overridden by hand, or swapped.
    pub source: TurnSource,
    /// Kept as is when the plan is regenerated.
    pub locked: bool,
    /// Handoff note for the next person.
    pub note: String,
    /// A trainee shadowing this turn; never counts as cover.
    pub shadow_member_id: Option<Id>,
    /// Who the planner had put on this turn before an override or swap replaced them; the
    /// fairness ledger reads it as "`member_id` covered for `replaced_member_id`".
    pub replaced_member_id: Option<Id>,
}

impl Turn {
    /// A planned (generated, unlocked) turn without note or shadow.
    pub fn generated(policy_id: Id, member_id: Id, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        Self {
            id: None,
            policy_id,
            member_id,
            start,
            end,
            source: TurnSource::Generated,
            locked: false,
            note: String::new(),
            shadow_member_id: None,
            replaced_member_id: None,
        }
    }

    /// Whether the turn covers the instant `at`.
    pub fn covers(&self, at: DateTime<Utc>) -> bool {
        self.start <= at && at < self.end
    }

    /// Whether the turn shares any instant with `[start, end)`.
    pub fn overlaps(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.start < end && start < self.end
    }

    /// Length of the turn in hours.
    pub fn hours(&self) -> f64 {
        (self.end - self.start).num_seconds() as f64 / 3600.0
    }
}

/// Validates the handoff note a person leaves on a turn for the next one: trimmed, at most
/// [`NOTE_MAX`] (2,000) characters, line breaks and tabs allowed, other control characters and
/// invisible direction marks rejected (field `note`). Returns the note to store.
pub fn validate_note(note: &str) -> Result<String, Invalid> {
    validate_free_text("note", "handoff note", note, NOTE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handoff_note_is_trimmed_and_keeps_its_lines() {
        assert_eq!(
            validate_note("  db-2 still flaky\n\tsee INC-7 \n").unwrap(),
            "db-2 still flaky\n\tsee INC-7"
        );
        assert_eq!(validate_note("   ").unwrap(), "");
    }

    #[test]
    fn handoff_note_over_the_limit_or_with_controls_is_rejected() {
        assert!(validate_note(&"n".repeat(NOTE_MAX)).is_ok());
        let e = validate_note(&"n".repeat(NOTE_MAX + 1)).unwrap_err();
        assert_eq!(
            (e.field, e.message.as_str()),
            ("note", "the handoff note is 2001 characters long; at most 2000")
        );
        let e = validate_note("call \u{1b}[31mme").unwrap_err();
        assert!(e.message.contains("control character (U+001B)"), "{}", e.message);
        assert!(validate_note("ok\u{202E}kcab").is_err());
    }
}
