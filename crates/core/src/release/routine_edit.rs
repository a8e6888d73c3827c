//! Changing a train's routine events from text as a scrum master types it on the command line:
//! `SAT 09:00` for the production release, `THU 18:00` (the Thursday of the week before) or
//! `2d 18:00` (two days before) for the release-candidate push, `08:00-14:00` for the high alert.
//! Every change is checked with [`RoutineEvents::validate`] after it is applied.
use chrono::{NaiveTime, Weekday};

use super::RoutineEvents;
use crate::time::parse_weekday;
use crate::Invalid;

/// Changes to routine events, as typed; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutineEdit {
    /// Production release weekday and time, e.g. `SAT 09:00`.
    pub production: Option<String>,
    /// Release-candidate push: `THU 18:00` (that weekday in the week before the production
    /// day) or `2d 18:00` (days before the production day).
    pub rc_push: Option<String>,
    /// The ops duty person's high alert on the production day, e.g. `08:00-14:00`.
    pub high_alert: Option<String>,
    /// Days of regression / load testing before the push day (0–14).
    pub regression_days: Option<i64>,
    /// Local time the regression window starts, e.g. `09:00`.
    pub regression_start: Option<String>,
    /// The shortest acceptable time from the sprint's last day to the production day (1–84).
    pub min_lag_days: Option<i64>,
}

impl RoutineEdit {
    /// Whether nothing is changed.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// `base` with these changes, validated. A push given as a weekday is counted back from the
    /// (possibly new) production weekday; a push given in days keeps that distance when only the
    /// production weekday changes.
    pub fn apply(&self, base: &RoutineEvents) -> Result<RoutineEvents, Invalid> {
        let mut r = base.clone();
        if let Some(text) = &self.production {
            let (day, time) = parse_day_time("production", text)?;
            r.release_weekday = day;
            r.release_time = time;
        }
        if let Some(text) = &self.rc_push {
            let (days, time) = parse_rc_push(text, r.release_weekday)?;
            r.rc_push_days_before = days;
            r.rc_push_time = time;
        }
        if let Some(text) = &self.high_alert {
            let (start, end) = parse_time_span("high_alert", text)?;
            r.high_alert_start = start;
            r.high_alert_end = end;
        }
        if let Some(n) = self.regression_days {
            r.regression_days_before_push = u8::try_from(n).ok().filter(|n| *n <= 14).ok_or_else(|| {
                Invalid::new(
                    "regression_days",
                    format!("the regression window must be 0 to 14 days before the push, not {n}"),
                )
            })?;
        }
        if let Some(text) = &self.regression_start {
            r.regression_start_time = parse_clock("regression_start", text)?;
        }
        if let Some(n) = self.min_lag_days {
            r.min_lag_days = u8::try_from(n).ok().filter(|n| (1..=84).contains(n)).ok_or_else(|| {
                Invalid::new(
                    "min_lag_days",
                    format!("the minimum lag must be 1 to 84 days, not {n}; releasing the day after the sprint ends is never safe"),
                )
            })?;
        }
        r.validate()?;
        Ok(r)
    }
}

/// A wall-clock time `HH:MM` (24-hour).
pub fn parse_clock(field: &'static str, text: &str) -> Result<NaiveTime, Invalid> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        Invalid::new(
            field,
            format!("\"{}\" is not a time; write HH:MM, e.g. 09:00", text.trim()),
        )
    })
}

/// A weekday and a time, e.g. `SAT 09:00` or `Saturday 9:00`.
pub fn parse_day_time(field: &'static str, text: &str) -> Result<(Weekday, NaiveTime), Invalid> {
    let bad = || {
        Invalid::new(
            field,
            format!("\"{}\" is not a weekday and a time; write e.g. SAT 09:00", text.trim()),
        )
    };
    let (day, time) = text.trim().split_once(char::is_whitespace).ok_or_else(bad)?;
    let day = parse_weekday(day).map_err(|_| bad())?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| bad())?;
    Ok((day, time))
}

/// A span of one day, `HH:MM-HH:MM`, ending after it starts.
pub fn parse_time_span(field: &'static str, text: &str) -> Result<(NaiveTime, NaiveTime), Invalid> {
    let bad = || {
        Invalid::new(
            field,
            format!(
                "\"{}\" is not a time span; write HH:MM-HH:MM, e.g. 08:00-14:00",
                text.trim()
            ),
        )
    };
    let (a, b) = text.trim().split_once('-').ok_or_else(bad)?;
    let a = NaiveTime::parse_from_str(a.trim(), "%H:%M").map_err(|_| bad())?;
    let b = NaiveTime::parse_from_str(b.trim(), "%H:%M").map_err(|_| bad())?;
    if b <= a {
        return Err(Invalid::new(
            field,
            format!("the span {} must end after it starts", text.trim()),
        ));
    }
    Ok((a, b))
}

/// Days from `push` to `production` when the push is on that weekday of the week before
/// (7 to 13): Thursday before a Saturday release is 9.
pub fn days_before_in_previous_week(production: Weekday, push: Weekday) -> u8 {
    let diff = (7 + production.num_days_from_monday() - push.num_days_from_monday()) % 7;
    (diff + 7) as u8
}

/// The weekday `days` before `production`.
pub fn weekday_before(production: Weekday, days: u8) -> Weekday {
    let mut d = production;
    for _ in 0..days % 7 {
        d = d.pred();
    }
    d
}

fn parse_rc_push(text: &str, production: Weekday) -> Result<(u8, NaiveTime), Invalid> {
    let t = text.trim();
    let bad = || {
        Invalid::new(
            "rc_push",
            format!("\"{t}\" is not a push time; write a weekday of the week before and a time (THU 18:00) or days before the release and a time (2d 18:00)"),
        )
    };
    let (head, time) = t.split_once(char::is_whitespace).ok_or_else(bad)?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| bad())?;
    let count = head
        .strip_suffix(['d', 'D'])
        .filter(|n| !n.is_empty() && n.trim_start_matches('-').chars().all(|c| c.is_ascii_digit()));
    if let Some(n) = count {
        let n: i64 = n.parse().map_err(|_| bad())?;
        let days = u8::try_from(n).ok().filter(|n| (1..=28).contains(n)).ok_or_else(|| {
            Invalid::new(
                "rc_push",
                format!("the release-candidate push must be 1 to 28 days before the production release, not {n}"),
            )
        })?;
        return Ok((days, time));
    }
    let day = parse_weekday(head).map_err(|_| bad())?;
    Ok((days_before_in_previous_week(production, day), time))
}

impl RoutineEvents {
    /// One line for people: "production Sat 09:00, RC push Thu 18:00 (9 days before), high alert
    /// 08:00–14:00, regression 3 days from 09:00, minimum lag 7 days".
    pub fn summary(&self) -> String {
        let hm = |t: NaiveTime| t.format("%H:%M").to_string();
        format!(
            "production {} {}, RC push {} {} ({} days before), high alert {}–{}, regression {} days from {}, minimum lag {} days",
            self.release_weekday,
            hm(self.release_time),
            weekday_before(self.release_weekday, self.rc_push_days_before),
            hm(self.rc_push_time),
            self.rc_push_days_before,
            hm(self.high_alert_start),
            hm(self.high_alert_end),
            self.regression_days_before_push,
            hm(self.regression_start_time),
            self.min_lag_days,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn seed_defaults_read_back_from_their_own_words() {
        let edit = RoutineEdit {
            production: Some("SAT 09:00".into()),
            rc_push: Some("thu 18:00".into()),
            high_alert: Some("08:00-14:00".into()),
            regression_days: Some(3),
            regression_start: Some("09:00".into()),
            min_lag_days: Some(7),
        };
        assert_eq!(edit.apply(&RoutineEvents::default()).unwrap(), RoutineEvents::default());
        assert!(RoutineEvents::default()
            .summary()
            .starts_with("production Sat 09:00, RC push Thu 18:00 (9 days before)"));
    }

    #[test]
    fn a_push_as_weekday_follows_a_new_production_day() {
        let edit = RoutineEdit {
            production: Some("Friday 10:30".into()),
            rc_push: Some("WED 17:00".into()),
            ..RoutineEdit::default()
        };
        let r = edit.apply(&RoutineEvents::default()).unwrap();
        assert_eq!((r.release_weekday, r.release_time), (Weekday::Fri, t(10, 30)));
        assert_eq!((r.rc_push_days_before, r.rc_push_time), (9, t(17, 0)));
        let same_day = RoutineEdit {
            rc_push: Some("SAT 08:00".into()),
            ..RoutineEdit::default()
        };
        assert_eq!(
            same_day.apply(&RoutineEvents::default()).unwrap().rc_push_days_before,
            7
        );
        let days = RoutineEdit {
            rc_push: Some("2D 18:00".into()),
            ..RoutineEdit::default()
        };
        let r = days.apply(&RoutineEvents::default()).unwrap();
        assert_eq!(r.rc_push_days_before, 2);
        assert_eq!(weekday_before(r.release_weekday, r.rc_push_days_before), Weekday::Thu);
    }

    #[test]
    fn bad_input_names_the_flag_and_says_how_to_write_it() {
        let base = RoutineEvents::default();
        let err = |edit: RoutineEdit| edit.apply(&base).unwrap_err();
        let e = err(RoutineEdit {
            production: Some("saturday".into()),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "production");
        assert!(e.message.contains("SAT 09:00"), "{}", e.message);
        let e = err(RoutineEdit {
            production: Some("XYZ 09:00".into()),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "production");
        let e = err(RoutineEdit {
            rc_push: Some("0d 18:00".into()),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "rc_push");
        assert!(e.message.contains("1 to 28"));
        let e = err(RoutineEdit {
            rc_push: Some("THU 25:00".into()),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "rc_push");
        let e = err(RoutineEdit {
            high_alert: Some("14:00-08:00".into()),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "high_alert");
        assert!(e.message.contains("end after it starts"));
        assert_eq!(
            err(RoutineEdit {
                high_alert: Some("8-14".into()),
                ..RoutineEdit::default()
            })
            .field,
            "high_alert"
        );
        assert_eq!(
            err(RoutineEdit {
                regression_days: Some(15),
                ..RoutineEdit::default()
            })
            .field,
            "regression_days"
        );
        assert_eq!(
            err(RoutineEdit {
                regression_days: Some(-1),
                ..RoutineEdit::default()
            })
            .field,
            "regression_days"
        );
        assert_eq!(
            err(RoutineEdit {
                regression_start: Some("9am".into()),
                ..RoutineEdit::default()
            })
            .field,
            "regression_start"
        );
        let e = err(RoutineEdit {
            min_lag_days: Some(1000),
            ..RoutineEdit::default()
        });
        assert_eq!(e.field, "min_lag_days");
        assert!(e.message.contains("not 1000"));
        assert!(RoutineEdit::default().is_empty());
    }
}
