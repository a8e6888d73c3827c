//! Expanding an `RRULE` with calcard's recurrence engine (a port of the `rrule` crate, with its
//! RFC 5545 test suite): every rule part — `BYDAY=4TH`, `BYDAY=-1MO`, `BYSETPOS`, `BYYEARDAY`,
//! `BYWEEKNO`, `WKST`, … — is understood.
//!
//! Expansion works on wall-clock times in the event's own zone (the caller converts each start
//! to an instant), so a weekly 09:00 stays 09:00 across DST changes, and it is bounded: no
//! occurrence after `last`, at most [`MAX_OCCURRENCES`] from the rule's start, and rules that
//! repeat every hour or more often are refused — whatever the file says (`COUNT=1000000`,
//! `FREQ=SECONDLY`).
use calcard::common::timezone::Tz;
use calcard::common::PartialDateTime;
use calcard::datecalc::error::{RRuleError, ValidationError};
use calcard::icalendar::dates::CalendarErrorType;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarFrequency, ICalendarProperty,
    ICalendarRecurrenceRule, ICalendarValue,
};
use chrono::{Datelike, NaiveDateTime, Timelike};

/// The most occurrences expanded for one rule, counted from its first.
pub const MAX_OCCURRENCES: usize = 100_000;

/// The starts (wall-clock) of `rule` for an event starting at `start` (`all_day` when `DTSTART`
/// is a date), up to and including `last`, before the rule's own end (`until`, already a
/// wall-clock time in the event's zone) and `COUNT`. Errors are sentences about the rule.
pub fn expand(
    rule: &ICalendarRecurrenceRule,
    start: NaiveDateTime,
    all_day: bool,
    until: Option<NaiveDateTime>,
    last: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, String> {
    if matches!(
        rule.freq,
        ICalendarFrequency::Hourly | ICalendarFrequency::Minutely | ICalendarFrequency::Secondly
    ) {
        return Err(format!(
            "it repeats {} ({}), which is not time off or a holiday",
            match rule.freq {
                ICalendarFrequency::Hourly => "every hour",
                ICalendarFrequency::Minutely => "every minute",
                _ => "every second",
            },
            "FREQ=".to_owned() + freq_name(rule.freq)
        ));
    }
    let end = until.map_or(last, |u| u.min(last));
    if end < start {
        return Ok(Vec::new());
    }
    let mut bounded = rule.clone();
    bounded.until = Some(wall_clock(end, false));
    let event = ICalendarComponent {
        component_type: ICalendarComponentType::VEvent,
        entries: vec![
            entry(ICalendarProperty::Dtstart, wall_clock(start, all_day).into()),
            entry(ICalendarProperty::Rrule, bounded.into()),
        ],
        component_ids: Vec::new(),
    };
    let calendar = ICalendar {
        components: vec![
            ICalendarComponent {
                component_type: ICalendarComponentType::VCalendar,
                entries: Vec::new(),
                component_ids: vec![1],
            },
            event,
        ],
    };
    let expanded = calendar.expand_dates(Tz::Floating, MAX_OCCURRENCES + 1);
    if let Some(e) = expanded.errors.first() {
        return Err(describe(&e.error));
    }
    if expanded.events.len() > MAX_OCCURRENCES {
        return Err(format!(
            "its repeat rule makes more than {MAX_OCCURRENCES} occurrences before the end of the range"
        ));
    }
    Ok(expanded.events.iter().map(|e| e.start.naive_local()).collect())
}

fn entry(name: ICalendarProperty, value: ICalendarValue) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: Vec::new(),
        values: vec![value],
    }
}

/// A floating calcard date-time (or date) for `at`.
pub fn wall_clock(at: NaiveDateTime, date_only: bool) -> PartialDateTime {
    let (year, month, day) = (at.year(), at.month(), at.day());
    PartialDateTime {
        year: u16::try_from(year).ok(),
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
        hour: (!date_only).then(|| at.hour() as u8),
        minute: (!date_only).then(|| at.minute() as u8),
        second: (!date_only).then(|| at.second() as u8),
        ..PartialDateTime::default()
    }
}

fn freq_name(freq: ICalendarFrequency) -> &'static str {
    match freq {
        ICalendarFrequency::Yearly => "YEARLY",
        ICalendarFrequency::Monthly => "MONTHLY",
        ICalendarFrequency::Weekly => "WEEKLY",
        ICalendarFrequency::Daily => "DAILY",
        ICalendarFrequency::Hourly => "HOURLY",
        ICalendarFrequency::Minutely => "MINUTELY",
        ICalendarFrequency::Secondly => "SECONDLY",
    }
}

/// A sentence for what calcard found wrong with a rule.
fn describe(error: &CalendarErrorType) -> String {
    match error {
        CalendarErrorType::RRule(RRuleError::ValidationError(v)) => match v {
            ValidationError::BySetPosWithoutByRule => {
                "its repeat rule has BYSETPOS without another BY… part to pick from".to_owned()
            }
            ValidationError::InvalidFieldValue { field, value }
            | ValidationError::InvalidFieldValueRange { field, value, .. }
            | ValidationError::InvalidFieldValueRangeWithFreq { field, value, .. } => {
                format!("its repeat rule has {field}={value}, which is out of range")
            }
            ValidationError::InvalidByRuleAndFrequency { by_rule, freq } => {
                format!(
                    "its repeat rule uses {by_rule} with FREQ={}, which RFC 5545 does not allow",
                    freq_name(*freq)
                )
            }
            ValidationError::TooBigInterval(n) => format!("its repeat rule's INTERVAL={n} is too large"),
            ValidationError::StartYearOutOfRange(y) => format!("it starts in the year {y}, which is out of range"),
            _ => "its repeat rule cannot be read".to_owned(),
        },
        CalendarErrorType::RRule(RRuleError::IterError(_)) => "its repeat rule cannot be expanded".to_owned(),
        _ => "its start cannot be read".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calcard::icalendar::ICalendar;

    fn rule(text: &str) -> ICalendarRecurrenceRule {
        let cal = ICalendar::parse(format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:{text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ))
        .unwrap();
        match cal.components[1].entries[0].values.first() {
            Some(ICalendarValue::RecurrenceRule(r)) => (**r).clone(),
            other => panic!("{other:?}"),
        }
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn days(r: &str, start: &str, last: &str) -> Vec<String> {
        expand(&rule(r), at(start), false, None, at(last))
            .unwrap()
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect()
    }

    #[test]
    fn nth_weekday_holidays() {
        assert_eq!(
            days(
                "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
                "2024-11-28 00:00",
                "2027-01-01 00:00"
            ),
            ["2024-11-28", "2025-11-27", "2026-11-26"],
            "Thanksgiving"
        );
        assert_eq!(
            days(
                "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
                "2024-05-27 00:00",
                "2026-12-31 00:00"
            ),
            ["2024-05-27", "2025-05-26", "2026-05-25"],
            "Memorial Day"
        );
        assert_eq!(
            days(
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
                "2026-01-30 00:00",
                "2027-01-01 00:00"
            ),
            ["2026-01-30", "2026-02-27", "2026-03-31"],
            "last working day of the month"
        );
    }

    #[test]
    fn rfc_example_and_bounds() {
        // RFC 5545: every other week on Tuesday and Thursday, 8 occurrences.
        let got = days(
            "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
            "1997-09-02 09:00",
            "1998-12-31 00:00",
        );
        assert_eq!(got.len(), 8);
        assert_eq!(got[7], "1997-10-16");
        // COUNT=1000000 stops at the end of the range.
        assert_eq!(
            days("FREQ=DAILY;COUNT=1000000", "2026-01-01 00:00", "2026-01-31 00:00").len(),
            31
        );
        let e = expand(
            &rule("FREQ=SECONDLY"),
            at("2026-01-01 00:00"),
            false,
            None,
            at("2026-02-01 00:00"),
        );
        assert!(e.unwrap_err().contains("every second"));
        let e = expand(&rule("FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,10,20,30,40,50"), at("2026-01-01 00:00"), false, None, at("2030-01-01 00:00"));
        assert!(e.unwrap_err().contains("more than 100000"));
    }
}
