//! The local days of a planner range as the screen draws them: whether the team works that
//! weekday, the holiday on it, and the instants the day begins and ends in the team's zone.
//! Computed here, through [`crate::time::resolve_local`], so the UI never works out a weekend, a
//! holiday or a local midnight for itself (a Sun–Thu team's Friday is its weekend; the day DST
//! starts is 23 hours long).
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::Calendar;
use crate::time::DateSpan;

/// One local day of the planner's range, in the team's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ViewDay {
    /// The local day.
    pub date: NaiveDate,
    /// Whether the day's weekday is one of the team's working days (a holiday on a working
    /// weekday is still `working`; see `holiday`).
    pub working: bool,
    /// The team holiday on this day, by name.
    pub holiday: Option<String>,
    /// The instant the local day begins (local midnight, DST-resolved).
    pub start: DateTime<Utc>,
    /// The instant the next local day begins: 23 or 25 hours after `start` on a DST change.
    pub end: DateTime<Utc>,
}

/// Every local day of `range`, in order, with its working flag, holiday and bounds; each day's
/// `end` is the next day's `start`, so the days tile the range without gap or overlap.
pub(crate) fn view_days(cal: &Calendar<'_>, range: DateSpan) -> Vec<ViewDay> {
    range
        .iter_days()
        .map(|date| ViewDay {
            date,
            working: cal.ctx.working_days.includes(date),
            holiday: cal.holiday(date).map(str::to_owned),
            start: cal.midnight(date),
            end: cal.midnight(date + Duration::days(1)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Weekday};
    use chrono_tz::Tz;

    use super::*;
    use crate::rotation::{rotation_view, RotationContext};
    use crate::time::WorkingDays;
    use crate::time_off::Holiday;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn context(zone: Tz, working_days: WorkingDays, holidays: Vec<Holiday>) -> RotationContext {
        RotationContext {
            zone,
            working_days,
            policies: vec![],
            members: vec![],
            time_off: vec![],
            holidays,
            sprints: vec![],
            release_days: vec![],
        }
    }

    fn days_of(ctx: &RotationContext, first: &str, last: &str) -> Vec<ViewDay> {
        let range = DateSpan::new(d(first), d(last), "to").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        rotation_view(ctx, &[], range, now).days
    }

    #[test]
    fn a_sun_to_thu_team_has_friday_and_saturday_off() {
        let sun_thu =
            WorkingDays::new(&[Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu]).unwrap();
        let ctx = context(chrono_tz::Asia::Jerusalem, sun_thu, vec![]);
        // 2026-11-22 is a Sunday.
        let days = days_of(&ctx, "2026-11-22", "2026-11-28");
        let off: Vec<NaiveDate> = days.iter().filter(|x| !x.working).map(|x| x.date).collect();
        assert_eq!(off, vec![d("2026-11-27"), d("2026-11-28")]);
        assert_eq!(days.len(), 7);
        // Local midnight in Jerusalem (UTC+2 in November).
        assert_eq!(days[0].start, utc("2026-11-21T22:00:00Z"));
    }

    #[test]
    fn a_holiday_is_named_and_keeps_its_weekday_flag() {
        let christmas = Holiday {
            id: 1,
            team_id: 1,
            date: d("2026-12-25"),
            name: "Christmas Day".into(),
        };
        let ctx = context(chrono_tz::Europe::Berlin, WorkingDays::MON_FRI, vec![christmas]);
        let days = days_of(&ctx, "2026-12-21", "2026-12-27");
        let fri = &days[4];
        assert_eq!(fri.date, d("2026-12-25"));
        assert_eq!(fri.holiday.as_deref(), Some("Christmas Day"));
        assert!(
            fri.working,
            "the weekday stays a working weekday; the holiday is said apart"
        );
        assert!(days.iter().filter(|x| x.date != fri.date).all(|x| x.holiday.is_none()));
        assert_eq!(days.iter().filter(|x| !x.working).count(), 2);
    }

    #[test]
    fn dst_days_are_23_and_25_hours_long_in_berlin() {
        let ctx = context(chrono_tz::Europe::Berlin, WorkingDays::MON_FRI, vec![]);
        let spring = days_of(&ctx, "2026-03-28", "2026-03-30");
        assert_eq!(spring[1].date, d("2026-03-29"));
        assert_eq!(spring[1].start, utc("2026-03-28T23:00:00Z"));
        assert_eq!(spring[1].end, utc("2026-03-29T22:00:00Z"));
        assert_eq!(spring[1].end - spring[1].start, Duration::hours(23));
        assert_eq!(spring[0].end - spring[0].start, Duration::hours(24));
        assert_eq!(spring[2].end - spring[2].start, Duration::hours(24));

        let autumn = days_of(&ctx, "2026-10-24", "2026-10-26");
        assert_eq!(autumn[1].date, d("2026-10-25"));
        assert_eq!(autumn[1].start, utc("2026-10-24T22:00:00Z"));
        assert_eq!(autumn[1].end, utc("2026-10-25T23:00:00Z"));
        assert_eq!(autumn[1].end - autumn[1].start, Duration::hours(25));
    }

    #[test]
    fn the_days_tile_the_range_the_view_covers() {
        let ctx = context(chrono_tz::Australia::Lord_Howe, WorkingDays::MON_FRI, vec![]);
        // Lord Howe moves its clocks by 30 minutes on 2026-04-05 and 2026-10-04.
        let days = days_of(&ctx, "2026-03-30", "2026-10-10");
        assert_eq!(days.len(), 195);
        assert!(days
            .windows(2)
            .all(|w| w[0].end == w[1].start && w[1].date == w[0].date + Duration::days(1)));
        let lengths: Vec<i64> = days.iter().map(|x| (x.end - x.start).num_minutes()).collect();
        assert!(lengths.contains(&(24 * 60 + 30)) && lengths.contains(&(24 * 60 - 30)));
    }
}
