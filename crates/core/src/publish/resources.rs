//! One calendar resource per event: its path on the server, its text, and what was last
//! published under it.
//!
//! The text is the `.ics` export of that one event ([`crate::calendar::export_ics`]: same UID,
//! `SEQUENCE`, `TRANSP`, `VTIMEZONE`, folding), less the `METHOD` line, which RFC 4791 §4.1 forbids
//! in a calendar object resource.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{export_ics, CalendarEvent};

/// Who holds a duty turn, for "who is affected" lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Holder {
    /// The duty policy's name ("Batman").
    pub policy: String,
    /// The member on duty ("Ana Souza").
    pub person: String,
}

/// What was last published under one UID in one collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The collection's URL.
    pub collection: String,
    /// The event's UID.
    pub uid: String,
    /// The resource's path on the server.
    pub href: String,
    /// The ETag the server gave the last write, when it sent one.
    pub etag: Option<String>,
    /// [`crate::calendar::reconcile::content_hash`] of the event as written.
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

/// The path of the resource for `uid` in the collection at `collection_path` (ending with `/`):
/// the UID with every character but letters, digits, `-` and `.` turned into `_`, plus `.ics`
/// (`turn-policy.3-20260302T110000Z@sprintshield` → `…/turn-policy.3-20260302T110000Z_sprintshield.ics`).
pub fn resource_href(collection_path: &str, uid: &str) -> String {
    let name: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut base = collection_path.to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    format!("{base}{name}.ics")
}

/// The text of the resource holding `event`: the export of that one event in `zone`, stamped
/// `dtstamp`, without `METHOD`.
pub fn resource_ics(calname: &str, zone: Tz, event: &CalendarEvent, dtstamp: DateTime<Utc>) -> String {
    export_ics(calname, zone, std::slice::from_ref(event), dtstamp).replacen("METHOD:PUBLISH\r\n", "", 1)
}

/// Whether two calendar texts hold the same event: the same unfolded `VEVENT` lines, in any
/// order, with parameters in any order, `DTSTAMP` aside (a server may re-serialise what it
/// stores: Radicale sorts properties and parameters).
pub fn same_event(a: &str, b: &str) -> bool {
    let lines = |text: &str| {
        let unfolded = text
            .replace("\r\n ", "")
            .replace("\n ", "")
            .replace("\r\n\t", "")
            .replace("\n\t", "");
        let mut inside = false;
        let mut out: Vec<String> = Vec::new();
        for l in unfolded.lines().map(|l| l.trim_end_matches('\r')) {
            if l.eq_ignore_ascii_case("BEGIN:VEVENT") {
                inside = true;
            } else if l.eq_ignore_ascii_case("END:VEVENT") {
                inside = false;
            } else if inside && !l.to_ascii_uppercase().starts_with("DTSTAMP") && !l.is_empty() {
                out.push(normal_line(l));
            }
        }
        out.sort();
        out
    };
    let (x, y) = (lines(a), lines(b));
    !x.is_empty() && x == y
}

/// A content line with its name and parameter names upper-cased and its parameters sorted.
fn normal_line(line: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut value = "";
    for (i, c) in line.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ';' if !quoted => parts.push(std::mem::take(&mut current)),
            ':' if !quoted => {
                value = &line[i + 1..];
                break;
            }
            c => current.push(c),
        }
    }
    parts.push(current);
    let name = parts.remove(0).to_ascii_uppercase();
    let mut params: Vec<String> = parts
        .into_iter()
        .map(|p| match p.split_once('=') {
            Some((k, v)) => format!("{}={}", k.to_ascii_uppercase(), v.trim_matches('"')),
            None => p,
        })
        .collect();
    params.sort();
    format!("{name};{}:{value}", params.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::turn_event;

    fn event() -> CalendarEvent {
        let start: DateTime<Utc> = "2026-03-30T07:30:00Z".parse().unwrap();
        let end: DateTime<Utc> = "2026-04-06T10:00:00Z".parse().unwrap();
        turn_event(3, "Op of the Week: Ana Souza", start, end, None).unwrap()
    }

    #[test]
    fn a_resource_is_the_export_of_its_event_without_method() {
        let zone: Tz = "Europe/Berlin".parse().unwrap();
        let at: DateTime<Utc> = "2026-03-01T00:00:00Z".parse().unwrap();
        let text = resource_ics("Phoenix", zone, &event(), at);
        let export = export_ics("Phoenix", zone, &[event()], at);
        assert!(!text.contains("METHOD:"));
        assert_eq!(text, export.replace("METHOD:PUBLISH\r\n", ""));
        assert!(text.contains("BEGIN:VTIMEZONE"));
        assert!(text.contains("TRANSP:TRANSPARENT"));
        assert!(text.contains("SEQUENCE:0"));
        assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260330T093000"));
        assert_eq!(
            resource_href("/ana/phoenix/", &event().uid),
            "/ana/phoenix/turn-policy.3-20260330T073000Z_sprintshield.ics"
        );
    }

    #[test]
    fn same_event_ignores_stamp_order_and_folding() {
        let zone: Tz = "Europe/Berlin".parse().unwrap();
        let a = resource_ics("P", zone, &event(), "2026-03-01T00:00:00Z".parse().unwrap());
        let b = resource_ics("P", zone, &event(), "2026-03-02T00:00:00Z".parse().unwrap());
        assert_ne!(a, b);
        assert!(same_event(&a, &b));
        let reordered = b
            .replace("TRANSP:TRANSPARENT\r\n", "")
            .replace("END:VEVENT", "TRANSP:TRANSPARENT\r\nEND:VEVENT");
        assert!(same_event(&a, &reordered));
        let attendee = "BEGIN:VEVENT\r\nUID:x\r\nATTENDEE;CN=Ana;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:a@x\r\nEND:VEVENT\r\n";
        let sorted = "BEGIN:VEVENT\nUID:x\nattendee;PARTSTAT=ACCEPTED;CN=\"Ana\";ROLE=REQ-PARTICIPANT:mailto:a\n @x\nEND:VEVENT\n";
        assert!(
            same_event(attendee, sorted),
            "parameters in another order, quoted, folded"
        );
        assert!(!same_event(attendee, &sorted.replace("Ana", "Ben")));
        let mut other = event();
        other.summary = "Op of the Week: Ben Okafor".into();
        assert!(!same_event(
            &a,
            &resource_ics("P", zone, &other, "2026-03-01T00:00:00Z".parse().unwrap())
        ));
        assert!(!same_event("", ""), "nothing is not an event");
    }
}
