//! Writing [`CalendarEvent`]s as one RFC 5545 calendar file.
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::vtimezone::write_vtimezone;
use super::writer::{param_value, IcsWriter};
use super::{exclusive_end, CalendarEvent, EventTime, Person};
use crate::time::resolve_local;

/// The `PRODID` of every exported file.
pub const PRODID: &str = "-//Sprintshield//Sprintshield Calendar Export//EN";

/// Writes `events` as a calendar named `calname` in `zone`, stamped with `dtstamp`.
///
/// Promises: `CRLF` endings; lines folded at 75 octets; `VERSION:2.0`, `PRODID`, `CALSCALE`,
/// `METHOD:PUBLISH`, `X-WR-CALNAME`, `X-WR-TIMEZONE`; a `VTIMEZONE` for `zone` covering every year
/// a timed event touches (only when there are timed events); timed events as `TZID=<zone>` local
/// times (an instant whose local time is the *second* of two equal wall-clock times at a fall-back
/// change is written in UTC instead, so it is never misread); all-day events as `VALUE=DATE` with
/// an exclusive `DTEND`; `TRANSP`, `SEQUENCE`, `STATUS` (`CANCELLED` for removed items). Events
/// are ordered by start, then UID, so the output does not depend on the input order.
pub fn export_ics(calname: &str, zone: Tz, events: &[CalendarEvent], dtstamp: DateTime<Utc>) -> String {
    let mut w = IcsWriter::with_capacity(256 + events.len() * 420);
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", PRODID);
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", calname);
    w.text("X-WR-TIMEZONE", zone.name());
    if let Some((first, last)) = timed_years(zone, events) {
        write_vtimezone(&mut w, zone, first, last);
    }
    let mut order: Vec<&CalendarEvent> = events.iter().collect();
    order.sort_by(|a, b| (a.when.sort_key(), &a.uid).cmp(&(b.when.sort_key(), &b.uid)));
    let stamp = utc_stamp(dtstamp);
    for e in order {
        write_event(&mut w, zone, e, &stamp);
    }
    w.end("VCALENDAR");
    w.finish()
}

/// The first and last local year any timed event touches, or `None` without timed events.
fn timed_years(zone: Tz, events: &[CalendarEvent]) -> Option<(i32, i32)> {
    events
        .iter()
        .filter_map(|e| match e.when {
            EventTime::Timed { start, end } => {
                Some((start.with_timezone(&zone).year(), end.with_timezone(&zone).year()))
            }
            EventTime::AllDay { .. } => None,
        })
        .reduce(|(a1, b1), (a2, b2)| (a1.min(a2), b1.max(b2)))
}

fn write_event(w: &mut IcsWriter, zone: Tz, e: &CalendarEvent, stamp: &str) {
    w.begin("VEVENT");
    w.text("UID", &e.uid);
    w.raw("DTSTAMP", stamp);
    write_when(w, zone, &e.when);
    w.text("SUMMARY", &e.summary);
    if !e.description.is_empty() {
        w.text("DESCRIPTION", &e.description);
    }
    if !e.categories.is_empty() {
        let cats: Vec<String> = e.categories.iter().map(|c| super::writer::escape_text(c)).collect();
        w.raw("CATEGORIES", &cats.join(","));
    }
    if let Some(p) = &e.organizer {
        write_person(w, "ORGANIZER", p, false);
    }
    for p in &e.attendees {
        write_person(w, "ATTENDEE", p, true);
    }
    w.raw("TRANSP", if e.transparent { "TRANSPARENT" } else { "OPAQUE" });
    w.raw("SEQUENCE", &e.sequence.to_string());
    w.raw("STATUS", if e.cancelled { "CANCELLED" } else { "CONFIRMED" });
    w.end("VEVENT");
}

fn write_when(w: &mut IcsWriter, zone: Tz, when: &EventTime) {
    match *when {
        EventTime::AllDay { first, last_inclusive } => {
            w.raw("DTSTART;VALUE=DATE", &first.format("%Y%m%d").to_string());
            let end = exclusive_end(first, last_inclusive);
            w.raw("DTEND;VALUE=DATE", &end.format("%Y%m%d").to_string());
        }
        EventTime::Timed { start, end } => {
            write_instant(w, "DTSTART", zone, start);
            write_instant(w, "DTEND", zone, end.max(start));
        }
    }
}

/// Writes `at` as a `TZID` local time when that local time reads back as the same instant, else
/// as UTC (`…Z`).
fn write_instant(w: &mut IcsWriter, name: &str, zone: Tz, at: DateTime<Utc>) {
    let local = at.with_timezone(&zone).naive_local();
    if resolve_local(zone, local) == at {
        let prop = format!("{name};TZID={}", param_value(zone.name()));
        w.raw(&prop, &local.format("%Y%m%dT%H%M%S").to_string());
    } else {
        w.raw(name, &utc_stamp(at));
    }
}

fn write_person(w: &mut IcsWriter, prop: &str, p: &Person, attendee: bool) {
    let mut name = format!("{prop};CN={}", param_value(&p.name));
    if attendee {
        name.push_str(";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED");
    }
    w.raw(&name, &format!("mailto:{}", p.email.trim()));
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}
