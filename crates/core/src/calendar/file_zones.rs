//! Time zones a file defines itself (`VTIMEZONE` with a `TZID` that names no known zone, e.g.
//! "Custom" or a company's own name): the UTC offset at a wall-clock time, from the zone's
//! `STANDARD`/`DAYLIGHT` observances — each starts at its `DTSTART` and again at every `RRULE`
//! occurrence and `RDATE`, and sets the offset to its `TZOFFSETTO` until the next onset.
use std::sync::Arc;

use calcard::icalendar::{ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue};
use chrono::{Duration, NaiveDateTime};

use super::parse::{children, prop, props, text};
use super::rrule::expand;

/// A zone defined by a `VTIMEZONE` in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileZone {
    /// Its `TZID`.
    pub name: String,
    /// Every onset as (wall-clock time before it, offset from UTC after it in seconds), sorted.
    onsets: Vec<(NaiveDateTime, i32)>,
    /// The offset before the first onset.
    before: i32,
}

impl FileZone {
    /// The UTC offset in seconds at wall-clock time `at`.
    pub fn offset_at(&self, at: NaiveDateTime) -> i32 {
        match self.onsets.partition_point(|(t, _)| *t <= at) {
            0 => self.before,
            n => self.onsets[n - 1].1,
        }
    }

    /// The UTC time of wall-clock `at` in this zone.
    pub fn to_utc(&self, at: NaiveDateTime) -> NaiveDateTime {
        at - Duration::seconds(i64::from(self.offset_at(at)))
    }
}

/// Every `VTIMEZONE` of `cal` that has usable observances, by `TZID`, with onsets up to `last`.
/// A zone whose observances cannot be read is left out (its events are then skipped as having an
/// unknown zone).
pub fn file_zones(cal: &ICalendar, last: NaiveDateTime) -> Vec<Arc<FileZone>> {
    let Some(root) = cal.components.first() else {
        return Vec::new();
    };
    children(cal, root)
        .filter(|c| c.component_type == ICalendarComponentType::VTimezone)
        .filter_map(|tz| read_zone(cal, tz, last))
        .map(Arc::new)
        .collect()
}

fn read_zone(cal: &ICalendar, tz: &ICalendarComponent, last: NaiveDateTime) -> Option<FileZone> {
    let name = prop(tz, &ICalendarProperty::Tzid).map(text)?;
    let mut onsets = Vec::new();
    let mut first: Option<(NaiveDateTime, i32)> = None;
    for obs in children(cal, tz).filter(|c| {
        matches!(
            c.component_type,
            ICalendarComponentType::Standard | ICalendarComponentType::Daylight
        )
    }) {
        let from = offset(obs, &ICalendarProperty::Tzoffsetfrom)?;
        let to = offset(obs, &ICalendarProperty::Tzoffsetto)?;
        let start = wall_clock(obs, &ICalendarProperty::Dtstart).into_iter().next()?;
        if first.is_none_or(|(t, _)| start < t) {
            first = Some((start, from));
        }
        let mut starts = vec![start];
        if let Some(ICalendarValue::RecurrenceRule(rule)) =
            prop(obs, &ICalendarProperty::Rrule).and_then(|e| e.values.first())
        {
            starts.extend(expand(rule, start, false, None, last).ok()?);
        }
        starts.extend(wall_clock(obs, &ICalendarProperty::Rdate));
        onsets.extend(starts.into_iter().map(|s| (s, to)));
    }
    let (_, before) = first?;
    onsets.sort();
    onsets.dedup();
    Some(FileZone { name, onsets, before })
}

/// The offset of a `TZOFFSETFROM`/`TZOFFSETTO` property, in seconds.
fn offset(c: &ICalendarComponent, name: &ICalendarProperty) -> Option<i32> {
    match prop(c, name)?.values.first()? {
        ICalendarValue::PartialDateTime(p) => {
            let secs = i32::from(p.tz_hour?) * 3600 + i32::from(p.tz_minute.unwrap_or(0)) * 60;
            Some(if p.tz_minus { -secs } else { secs })
        }
        _ => None,
    }
}

/// Every date-time value of the properties `name` of `c`, as written.
fn wall_clock(c: &ICalendarComponent, name: &ICalendarProperty) -> Vec<NaiveDateTime> {
    props(c, name)
        .flat_map(|e| e.values.iter())
        .filter_map(|v| match v {
            ICalendarValue::PartialDateTime(p) => p.to_date_time().map(|d| d.date_time),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDIA_LIKE: &str = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\n\
DTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VTIMEZONE\r\nTZID:Our office\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n\
TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn offsets_follow_the_observances() {
        let cal = ICalendar::parse(INDIA_LIKE).unwrap();
        let zones = file_zones(&cal, at("2030-01-01 00:00"));
        assert_eq!(zones.len(), 2);
        assert_eq!(zones[0].name, "Custom");
        assert_eq!(zones[0].offset_at(at("2026-07-01 09:00")), 19_800);
        let office = &zones[1];
        // US rules: DST from the 2nd Sunday of March to the 1st Sunday of November.
        assert_eq!(office.offset_at(at("2026-03-08 01:59")), -5 * 3600);
        assert_eq!(office.offset_at(at("2026-03-08 03:00")), -4 * 3600);
        assert_eq!(office.offset_at(at("2026-10-31 12:00")), -4 * 3600);
        assert_eq!(office.offset_at(at("2026-11-01 02:00")), -5 * 3600);
        assert_eq!(office.to_utc(at("2026-07-01 09:00")), at("2026-07-01 13:00"));
        assert_eq!(
            office.offset_at(at("1960-01-01 00:00")),
            -5 * 3600,
            "before the first onset"
        );
    }
}
