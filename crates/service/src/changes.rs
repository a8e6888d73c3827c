//! What an operation changed, in one shape for every operation: the turns before and after, and
//! every other record before and after. Undo reads it backwards, the UI refreshes what it names,
//! and publishing learns from it whose duties moved.
use serde::{Deserialize, Serialize};
use sprintshield_core::interrupt::Interrupt;
use sprintshield_core::member::Member;
use sprintshield_core::release::{ReleasePin, StoredFreeze, TrainInfo};
use sprintshield_core::rotation::{DutyPolicy, TurnChanges};
use sprintshield_core::sprint::Sprint;
use sprintshield_core::team::Team;
use sprintshield_core::time_off::{Holiday, TimeOff};
use sprintshield_core::Id;
use ts_rs::TS;

/// One stored record of any kind, as it was or is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum Record {
    /// A team.
    Team(Team),
    /// A member.
    Member(Member),
    /// A stretch of time off.
    TimeOff(TimeOff),
    /// A team holiday.
    Holiday(Holiday),
    /// A sprint.
    Sprint(Sprint),
    /// An interrupt.
    Interrupt(Interrupt),
    /// A duty policy.
    Policy(DutyPolicy),
    /// A release train.
    ReleaseTrain(TrainInfo),
    /// A release placed by hand.
    ReleasePin {
        /// The train.
        train_id: Id,
        /// The placement.
        pin: ReleasePin,
    },
    /// A freeze window.
    Freeze(StoredFreeze),
}

/// One record's change: created (`before` empty), edited (both), or removed (`after` empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordChange {
    /// The record as it was.
    pub before: Option<Record>,
    /// The record as it is now.
    pub after: Option<Record>,
}

/// Everything one operation changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Changes {
    /// The turns it touched, before and after.
    pub turns: TurnChanges,
    /// The other records it created, edited or removed.
    pub records: Vec<RecordChange>,
}

impl Changes {
    /// No change at all.
    pub fn none() -> Changes {
        Changes::default()
    }

    /// Only turns changed.
    pub fn of_turns(turns: TurnChanges) -> Changes {
        Changes {
            turns,
            records: Vec::new(),
        }
    }

    /// One record was created.
    pub fn created(after: Record) -> Changes {
        Changes {
            turns: TurnChanges::default(),
            records: vec![RecordChange {
                before: None,
                after: Some(after),
            }],
        }
    }

    /// One record was edited.
    pub fn edited(before: Record, after: Record) -> Changes {
        Changes {
            turns: TurnChanges::default(),
            records: vec![RecordChange {
                before: Some(before),
                after: Some(after),
            }],
        }
    }

    /// One record was removed.
    pub fn removed(before: Record) -> Changes {
        Changes {
            turns: TurnChanges::default(),
            records: vec![RecordChange {
                before: Some(before),
                after: None,
            }],
        }
    }

    /// Whether the operation changed nothing.
    pub fn is_empty(&self) -> bool {
        self.turns.is_empty() && self.records.is_empty()
    }
}

/// What a write operation returns: its value and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Outcome<T> {
    /// The operation's result (the created record, the plan, …).
    pub value: T,
    /// What it changed.
    pub changes: Changes,
}

impl<T> Outcome<T> {
    /// An outcome of `value` with `changes`.
    pub fn new(value: T, changes: Changes) -> Outcome<T> {
        Outcome { value, changes }
    }
}
