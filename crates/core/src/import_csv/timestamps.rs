//! Reading the times CSV exports write, and the durations.
//!
//! A time with an offset or a zone letter (`2026-03-30T09:15:00+02:00`, `…Z`,
//! `2026-03-30 07:15:00 UTC`, `2026-03-30 09:15:00.000 +0200`) is that instant. A time without
//! one (`2026-03-30 09:15`, Jira's `30/Mar/26 9:15 AM`) is wall-clock time in the team's zone,
//! resolved like every other local time in Sprintshield ([`crate::time::resolve_local`]):
//! - in a spring-forward **gap** (02:30 on the night clocks jump from 02:00 to 03:00) it becomes
//!   the first valid minute after the gap (03:00), and the row says so;
//! - in a fall-back **overlap** (02:30 on the night 02:00–03:00 happens twice) it is the first
//!   occurrence (the summer-time one), and the row says so.
use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::detect::DurationUnit;
use crate::text::shown;
use crate::time::{check_year, resolve_local};

/// A time read from a cell, and what was assumed about it (a DST note), if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTime {
    /// The instant.
    pub at: DateTime<Utc>,
    /// A sentence about a DST gap or overlap, when the wall-clock time fell in one.
    pub note: Option<String>,
}

const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f %:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%d %H:%M %z",
];

const LOCAL: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    // Jira's default ("09/Oct/25 1:42 PM") and its four-digit-year variant.
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%Y %H:%M",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
];

/// Reads the time in `cell`; without an offset it is wall-clock time in `zone`. The error is a
/// sentence for the row's reason.
pub fn read_time(cell: &str, zone: Tz) -> Result<ReadTime, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Err("it has no time".to_owned());
    }
    let instant = |dt: DateTime<FixedOffset>| -> Result<ReadTime, String> {
        in_years(dt.naive_local(), t)?;
        Ok(ReadTime {
            at: dt.with_timezone(&Utc),
            note: None,
        })
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return instant(dt);
    }
    // "Z", " UTC" and " GMT" are an offset of zero.
    let zulu = ["Z", " UTC", " GMT", " Z"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .map(|rest| format!("{} +00:00", rest.trim_end()));
    let t_off = zulu.as_deref().unwrap_or(t);
    for fmt in WITH_OFFSET {
        if let Ok(dt) = DateTime::parse_from_str(t_off, fmt) {
            return instant(dt);
        }
    }
    if let Some(naive) = zulu.as_deref().and_then(|z| {
        let body = z.strip_suffix(" +00:00")?;
        LOCAL.iter().find_map(|f| NaiveDateTime::parse_from_str(body, f).ok())
    }) {
        in_years(naive, t)?;
        return Ok(ReadTime {
            at: Utc.from_utc_datetime(&naive),
            note: None,
        });
    }
    for fmt in LOCAL {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            in_years(naive, t)?;
            return Ok(local(naive, zone));
        }
    }
    Err(format!(
        "\"{}\" is not a time Sprintshield can read; write it as 2026-03-30 09:15 (team's zone) or 2026-03-30T09:15:00+02:00",
        shown(t)
    ))
}

fn in_years(naive: NaiveDateTime, text: &str) -> Result<(), String> {
    check_year("at", naive.date()).map(|_| ()).map_err(|e| {
        let _ = text;
        e.message
    })
}

/// Wall-clock `naive` in `zone`, with a note when it falls in a DST gap or overlap.
fn local(naive: NaiveDateTime, zone: Tz) -> ReadTime {
    let at = resolve_local(zone, naive);
    let shown_at = |u: DateTime<Utc>| u.with_timezone(&zone).format("%H:%M %Z").to_string();
    let note = match zone.from_local_datetime(&naive) {
        LocalResult::Single(_) => None,
        LocalResult::Ambiguous(first, second) => Some(format!(
            "{} happened twice in {} (clocks went back); read as the first, {}, not {}",
            naive.format("%Y-%m-%d %H:%M"),
            zone.name(),
            shown_at(first.with_timezone(&Utc)),
            shown_at(second.with_timezone(&Utc)),
        )),
        LocalResult::None => Some(format!(
            "{} did not exist in {} (clocks went forward); read as {}",
            naive.format("%Y-%m-%d %H:%M"),
            zone.name(),
            shown_at(at),
        )),
    };
    ReadTime { at, note }
}

/// Minutes in a duration `cell` counted in `unit`, rounded up to whole minutes. Minutes may be
/// written `90`, `12.5`, `1:30`, `1h 30m`, `2h` or `45m`. `None` for an empty cell; the error
/// is a sentence for the row's reason.
pub fn read_minutes(cell: &str, unit: DurationUnit) -> Result<Option<i64>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || {
        format!(
            "\"{}\" is not a duration; write minutes (90), hours and minutes (1h 30m) or 1:30",
            shown(t)
        )
    };
    let number = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite());
    let minutes = if let Some(v) = number(t) {
        match unit {
            DurationUnit::Milliseconds => v / 60_000.0,
            DurationUnit::Seconds => v / 60.0,
            DurationUnit::Minutes => v,
            DurationUnit::Hours => v * 60.0,
        }
    } else if let Some((h, m)) = t.split_once(':') {
        match (h.trim().parse::<u32>(), m.trim().parse::<u32>()) {
            (Ok(h), Ok(m)) if m < 60 => f64::from(h) * 60.0 + f64::from(m),
            _ => return Err(bad()),
        }
    } else {
        let mut total = 0.0;
        let mut rest = t.to_lowercase();
        let mut any = false;
        for (suffix, factor) in [("d", 8.0 * 60.0), ("h", 60.0), ("m", 1.0)] {
            if let Some(pos) = rest.find(suffix) {
                let (num, after) = rest.split_at(pos);
                let v = number(num).ok_or_else(bad)?;
                total += v * factor;
                rest = after[suffix.len()..]
                    .trim_start_matches(['i', 'n', 's', 'o', 'u', 'r', 'a', 'y'])
                    .trim()
                    .to_owned();
                any = true;
            }
        }
        if !any || !rest.is_empty() {
            return Err(bad());
        }
        total
    };
    if minutes < 0.0 {
        return Err(format!("the duration \"{}\" is negative", shown(t)));
    }
    if minutes > 1e9 {
        return Err(bad());
    }
    Ok(Some(minutes.ceil() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn offsets_and_zone_letters() {
        for (cell, want) in [
            ("2026-03-30T09:15:00+02:00", "2026-03-30T07:15:00Z"),
            ("2026-03-30T07:15:00.123Z", "2026-03-30T07:15:00.123Z"),
            ("2026-03-30 07:15:00 UTC", "2026-03-30T07:15:00Z"),
            ("2026-03-30 09:15:00.000 +0200", "2026-03-30T07:15:00Z"),
            ("2026-03-30 01:15:00 -0600", "2026-03-30T07:15:00Z"),
        ] {
            let r = read_time(cell, Berlin).unwrap();
            assert_eq!(r.at, utc(want), "{cell}");
            assert_eq!(r.note, None);
        }
    }

    #[test]
    fn local_times_use_the_team_zone_and_jira_dates() {
        assert_eq!(
            read_time("2026-03-30 09:15", Berlin).unwrap().at,
            utc("2026-03-30T07:15:00Z")
        );
        assert_eq!(
            read_time("09/Oct/25 1:42 PM", Berlin).unwrap().at,
            utc("2025-10-09T11:42:00Z")
        );
        assert!(read_time("next tuesday", Berlin).is_err());
        assert!(read_time("0026-03-30 09:15", Berlin).is_err());
    }

    #[test]
    fn dst_gap_moves_forward_and_overlap_takes_the_first() {
        // Berlin, 2026-03-29: 02:00 -> 03:00.
        let gap = read_time("2026-03-29 02:30", Berlin).unwrap();
        assert_eq!(gap.at, utc("2026-03-29T01:00:00Z"));
        assert!(gap.note.unwrap().contains("did not exist"));
        // Berlin, 2026-10-25: 03:00 -> 02:00, so 02:30 happens at 00:30Z and 01:30Z.
        let twice = read_time("2026-10-25 02:30", Berlin).unwrap();
        assert_eq!(twice.at, utc("2026-10-25T00:30:00Z"));
        assert!(twice.note.unwrap().contains("happened twice"));
        // Lord Howe's half-hour shift: 2026-10-04 02:00 -> 02:30.
        let lh = read_time("2026-10-04 02:10", chrono_tz::Australia::Lord_Howe).unwrap();
        assert_eq!(lh.at, utc("2026-10-03T15:30:00Z"));
    }

    #[test]
    fn durations_in_every_unit() {
        assert_eq!(read_minutes("90", DurationUnit::Minutes), Ok(Some(90)));
        assert_eq!(read_minutes("12.5", DurationUnit::Minutes), Ok(Some(13)));
        assert_eq!(read_minutes("1:30", DurationUnit::Minutes), Ok(Some(90)));
        assert_eq!(read_minutes("1h 30m", DurationUnit::Minutes), Ok(Some(90)));
        assert_eq!(read_minutes("2h", DurationUnit::Minutes), Ok(Some(120)));
        assert_eq!(read_minutes("45 min", DurationUnit::Minutes), Ok(Some(45)));
        assert_eq!(read_minutes("5400", DurationUnit::Seconds), Ok(Some(90)));
        assert_eq!(read_minutes("60503", DurationUnit::Milliseconds), Ok(Some(2)));
        assert_eq!(read_minutes("", DurationUnit::Minutes), Ok(None));
        assert!(read_minutes("-5", DurationUnit::Minutes).is_err());
        assert!(read_minutes("soon", DurationUnit::Minutes).is_err());
        assert!(read_minutes("NaN", DurationUnit::Minutes).is_err());
    }
}
