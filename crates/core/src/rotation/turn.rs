//! Turns: one member's stretch of duty under a policy, stored as UTC instants.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{named_enum, Id};

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
