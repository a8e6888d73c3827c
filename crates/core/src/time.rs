//! Time primitives shared by every rule: IANA zones, inclusive date spans, working days, and the
//! one place where a local wall-clock time becomes a UTC instant.
//!
//! Instants are stored in UTC; rules are local wall-clock times plus an IANA zone. Converting a
//! wall-clock time is where DST bites, so it happens only in [`resolve_local`]:
//! - a time that does not exist (spring-forward gap) moves to the first valid minute after it;
//! - a time that occurs twice (fall-back overlap) uses the first occurrence.
//!
//! Dates a person types are limited to the years [`FIRST_YEAR`] to [`LAST_YEAR`] ([`check_year`]):
//! year 0 or 2999 is a typing mistake, never a plan.
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::shown;
use crate::Invalid;

/// Parses an IANA zone name such as `Europe/Berlin`.
pub fn parse_zone(name: &str) -> Result<Tz, Invalid> {
    name.trim().parse::<Tz>().map_err(|_| {
        Invalid::new(
            "zone",
            format!(
                "\"{}\" is not a known IANA time zone; use a name such as Europe/Berlin or America/Chicago",
                shown(name)
            ),
        )
    })
}

/// The first year Sprintshield plans for; earlier dates are typing mistakes.
pub const FIRST_YEAR: i32 = 1900;
/// The last year Sprintshield plans for; later dates are typing mistakes.
pub const LAST_YEAR: i32 = 2200;

/// Accepts `date` when its year is in [`FIRST_YEAR`]`..=`[`LAST_YEAR`]; `field` names the input.
/// Every date read from what a person typed goes through this, so no rule ever meets year 0 or a
/// date near the end of the calendar.
pub fn check_year(field: &'static str, date: NaiveDate) -> Result<NaiveDate, Invalid> {
    year_in_range(field, date, &date.to_string())
}

fn year_in_range(field: &'static str, date: NaiveDate, typed: &str) -> Result<NaiveDate, Invalid> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Ok(date);
    }
    Err(Invalid::new(
        field,
        format!(
            "\"{}\" is outside the years Sprintshield plans for ({FIRST_YEAR}–{LAST_YEAR}); check the year",
            shown(typed.trim())
        ),
    ))
}

/// Parses an ISO date `YYYY-MM-DD` in the years [`FIRST_YEAR`] to [`LAST_YEAR`]; `field` names
/// the input for the error.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, Invalid> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Invalid::new(
            field,
            format!(
                "\"{}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-30",
                shown(text)
            ),
        )
    })?;
    year_in_range(field, date, text)
}

/// Parses an ISO 8601 date-time. With an offset (`2026-03-30T09:15:00+02:00` or `…Z`) it is taken
/// as is; without one (`2026-03-30T09:15` or `2026-03-30 09:15`) it is read as wall-clock time in
/// `zone` and resolved with [`resolve_local`]. The year as written must be in [`FIRST_YEAR`] to
/// [`LAST_YEAR`].
pub fn parse_datetime(field: &'static str, text: &str, zone: Tz) -> Result<DateTime<Utc>, Invalid> {
    let t = text.trim();
    let with_offset =
        |dt: DateTime<FixedOffset>| year_in_range(field, dt.date_naive(), text).map(|_| dt.with_timezone(&Utc));
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return with_offset(dt);
    }
    let with_z = t.strip_suffix('Z').map(|s| format!("{s}+00:00"));
    let t_off = with_z.as_deref().unwrap_or(t);
    for fmt in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z", "%Y-%m-%dT%H:%M:%S%:z"] {
        if let Ok(dt) = DateTime::parse_from_str(t_off, fmt) {
            return with_offset(dt);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            year_in_range(field, naive.date(), text)?;
            return Ok(resolve_local(zone, naive));
        }
    }
    Err(Invalid::new(
        field,
        format!("\"{}\" is not a date and time; write it as 2026-03-30T09:15 (team's zone) or with an offset, 2026-03-30T09:15+02:00", shown(text)),
    ))
}

/// Turns a local wall-clock time in `zone` into a UTC instant, handling DST explicitly:
/// a time inside a spring-forward gap moves to the first valid minute after the gap; a time that
/// occurs twice in a fall-back overlap resolves to its first occurrence.
pub fn resolve_local(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(dt) => dt.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // Gaps are at most a few hours (30 minutes on Lord Howe); walk forward minute by minute.
            let mut probe = local;
            for _ in 0..(24 * 60) {
                probe += Duration::minutes(1);
                match zone.from_local_datetime(&probe) {
                    LocalResult::Single(dt) => return dt.with_timezone(&Utc),
                    LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
                    LocalResult::None => {}
                }
            }
            unreachable!("no time zone has a DST gap longer than a day")
        }
    }
}

/// An inclusive range of calendar days, `first..=last`; `last` is never before `first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct DateSpan {
    /// First day, inclusive.
    pub first: NaiveDate,
    /// Last day, inclusive.
    pub last: NaiveDate,
}

impl DateSpan {
    /// A span from `first` to `last`, both inclusive. Rejects a `last` before `first`;
    /// `first_field`/`last_field` name the inputs for the error.
    pub fn new(first: NaiveDate, last: NaiveDate, last_field: &'static str) -> Result<Self, Invalid> {
        if last < first {
            return Err(Invalid::new(
                last_field,
                format!("the last day ({last}) is before the first day ({first})"),
            ));
        }
        Ok(Self { first, last })
    }

    /// Whether `day` lies in the span.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    /// Whether the two spans share at least one day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Number of calendar days in the span (at least 1).
    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// Every day of the span, in order.
    pub fn iter_days(&self) -> impl Iterator<Item = NaiveDate> {
        let last = self.last;
        self.first.iter_days().take_while(move |d| *d <= last)
    }
}

/// The days of the week a team works, as a set. Default Monday to Friday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "Vec<Weekday>", try_from = "Vec<Weekday>")]
pub struct WorkingDays(u8);

impl TS for WorkingDays {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "Array<\"Mon\" | \"Tue\" | \"Wed\" | \"Thu\" | \"Fri\" | \"Sat\" | \"Sun\">".to_owned()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

impl WorkingDays {
    /// Monday to Friday.
    pub const MON_FRI: WorkingDays = WorkingDays(0b0001_1111);

    /// The set of `days`; rejects an empty set.
    pub fn new(days: &[Weekday]) -> Result<Self, Invalid> {
        let bits = days.iter().fold(0u8, |acc, d| acc | (1 << d.num_days_from_monday()));
        if bits == 0 {
            return Err(Invalid::new("working_days", "a team needs at least one working day"));
        }
        Ok(Self(bits))
    }

    /// Whether the team works on `day`'s weekday.
    pub fn includes(&self, day: NaiveDate) -> bool {
        self.0 & (1 << day.weekday().num_days_from_monday()) != 0
    }

    /// The weekdays in the set, Monday first.
    pub fn days(&self) -> Vec<Weekday> {
        (0..7)
            .filter(|i| self.0 & (1 << i) != 0)
            .map(|i| Weekday::try_from(i as u8).expect("0..7 is a weekday"))
            .collect()
    }

    /// Compact storage form: a bit per weekday, Monday = bit 0.
    pub fn bits(&self) -> u8 {
        self.0
    }

    /// Reads the storage form back; rejects an empty or out-of-range mask.
    pub fn from_bits(bits: u8) -> Result<Self, Invalid> {
        if bits == 0 || bits > 0b0111_1111 {
            return Err(Invalid::new("working_days", "a team needs at least one working day"));
        }
        Ok(Self(bits))
    }
}

impl Default for WorkingDays {
    fn default() -> Self {
        Self::MON_FRI
    }
}

impl From<WorkingDays> for Vec<Weekday> {
    fn from(w: WorkingDays) -> Self {
        w.days()
    }
}

impl TryFrom<Vec<Weekday>> for WorkingDays {
    type Error = Invalid;
    fn try_from(days: Vec<Weekday>) -> Result<Self, Invalid> {
        WorkingDays::new(&days)
    }
}

/// Parses a weekday name (`Mon`, `monday`, `MO`), case-insensitive.
pub fn parse_weekday(text: &str) -> Result<Weekday, Invalid> {
    let t = text.trim().to_ascii_lowercase();
    let day = match t.get(..2) {
        Some("mo") => Weekday::Mon,
        Some("tu") => Weekday::Tue,
        Some("we") => Weekday::Wed,
        Some("th") => Weekday::Thu,
        Some("fr") => Weekday::Fri,
        Some("sa") => Weekday::Sat,
        Some("su") => Weekday::Sun,
        _ => {
            return Err(Invalid::new(
                "weekday",
                format!("\"{}\" is not a weekday; use Mon, Tue, … Sun", shown(text)),
            ))
        }
    };
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(d: &str, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
    }

    #[test]
    fn unknown_zone_is_rejected_with_an_example() {
        let e = parse_zone("Europe/Atlantis").unwrap_err();
        assert_eq!(e.field, "zone");
        assert!(e.message.contains("Europe/Berlin"));
        assert_eq!(
            parse_zone("Australia/Lord_Howe").unwrap(),
            chrono_tz::Australia::Lord_Howe
        );
    }

    #[test]
    fn spring_forward_gap_moves_to_first_valid_minute() {
        // Berlin jumps from 02:00 to 03:00 on 2026-03-29.
        let utc = resolve_local(chrono_tz::Europe::Berlin, at("2026-03-29", 2, 30));
        assert_eq!(utc.to_rfc3339(), "2026-03-29T01:00:00+00:00"); // 03:00 CEST
                                                                   // Lord Howe jumps from 02:00 to 02:30 on 2026-10-04.
        let utc = resolve_local(chrono_tz::Australia::Lord_Howe, at("2026-10-04", 2, 10));
        assert_eq!(
            utc.with_timezone(&chrono_tz::Australia::Lord_Howe)
                .format("%H:%M")
                .to_string(),
            "02:30"
        );
    }

    #[test]
    fn fall_back_overlap_takes_first_occurrence() {
        // Chicago repeats 01:00–02:00 on 2026-11-01; the first 01:30 is CDT (UTC-5).
        let utc = resolve_local(chrono_tz::America::Chicago, at("2026-11-01", 1, 30));
        assert_eq!(utc.to_rfc3339(), "2026-11-01T06:30:00+00:00");
    }

    #[test]
    fn datetime_with_offset_or_in_zone() {
        let z = chrono_tz::Europe::Berlin;
        assert_eq!(
            parse_datetime("at", "2026-07-01T09:00+02:00", z).unwrap().to_rfc3339(),
            "2026-07-01T07:00:00+00:00"
        );
        assert_eq!(
            parse_datetime("at", "2026-07-01T09:00", z).unwrap().to_rfc3339(),
            "2026-07-01T07:00:00+00:00"
        );
        assert_eq!(
            parse_datetime("at", "2026-01-01 09:00", z).unwrap().to_rfc3339(),
            "2026-01-01T08:00:00+00:00"
        );
        assert!(parse_datetime("at", "yesterday", z).is_err());
    }

    #[test]
    fn dates_outside_the_planned_years_are_rejected() {
        let e = parse_date("start", "0000-01-01").unwrap_err();
        assert_eq!(e.field, "start");
        assert_eq!(
            e.message,
            "\"0000-01-01\" is outside the years Sprintshield plans for (1900–2200); check the year"
        );
        for text in ["1899-12-31", "2201-01-01", "-0001-01-01", "+10000-01-01", "9999-12-31"] {
            let e = parse_date("end", text).unwrap_err();
            assert_eq!(e.field, "end", "{text}");
            assert!(e.message.contains("1900–2200"), "{text}: {}", e.message);
        }
        // Beyond what chrono can hold: still an error on the field, never a panic.
        assert_eq!(parse_date("end", "+262143-12-31").unwrap_err().field, "end");
    }

    #[test]
    fn first_and_last_planned_days_are_accepted() {
        assert_eq!(
            parse_date("start", "1900-01-01").unwrap(),
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
        );
        assert_eq!(
            parse_date("end", " 2200-12-31 ").unwrap(),
            NaiveDate::from_ymd_opt(2200, 12, 31).unwrap()
        );
    }

    #[test]
    fn check_year_guards_dates_from_elsewhere() {
        assert!(check_year("day", NaiveDate::MAX).is_err());
        assert!(check_year("day", NaiveDate::MIN).is_err());
        let ok = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
        assert_eq!(check_year("day", ok).unwrap(), ok);
        assert_eq!(check_year("day", NaiveDate::MAX).unwrap_err().field, "day");
    }

    #[test]
    fn datetimes_outside_the_planned_years_are_rejected() {
        let z = chrono_tz::Europe::Berlin;
        for text in [
            "0000-01-01T09:00",
            "0000-01-01 09:00",
            "0000-01-01T00:00:00Z",
            "0000-01-01T09:00+02:00",
            "2201-01-01T00:00",
            "1899-12-31T23:59:59+00:00",
        ] {
            let e = parse_datetime("arrived_at", text, z).unwrap_err();
            assert_eq!(e.field, "arrived_at", "{text}");
            assert!(e.message.contains("outside the years"), "{text}: {}", e.message);
            assert!(e.message.contains(text), "{text}: {}", e.message);
        }
        // The year as written counts, not the year in UTC.
        assert!(parse_datetime("at", "1900-01-01T00:30+01:00", z).is_ok());
        assert!(parse_datetime("at", "2200-12-31T23:30", z).is_ok());
        // Beyond chrono's range, or near it, is an error and never a panic.
        assert!(parse_datetime("at", "+262143-12-31T23:59-23:59", z).is_err());
        assert!(parse_datetime("at", "+262143-12-31T23:59", z).is_err());
    }

    #[test]
    fn huge_or_hostile_date_text_gets_a_short_message() {
        let e = parse_date("start", &"9".repeat(70_000)).unwrap_err();
        assert!(e.message.chars().count() < 120, "{}", e.message);
        let e = parse_datetime("at", "2026-01-01\u{7}", chrono_tz::UTC).unwrap_err();
        assert!(
            e.message.contains("U+0007") && !e.message.contains('\u{7}'),
            "{}",
            e.message
        );
    }

    #[test]
    fn date_span_rejects_last_before_first() {
        let a = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
        let b = NaiveDate::from_ymd_opt(2026, 5, 9).unwrap();
        let e = DateSpan::new(a, b, "last_day").unwrap_err();
        assert_eq!(e.field, "last_day");
        assert_eq!(DateSpan::new(b, a, "last_day").unwrap().days(), 2);
    }

    #[test]
    fn working_days_roundtrip_and_reject_empty() {
        assert!(WorkingDays::new(&[]).is_err());
        let w = WorkingDays::default();
        assert_eq!(w.days().len(), 5);
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, r#"["Mon","Tue","Wed","Thu","Fri"]"#);
        let back: WorkingDays = serde_json::from_str(&json).unwrap();
        assert_eq!(back, w);
        assert!(serde_json::from_str::<WorkingDays>("[]").is_err());
        // 2026-11-21 is a Saturday.
        assert!(!w.includes(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()));
    }
}
