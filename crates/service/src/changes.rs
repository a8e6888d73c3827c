//! What an operation changed, in one shape for every operation: the turns before and after, and
//! every other record before and after. Undo reads it backwards, the UI refreshes what it names,
//! and publishing learns from it whose duties moved. A removal lists every record it took with
//! it (a team's members, policies, sprints, trains, publish targets, …), so undo can put all of
//! them back.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sprintshield_core::calendar::CalendarEvent;
use sprintshield_core::import_csv::{CsvMapping, MappingSource};
use sprintshield_core::interrupt::Interrupt;
use sprintshield_core::member::Member;
use sprintshield_core::publish::{CalendarTarget, ChatTarget, Holder, Published};
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
    /// Where a team's plan is published on a CalDAV server.
    CalendarTarget(CalendarTarget),
    /// Where a team's plan is posted in chat.
    ChatTarget(ChatTarget),
    /// What a publish last wrote to one calendar resource of a team.
    Published {
        /// The team.
        team_id: Id,
        /// The resource.
        resource: PublishedResource,
    },
    /// A line waiting for a team's chat (what a publish changed, not yet posted).
    ChatLine {
        /// The team.
        team_id: Id,
        /// The line's id (the order lines were kept in).
        id: Id,
        /// The line.
        line: String,
        /// When the publish that kept it ran.
        published_at: DateTime<Utc>,
    },
    /// The CSV columns and values a team last used for an import source (or sprint history).
    ImportMapping {
        /// The team.
        team_id: Id,
        /// The tool that wrote the file, or sprint history.
        source: MappingSource,
        /// The mapping.
        mapping: CsvMapping,
    },
    /// The handoff note of a stored turn (only ever edited: the turn stays, its note changes).
    HandoffNote {
        /// The turn.
        turn_id: Id,
        /// The note ("" for none).
        note: String,
    },
}

/// What a publish last wrote to one calendar resource (core's `Published`, as it crosses IPC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PublishedResource {
    /// The collection's URL.
    pub collection: String,
    /// The event's UID.
    pub uid: String,
    /// The resource's path on the server.
    pub href: String,
    /// The ETag the server gave the last write, when it sent one.
    pub etag: Option<String>,
    /// The content hash of the event as written.
    pub hash: String,
    /// Its `SEQUENCE` as written.
    pub sequence: u32,
    /// The event as written.
    pub event: CalendarEvent,
    /// Who held it, for a duty turn.
    pub holder: Option<Holder>,
    /// When it was written.
    pub published_at: DateTime<Utc>,
}

impl From<Published> for PublishedResource {
    fn from(p: Published) -> Self {
        PublishedResource {
            collection: p.collection,
            uid: p.uid,
            href: p.href,
            etag: p.etag,
            hash: p.hash,
            sequence: p.sequence,
            event: p.event,
            holder: p.holder,
            published_at: p.published_at,
        }
    }
}

impl From<PublishedResource> for Published {
    fn from(p: PublishedResource) -> Self {
        Published {
            collection: p.collection,
            uid: p.uid,
            href: p.href,
            etag: p.etag,
            hash: p.hash,
            sequence: p.sequence,
            event: p.event,
            holder: p.holder,
            published_at: p.published_at,
        }
    }
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

    /// Records removed together, listed children first and the record they belonged to last
    /// (undo puts them back in the reverse order: parents before children).
    pub fn removed_all(before: impl IntoIterator<Item = Record>) -> Changes {
        Changes {
            turns: TurnChanges::default(),
            records: before
                .into_iter()
                .map(|r| RecordChange {
                    before: Some(r),
                    after: None,
                })
                .collect(),
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
