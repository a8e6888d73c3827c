//! Keeping re-exports stable: for each export *scope* (team, member, policy and kinds chosen)
//! every UID ever written is remembered with a hash of its content and its `SEQUENCE`. A
//! re-export keeps the sequence of an unchanged event, raises it when the content changed, and
//! writes an event that disappeared (inside the exported range) once more as `STATUS:CANCELLED`
//! with a raised sequence; after that it is not written again unless it comes back.
use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::requests::ExportRequest;
use super::sources::ExportWhat;
use super::{CalendarEvent, EventTime};
use crate::time::DateSpan;

/// What an earlier export of a scope wrote for one UID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// [`content_hash`] of the event as written.
    pub hash: String,
    /// Its `SEQUENCE`.
    pub sequence: u32,
    /// The event as written.
    pub event: CalendarEvent,
    /// Its first local day (an event outside a later export's range is not cancelled by it).
    pub first_day: NaiveDate,
    /// Whether it was last written as cancelled.
    pub cancelled: bool,
}

/// The outcome of comparing an export with what its scope wrote before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciled {
    /// The export's events with their sequences set.
    pub events: Vec<CalendarEvent>,
    /// The content hash of each of `events`, by UID.
    pub hashes: HashMap<String, String>,
    /// Events written before, inside the range, that are gone: to write once more as cancelled.
    pub gone: Vec<CalendarEvent>,
    /// Events never written before.
    pub new_events: usize,
    /// Events written before whose content changed.
    pub changed_events: usize,
}

/// A stable 64-bit FNV-1a hash of the event's content (sequence and status left out), as hex.
pub fn content_hash(e: &CalendarEvent) -> String {
    let mut plain = e.clone();
    plain.sequence = 0;
    plain.cancelled = false;
    let text = serde_json::to_string(&plain).expect("events serialise");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The event's first local day in `zone`.
pub fn first_day(e: &CalendarEvent, zone: Tz) -> NaiveDate {
    match e.when {
        EventTime::AllDay { first, .. } => first,
        EventTime::Timed { start, .. } => start.with_timezone(&zone).date_naive(),
    }
}

/// The event's last local day in `zone` (an all-day event's last day; a timed event's day of
/// its last instant).
pub fn last_day(e: &CalendarEvent, zone: Tz) -> NaiveDate {
    match e.when {
        EventTime::AllDay { last_inclusive, .. } => last_inclusive,
        EventTime::Timed { start, end } => (end - chrono::Duration::seconds(1))
            .max(start)
            .with_timezone(&zone)
            .date_naive(),
    }
}

/// The kinds asked for, each once, in the order first asked.
pub fn distinct_kinds(what: &[ExportWhat]) -> Vec<ExportWhat> {
    let mut out: Vec<ExportWhat> = Vec::new();
    for w in what {
        if !out.contains(w) {
            out.push(*w);
        }
    }
    out
}

/// The bookkeeping key of an export: the same team, member, policy and kinds (in any order)
/// share their history.
pub fn export_scope(req: &ExportRequest) -> String {
    let mut kinds: Vec<&str> = distinct_kinds(&req.what).iter().map(|w| w.name()).collect();
    kinds.sort_unstable();
    format!(
        "team={};member={};policy={};what={}",
        req.team_id,
        req.member_id.map_or("*".to_owned(), |m| m.to_string()),
        req.policy_id.map_or("*".to_owned(), |p| p.to_string()),
        kinds.join(",")
    )
}

/// Sets the sequences of `events` from what the scope `recorded`, and lists the recorded events
/// that overlap the range `span` (in `zone`) and are gone — each with a raised sequence, marked
/// cancelled. An event that started before the range and runs into it (Friday's duty until
/// Monday) is part of an export of the range, so it is cancelled by it too.
pub fn reconcile(
    mut events: Vec<CalendarEvent>,
    recorded: &HashMap<String, Recorded>,
    span: DateSpan,
    zone: Tz,
) -> Reconciled {
    let (mut new_events, mut changed_events) = (0, 0);
    let mut hashes = HashMap::new();
    for e in &mut events {
        let hash = content_hash(e);
        match recorded.get(&e.uid) {
            None => new_events += 1,
            Some(r) if r.hash == hash && !r.cancelled => e.sequence = r.sequence,
            Some(r) => {
                e.sequence = r.sequence + 1;
                changed_events += 1;
            }
        }
        hashes.insert(e.uid.clone(), hash);
    }
    let mut gone: Vec<CalendarEvent> = recorded
        .iter()
        .filter(|(uid, r)| {
            !r.cancelled
                && !hashes.contains_key(*uid)
                && r.first_day <= span.last
                && last_day(&r.event, zone) >= span.first
        })
        .map(|(_, r)| CalendarEvent {
            sequence: r.sequence + 1,
            cancelled: true,
            ..r.event.clone()
        })
        .collect();
    gone.sort_by(|a, b| a.uid.cmp(&b.uid));
    Reconciled {
        events,
        hashes,
        gone,
        new_events,
        changed_events,
    }
}

/// A file name to suggest for a calendar called `calname` over `span`, e.g.
/// `phoenix-2026-11-23-2027-01-31.ics`.
pub fn file_name(calname: &str, span: DateSpan) -> String {
    let s: String = calname
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    format!("{slug}-{}-{}.ics", span.first, span.last)
}
