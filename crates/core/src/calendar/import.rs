//! Reading an `.ics` file (as Google, Outlook or a national holiday calendar export it) into
//! candidate items: a summary, the first and last local day (inclusive) in the team's zone, the
//! attendees and a guessed kind of absence — plus one message per event that was skipped or read
//! with an assumption.
//!
//! The syntax is calcard's (module `parse`); this module decides what the events mean:
//! `DTSTART`/`DTEND`/`DURATION` as dates, UTC, zoned (module `ics_time`) or floating times
//! (read in the team's zone, with a note), repeat rules expanded within the requested range (module
//! `rrule`), `RDATE`, `EXDATE`, moved occurrences (`RECURRENCE-ID`) and cancelled events.
//! A file that cannot be read as a whole is one [`Invalid`] error and nothing else; a problem in
//! one event skips that event with a message, and a doubtful one is noted.
use calcard::icalendar::{
    ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName, ICalendarProperty,
    ICalendarStatus, ICalendarTransparency, ICalendarValue,
};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::absence_kind::{guess_kind, KindGuess};
use super::ics_time::{parse_value, IcsTime, Zones};
use super::parse::{param, prop, props, read_calendars, text, vevent_lines};
use super::rrule::expand;
use crate::time::DateSpan;
use crate::{named_enum, Invalid};

pub use super::parse::{text_from_bytes, MAX_FILE_BYTES};

/// A person named on an imported event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedPerson {
    /// Display name (`CN`), if given.
    pub name: Option<String>,
    /// E-mail address (from `mailto:`, a bare address, or the `EMAIL` parameter), lower-case.
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
    /// The kind of absence guessed from the categories and the title.
    pub kind: KindGuess,
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
    let calendars = read_calendars(text)?;
    let lines = vevent_lines(text);
    // Generate two days past the range: an event's own zone may be ahead of the team's.
    let last = (range.last + Duration::days(2)).and_time(NaiveTime::MIN);
    let mut out = ImportResult::default();
    let mut nth_vevent = 0usize;
    for cal in &calendars {
        let zones = Zones::of(cal, zone, last + Duration::days(366));
        let root = &cal.components[0];
        let mut events: Vec<Event> = Vec::new();
        for (id, c) in cal.components.iter().enumerate() {
            if c.component_type != ICalendarComponentType::VEvent {
                continue;
            }
            let line = lines.get(nth_vevent).copied().unwrap_or(0);
            nth_vevent += 1;
            // calcard numbers components in file order, so the root's children are sorted.
            if root.component_ids.binary_search(&(id as u32)).is_ok() {
                events.push(Event::new(c, line));
            }
        }
        let ctx = Ctx {
            zones: &zones,
            range,
            last,
            events: &events,
        };
        for ev in &events {
            let mut notes = Vec::new();
            match read_event(&ctx, ev, &mut notes) {
                Ok(items) => out.items.extend(items),
                Err(text) => notes.push((MessageLevel::Skipped, text)),
            }
            out.messages
                .extend(notes.into_iter().map(|(level, text)| ImportMessage {
                    line: ev.line,
                    summary: ev.summary.clone(),
                    level,
                    text,
                }));
        }
    }
    Ok(out)
}

/// A top-level `VEVENT` with what every message needs.
struct Event<'a> {
    c: &'a ICalendarComponent,
    line: usize,
    uid: String,
    summary: String,
}

impl<'a> Event<'a> {
    fn new(c: &'a ICalendarComponent, line: usize) -> Self {
        let summary = prop(c, &ICalendarProperty::Summary).map(text).unwrap_or_default();
        let summary = if summary.trim().is_empty() {
            "(no title)".to_owned()
        } else {
            summary.trim().to_owned()
        };
        let uid = prop(c, &ICalendarProperty::Uid)
            .map(text)
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| format!("line-{line}"));
        Event { c, line, uid, summary }
    }

    fn get(&self, name: ICalendarProperty) -> Option<&'a ICalendarEntry> {
        prop(self.c, &name)
    }
}

struct Ctx<'a> {
    zones: &'a Zones,
    range: DateSpan,
    last: NaiveDateTime,
    events: &'a [Event<'a>],
}

/// How long each occurrence lasts.
#[derive(Clone, Copy)]
enum Length {
    Days(i64),
    Exact(Duration),
}

type Notes = Vec<(MessageLevel, String)>;

fn first_time(entry: &ICalendarEntry, zones: &Zones) -> Result<IcsTime, String> {
    match entry.values.first() {
        Some(ICalendarValue::PartialDateTime(p)) => parse_value(entry, p, zones),
        _ => Err(format!("its {} cannot be read", entry.name.as_str())),
    }
}

fn read_event(ctx: &Ctx, ev: &Event, notes: &mut Notes) -> Result<Vec<ImportedItem>, String> {
    let status = ev.get(ICalendarProperty::Status).and_then(|e| e.values.first());
    if matches!(status, Some(ICalendarValue::Status(ICalendarStatus::Cancelled))) {
        return Err("the event is cancelled in the calendar; not imported".to_owned());
    }
    let start_entry = ev
        .get(ICalendarProperty::Dtstart)
        .ok_or("the event has no start (DTSTART)")?;
    let start = first_time(start_entry, ctx.zones)?;
    if matches!(start, IcsTime::Local { floating: true, .. }) {
        notes.push((
            MessageLevel::Note,
            format!(
                "the event has no time zone; its times were read as {}",
                ctx.zones.team.name()
            ),
        ));
    }
    let length = read_length(ctx, ev, &start, notes)?;
    let is_override = ev.get(ICalendarProperty::RecurrenceId).is_some();
    let rule = ev.get(ICalendarProperty::Rrule).and_then(|e| match e.values.first() {
        Some(ICalendarValue::RecurrenceRule(r)) => Some(r),
        _ => None,
    });
    let (starts, recurring) = match rule {
        Some(rule) if !is_override => (occurrences(ctx, ev, rule, &start)?, true),
        _ => (vec![start.clone()], false),
    };
    let attendees: Vec<ImportedPerson> = props(ev.c, &ICalendarProperty::Attendee).map(person).collect();
    let organizer = ev.get(ICalendarProperty::Organizer).map(person);
    // All-day events count as absences even when shown as free: Google and Outlook make all-day
    // entries (a typed-in "Vacation") free by default. A free *timed* event (a reminder, a duty
    // turn) does not keep anyone away.
    let transparent = matches!(
        ev.get(ICalendarProperty::Transp).and_then(|e| e.values.first()),
        Some(ICalendarValue::Transparency(ICalendarTransparency::Transparent))
    );
    let free = !matches!(start, IcsTime::Date(_)) && transparent;
    let categories: Vec<String> = props(ev.c, &ICalendarProperty::Categories)
        .flat_map(|e| e.values.iter().filter_map(ICalendarValue::as_text))
        .map(str::to_owned)
        .collect();
    let kind = guess_kind(&categories, &ev.summary);
    let mut items = Vec::new();
    for s in starts {
        let days = days_of(&s, length, ctx.zones.team).ok_or("the event's dates are out of range")?;
        if days.overlaps(&ctx.range) {
            items.push(ImportedItem {
                uid: ev.uid.clone(),
                summary: ev.summary.clone(),
                days,
                attendees: attendees.clone(),
                organizer: organizer.clone(),
                recurring,
                free,
                kind: kind.clone(),
                line: ev.line,
            });
        }
    }
    Ok(items)
}

/// The length of each occurrence from `DTEND`, `DURATION`, or the RFC default (one day for a
/// date, zero for a date-time). An end before the start skips the event; an end equal to a
/// date's start, or both `DTEND` and `DURATION`, is read with a note.
fn read_length(ctx: &Ctx, ev: &Event, start: &IcsTime, notes: &mut Notes) -> Result<Length, String> {
    let duration = ev.get(ICalendarProperty::Duration);
    if let Some(entry) = ev.get(ICalendarProperty::Dtend) {
        if duration.is_some() {
            notes.push((
                MessageLevel::Note,
                "the event has both an end (DTEND) and a DURATION, which RFC 5545 forbids; the end was used".to_owned(),
            ));
        }
        let end = first_time(entry, ctx.zones)?;
        return match (start, &end) {
            (IcsTime::Date(s), IcsTime::Date(e)) => {
                let n = (*e - *s).num_days();
                if n < 0 {
                    return Err(format!("it ends ({e}) before it starts ({s})"));
                }
                if n == 0 {
                    notes.push((
                        MessageLevel::Note,
                        "its end day is its start day (the end is exclusive); read as one day".to_owned(),
                    ));
                }
                Ok(Length::Days(n.max(1)))
            }
            _ => {
                let d = end.instant(ctx.zones.team) - start.instant(ctx.zones.team);
                if d < Duration::zero() {
                    return Err(format!(
                        "it ends ({}) before it starts ({})",
                        shown(&end, ctx.zones.team),
                        shown(start, ctx.zones.team)
                    ));
                }
                Ok(Length::Exact(d))
            }
        };
    }
    if let Some(entry) = duration {
        let d = match entry.values.first() {
            Some(ICalendarValue::Duration(d)) => d.to_time_delta().ok_or("its DURATION cannot be read")?,
            _ => return Err("its DURATION cannot be read".to_owned()),
        };
        if d < Duration::zero() {
            return Err("the event has a negative DURATION".to_owned());
        }
        return Ok(match start {
            IcsTime::Date(_) => Length::Days(d.num_days().max(1)),
            IcsTime::Local { .. } => Length::Exact(d),
        });
    }
    Ok(match start {
        IcsTime::Date(_) => Length::Days(1),
        IcsTime::Local { .. } => Length::Exact(Duration::zero()),
    })
}

/// A start or end in the team's zone, for messages.
fn shown(t: &IcsTime, team: Tz) -> String {
    match t {
        IcsTime::Date(d) => d.to_string(),
        _ => t
            .instant(team)
            .with_timezone(&team)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    }
}

/// The local days (in `team`) an occurrence starting at `start` covers.
fn days_of(start: &IcsTime, length: Length, team: Tz) -> Option<DateSpan> {
    match (start, length) {
        (IcsTime::Date(d), Length::Days(n)) => {
            let last = d.checked_add_signed(Duration::try_days(n.checked_sub(1)?)?)?;
            Some(DateSpan { first: *d, last })
        }
        (IcsTime::Date(d), Length::Exact(dur)) => {
            let last = d.checked_add_signed(Duration::try_days((dur.num_days() - 1).max(0))?)?;
            Some(DateSpan { first: *d, last })
        }
        (IcsTime::Local { .. }, _) => {
            let s = start.instant(team);
            let dur = match length {
                Length::Exact(d) => d,
                Length::Days(n) => Duration::try_days(n)?,
            };
            let e = s.checked_add_signed(dur)?;
            let last_instant = if e > s { e - Duration::seconds(1) } else { s };
            let first = local_day(s, team);
            Some(DateSpan {
                first,
                last: local_day(last_instant, team).max(first),
            })
        }
    }
}

fn local_day(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

/// The starts of a recurring event that may touch the range, plus its `RDATE`s, minus
/// `EXDATE`s and occurrences moved by a separate `RECURRENCE-ID` event.
fn occurrences(
    ctx: &Ctx,
    ev: &Event,
    rule: &calcard::icalendar::ICalendarRecurrenceRule,
    start: &IcsTime,
) -> Result<Vec<IcsTime>, String> {
    let until = rule.until.as_ref().and_then(|u| until_wall_clock(u, start));
    let all_day = matches!(start, IcsTime::Date(_));
    let mut starts: Vec<IcsTime> = expand(rule, start.naive(), all_day, until, ctx.last)?
        .into_iter()
        .map(|n| start.with_naive(n))
        .collect();
    for entry in props(ev.c, &ICalendarProperty::Rdate) {
        for v in &entry.values {
            if let ICalendarValue::PartialDateTime(p) = v {
                starts.push(parse_value(entry, p, ctx.zones)?);
            }
        }
    }
    let mut excluded = times_of(ev.c, &ICalendarProperty::Exdate, ctx.zones)?;
    excluded.extend(moved_occurrences(ctx, &ev.uid));
    let team = ctx.zones.team;
    Ok(starts
        .into_iter()
        .filter(|occ| !excluded.iter().any(|x| same_occurrence(occ, x, team)))
        .collect())
}

/// `UNTIL` as a wall-clock time in the zone of `start`: a date means the end of that day, a UTC
/// time is moved into the start's zone, a local time is taken as written.
fn until_wall_clock(until: &calcard::common::PartialDateTime, start: &IcsTime) -> Option<NaiveDateTime> {
    let dt = until.to_date_time()?;
    if !until.has_time() {
        return dt.date_time.date().and_hms_opt(23, 59, 59);
    }
    match (dt.offset, start) {
        (Some(offset), IcsTime::Local { zone, .. }) => {
            let utc = dt.date_time - Duration::seconds(i64::from(offset.local_minus_utc()));
            Some(zone.wall_clock(utc.and_utc()))
        }
        _ => Some(dt.date_time),
    }
}

fn times_of(c: &ICalendarComponent, name: &ICalendarProperty, zones: &Zones) -> Result<Vec<IcsTime>, String> {
    let mut out = Vec::new();
    for entry in props(c, name) {
        for v in &entry.values {
            if let ICalendarValue::PartialDateTime(p) = v {
                out.push(parse_value(entry, p, zones)?);
            }
        }
    }
    Ok(out)
}

/// The original starts of occurrences that other `VEVENT`s with the same UID replace.
fn moved_occurrences(ctx: &Ctx, uid: &str) -> Vec<IcsTime> {
    ctx.events
        .iter()
        .filter(|e| e.uid == uid)
        .filter_map(|e| times_of(e.c, &ICalendarProperty::RecurrenceId, ctx.zones).ok())
        .flatten()
        .collect()
}

fn same_occurrence(occ: &IcsTime, ex: &IcsTime, team: Tz) -> bool {
    match ex {
        IcsTime::Date(d) => occ.naive().date() == *d,
        IcsTime::Local { .. } => occ.instant(team) == ex.instant(team),
    }
}

/// A person from an `ATTENDEE`/`ORGANIZER`: the address from `mailto:` (any case,
/// percent-encoded or not), a bare address, or the `EMAIL` parameter; the name from `CN`.
fn person(entry: &ICalendarEntry) -> ImportedPerson {
    let value = text(entry);
    let value = value.trim();
    let address = value
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
        .map_or(value, |_| &value[7..]);
    let email = Some(percent_decode(address))
        .filter(|e| looks_like_email(e))
        .or_else(|| param(entry, &ICalendarParameterName::Email).map(percent_decode))
        .map(|e| e.trim().to_lowercase())
        .filter(|e| looks_like_email(e));
    let name = param(entry, &ICalendarParameterName::Cn)
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    ImportedPerson { name, email }
}

fn looks_like_email(text: &str) -> bool {
    let t = text.trim();
    matches!(t.split_once('@'), Some((user, host)) if !user.is_empty() && host.contains('.') && !t.contains(char::is_whitespace) && !t.contains(':'))
}

/// Decodes `%XX` escapes (UTF-8); text with a broken escape is returned as it is.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None => return text.to_owned(),
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_and_without_mailto() {
        assert_eq!(percent_decode("J%C3%B6rg%40example.com"), "Jörg@example.com");
        assert_eq!(percent_decode("100%"), "100%");
        assert!(looks_like_email("ann@example.com"));
        assert!(!looks_like_email("urn:uuid:1234"));
        assert!(!looks_like_email("ann@localhost"));
    }
}
