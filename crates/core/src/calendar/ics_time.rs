//! RFC 5545 date and time values as calcard reads them — `DATE`, `DATE-TIME` in UTC (`…Z`), with
//! a `TZID`, or floating (no zone) — and which zone a `TZID` means: an IANA name (also after a
//! Mozilla-style path prefix), a Windows name as Outlook writes it ([`super::windows_zones`]),
//! another name calcard knows, a `VTIMEZONE` of the file that says where it is
//! (`X-LIC-LOCATION`, Exchange's zone number), or a `VTIMEZONE` of the file with its own rules
//! ([`super::file_zones`]).
use std::sync::Arc;

use calcard::common::timezone::Tz as CalTz;
use calcard::common::PartialDateTime;
use calcard::icalendar::{ICalendar, ICalendarComponentType, ICalendarEntry};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::file_zones::{file_zones, FileZone};
use super::parse::children;
use super::windows_zones::iana_for_windows;
use crate::time::resolve_local;

/// The zone of a wall-clock time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone (UTC for `…Z`).
    Iana(Tz),
    /// A zone the file defines with its own rules.
    File(Arc<FileZone>),
}

impl Zone {
    /// The instant of wall-clock `at` (a DST gap moves to the first valid minute after it).
    pub fn to_utc(&self, at: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Zone::Iana(z) => resolve_local(*z, at),
            Zone::File(f) => f.to_utc(at).and_utc(),
        }
    }

    /// The wall-clock time of `at` in this zone.
    pub fn wall_clock(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Iana(z) => at.with_timezone(z).naive_local(),
            Zone::File(f) => {
                let guess = at.naive_utc() + Duration::seconds(i64::from(f.offset_at(at.naive_utc())));
                at.naive_utc() + Duration::seconds(i64::from(f.offset_at(guess)))
            }
        }
    }
}

/// A start or end as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsTime {
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
    /// A wall-clock time in a zone; `floating` when the file named no zone and the team's zone was
    /// assumed.
    Local {
        /// The wall-clock time.
        at: NaiveDateTime,
        /// The zone it is read in.
        zone: Zone,
        /// Whether the file gave no zone at all.
        floating: bool,
    },
}

impl IcsTime {
    /// The instant (dates at midnight of `team`).
    pub fn instant(&self, team: Tz) -> DateTime<Utc> {
        match self {
            IcsTime::Date(d) => resolve_local(team, d.and_time(chrono::NaiveTime::MIN)),
            IcsTime::Local { at, zone, .. } => zone.to_utc(*at),
        }
    }

    /// The wall-clock time (dates at midnight) in the value's own zone.
    pub fn naive(&self) -> NaiveDateTime {
        match self {
            IcsTime::Date(d) => d.and_time(chrono::NaiveTime::MIN),
            IcsTime::Local { at, .. } => *at,
        }
    }

    /// A value of the same kind and zone at wall-clock `at`.
    pub fn with_naive(&self, at: NaiveDateTime) -> IcsTime {
        match self {
            IcsTime::Date(_) => IcsTime::Date(at.date()),
            IcsTime::Local { zone, floating, .. } => IcsTime::Local {
                at,
                zone: zone.clone(),
                floating: *floating,
            },
        }
    }
}

/// The zones a file's `TZID`s can name, plus the team's zone for floating times.
pub struct Zones {
    /// `VTIMEZONE`s that say which IANA zone they are.
    located: Vec<(String, Tz)>,
    /// `VTIMEZONE`s with their own rules.
    own: Vec<Arc<FileZone>>,
    /// The team's zone.
    pub team: Tz,
}

impl Zones {
    /// The zones of `cal`, with onsets of its own zones up to `last`.
    pub fn of(cal: &ICalendar, team: Tz, last: NaiveDateTime) -> Self {
        let located = cal
            .components
            .first()
            .into_iter()
            .flat_map(|root| children(cal, root))
            .filter(|c| c.component_type == ICalendarComponentType::VTimezone)
            .filter_map(|c| match c.timezone()? {
                (name, CalTz::Tz(z)) => Some((name.to_owned(), z)),
                _ => None,
            })
            .collect();
        Zones {
            located,
            own: file_zones(cal, last),
            team,
        }
    }

    /// The zone `tzid` names, if any.
    pub fn resolve(&self, tzid: &str) -> Option<Zone> {
        let tzid = tzid.trim().trim_matches('"');
        if let Some(z) = lookup_zone(tzid) {
            return Some(Zone::Iana(z));
        }
        if let Some((_, z)) = self.located.iter().find(|(n, _)| n == tzid) {
            return Some(Zone::Iana(*z));
        }
        self.own.iter().find(|z| z.name == tzid).cloned().map(Zone::File)
    }
}

/// Reads one `DTSTART`/`DTEND`/`EXDATE`/`RECURRENCE-ID` value of `entry`.
pub fn parse_value(entry: &ICalendarEntry, value: &PartialDateTime, zones: &Zones) -> Result<IcsTime, String> {
    let bad = || "a date or time in it cannot be read".to_owned();
    let dt = value.to_date_time().ok_or_else(bad)?;
    if !plausible_year(dt.date_time.year()) {
        return Err(format!(
            "its date {} is outside the years 1000 to 3000",
            dt.date_time.date()
        ));
    }
    if !value.has_time() {
        return Ok(IcsTime::Date(dt.date_time.date()));
    }
    if let Some(offset) = dt.offset {
        let at = dt.date_time - Duration::seconds(i64::from(offset.local_minus_utc()));
        return Ok(IcsTime::Local {
            at,
            zone: Zone::Iana(Tz::UTC),
            floating: false,
        });
    }
    match entry.tz_id() {
        Some(tzid) => {
            let zone = zones.resolve(tzid).ok_or_else(|| {
                format!("the time zone \"{tzid}\" is unknown; export the calendar with IANA zone names (e.g. Europe/Berlin) or in UTC")
            })?;
            Ok(IcsTime::Local {
                at: dt.date_time,
                zone,
                floating: false,
            })
        }
        None => Ok(IcsTime::Local {
            at: dt.date_time,
            zone: Zone::Iana(zones.team),
            floating: true,
        }),
    }
}

/// Years a calendar import accepts; far-off years are typos or hostile input.
fn plausible_year(year: i32) -> bool {
    (1000..=3000).contains(&year)
}

/// The chrono-tz zone for a `TZID`: an IANA name, an IANA name after a path prefix
/// (`/mozilla.org/20050126_1/Europe/Berlin`), a Windows zone name, or another name calcard
/// knows (older Windows display names such as "(UTC+01:00) Amsterdam, Berlin, …").
pub fn lookup_zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(z) = tzid.parse::<Tz>() {
        return Some(z);
    }
    let mut rest = tzid;
    while let Some((_, tail)) = rest.split_once('/') {
        if let Ok(z) = tail.parse::<Tz>() {
            return Some(z);
        }
        rest = tail;
    }
    if let Some(z) = iana_for_windows(tzid).and_then(|n| n.parse().ok()) {
        return Some(z);
    }
    match tzid.parse::<CalTz>() {
        Ok(CalTz::Tz(z)) => Some(z),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names() {
        assert_eq!(lookup_zone("Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(
            lookup_zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(lookup_zone("W. Europe Standard Time"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(
            lookup_zone("\"Pacific Standard Time\""),
            Some(chrono_tz::America::Los_Angeles)
        );
        assert_eq!(lookup_zone("Mars/Olympus"), None);
        assert_eq!(lookup_zone("Custom"), None);
    }
}
