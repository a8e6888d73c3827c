//! Freeze windows: periods in which no production release may happen, either once (a date span)
//! or every year (month/day to month/day, possibly across New Year, e.g. 20 Dec – 6 Jan).
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{validate_name, NAME_MAX};
use crate::time::{check_year, DateSpan};
use crate::Invalid;

/// A day of the year, e.g. 20 December.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct MonthDay {
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31 (29 February allowed).
    pub day: u32,
}

impl MonthDay {
    /// A month and day that exists in a leap year; `field` names the input for the error.
    pub fn new(field: &'static str, month: u32, day: u32) -> Result<Self, Invalid> {
        if NaiveDate::from_ymd_opt(2024, month, day).is_none() {
            return Err(Invalid::new(
                field,
                format!("{month}/{day} is not a day of the year (month/day)"),
            ));
        }
        Ok(Self { month, day })
    }

    fn of(day: NaiveDate) -> Self {
        Self {
            month: day.month(),
            day: day.day(),
        }
    }
}

/// When a freeze applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FreezeSpan {
    /// Once, over these days.
    Once {
        /// The frozen days, inclusive.
        days: DateSpan,
    },
    /// Every year from `from` to `to`, inclusive; `to` before `from` wraps into the next year.
    Yearly {
        /// First frozen day of the year.
        from: MonthDay,
        /// Last frozen day (in the next year when before `from`).
        to: MonthDay,
    },
}

/// A named period in which no production release may happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FreezeWindow {
    /// Name shown in warnings, e.g. "Year-end freeze".
    pub name: String,
    /// When it applies.
    pub span: FreezeSpan,
}

impl FreezeWindow {
    /// A freeze over `days`, once. Rejects a name that is empty, too long or not plain text, and
    /// days outside the years Sprintshield plans for ([`check_year`]).
    pub fn once(name: &str, days: DateSpan) -> Result<Self, Invalid> {
        check_year("first", days.first)?;
        check_year("last", days.last)?;
        Ok(Self {
            name: validate_name("name", "freeze window", name, NAME_MAX)?,
            span: FreezeSpan::Once { days },
        })
    }

    /// A freeze every year from `from` to `to` inclusive. Rejects a name that is empty, too long
    /// or not plain text.
    pub fn yearly(name: &str, from: MonthDay, to: MonthDay) -> Result<Self, Invalid> {
        Ok(Self {
            name: validate_name("name", "freeze window", name, NAME_MAX)?,
            span: FreezeSpan::Yearly { from, to },
        })
    }

    /// A freeze window from a span as it arrived from outside (e.g. JSON from the app), with
    /// every part checked again: the dates in order and in the years Sprintshield plans for,
    /// month/day pairs that exist, the name.
    pub fn from_span(name: &str, span: FreezeSpan) -> Result<Self, Invalid> {
        match span {
            FreezeSpan::Once { days } => Self::once(name, DateSpan::new(days.first, days.last, "last")?),
            FreezeSpan::Yearly { from, to } => Self::yearly(
                name,
                MonthDay::new("from", from.month, from.day)?,
                MonthDay::new("to", to.month, to.day)?,
            ),
        }
    }

    /// Whether `day` is frozen.
    pub fn contains(&self, day: NaiveDate) -> bool {
        match self.span {
            FreezeSpan::Once { days } => days.contains(day),
            FreezeSpan::Yearly { from, to } => {
                let md = MonthDay::of(day);
                if from <= to {
                    from <= md && md <= to
                } else {
                    md >= from || md <= to
                }
            }
        }
    }

    /// The concrete frozen spans that touch `range` (for a timeline), in order.
    pub fn spans_in(&self, range: DateSpan) -> Vec<DateSpan> {
        match self.span {
            FreezeSpan::Once { days } => [days].into_iter().filter(|d| d.overlaps(&range)).collect(),
            FreezeSpan::Yearly { from, to } => (range.first.year() - 1..=range.last.year())
                .filter_map(|y| yearly_span(y, from, to))
                .filter(|d| d.overlaps(&range))
                .collect(),
        }
    }
}

/// The span starting in `year`; 29 February falls back to the 28th in common years.
fn yearly_span(year: i32, from: MonthDay, to: MonthDay) -> Option<DateSpan> {
    let day = |y: i32, md: MonthDay| {
        NaiveDate::from_ymd_opt(y, md.month, md.day)
            .or_else(|| NaiveDate::from_ymd_opt(y, md.month, md.day.checked_sub(1)?))
    };
    let end_year = if to < from { year + 1 } else { year };
    Some(DateSpan {
        first: day(year, from)?,
        last: day(end_year, to)?,
    })
}

/// Parses a yearly span as a person types it: `MM-DD..MM-DD` (e.g. `12-20..01-06`, crossing the
/// year end).
pub fn parse_yearly(text: &str) -> Result<(MonthDay, MonthDay), Invalid> {
    let bad = || {
        Invalid::new(
            "yearly",
            format!("\"{text}\" is not a yearly span; write MM-DD..MM-DD, e.g. 12-20..01-06"),
        )
    };
    let (a, b) = text.trim().split_once("..").ok_or_else(bad)?;
    let md = |field: &'static str, s: &str| -> Result<MonthDay, Invalid> {
        let (m, d) = s.trim().split_once('-').ok_or_else(bad)?;
        MonthDay::new(field, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?)
    };
    Ok((md("from", a)?, md("to", b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn spans_from_outside_are_checked_again() {
        let backwards = FreezeSpan::Once {
            days: DateSpan {
                first: d("2026-12-24"),
                last: d("2026-12-20"),
            },
        };
        assert_eq!(FreezeWindow::from_span("X", backwards).unwrap_err().field, "last");
        let no_such_day = FreezeSpan::Yearly {
            from: MonthDay { month: 2, day: 30 },
            to: MonthDay { month: 3, day: 1 },
        };
        assert_eq!(FreezeWindow::from_span("X", no_such_day).unwrap_err().field, "from");
        let ok = FreezeSpan::Yearly {
            from: MonthDay { month: 12, day: 20 },
            to: MonthDay { month: 1, day: 6 },
        };
        assert_eq!(FreezeWindow::from_span(" Year-end ", ok).unwrap().name, "Year-end");
    }

    #[test]
    fn year_end_freeze_wraps_new_year() {
        let f = FreezeWindow::yearly(
            "Year-end",
            MonthDay::new("from", 12, 20).unwrap(),
            MonthDay::new("to", 1, 6).unwrap(),
        )
        .unwrap();
        assert!(f.contains(d("2026-12-20")));
        assert!(f.contains(d("2027-01-06")));
        assert!(!f.contains(d("2027-01-07")));
        assert!(!f.contains(d("2026-12-19")));
        let spans = f.spans_in(DateSpan {
            first: d("2026-06-01"),
            last: d("2027-06-01"),
        });
        assert_eq!(
            spans,
            vec![DateSpan {
                first: d("2026-12-20"),
                last: d("2027-01-06")
            }]
        );
        assert!(MonthDay::new("to", 2, 30).is_err());
    }
}
