//! Reading an `.ics` file (as Google, Outlook or a national holiday calendar export it) into
//! candidate items: a summary, the first and last local day (inclusive) in the team's zone, and
//! the attendees — plus one message per event that was skipped or needs a note.
//!
//! Handled: folded lines, `TEXT` escapes, `VEVENT`s with `DTSTART`/`DTEND`/`DURATION` as `DATE`,
//! UTC, `TZID` (IANA, Mozilla-prefixed or common Windows names) or floating times (read in the
//! team's zone, with a note), `RRULE` expansion within the requested range (see the `rrule` module),
//! `EXDATE`, moved occurrences (`RECURRENCE-ID`) and cancelled events. A malformed file is one
//! [`Invalid`] error and nothing else; a problem in one event skips that event with a message.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ics_time::{parse_duration, parse_value, IcsTime};
use super::parse::{parse_components, unescape_text, Component, Property};
use super::rrule::{expand, parse_rule, Until};
use crate::time::DateSpan;
use crate::{named_enum, Invalid};

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// A person named on an imported event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedPerson {
    /// Display name (`CN`), if given.
    pub name: Option<String>,
    /// E-mail address (from `mailto:`), lower-case, if given.
    pub email: Option<String>,
}

/// One imported occurrence: what it is called and which local days it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedItem {
    /// The event's `UID` (shared by all occurrences of a recurring event).
    pub uid: String,
    /// The event's title.
    pub summary: String,
    /// The days it covers in the team's zone, inclusive.
    pub days: DateSpan,
    /// Attendees.
    pub attendees: Vec<ImportedPerson>,
    /// The organizer, if given.
    pub organizer: Option<ImportedPerson>,
    /// Whether this occurrence came from a repeat rule.
    pub recurring: bool,
    /// A timed event shown as free (`TRANSP:TRANSPARENT`): it does not block the person, so it is
    /// not an absence. All-day events are never `free` here (calendars make them free by default).
    pub free: bool,
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: usize,
}

named_enum! {
    /// How serious an import message is.
    pub enum MessageLevel ("message level") {
        Note = "note", "Note";
        Skipped = "skipped", "Skipped";
    }
}

/// A message about one event: a note (imported, but read with an assumption) or why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportMessage {
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: usize,
    /// The event's title.
    pub summary: String,
    /// Note or skipped.
    pub level: MessageLevel,
    /// What happened, in plain words.
    pub text: String,
}

/// Everything read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ImportResult {
    /// Candidate items, in file order (occurrences of one event in date order).
    pub items: Vec<ImportedItem>,
    /// Notes and skipped events, in file order.
    pub messages: Vec<ImportMessage>,
}

/// Parses `text` and returns the occurrences that touch `range`, with days in `zone` (floating
/// times are read in `zone` too). Errors only when the file as a whole cannot be read.
pub fn parse_ics(text: &str, zone: Tz, range: DateSpan) -> Result<ImportResult, Invalid> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Invalid::new(
            "file",
            "the file is larger than 10 MB; export a shorter date range",
        ));
    }
    let calendars = parse_components(text)?;
    let events: Vec<&Component> = calendars
        .iter()
        .flat_map(|c| c.children.iter())
        .filter(|c| c.name == "VEVENT")
        .collect();
    let ctx = Ctx {
        zone,
        range,
        events: &events,
    };
    let mut out = ImportResult::default();
    for ev in &events {
        let summary = ev.prop("SUMMARY").map(|p| unescape_text(&p.value)).unwrap_or_default();
        let summary = if summary.trim().is_empty() {
            "(no title)".to_owned()
        } else {
            summary
        };
        let mut notes = Vec::new();
        match read_event(&ctx, ev, &summary, &mut notes) {
            Ok(items) => out.items.extend(items),
            Err(text) => notes.push((MessageLevel::Skipped, text)),
        }
        out.messages
            .extend(notes.into_iter().map(|(level, text)| ImportMessage {
                line: ev.line,
                summary: summary.clone(),
                level,
                text,
            }));
    }
    Ok(out)
}

struct Ctx<'a> {
    zone: Tz,
    range: DateSpan,
    events: &'a [&'a Component],
}

/// How long each occurrence lasts.
#[derive(Clone, Copy)]
enum Length {
    Days(i64),
    Exact(Duration),
}

type Notes = Vec<(MessageLevel, String)>;

fn read_event(ctx: &Ctx, ev: &Component, summary: &str, notes: &mut Notes) -> Result<Vec<ImportedItem>, String> {
    if ev
        .prop("STATUS")
        .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED"))
    {
        return Err("the event is cancelled in the calendar; not imported".to_owned());
    }
    let uid = ev
        .prop("UID")
        .map(|p| unescape_text(&p.value))
        .unwrap_or_else(|| format!("line-{}", ev.line));
    let start_prop = ev.prop("DTSTART").ok_or("the event has no start (DTSTART)")?;
    let start = parse_value(start_prop, &start_prop.value, ctx.zone)?;
    if matches!(start, IcsTime::Local { floating: true, .. }) {
        notes.push((
            MessageLevel::Note,
            format!("the event has no time zone; its times were read as {}", ctx.zone.name()),
        ));
    }
    let length = read_length(ev, &start, ctx.zone)?;
    let is_override = ev.prop("RECURRENCE-ID").is_some();
    let (starts, recurring) = match ev.prop("RRULE") {
        Some(rule) if !is_override => (occurrences(ctx, ev, &uid, rule, &start)?, true),
        _ => (vec![start], false),
    };
    let attendees: Vec<ImportedPerson> = ev.props_named("ATTENDEE").map(person).collect();
    let organizer = ev.prop("ORGANIZER").map(person);
    // All-day events count as absences even when shown as free: Google and Outlook make all-day
    // entries (a typed-in "Vacation") free by default. A free *timed* event (a reminder, a duty
    // turn) does not keep anyone away.
    let free = !matches!(start, IcsTime::Date(_))
        && ev
            .prop("TRANSP")
            .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("TRANSPARENT"));
    let mut items = Vec::new();
    for s in starts {
        let days = days_of(&s, length, ctx.zone).ok_or("the event's dates are out of range")?;
        if days.overlaps(&ctx.range) {
            items.push(ImportedItem {
                uid: uid.clone(),
                summary: summary.to_owned(),
                days,
                attendees: attendees.clone(),
                organizer: organizer.clone(),
                recurring,
                free,
                line: ev.line,
            });
        }
    }
    Ok(items)
}

/// The length of each occurrence from `DTEND`, `DURATION`, or the RFC default (one day for a
/// date, zero for a date-time).
fn read_length(ev: &Component, start: &IcsTime, zone: Tz) -> Result<Length, String> {
    if let Some(p) = ev.prop("DTEND") {
        let end = parse_value(p, &p.value, zone)?;
        return match (start, end) {
            (IcsTime::Date(s), IcsTime::Date(e)) => Ok(Length::Days((e - *s).num_days().max(1))),
            _ => {
                let d = end.instant(zone) - start.instant(zone);
                if d < Duration::zero() {
                    return Err("the event ends before it starts".to_owned());
                }
                Ok(Length::Exact(d))
            }
        };
    }
    if let Some(p) = ev.prop("DURATION") {
        let d = parse_duration(&p.value)?;
        if d < Duration::zero() {
            return Err("the event has a negative DURATION".to_owned());
        }
        return Ok(match start {
            IcsTime::Date(_) => Length::Days((d.num_days()).max(1)),
            IcsTime::Local { .. } => Length::Exact(d),
        });
    }
    Ok(match start {
        IcsTime::Date(_) => Length::Days(1),
        IcsTime::Local { .. } => Length::Exact(Duration::zero()),
    })
}

/// The local days (in `zone`) an occurrence starting at `start` covers.
fn days_of(start: &IcsTime, length: Length, zone: Tz) -> Option<DateSpan> {
    match (start, length) {
        (IcsTime::Date(d), Length::Days(n)) => {
            let last = d.checked_add_signed(Duration::days(n.checked_sub(1)?))?;
            Some(DateSpan { first: *d, last })
        }
        (IcsTime::Date(d), Length::Exact(dur)) => {
            let last = d.checked_add_signed(Duration::days((dur.num_days() - 1).max(0)))?;
            Some(DateSpan { first: *d, last })
        }
        (IcsTime::Local { .. }, _) => {
            let s = start.instant(zone);
            let dur = match length {
                Length::Exact(d) => d,
                Length::Days(n) => Duration::try_days(n)?,
            };
            let e = s.checked_add_signed(dur)?;
            let last_instant = if e > s { e - Duration::seconds(1) } else { s };
            let first = local_day(s, zone);
            Some(DateSpan {
                first,
                last: local_day(last_instant, zone).max(first),
            })
        }
    }
}

fn local_day(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

/// The starts of a recurring event that may touch the range, minus `EXDATE`s and occurrences
/// moved by a separate `RECURRENCE-ID` event.
fn occurrences(ctx: &Ctx, ev: &Component, uid: &str, rule: &Property, start: &IcsTime) -> Result<Vec<IcsTime>, String> {
    let first = start.naive();
    let rule = parse_rule(&rule.value, first)?;
    let until = rule.until.map(|u| until_local(u, start));
    // Generate two days past the range: the event's own zone may be ahead of the team's.
    let last = (ctx.range.last + Duration::days(2))
        .and_hms_opt(0, 0, 0)
        .ok_or("the range is out of bounds")?;
    let mut excluded = exdates(ev, ctx.zone)?;
    excluded.extend(moved_occurrences(ctx, uid));
    let starts = expand(&rule, first, until, last)?;
    Ok(starts
        .into_iter()
        .map(|n| start.with_naive(n))
        .filter(|occ| !excluded.iter().any(|x| same_occurrence(occ, x, ctx.zone)))
        .collect())
}

/// `UNTIL` as a wall-clock time in the zone of `start`.
fn until_local(until: Until, start: &IcsTime) -> NaiveDateTime {
    match (until, start) {
        (Until::Date(d), _) => d.and_hms_opt(23, 59, 59).expect("valid time"),
        (Until::Local(t), _) => t,
        (Until::Utc(t), IcsTime::Local { zone, .. }) => t.and_utc().with_timezone(zone).naive_local(),
        (Until::Utc(t), IcsTime::Date(_)) => t,
    }
}

fn exdates(ev: &Component, zone: Tz) -> Result<Vec<IcsTime>, String> {
    let mut out = Vec::new();
    for p in ev.props_named("EXDATE") {
        for v in p.value.split(',').filter(|v| !v.trim().is_empty()) {
            out.push(parse_value(p, v, zone)?);
        }
    }
    Ok(out)
}

/// The original starts of occurrences that other `VEVENT`s with the same UID replace.
fn moved_occurrences(ctx: &Ctx, uid: &str) -> Vec<IcsTime> {
    ctx.events
        .iter()
        .filter(|e| e.prop("UID").is_some_and(|p| unescape_text(&p.value) == uid))
        .filter_map(|e| e.prop("RECURRENCE-ID"))
        .filter_map(|p| parse_value(p, &p.value, ctx.zone).ok())
        .collect()
}

fn same_occurrence(occ: &IcsTime, ex: &IcsTime, zone: Tz) -> bool {
    match ex {
        IcsTime::Date(d) => occ.naive().date() == *d,
        IcsTime::Local { .. } => occ.instant(zone) == ex.instant(zone),
    }
}

fn person(p: &Property) -> ImportedPerson {
    let value = p.value.trim();
    let email = value
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
        .map(|_| &value[7..])
        .or_else(|| p.param("EMAIL"))
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| e.contains('@'));
    let name = p.param("CN").map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    ImportedPerson { name, email }
}
