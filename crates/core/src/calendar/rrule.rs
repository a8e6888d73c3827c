//! A small `RRULE` expander: `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` with `INTERVAL`, `COUNT`, `UNTIL`,
//! `WKST`, `BYDAY` (plain weekdays, for daily and weekly rules), and `BYMONTH`/`BYMONTHDAY` only
//! when they repeat the start's own month and day. That covers holidays and recurring vacations;
//! anything else is rejected with a sentence naming the unsupported part.
//!
//! Expansion works on wall-clock times in the event's own zone, so a weekly 09:00 stays 09:00
//! across DST changes. Occurrences on days that do not exist (31 April, 29 February in a common
//! year) are skipped, as RFC 5545 says.
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Weekday};

use crate::time::parse_weekday;

/// Candidate periods tried before giving up (a daily rule starting ~1400 years before the range).
const MAX_PERIODS: u32 = 500_000;

/// How often the rule repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    /// Every `interval` days.
    Daily,
    /// Every `interval` weeks.
    Weekly,
    /// Every `interval` months.
    Monthly,
    /// Every `interval` years.
    Yearly,
}

/// The end of a rule as written (`UNTIL`), before it is put in the event's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// `UNTIL=YYYYMMDD`: through the end of that day.
    Date(NaiveDate),
    /// `UNTIL=…Z`, to be converted by the caller.
    Utc(NaiveDateTime),
    /// `UNTIL=…` without `Z`: a wall-clock time in the event's zone.
    Local(NaiveDateTime),
}

/// A parsed recurrence rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The frequency.
    pub freq: Freq,
    /// Every how many periods (at least 1).
    pub interval: u32,
    /// At most this many occurrences, counted from the start.
    pub count: Option<u32>,
    /// No occurrence after this.
    pub until: Option<Until>,
    /// Weekdays for daily/weekly rules; empty means the start's weekday (weekly) or every day.
    pub by_day: Vec<Weekday>,
    /// First day of the week, for weekly rules with an interval.
    pub wkst: Weekday,
}

/// Parses an `RRULE` value for an event starting at `start`.
pub fn parse_rule(value: &str, start: NaiveDateTime) -> Result<Rule, String> {
    let mut rule = Rule {
        freq: Freq::Daily,
        interval: 1,
        count: None,
        until: None,
        by_day: Vec::new(),
        wkst: Weekday::Mon,
    };
    let mut freq = None;
    for part in value.split(';').filter(|p| !p.trim().is_empty()) {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("the repeat rule part \"{part}\" has no '='"))?;
        let (k, v) = (k.trim().to_ascii_uppercase(), v.trim());
        match k.as_str() {
            "FREQ" => freq = Some(parse_freq(v)?),
            "INTERVAL" => rule.interval = parse_positive(&k, v)?,
            "COUNT" => rule.count = Some(parse_positive(&k, v)?),
            "UNTIL" => rule.until = Some(parse_until(v)?),
            "WKST" => rule.wkst = parse_day(v)?,
            "BYDAY" => rule.by_day = v.split(',').map(parse_day).collect::<Result<_, _>>()?,
            "BYMONTH" if v.parse::<u32>().ok() == Some(start.month()) => {}
            "BYMONTHDAY" if v.parse::<u32>().ok() == Some(start.day()) => {}
            _ => return Err(format!("the repeat rule part {k}={v} is not supported")),
        }
    }
    rule.freq = freq.ok_or("the repeat rule has no FREQ")?;
    if !rule.by_day.is_empty() && matches!(rule.freq, Freq::Monthly | Freq::Yearly) {
        return Err("BYDAY in monthly or yearly repeat rules is not supported".to_owned());
    }
    if rule.count.is_some() && rule.until.is_some() {
        return Err("the repeat rule has both COUNT and UNTIL, which RFC 5545 forbids".to_owned());
    }
    Ok(rule)
}

fn parse_freq(v: &str) -> Result<Freq, String> {
    match v.to_ascii_uppercase().as_str() {
        "DAILY" => Ok(Freq::Daily),
        "WEEKLY" => Ok(Freq::Weekly),
        "MONTHLY" => Ok(Freq::Monthly),
        "YEARLY" => Ok(Freq::Yearly),
        other => Err(format!(
            "repeating {other} is not supported (only daily, weekly, monthly, yearly)"
        )),
    }
}

fn parse_positive(k: &str, v: &str) -> Result<u32, String> {
    match v.parse::<u32>() {
        Ok(n) if (1..=100_000).contains(&n) => Ok(n),
        _ => Err(format!("{k}={v} is not a number from 1 to 100000")),
    }
}

fn parse_day(v: &str) -> Result<Weekday, String> {
    let v = v.trim();
    if v.len() != 2 {
        return Err(format!(
            "BYDAY={v} is not supported (only plain weekdays such as MO,WE)"
        ));
    }
    parse_weekday(v).map_err(|e| e.message)
}

fn parse_until(v: &str) -> Result<Until, String> {
    let bad = || format!("UNTIL={v} is not a date or date-time");
    if v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .map(Until::Date)
            .map_err(|_| bad());
    }
    match v.strip_suffix('Z') {
        Some(u) => NaiveDateTime::parse_from_str(u, "%Y%m%dT%H%M%S").map(Until::Utc),
        None => NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").map(Until::Local),
    }
    .map_err(|_| bad())
}

/// Every occurrence start of `rule` from `start` up to and including `last` (wall-clock times),
/// honouring `COUNT` and `until` (already in the event's zone). Errors when the rule would need
/// more than 500 000 periods to reach `last`.
pub fn expand(
    rule: &Rule,
    start: NaiveDateTime,
    until: Option<NaiveDateTime>,
    last: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, String> {
    let mut out = Vec::new();
    let mut emitted = 0u32;
    for k in 0..MAX_PERIODS {
        let Some(candidates) = period(rule, start, k) else {
            return Ok(out);
        };
        for c in candidates.into_iter().filter(|c| *c >= start) {
            if c > last || until.is_some_and(|u| c > u) || rule.count.is_some_and(|n| emitted >= n) {
                return Ok(out);
            }
            emitted += 1;
            out.push(c);
        }
    }
    Err("the repeat rule starts too long before the import range".to_owned())
}

/// The candidate starts of period `k`, in order; `None` past the representable calendar.
fn period(rule: &Rule, start: NaiveDateTime, k: u32) -> Option<Vec<NaiveDateTime>> {
    let steps = k.checked_mul(rule.interval)?;
    let time = start.time();
    match rule.freq {
        Freq::Daily => {
            let day = start.date().checked_add_signed(Duration::days(i64::from(steps)))?;
            let keep = rule.by_day.is_empty() || rule.by_day.contains(&day.weekday());
            Some(if keep { vec![day.and_time(time)] } else { Vec::new() })
        }
        Freq::Weekly => {
            let offset = days_from(rule.wkst, start.weekday());
            let week = start
                .date()
                .checked_sub_signed(Duration::days(offset))?
                .checked_add_signed(Duration::weeks(i64::from(steps)))?;
            let mut days: Vec<i64> = if rule.by_day.is_empty() {
                vec![offset]
            } else {
                rule.by_day.iter().map(|d| days_from(rule.wkst, *d)).collect()
            };
            days.sort_unstable();
            days.dedup();
            days.into_iter()
                .map(|d| week.checked_add_signed(Duration::days(d)).map(|x| x.and_time(time)))
                .collect()
        }
        Freq::Monthly => same_day_after(start, steps),
        Freq::Yearly => same_day_after(start, steps.checked_mul(12)?),
    }
}

/// The same day of month `months` later (empty when that day does not exist in that month), or
/// `None` past the representable calendar.
fn same_day_after(start: NaiveDateTime, months: u32) -> Option<Vec<NaiveDateTime>> {
    let first = start.date().with_day(1)?.checked_add_months(Months::new(months))?;
    Some(
        first
            .with_day(start.day())
            .map(|d| d.and_time(start.time()))
            .into_iter()
            .collect(),
    )
}

/// Days from weekday `from` forward to weekday `to` (0..=6).
fn days_from(from: Weekday, to: Weekday) -> i64 {
    i64::from((to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn run(rule: &str, start: &str, last: &str) -> Vec<String> {
        let s = at(start);
        let r = parse_rule(rule, s).unwrap();
        let until = match r.until {
            Some(Until::Date(d)) => Some(d.and_hms_opt(23, 59, 59).unwrap()),
            Some(Until::Local(t)) | Some(Until::Utc(t)) => Some(t),
            None => None,
        };
        expand(&r, s, until, at(last))
            .unwrap()
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect()
    }

    #[test]
    fn weekly_byday_with_interval_and_count() {
        // RFC 5545 example: every other week on Tuesday and Thursday, 8 occurrences.
        let got = run(
            "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
            "1997-09-02 09:00",
            "1998-12-31 00:00",
        );
        assert_eq!(
            got,
            [
                "1997-09-02",
                "1997-09-04",
                "1997-09-16",
                "1997-09-18",
                "1997-09-30",
                "1997-10-02",
                "1997-10-14",
                "1997-10-16"
            ]
        );
    }

    #[test]
    fn monthly_skips_missing_days_and_yearly_leap_day() {
        let got = run("FREQ=MONTHLY;COUNT=4", "2026-01-31 00:00", "2027-12-31 00:00");
        assert_eq!(got, ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"]);
        let got = run("FREQ=YEARLY;UNTIL=20330101", "2024-02-29 00:00", "2040-01-01 00:00");
        assert_eq!(got, ["2024-02-29", "2028-02-29", "2032-02-29"]);
    }

    #[test]
    fn daily_with_until_and_unsupported_parts() {
        let got = run(
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260110T000000Z",
            "2026-01-01 00:00",
            "2026-12-31 00:00",
        );
        assert_eq!(got, ["2026-01-01", "2026-01-04", "2026-01-07", "2026-01-10"]);
        let s = at("2026-01-01 00:00");
        assert!(parse_rule("FREQ=MONTHLY;BYDAY=1MO", s)
            .unwrap_err()
            .contains("not supported"));
        assert!(parse_rule("FREQ=HOURLY", s).unwrap_err().contains("HOURLY"));
        assert!(parse_rule("INTERVAL=2", s).unwrap_err().contains("FREQ"));
        assert!(parse_rule("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", s).is_ok());
        assert!(parse_rule("FREQ=YEARLY;BYMONTH=5", s).is_err());
    }
}
