//! DST brute force: over whole years (2025–2027) in Europe/Berlin, America/Chicago and
//! Australia/Lord_Howe (30-minute DST), every planned handoff lands at its intended local
//! wall-clock time — or, inside a spring-forward gap, at the first valid minute after it; inside
//! a fall-back overlap, at the first occurrence — and the turns tile the horizon with no gap
//! and no overlap, from its first midnight (a lead-in turn up to the first handoff) on.
mod rotation_support;

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use rotation_support::*;
use sprintshield_core::rotation::*;
use sprintshield_core::time::WorkingDays;

const ZONES: [Tz; 3] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::Chicago,
    chrono_tz::Australia::Lord_Howe,
];

/// Handoff times: ordinary ones, and ones inside each zone's gaps and overlaps.
const TIMES: [&str; 6] = ["09:00", "12:00", "02:30", "01:30", "01:45", "02:10"];

#[derive(Default, Debug)]
struct Seen {
    gaps: usize,
    overlaps: usize,
}

/// Checks that `at` is where `local` should resolve to in `zone`, counting gaps and overlaps.
fn check_lands(zone: Tz, local: NaiveDateTime, at: DateTime<Utc>, seen: &mut Seen) {
    let wall = at.with_timezone(&zone).naive_local();
    match zone.from_local_datetime(&local) {
        LocalResult::Single(dt) => assert_eq!(at, dt.with_timezone(&Utc), "{zone} {local}: landed at {wall}"),
        LocalResult::Ambiguous(a, b) => {
            seen.overlaps += 1;
            assert_eq!(
                at,
                a.min(b).with_timezone(&Utc),
                "{zone} {local}: not the first occurrence"
            );
        }
        LocalResult::None => {
            seen.gaps += 1;
            assert!(
                wall > local && wall.date() == local.date(),
                "{zone} {local}: landed at {wall}"
            );
            let before = (at - Duration::minutes(1)).with_timezone(&zone).naive_local();
            assert!(
                before < local,
                "{zone} {local}: {wall} is not the first valid minute after the gap"
            );
        }
    }
}

/// Turns of one policy must follow each other exactly: each ends where the next starts.
fn assert_tiles(turns: &[Turn], what: &str) {
    assert!(!turns.is_empty(), "{what}: no turns");
    for pair in turns.windows(2) {
        assert!(pair[0].start < pair[0].end, "{what}: empty turn at {}", pair[0].start);
        assert_eq!(
            pair[0].end, pair[1].start,
            "{what}: gap or overlap after {}",
            pair[0].start
        );
    }
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

/// The planned horizon starts on Wednesday 2025-01-01, never at a handoff: the first turn is the
/// lead-in from that day's local midnight to the first handoff. Checks it and returns the turns
/// after it (the ones starting at a handoff).
fn after_lead_in(zone: Tz, turns: &[Turn]) -> &[Turn] {
    let lead = &turns[0];
    let midnight = zone
        .from_local_datetime(&NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_time(NaiveTime::MIN))
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(lead.start, midnight, "{zone}: the plan covers its first day from 00:00");
    assert_eq!(
        lead.end, turns[1].start,
        "{zone}: the lead-in runs to the first handoff"
    );
    &turns[1..]
}

fn plan_years(zone: Tz, policies: Vec<DutyPolicy>, working: WorkingDays) -> Vec<Turn> {
    let mut ctx = context(zone, members(&["Ana", "Ben", "Cleo"]), policies);
    ctx.working_days = working;
    plan(&input(
        ctx,
        span("2025-01-01", "2027-12-31"),
        utc("2024-12-31T00:00:00Z"),
    ))
    .turns
}

#[test]
fn daily_handoffs_land_on_wall_clock_time_every_day_for_three_years() {
    let every_day = WorkingDays::new(&[
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ])
    .unwrap();
    for zone in ZONES {
        let mut seen = Seen::default();
        for (i, t) in TIMES.iter().enumerate() {
            let id = i as i64 + 1;
            let p = policy(id, "Daily", PolicyKind::Daily, |p| p.handoff = Some((*t).into()));
            let turns = of_policy(&plan_years(zone, vec![p], every_day), id);
            assert_tiles(&turns, &format!("{zone} daily {t}"));
            let turns = after_lead_in(zone, &turns);
            assert_eq!(turns.len(), 365 * 3, "{zone} daily {t}: one turn per day");
            let mut day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            for turn in turns {
                check_lands(zone, day.and_time(time(t)), turn.start, &mut seen);
                day += Duration::days(1);
            }
        }
        assert!(
            seen.gaps >= 3 && seen.overlaps >= 3,
            "{zone}: DST cases not exercised: {seen:?}"
        );
    }
}

#[test]
fn weekly_handoffs_land_on_wall_clock_time_every_week_for_three_years() {
    for zone in ZONES {
        let mut seen = Seen::default();
        for (i, t) in TIMES.iter().enumerate() {
            // Sunday handoffs meet the transitions (all three zones switch on a Sunday).
            for (j, weekday) in ["MON", "SUN"].iter().enumerate() {
                let id = (i * 2 + j) as i64 + 1;
                let p = policy(id, "Weekly", PolicyKind::Weekly, |p| {
                    p.handoff = Some(format!("{weekday} {t}"))
                });
                let turns = of_policy(&plan_years(zone, vec![p], WorkingDays::MON_FRI), id);
                assert_tiles(&turns, &format!("{zone} weekly {weekday} {t}"));
                let turns = after_lead_in(zone, &turns);
                assert!((156..=157).contains(&turns.len()), "{zone}: {} weeks", turns.len());
                for turn in turns {
                    let local = turn.start.with_timezone(&zone);
                    let want = if *weekday == "MON" { Weekday::Mon } else { Weekday::Sun };
                    assert_eq!(local.weekday(), want, "{zone} handoff on {local}");
                    check_lands(zone, local.date_naive().and_time(time(t)), turn.start, &mut seen);
                }
            }
        }
        assert!(
            seen.gaps >= 3 && seen.overlaps >= 3,
            "{zone}: DST cases not exercised: {seen:?}"
        );
    }
}

#[test]
fn weekday_daily_and_monday_noon_weekly_together_tile_three_years() {
    for zone in ZONES {
        let daily = policy(1, "Batman", PolicyKind::Daily, |_| {});
        let weekly = policy(2, "Op of the Week", PolicyKind::Weekly, |_| {});
        let turns = plan_years(zone, vec![daily, weekly], WorkingDays::MON_FRI);
        let (d, w) = (of_policy(&turns, 1), of_policy(&turns, 2));
        assert_tiles(&d, "daily");
        assert_tiles(&w, "weekly");
        let (d, w) = (after_lead_in(zone, &d), after_lead_in(zone, &w));
        let mut seen = Seen::default();
        for turn in d {
            let local = turn.start.with_timezone(&zone);
            assert!(
                local.weekday().num_days_from_monday() < 5,
                "{zone}: daily turn on {local}"
            );
            check_lands(zone, local.date_naive().and_time(time("09:00")), turn.start, &mut seen);
        }
        for turn in w {
            let local = turn.start.with_timezone(&zone);
            assert_eq!(
                (local.weekday(), local.time()),
                (Weekday::Mon, time("12:00")),
                "{zone}: {local}"
            );
        }
        // A Friday turn runs to Monday's handoff.
        let friday = d
            .iter()
            .find(|t| t.start.with_timezone(&zone).weekday() == Weekday::Fri)
            .unwrap();
        assert_eq!(friday.end.with_timezone(&zone).weekday(), Weekday::Mon);
        assert_eq!(d.len(), 261 + 261 + 261, "{zone}: one turn per weekday of 2025-2027");
    }
}
