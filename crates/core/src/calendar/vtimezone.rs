//! `VTIMEZONE` components generated from chrono-tz for the years an export spans.
//!
//! The zone's UTC offset is sampled hourly; where it changes between two samples the exact minute
//! of the transition is found by bisection. Each transition becomes one `STANDARD` or `DAYLIGHT`
//! sub-component (by whether DST is in effect after it) whose `DTSTART` is the local wall-clock
//! time of the transition in the offset before it, with `TZOFFSETFROM`/`TZOFFSETTO`. One more
//! sub-component, dated local midnight of 1 January of the first year, states the offset in effect before the first
//! transition; a zone without DST therefore gets exactly one `STANDARD`. Explicit dates instead of
//! `RRULE`s keep the component true for zones whose rules changed during the span.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::writer::IcsWriter;
use crate::time::resolve_local;

/// The offsets of a zone at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneOffset {
    /// Total offset from UTC in seconds (local − UTC).
    pub total: i32,
    /// Whether daylight saving time is in effect.
    pub dst: bool,
    /// The abbreviation (`CET`, `CDT`), or the numeric offset (`+1030`) when the zone has none.
    pub name: String,
}

/// One change of a zone's UTC offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The first instant of the new offset.
    pub at: DateTime<Utc>,
    /// Offset before.
    pub from: ZoneOffset,
    /// Offset from `at` on.
    pub to: ZoneOffset,
}

/// The offsets of `zone` at `at`.
pub fn offset_at(zone: Tz, at: DateTime<Utc>) -> ZoneOffset {
    let off = zone.offset_from_utc_datetime(&at.naive_utc());
    let total = off.fix().local_minus_utc();
    let name = off
        .abbreviation()
        .map(str::to_owned)
        .unwrap_or_else(|| format_offset(total));
    ZoneOffset {
        total,
        dst: !off.dst_offset().is_zero(),
        name,
    }
}

/// `zone`'s total offset from UTC at `at`, in seconds (the cheap probe used while scanning).
fn total_at(zone: Tz, at: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
}

/// Every change of `zone`'s total UTC offset in `[from, to)`, to the minute, in order.
pub fn transitions(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    let mut found = Vec::new();
    let mut at = from;
    let mut before = total_at(zone, at);
    while at < to {
        let next = at + Duration::hours(1);
        let after = total_at(zone, next);
        if after != before {
            let change = bisect_minute(zone, at, before);
            found.push(Transition {
                at: change,
                from: offset_at(zone, at),
                to: offset_at(zone, change),
            });
        }
        before = after;
        at = next;
    }
    found
}

/// The first minute after `lo` (within the hour) at which the offset is no longer `old_total`.
fn bisect_minute(zone: Tz, lo: DateTime<Utc>, old_total: i32) -> DateTime<Utc> {
    let (mut lo_min, mut hi_min) = (0i64, 60i64);
    while hi_min - lo_min > 1 {
        let mid = (lo_min + hi_min) / 2;
        if total_at(zone, lo + Duration::minutes(mid)) == old_total {
            lo_min = mid;
        } else {
            hi_min = mid;
        }
    }
    lo + Duration::minutes(hi_min)
}

/// Formats an offset in seconds as `+HHMM` (or `+HHMMSS` when it has seconds), as RFC 5545's
/// `UTC-OFFSET` wants.
pub fn format_offset(total: i32) -> String {
    let sign = if total < 0 { '-' } else { '+' };
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// Writes the `VTIMEZONE` of `zone` covering the years `first_year..=last_year`.
pub fn write_vtimezone(w: &mut IcsWriter, zone: Tz, first_year: i32, last_year: i32) {
    let local_start = year_start(first_year);
    let start = resolve_local(zone, local_start);
    let end = resolve_local(zone, year_start(last_year + 1));
    let initial = offset_at(zone, start);
    w.begin("VTIMEZONE");
    w.raw("TZID", zone.name());
    write_sub(w, local_start, &initial, &initial);
    for t in transitions(zone, start, end) {
        let local = t.at.naive_utc() + Duration::seconds(i64::from(t.from.total));
        write_sub(w, local, &t.from, &t.to);
    }
    w.end("VTIMEZONE");
}

fn write_sub(w: &mut IcsWriter, local: NaiveDateTime, from: &ZoneOffset, to: &ZoneOffset) {
    let kind = if to.dst { "DAYLIGHT" } else { "STANDARD" };
    w.begin(kind);
    w.raw("DTSTART", &local.format("%Y%m%dT%H%M%S").to_string());
    w.raw("TZOFFSETFROM", &format_offset(from.total));
    w.raw("TZOFFSETTO", &format_offset(to.total));
    w.text("TZNAME", &to.name);
    w.end(kind);
}

/// Local midnight of 1 January of `year` (clamped to chrono's calendar).
fn year_start(year: i32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(zone: Tz, y: i32) -> Vec<Transition> {
        transitions(zone, year_start(y).and_utc(), year_start(y + 1).and_utc())
    }

    #[test]
    fn berlin_2026_changes_at_one_utc() {
        let t = year(chrono_tz::Europe::Berlin, 2026);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].at.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        assert_eq!((t[0].from.total, t[0].to.total, t[0].to.dst), (3600, 7200, true));
        assert_eq!(t[0].to.name, "CEST");
        assert_eq!(t[1].at.to_rfc3339(), "2026-10-25T01:00:00+00:00");
        assert!(!t[1].to.dst);
    }

    #[test]
    fn lord_howe_has_half_hour_dst() {
        let t = year(chrono_tz::Australia::Lord_Howe, 2026);
        assert_eq!(t.len(), 2);
        // April: 02:00 local DST (+11:00) back to 01:30 standard (+10:30).
        assert_eq!((t[0].from.total, t[0].to.total), (11 * 3600, 10 * 3600 + 1800));
        assert_eq!(format_offset(t[0].to.total), "+1030");
        // October: 02:00 standard jumps to 02:30.
        assert_eq!(t[1].at.to_rfc3339(), "2026-10-03T15:30:00+00:00");
    }

    #[test]
    fn utc_and_chicago() {
        assert!(year(chrono_tz::UTC, 2026).is_empty());
        let t = year(chrono_tz::America::Chicago, 2026);
        assert_eq!(t[0].at.to_rfc3339(), "2026-03-08T08:00:00+00:00");
        assert_eq!(format_offset(t[0].from.total), "-0600");
        assert_eq!(t[1].at.to_rfc3339(), "2026-11-01T07:00:00+00:00");
    }
}
