//! Calendar files (RFC 5545 `.ics`): export of turns, sprints and releases, and import of time off
//! and holidays.
//!
//! Export ([`export_ics`]) takes plain [`CalendarEvent`] values — the caller maps turns, sprints and
//! releases to events — plus the team's zone and the `DTSTAMP` instant (never the clock), and
//! returns the file text. Same input, same output, byte for byte.
//!
//! **Time zone choice.** Timed events are written in the team's zone with `TZID=<IANA name>` and a
//! matching `VTIMEZONE` generated from chrono-tz for the years the export spans (see
//! [`vtimezone`]). A weekly handoff at Monday 12:00 Europe/Berlin then reads `T120000` in the file
//! and in every client, across both DST changes; UTC would be correct too, but people reading or
//! debugging the file would see 11:00 and 10:00, and clients that ignore `VTIMEZONE` (Outlook
//! without it shows events an hour off) still know the IANA name. No floating times are ever
//! written. All-day events use `VALUE=DATE` with an exclusive `DTEND`.
//!
//! No maintained RFC 5545 crate fit: the ones available either pull in a parser we do not need for
//! export or do not fold at 75 octets on UTF-8 boundaries; the serializer here is small and tested
//! against the RFC's own examples (see [`writer`]).
//!
//! **UIDs.** Every exported event's UID is built from row ids, never from names (see
//! [`turn_uid`], [`sprint_uid`], [`release_uid`], [`sources::time_off_uid`]): ids are unique
//! across teams, so two teams' "Batman" turns at the same instant, or policies "On call" and
//! "On-call", never share a UID, and renaming a team, policy or sprint keeps every UID. A turn is
//! identified by its policy and its start instant — not by its row id, which a re-plan replaces,
//! and not by its member — so a turn that only changes hands keeps its UID and the reader's
//! calendar updates the event (with a raised `SEQUENCE`, see [`reconcile`]) instead of adding
//! one. Exports before this scheme used names (`turn-<policy name>-…`, `sprint-<team name>-…`);
//! no old UID can equal a new one (a name slug never contains `.`, and an old sprint UID always
//! has a second `-`), so the first export after the change writes each old UID whose event
//! starts in the exported range once more as cancelled, and each new one as new.
//!
//! Import ([`import::parse_ics`]) is pure too: text in, candidate items and per-event messages
//! out; [`mapping`] turns them into proposed time off or holidays for a team's members and marks
//! the ones that already exist. Reading the syntax and expanding repeat rules is the maintained
//! `calcard` crate's work (modules `parse` and `rrule`); what the events mean stays here.
use std::fmt::Display;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::time::DateSpan;
use crate::{Id, Invalid};

pub mod absence_kind;
mod export;
mod file_zones;
mod ics_time;
pub mod import;
pub mod mapping;
mod parse;
pub mod reconcile;
pub mod requests;
mod rrule;
pub mod sources;
pub mod vtimezone;
pub mod windows_zones;
pub mod writer;

pub use export::export_ics;

/// When an event happens: whole days, or a span between two instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventTime {
    /// Whole days, `first..=last_inclusive`; written as `VALUE=DATE` with `DTEND = last + 1 day`.
    AllDay {
        /// First day.
        first: NaiveDate,
        /// Last day, inclusive.
        last_inclusive: NaiveDate,
    },
    /// From `start` (inclusive) to `end` (exclusive); written in the export's zone.
    Timed {
        /// Start instant.
        start: DateTime<Utc>,
        /// End instant, after `start`.
        end: DateTime<Utc>,
    },
}

impl EventTime {
    /// Whole days covering `span`.
    pub fn all_day(span: DateSpan) -> Self {
        EventTime::AllDay {
            first: span.first,
            last_inclusive: span.last,
        }
    }

    /// A sort key: the start instant, all-day events at midnight UTC of their first day.
    pub fn sort_key(&self) -> DateTime<Utc> {
        match self {
            EventTime::AllDay { first, .. } => first.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc(),
            EventTime::Timed { start, .. } => *start,
        }
    }
}

/// A person on an event: a display name and an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    /// Display name (`CN`).
    pub name: String,
    /// E-mail address, written as `mailto:`.
    pub email: String,
}

/// One event to export. The caller maps turns, sprints and releases to these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarEvent {
    /// Stable identifier, e.g. `turn-<policy>-<start-utc>@sprintshield`; a re-export with the same
    /// UID updates the event in the reader's calendar instead of duplicating it.
    pub uid: String,
    /// One-line title.
    pub summary: String,
    /// Longer text; may contain newlines. Empty means none.
    pub description: String,
    /// When.
    pub when: EventTime,
    /// Shown as free, not busy (`TRANSP:TRANSPARENT`); true for duty turns.
    pub transparent: bool,
    /// Revision number; increase it whenever the event changes.
    pub sequence: u32,
    /// A removed item, written with `STATUS:CANCELLED` so readers drop it.
    pub cancelled: bool,
    /// Category names (`CATEGORIES`).
    pub categories: Vec<String>,
    /// Who organizes it, if anyone.
    pub organizer: Option<Person>,
    /// Who attends (the member on duty, for a turn).
    pub attendees: Vec<Person>,
}

impl CalendarEvent {
    /// An all-day event over `first..=last_inclusive` with no description, opaque, sequence 0.
    /// Rejects a last day before the first.
    pub fn all_day(
        uid: impl Into<String>,
        summary: impl Into<String>,
        first: NaiveDate,
        last_inclusive: NaiveDate,
    ) -> Result<Self, Invalid> {
        let span = DateSpan::new(first, last_inclusive, "last_day")?;
        Ok(Self::with_time(uid.into(), summary.into(), EventTime::all_day(span)))
    }

    /// A timed event from `start` to `end` with no description, opaque, sequence 0.
    /// Rejects an `end` not after `start`.
    pub fn timed(
        uid: impl Into<String>,
        summary: impl Into<String>,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<Self, Invalid> {
        if end <= start {
            return Err(Invalid::new(
                "end",
                format!("the event ends ({end}) before or when it starts ({start})"),
            ));
        }
        Ok(Self::with_time(
            uid.into(),
            summary.into(),
            EventTime::Timed { start, end },
        ))
    }

    fn with_time(uid: String, summary: String, when: EventTime) -> Self {
        Self {
            uid,
            summary,
            description: String::new(),
            when,
            transparent: false,
            sequence: 0,
            cancelled: false,
            categories: Vec::new(),
            organizer: None,
            attendees: Vec::new(),
        }
    }
}

/// The stable UID of a duty turn: `turn-policy.<policy id>-<start>@sprintshield`, the start in
/// UTC as `YYYYMMDDTHHMMSSZ`.
///
/// A policy's turns never share a start (the store enforces it), and policy ids are unique across
/// teams, so the UID is unique; it does not change when the turn changes hands, nor when the
/// policy or the team is renamed.
pub fn turn_uid(policy_id: Id, start: DateTime<Utc>) -> String {
    turn_uid_of(policy_id, start)
}

fn turn_uid_of(policy: impl Display, start: DateTime<Utc>) -> String {
    format!("turn-policy.{policy}-{}@sprintshield", start.format("%Y%m%dT%H%M%SZ"))
}

/// The stable UID of a sprint: `sprint-<sprint id>@sprintshield` (its review on the last day is
/// `review-sprint-<sprint id>@sprintshield`). Sprint ids are unique across teams.
pub fn sprint_uid(sprint_id: Id) -> String {
    format!("sprint-{sprint_id}@sprintshield")
}

/// The stable UID of a release event: `release-<train id>-<sprint id>-<what>@sprintshield`, where
/// `what` names the routine event (`rc-push`, `production`, `high-alert`, `regression`).
pub fn release_uid(train_id: Id, sprint_id: Id, what: &str) -> String {
    format!("release-{train_id}-{sprint_id}-{}@sprintshield", slug(what))
}

/// What a Sprintshield UID names when it is one of Sprintshield's own events that are *not* an
/// absence — a duty turn, a sprint, a sprint review or a release event — in words
/// ("a Sprintshield duty turn"); `None` for anything else, Sprintshield's own time off included.
pub fn own_non_absence(uid: &str) -> Option<&'static str> {
    let local = uid.trim().strip_suffix("@sprintshield")?;
    [
        ("turn-", "a Sprintshield duty turn"),
        ("sprint-", "a Sprintshield sprint"),
        ("review-sprint-", "a Sprintshield sprint review"),
        ("release-", "a Sprintshield release event"),
    ]
    .into_iter()
    .find(|(prefix, _)| local.starts_with(prefix))
    .map(|(_, what)| what)
}

/// A duty turn as a transparent timed event (it must not block the member as busy), with the
/// member as attendee when an e-mail is known and category `Duty`. `policy_id` is the policy's row
/// id (the UID is [`turn_uid`]`(policy_id, start)`); [`sources::turn_events`] maps stored turns,
/// daily ones as all-day events.
pub fn turn_event(
    policy_id: impl Display,
    summary: impl Into<String>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    member: Option<Person>,
) -> Result<CalendarEvent, Invalid> {
    let mut e = CalendarEvent::timed(turn_uid_of(policy_id, start), summary, start, end)?;
    e.transparent = true;
    e.categories = vec!["Duty".to_owned()];
    e.attendees = member.into_iter().collect();
    Ok(e)
}

/// A sprint as an all-day event over its days (exclusive `DTEND` = last day + 1), transparent so
/// it does not block anyone, with the goal as description and category `Sprint`.
pub fn sprint_event(sprint_id: Id, name: &str, span: DateSpan, goal: &str) -> CalendarEvent {
    let mut e = CalendarEvent::with_time(sprint_uid(sprint_id), name.to_owned(), EventTime::all_day(span));
    e.description = goal.to_owned();
    e.transparent = true;
    e.categories = vec!["Sprint".to_owned()];
    e
}

/// The exclusive end day of an all-day span: the day after `last_inclusive` (never before `first`).
pub fn exclusive_end(first: NaiveDate, last_inclusive: NaiveDate) -> NaiveDate {
    last_inclusive.max(first) + Duration::days(1)
}

fn slug(text: &str) -> String {
    let s: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "x".to_owned()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_stable_tokens() {
        let at = "2026-03-02T11:00:00Z".parse().unwrap();
        assert_eq!(turn_uid(3, at), "turn-policy.3-20260302T110000Z@sprintshield");
        assert_eq!(sprint_uid(7), "sprint-7@sprintshield");
        assert_eq!(release_uid(1, 7, "rc push"), "release-1-7-rc-push@sprintshield");
    }

    #[test]
    fn new_uids_never_equal_old_name_based_ones() {
        // Before, UIDs were `turn-<slug of the policy name>-<start>` and
        // `sprint-<slug of the team name>-<id>`; a slug is only `[a-z0-9-]`.
        let at = "2026-03-02T11:00:00Z".parse().unwrap();
        for name in ["3", "policy 3", "Policy.3", "p3"] {
            let old = format!("turn-{}-20260302T110000Z@sprintshield", slug(name));
            assert_ne!(old, turn_uid(3, at), "{name}");
        }
        for team in ["7", "Ops"] {
            assert_ne!(format!("sprint-{}-7@sprintshield", slug(team)), sprint_uid(7));
            assert_ne!(format!("sprint-{}-7@sprintshield", slug(team)), sprint_uid(77));
        }
    }

    #[test]
    fn own_events_that_are_not_absences_are_recognised_by_uid() {
        let at = "2026-03-02T11:00:00Z".parse().unwrap();
        assert_eq!(own_non_absence(&turn_uid(3, at)), Some("a Sprintshield duty turn"));
        assert_eq!(
            own_non_absence("turn-batman-20260302T110000Z@sprintshield"),
            Some("a Sprintshield duty turn"),
            "UIDs of exports made before ids were used are still recognised"
        );
        assert_eq!(own_non_absence(&sprint_uid(7)), Some("a Sprintshield sprint"));
        assert_eq!(
            own_non_absence("sprint-ops-7@sprintshield"),
            Some("a Sprintshield sprint")
        );
        assert_eq!(
            own_non_absence(&format!("review-{}", sprint_uid(7))),
            Some("a Sprintshield sprint review")
        );
        assert_eq!(
            own_non_absence(&release_uid(1, 7, "production")),
            Some("a Sprintshield release event")
        );
        assert_eq!(
            own_non_absence("timeoff-3@sprintshield"),
            None,
            "time off is an absence"
        );
        assert_eq!(own_non_absence("turn-1@example.com"), None, "someone else's UID");
    }

    #[test]
    fn helpers_reject_backwards_times() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 5).unwrap();
        assert!(CalendarEvent::all_day("u", "s", d, d.pred_opt().unwrap()).is_err());
        let at: DateTime<Utc> = "2026-03-02T11:00:00Z".parse().unwrap();
        assert!(CalendarEvent::timed("u", "s", at, at).is_err());
        assert_eq!(exclusive_end(d, d), d.succ_opt().unwrap());
    }
}
