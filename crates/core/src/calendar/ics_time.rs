//! Reading RFC 5545 date and time values: `DATE`, `DATE-TIME` in UTC (`…Z`), with a `TZID`, or
//! floating (no zone), plus `DURATION` and `TZID` names (IANA, old Mozilla prefixes, common
//! Windows names).
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::parse::Property;
use crate::time::resolve_local;

/// A start or end as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsTime {
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
    /// A wall-clock time in a zone (UTC for `…Z`); `floating` when the file named no zone and the
    /// importer's zone was assumed.
    Local {
        /// The wall-clock time.
        at: NaiveDateTime,
        /// The zone it is read in.
        zone: Tz,
        /// Whether the file gave no zone at all.
        floating: bool,
    },
}

impl IcsTime {
    /// The instant (dates at local midnight of `zone`).
    pub fn instant(&self, zone: Tz) -> DateTime<Utc> {
        match *self {
            IcsTime::Date(d) => resolve_local(zone, d.and_hms_opt(0, 0, 0).expect("midnight exists")),
            IcsTime::Local { at, zone, .. } => resolve_local(zone, at),
        }
    }

    /// The wall-clock time (dates at midnight) in the value's own zone.
    pub fn naive(&self) -> NaiveDateTime {
        match *self {
            IcsTime::Date(d) => d.and_hms_opt(0, 0, 0).expect("midnight exists"),
            IcsTime::Local { at, .. } => at,
        }
    }

    /// Rebuilds a value of the same kind and zone at wall-clock `at`.
    pub fn with_naive(&self, at: NaiveDateTime) -> IcsTime {
        match *self {
            IcsTime::Date(_) => IcsTime::Date(at.date()),
            IcsTime::Local { zone, floating, .. } => IcsTime::Local { at, zone, floating },
        }
    }
}

/// Reads a `DTSTART`/`DTEND`/`EXDATE`-style property's single value `text`; `floating_zone` is
/// used when the value names no zone.
pub fn parse_value(prop: &Property, text: &str, floating_zone: Tz) -> Result<IcsTime, String> {
    let text = text.trim();
    let is_date = prop.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || text.len() == 8;
    if is_date {
        return parse_date(text).map(IcsTime::Date);
    }
    if let Some(utc) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        let at = parse_naive(utc)?;
        return Ok(IcsTime::Local {
            at,
            zone: Tz::UTC,
            floating: false,
        });
    }
    let at = parse_naive(text)?;
    match prop.param("TZID") {
        Some(tzid) => {
            let zone = lookup_zone(tzid).ok_or_else(|| {
                format!("the time zone \"{tzid}\" is unknown; export the calendar with IANA zone names (e.g. Europe/Berlin) or in UTC")
            })?;
            Ok(IcsTime::Local {
                at,
                zone,
                floating: false,
            })
        }
        None => Ok(IcsTime::Local {
            at,
            zone: floating_zone,
            floating: true,
        }),
    }
}

/// Parses `YYYYMMDD`.
/// Parses `YYYYMMDD` (years 1000 to 3000).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y%m%d")
        .ok()
        .filter(|d| plausible_year(d.year()))
        .ok_or_else(|| format!("\"{text}\" is not a date (YYYYMMDD)"))
}

fn parse_naive(text: &str) -> Result<NaiveDateTime, String> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M"))
        .ok()
        .filter(|d| plausible_year(d.year()))
        .ok_or_else(|| format!("\"{text}\" is not a date and time (YYYYMMDDTHHMMSS)"))
}

/// Years a calendar import accepts; far-off years are typos or hostile input.
fn plausible_year(year: i32) -> bool {
    (1000..=3000).contains(&year)
}

/// Finds a chrono-tz zone for a `TZID`: an IANA name, an IANA name after a path prefix
/// (`/mozilla.org/20050126_1/Europe/Berlin`), or a common Windows zone name.
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
    windows_zone(tzid)
}

/// The IANA zone for the most common Windows zone names (as Outlook writes them).
fn windows_zone(name: &str) -> Option<Tz> {
    const MAP: &[(&str, &str)] = &[
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Central European Standard Time", "Europe/Warsaw"),
        ("GMT Standard Time", "Europe/London"),
        ("Greenwich Standard Time", "Atlantic/Reykjavik"),
        ("E. Europe Standard Time", "Europe/Chisinau"),
        ("FLE Standard Time", "Europe/Kiev"),
        ("GTB Standard Time", "Europe/Bucharest"),
        ("Russian Standard Time", "Europe/Moscow"),
        ("Eastern Standard Time", "America/New_York"),
        ("Central Standard Time", "America/Chicago"),
        ("Mountain Standard Time", "America/Denver"),
        ("US Mountain Standard Time", "America/Phoenix"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("Alaskan Standard Time", "America/Anchorage"),
        ("Hawaiian Standard Time", "Pacific/Honolulu"),
        ("E. South America Standard Time", "America/Sao_Paulo"),
        ("India Standard Time", "Asia/Kolkata"),
        ("China Standard Time", "Asia/Shanghai"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("Singapore Standard Time", "Asia/Singapore"),
        ("AUS Eastern Standard Time", "Australia/Sydney"),
        ("Lord Howe Standard Time", "Australia/Lord_Howe"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
        ("UTC", "UTC"),
        ("Coordinated Universal Time", "UTC"),
    ];
    MAP.iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(name))
        .and_then(|(_, iana)| iana.parse().ok())
}

/// Parses an RFC 5545 `DURATION` such as `P1D`, `PT1H30M`, `P2W`, `-PT15M`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("\"{text}\" is not a duration (e.g. P1D or PT2H)");
    let t = text.trim();
    let (sign, t) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let t = t.strip_prefix('P').ok_or_else(bad)?;
    let (mut total, mut num, mut in_time, mut any, mut time_any) = (0i64, String::new(), false, false, false);
    for c in t.chars() {
        match c {
            '0'..='9' if num.len() < 9 => num.push(c),
            'T' if num.is_empty() && !in_time => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' if !num.is_empty() => {
                let n: i64 = num.parse().map_err(|_| bad())?;
                let unit = match (c, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return Err(bad()),
                };
                total += n * unit;
                num.clear();
                any = true;
                time_any |= in_time;
            }
            _ => return Err(bad()),
        }
    }
    if !any || !num.is_empty() || (in_time && !time_any) {
        return Err(bad());
    }
    Ok(Duration::seconds(sign * total))
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
        assert_eq!(lookup_zone("Mars/Olympus"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("P1D").unwrap(), Duration::days(1));
        assert_eq!(parse_duration("PT1H30M").unwrap(), Duration::minutes(90));
        assert_eq!(parse_duration("P2W").unwrap(), Duration::days(14));
        assert_eq!(parse_duration("-PT15M").unwrap(), Duration::minutes(-15));
        for bad in ["", "P", "1D", "PT", "P1H", "PD", "P1DT", "P99999999999D"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
