//! Coverage from the first instant, every gap reported, and two duties at once: a plan covers
//! its range from the first day's midnight (or `now`, if later), the check reports gaps on the
//! range's first and last day, one member on two duties at once is a warning, and the planner
//! never makes a back-to-back turn or a double duty while someone else is free.
mod rotation_support;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::America::Chicago;
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use proptest::prelude::*;
use rotation_support::*;
use sprintshield_core::rotation::*;
use sprintshield_core::time::DateSpan;
use sprintshield_core::Id;

const ZONES: [Tz; 3] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::Chicago,
    chrono_tz::Australia::Lord_Howe,
];
const NAMES: [&str; 8] = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal"];

/// The instant local wall-clock `time` on `date` in `zone` (times used here exist).
fn local(zone: Tz, date: &str, time: &str) -> DateTime<Utc> {
    let t = NaiveTime::parse_from_str(time, "%H:%M").unwrap();
    zone.from_local_datetime(&day(date).and_time(t))
        .unwrap()
        .with_timezone(&Utc)
}

fn kinds(conflicts: &[Conflict], kind: ConflictKind) -> Vec<&Conflict> {
    conflicts.iter().filter(|c| c.kind == kind).collect()
}

/// An Op of the Week (Monday 12:00) and a daily Batman (09:00) over the same people.
fn ow_and_batman(people: usize, ow_pool: Vec<Id>, batman_pool: Vec<Id>) -> RotationContext {
    let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| p.pool = ow_pool);
    let batman = policy(2, "Batman", PolicyKind::Daily, |p| p.pool = batman_pool);
    context(Berlin, members(&NAMES[..people]), vec![ow, batman])
}

// ---- Coverage from the first instant ----------------------------------------------------------

/// The case: a plan from Tuesday 2026-12-01 with a Monday handoff used to leave Dec 1 to
/// Dec 7 12:00 to nobody. Now the first turn runs from Tuesday 00:00 local to the first handoff.
#[test]
fn weekly_policy_planned_from_a_tuesday_covers_tuesday_from_midnight() {
    let ctx = context(
        Chicago,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Op of the Week", PolicyKind::Weekly, |_| {})],
    );
    let horizon = span("2026-12-01", "2026-12-31");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-11-20T00:00:00Z")));
    let turns = of_policy(&plan.turns, 1);
    let first = row(&turns[0], &ctx);
    assert!(
        first.starts_with("Op of the Week | Tue 2026-12-01 00:00 -> Mon 2026-12-07 12:00 | "),
        "{first}"
    );
    assert_ne!(
        turns[0].member_id, turns[1].member_id,
        "no back-to-back across the first handoff"
    );
    let tuesday = local(Chicago, "2026-12-01", "00:00");
    assert_eq!(
        who_is_on_duty(&plan.turns, 1, tuesday).current.as_ref(),
        Some(&turns[0])
    );
    assert!(validate(&plan.turns, &ctx, horizon).is_empty());
    let why = plan.explanations.iter().find(|e| e.start == tuesday).unwrap();
    assert!(why.reason.contains("covers the plan's start"), "{}", why.reason);
}

/// Planned on the day itself, at 10:00: the part of Tuesday before `now` is history and is not
/// given to anyone after the fact; the first turn starts now and the check reports the morning.
/// Planned a week later, the weekly turns from Monday's handoff are filled as before and the
/// days before it stay a reported gap.
#[test]
fn a_range_starting_in_the_past_is_covered_from_now() {
    let ctx = context(
        Chicago,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Op of the Week", PolicyKind::Weekly, |_| {})],
    );
    let horizon = span("2026-12-01", "2026-12-31");
    let now = local(Chicago, "2026-12-01", "10:00");
    let plan = plan(&input(ctx.clone(), horizon, now));
    let turns = of_policy(&plan.turns, 1);
    assert_eq!(
        (turns[0].start, turns[0].end),
        (now, local(Chicago, "2026-12-07", "12:00"))
    );
    assert!(who_is_on_duty(&plan.turns, 1, now).current.is_some());
    let gaps: Vec<(DateTime<Utc>, DateTime<Utc>)> =
        kinds(&validate(&plan.turns, &ctx, horizon), ConflictKind::CoverageGap)
            .iter()
            .map(|c| (c.start, c.end))
            .collect();
    assert_eq!(gaps, vec![(local(Chicago, "2026-12-01", "00:00"), now)]);

    let later = local(Chicago, "2026-12-09", "10:00");
    let plan = sprintshield_core::rotation::plan(&input(ctx.clone(), horizon, later));
    let turns = of_policy(&plan.turns, 1);
    assert_eq!(turns[0].start, local(Chicago, "2026-12-07", "12:00"));
    let gaps = kinds(&validate(&plan.turns, &ctx, horizon), ConflictKind::CoverageGap)
        .iter()
        .map(|c| c.message.clone())
        .collect::<Vec<_>>();
    assert_eq!(
        gaps,
        vec!["Nobody is on Op of the Week duty from Tue 2026-12-01 00:00 to Mon 2026-12-07 12:00"]
    );
}

/// A Mon–Fri Batman planned from a Saturday: Friday's turn would run to Monday's handoff, so the
/// weekend up to Monday 09:00 is the lead-in. A range of only a weekend is covered too.
#[test]
fn daily_policy_planned_from_a_saturday_covers_the_weekend() {
    let ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Batman", PolicyKind::Daily, |_| {})],
    );
    let now = utc("2026-11-20T00:00:00Z");
    let horizon = span("2026-12-05", "2026-12-18");
    let p = plan(&input(ctx.clone(), horizon, now));
    let turns = of_policy(&p.turns, 1);
    assert_eq!(
        (turns[0].start, turns[0].end),
        (
            local(Berlin, "2026-12-05", "00:00"),
            local(Berlin, "2026-12-07", "09:00")
        )
    );
    assert_eq!(turns.len(), 1 + 10, "the lead-in and ten working days");
    assert!(validate(&p.turns, &ctx, horizon).is_empty());

    let weekend = span("2026-12-05", "2026-12-06");
    let p = plan(&input(ctx.clone(), weekend, now));
    assert_eq!(p.turns.len(), 1);
    assert_eq!(p.turns[0].end, local(Berlin, "2026-12-07", "09:00"));
    assert!(validate(&p.turns, &ctx, weekend).is_empty());
    assert!(
        !kinds(&validate(&[], &ctx, weekend), ConflictKind::CoverageGap).is_empty(),
        "a weekend with nobody on duty is a gap"
    );
}

/// A range starting on a holiday: the lead-in continues the turn of the working day before it,
/// which is no "turn on a holiday".
#[test]
fn a_lead_in_over_a_holiday_is_no_holiday_turn() {
    let mut ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Batman", PolicyKind::Daily, |_| {})],
    );
    ctx.holidays = vec![holiday(1, "2026-12-24", "Christmas Eve")];
    let horizon = span("2026-12-24", "2026-12-31");
    let p = plan(&input(ctx.clone(), horizon, utc("2026-11-20T00:00:00Z")));
    assert_eq!(p.turns[0].start, local(Berlin, "2026-12-24", "00:00"));
    assert_eq!(p.turns[0].end, local(Berlin, "2026-12-25", "09:00"));
    assert!(validate(&p.turns, &ctx, horizon).is_empty());
}

/// A sprint already under way when the range starts is covered from the range's first day.
#[test]
fn per_sprint_policy_covers_a_sprint_under_way() {
    let mut ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Chores", PolicyKind::Sprint, |_| {})],
    );
    ctx.sprints = vec![
        sprint(1, "2026-11-30", "2026-12-11"),
        sprint(2, "2026-12-14", "2026-12-25"),
    ];
    let horizon = span("2026-12-03", "2026-12-25");
    let p = plan(&input(ctx.clone(), horizon, utc("2026-11-20T00:00:00Z")));
    let turns = of_policy(&p.turns, 1);
    assert_eq!(turns.len(), 2);
    assert_eq!(
        (turns[0].start, turns[0].end),
        (
            local(Berlin, "2026-12-03", "00:00"),
            local(Berlin, "2026-12-12", "09:00")
        )
    );
    assert!(validate(&p.turns, &ctx, horizon).is_empty());
}

/// Re-planning from a Tuesday keeps last Monday's week (planned before, not yet started, starting
/// before the range): the range is covered by it up to the first handoff, and nothing before the
/// range is cut away.
#[test]
fn replanning_from_a_tuesday_keeps_the_week_already_running() {
    let ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Op of the Week", PolicyKind::Weekly, |_| {})],
    );
    let now = utc("2026-11-20T00:00:00Z");
    let first = plan(&input(ctx.clone(), span("2026-11-30", "2026-12-31"), now));
    let mut inp = input(ctx.clone(), span("2026-12-01", "2026-12-31"), now);
    inp.existing = first.turns.clone();
    let again = plan(&inp);
    let week = of_policy(&first.turns, 1)
        .into_iter()
        .find(|t| t.start == local(Berlin, "2026-11-30", "12:00"))
        .unwrap();
    assert!(again.turns.contains(&week), "last Monday's week is kept");
    let turns = of_policy(&again.turns, 1);
    assert!(turns.iter().all(|t| t.start >= local(Berlin, "2026-11-30", "00:00")));
    for pair in turns.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
    }
    assert!(validate(&again.turns, &ctx, span("2026-11-30", "2026-12-31")).is_empty());
}

// ---- Every gap reported ----------------------------------------------------------------------

#[test]
fn gap_check_reports_gaps_on_the_first_and_last_day_of_the_range() {
    let ctx = context(
        Chicago,
        members(&["Ana", "Ben", "Cleo"]),
        vec![policy(1, "Op of the Week", PolicyKind::Weekly, |_| {})],
    );
    let horizon = span("2026-12-01", "2026-12-24");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-11-20T00:00:00Z")));
    let mut turns = plan.turns.clone();
    // Nobody on the first day (Tuesday) until 18:00, and nobody from the last day (Thursday) 20:00.
    turns[0].start = local(Chicago, "2026-12-01", "18:00");
    let last = turns.len() - 1;
    turns[last].end = local(Chicago, "2026-12-24", "20:00");
    let gaps: Vec<String> = kinds(&validate(&turns, &ctx, horizon), ConflictKind::CoverageGap)
        .iter()
        .map(|c| c.message.clone())
        .collect();
    assert_eq!(
        gaps,
        vec![
            "Nobody is on Op of the Week duty from Tue 2026-12-01 00:00 to Tue 2026-12-01 18:00",
            "Nobody is on Op of the Week duty from Thu 2026-12-24 20:00 to Fri 2026-12-25 00:00",
        ]
    );
    // With no turns at all, the whole range is one gap, first midnight to the end of the last day.
    let none = validate(&[], &ctx, horizon);
    assert_eq!(none.len(), 1);
    assert_eq!(
        (none[0].start, none[0].end),
        (
            local(Chicago, "2026-12-01", "00:00"),
            local(Chicago, "2026-12-25", "00:00")
        )
    );
}

// ---- Two duties at once ----------------------------------------------------------------------

#[test]
fn batman_day_inside_the_same_persons_op_of_the_week_is_a_double_duty() {
    let ctx = ow_and_batman(3, Vec::new(), Vec::new());
    let ow = Turn::generated(
        1,
        1,
        local(Berlin, "2026-12-07", "12:00"),
        local(Berlin, "2026-12-14", "12:00"),
    );
    let batman = Turn::generated(
        2,
        1,
        local(Berlin, "2026-12-08", "09:00"),
        local(Berlin, "2026-12-09", "09:00"),
    );
    let other = Turn::generated(
        2,
        2,
        local(Berlin, "2026-12-09", "09:00"),
        local(Berlin, "2026-12-10", "09:00"),
    );
    let found = validate(&[ow, batman.clone(), other], &ctx, span("2026-12-08", "2026-12-08"));
    let double = kinds(&found, ConflictKind::DoubleDuty);
    assert_eq!(double.len(), 1, "{found:#?}");
    let c = double[0];
    assert_eq!(
        c.message,
        "Ana is on Batman duty on Tue 2026-12-08 while also holding the Op of the Week turn starting Mon 2026-12-07 12:00"
    );
    assert_eq!(c.severity, Severity::Warning);
    assert_eq!((c.policy_id, c.member_id, c.turns.clone()), (2, Some(1), vec![1, 0]));
    assert_eq!((c.start, c.end), (batman.start, batman.end));
    assert_eq!(ConflictKind::DoubleDuty.name(), "double_duty");
    assert_eq!(ConflictKind::DoubleDuty.label(), "Two duties at once");
}

/// The case: over 56 weeks, Batman days kept falling inside the same person's Op of the
/// Week. With five people in both pools there is always someone free of the week's duty.
#[test]
fn planner_keeps_batman_days_off_the_op_of_the_week() {
    let ctx = ow_and_batman(5, Vec::new(), Vec::new());
    let horizon = span("2026-01-05", "2027-01-31");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-01-01T00:00:00Z")));
    let found = validate(&plan.turns, &ctx, horizon);
    assert!(found.is_empty(), "{:#?}", &found[..found.len().min(5)]);
    // Still fair: Batman days within a few of each other over the year.
    let mut days = [0usize; 5];
    for t in of_policy(&plan.turns, 2) {
        days[t.member_id as usize - 1] += 1;
    }
    let (lo, hi) = (days.iter().min().unwrap(), days.iter().max().unwrap());
    assert!(hi - lo <= 3, "{days:?}");
}

/// When someone is free the planner avoids the double duty, and the explanation says whom it
/// passed over; with one person in both pools it cannot, and the check reports it.
#[test]
fn double_duty_is_avoided_when_someone_is_free_and_reported_when_not() {
    let horizon = span("2026-12-07", "2026-12-13");
    let now = utc("2026-11-20T00:00:00Z");
    // Ana alone is Op of the Week; Batman has Ana and Ben.
    let ctx = ow_and_batman(2, vec![1], vec![1, 2]);
    let p = plan(&input(ctx.clone(), horizon, now));
    let batman = of_policy(&p.turns, 2);
    let week = local(Berlin, "2026-12-07", "12:00");
    let inside: Vec<&Turn> = batman.iter().filter(|t| t.start >= week).collect();
    assert!(
        inside.iter().all(|t| t.member_id == 2),
        "Ben takes the days Ana is Op of the Week"
    );
    let found = validate(&p.turns, &ctx, horizon);
    assert!(kinds(&found, ConflictKind::DoubleDuty).is_empty(), "{found:#?}");
    // Ben's days in a row are back to back: no one else is free of another duty then.
    assert!(!kinds(&found, ConflictKind::BackToBack).is_empty());
    let why = p.explanations.iter().find(|e| e.start == inside[1].start).unwrap();
    assert!(
        why.reason.contains("on another duty then: Ana (Op of the Week)")
            && why.reason.contains("back to back, as nobody else free could take it"),
        "{}",
        why.reason
    );

    // Only Ana in both pools: every Batman turn is a double duty, planned and reported.
    let ctx = ow_and_batman(2, vec![1], vec![1]);
    let p = plan(&input(ctx.clone(), horizon, now));
    assert!(of_policy(&p.turns, 2).iter().all(|t| t.member_id == 1));
    let found = validate(&p.turns, &ctx, horizon);
    let double = kinds(&found, ConflictKind::DoubleDuty);
    assert!(double.iter().all(|c| c.member_id == Some(1)));
    for (i, t) in p.turns.iter().enumerate().filter(|(_, t)| t.policy_id == 2) {
        assert!(
            double.iter().any(|c| c.turns.contains(&i)),
            "Batman turn from {} is not reported",
            t.start
        );
    }
    assert!(kinds(&found, ConflictKind::CoverageGap).is_empty());
}

/// A policy and its escalation pair are never the same person — that conflict has its own kind
/// and is not reported twice. A tech lead's standing shield overlaps everything by design and is
/// no second duty; a stand-in covering it is.
#[test]
fn escalation_pairs_and_standing_duties_are_not_double_duties() {
    let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| p.escalates_to = Some(2));
    let dw = policy(2, "Dev of the Week", PolicyKind::Weekly, |_| {});
    let lead = policy(3, "Tech lead shield", PolicyKind::Standing, |p| {
        p.standing_member_id = Some(1);
        p.stand_in_id = Some(2);
    });
    let ctx = context(Berlin, members(&["Lena", "Max", "Nia"]), vec![ow, dw, lead]);
    let horizon = span("2026-12-07", "2026-12-13");
    let (start, end) = (
        local(Berlin, "2026-12-07", "12:00"),
        local(Berlin, "2026-12-14", "12:00"),
    );
    let turns = vec![
        Turn::generated(1, 1, start, end),
        Turn::generated(2, 1, start, end),
        Turn::generated(
            3,
            1,
            local(Berlin, "2026-12-07", "00:00"),
            local(Berlin, "2026-12-14", "00:00"),
        ),
    ];
    let found = ConflictChecker::new(&ctx, horizon).check(&turns);
    assert_eq!(kinds(&found, ConflictKind::SamePersonInPair).len(), 1);
    assert!(kinds(&found, ConflictKind::DoubleDuty).is_empty(), "{found:#?}");

    // Max stands in for Lena, and is also Op of the Week: that is two duties.
    let turns = vec![
        Turn::generated(1, 2, start, end),
        Turn::generated(
            3,
            2,
            local(Berlin, "2026-12-07", "00:00"),
            local(Berlin, "2026-12-14", "00:00"),
        ),
    ];
    let found = ConflictChecker::new(&ctx, horizon).check(&turns);
    let double = kinds(&found, ConflictKind::DoubleDuty);
    assert_eq!(double.len(), 1);
    assert!(double[0].message.starts_with("Max is on"), "{}", double[0].message);

    // And the planner keeps the stand-in off the Op of the Week while Lena is away.
    let mut ctx = ctx;
    ctx.policies.retain(|p| p.id != 2);
    ctx.policies[0].spec.escalates_to = None;
    ctx.time_off = vec![time_off(1, 1, "2026-12-07", "2026-12-20")];
    let p = plan(&input(
        ctx.clone(),
        span("2026-12-07", "2026-12-20"),
        utc("2026-11-20T00:00:00Z"),
    ));
    let ow_turns = of_policy(&p.turns, 1);
    assert!(ow_turns.iter().all(|t| t.member_id == 3), "{ow_turns:?}");
    assert!(kinds(
        &validate(&p.turns, &ctx, span("2026-12-07", "2026-12-20")),
        ConflictKind::DoubleDuty
    )
    .is_empty());
}

/// Another team's policy that ours escalates to is in the context: a member of both teams on
/// its turn and one of ours at once is a double duty (a pair is only the escalation itself).
#[test]
fn another_teams_escalation_policy_in_the_context_counts() {
    let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| {
        p.pool = vec![1, 2];
        p.escalates_to = Some(3);
    });
    let batman = policy(2, "Batman", PolicyKind::Daily, |p| p.pool = vec![1, 2, 3, 4]);
    let mut dw = policy(3, "Dev of the Week", PolicyKind::Weekly, |p| p.pool = vec![3]);
    dw.team_id = 2;
    let ctx = context(Berlin, members(&["Ana", "Ben", "Cleo", "Dev"]), vec![ow, batman, dw]);
    let horizon = span("2026-12-07", "2026-12-20");
    let p = plan(&input(ctx.clone(), horizon, utc("2026-11-20T00:00:00Z")));
    // Cleo is Dev of the Week throughout; Batman days go to Dev and to whoever of Ana and Ben is
    // not on the Op of the Week.
    let found = validate(&p.turns, &ctx, horizon);
    assert!(kinds(&found, ConflictKind::DoubleDuty).is_empty(), "{found:#?}");
    assert!(of_policy(&p.turns, 2).iter().all(|t| t.member_id != 3));
    let mut turns = p.turns.clone();
    let i = find_turn(&turns, 2, local(Berlin, "2026-12-08", "12:00")).unwrap();
    turns = override_turn(&turns, i, 3).unwrap();
    let found = validate(&turns, &ctx, horizon);
    let double = kinds(&found, ConflictKind::DoubleDuty);
    assert_eq!(double.len(), 1, "{found:#?}");
    assert!(double[0].message.contains("Dev of the Week"), "{}", double[0].message);
}

/// Re-planning around a locked override: the Batman days of that week go to others, and the
/// days around a locked Batman day are not the same person's.
#[test]
fn replanning_fits_around_locked_turns_without_new_conflicts() {
    let ctx = ow_and_batman(4, Vec::new(), Vec::new());
    let horizon = span("2026-12-07", "2027-01-31");
    let now = utc("2026-11-20T00:00:00Z");
    let first = plan(&input(ctx.clone(), horizon, now));
    let mut turns = first.turns.clone();
    let w = find_turn(&turns, 1, local(Berlin, "2026-12-15", "12:00")).unwrap();
    let owner = if turns[w].member_id == 4 { 3 } else { 4 };
    turns = override_turn(&turns, w, owner).unwrap();
    let d = find_turn(&turns, 2, local(Berlin, "2027-01-13", "12:00")).unwrap();
    turns = override_turn(&turns, d, 1).unwrap();
    let mut inp = input(ctx.clone(), horizon, now);
    inp.existing = turns;
    let again = plan(&inp);
    let found = validate(&again.turns, &ctx, horizon);
    assert!(found.is_empty(), "{found:#?}");
}

// ---- Properties ------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Cover {
    zone: Tz,
    daily_time: &'static str,
    weekly: String,
    horizon: DateSpan,
    /// Hours after the range's first midnight that `now` is (negative: before the range).
    now_hours: i64,
    holiday_on_first_day: bool,
}

fn cover() -> impl Strategy<Value = Cover> {
    (
        0..3usize,
        prop_oneof![Just("09:00"), Just("00:00"), Just("02:30"), Just("23:30")],
        prop_oneof![Just("MON"), Just("WED"), Just("SUN")],
        prop_oneof![Just("12:00"), Just("00:00"), Just("02:30")],
        0..730i64,
        0..60i64,
        prop_oneof![Just(-48i64), 0..80i64],
        any::<bool>(),
    )
        .prop_map(
            |(z, daily_time, wd, wt, offset, len, now_hours, holiday_on_first_day)| {
                let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(offset);
                Cover {
                    zone: ZONES[z],
                    daily_time,
                    weekly: format!("{wd} {wt}"),
                    horizon: DateSpan {
                        first,
                        last: first + Duration::days(len),
                    },
                    now_hours,
                    holiday_on_first_day,
                }
            },
        )
}

/// The turns of one policy must tile `[from, to)`: in order, each ending where the next starts,
/// the first starting at or before `from`, the last ending at or after `to`.
fn assert_tiles(turns: &[Turn], from: DateTime<Utc>, to: DateTime<Utc>, what: &str) -> Result<(), TestCaseError> {
    if from >= to {
        return Ok(()); // the whole range is history: nothing left to plan
    }
    prop_assert!(!turns.is_empty(), "{}: no turns", what);
    prop_assert!(
        turns[0].start <= from,
        "{}: starts {} after {}",
        what,
        turns[0].start,
        from
    );
    prop_assert!(turns[turns.len() - 1].end >= to, "{}: ends before {}", what, to);
    for pair in turns.windows(2) {
        prop_assert!(pair[0].start < pair[0].end, "{}: empty turn", what);
        prop_assert_eq!(pair[0].end, pair[1].start, "{}: gap or overlap", what);
    }
    Ok(())
}

/// Whether the generated turn `i` could have gone to someone else without a conflict the check
/// reports: a pool member free on its days (active, no time off), not on its escalation pair
/// then, not holding the turn just before or after it (when back-to-back turns count), and on no
/// other duty then.
fn had_alternative(ctx: &RotationContext, turns: &[Turn], i: usize, generated: &dyn Fn(&Turn) -> bool) -> bool {
    let t = &turns[i];
    if !generated(t) {
        return false;
    }
    let p = ctx.policy(t.policy_id).unwrap();
    let eligible = p.eligible(&ctx.members);
    let first = t.start.with_timezone(&ctx.zone).date_naive();
    let end = t.end.with_timezone(&ctx.zone).date_naive();
    let days = DateSpan {
        first,
        last: if end > first { end - Duration::days(1) } else { first },
    };
    let b2b_counts = p.spec.min_gap_turns > 0 && eligible.len() > 1;
    eligible.iter().map(|m| m.id).filter(|&m| m != t.member_id).any(|m| {
        let away = ctx
            .time_off
            .iter()
            .any(|o| o.spec.member_id == m && o.spec.days.overlaps(&days));
        // On another policy's turn then (its escalation pair, or a second duty), or on the turn
        // just before or after.
        let busy = turns.iter().any(|u| {
            u.member_id == m
                && ((u.policy_id != p.id && u.overlaps(t.start, t.end))
                    || (b2b_counts && u.policy_id == p.id && (u.end == t.start || u.start == t.end)))
        });
        !away && !busy
    })
}

#[derive(Debug, Clone)]
struct Team {
    zone: Tz,
    people: usize,
    ow_pool: Vec<Id>,
    batman_pool: Vec<Id>,
    dw_pool: Option<Vec<Id>>,
    min_gap: i64,
    horizon: DateSpan,
    time_off: Vec<(Id, i64, i64)>,
}

fn team() -> impl Strategy<Value = Team> {
    (2..=7usize, 0..3usize, 0..3i64, 0..365i64, 7..120i64)
        .prop_flat_map(|(people, z, min_gap, offset, len)| {
            let ids = move || proptest::sample::subsequence((1..=people as Id).collect::<Vec<_>>(), 1..=people);
            (
                Just((people, z, min_gap, offset, len)),
                ids(),
                ids(),
                proptest::option::of(ids()),
                proptest::collection::vec((1..=people as Id, 0..120i64, 0..10i64), 0..6),
            )
        })
        .prop_map(
            |((people, z, min_gap, offset, len), ow_pool, batman_pool, dw_pool, time_off)| {
                let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(offset);
                Team {
                    zone: ZONES[z],
                    people,
                    ow_pool,
                    batman_pool,
                    dw_pool,
                    min_gap,
                    horizon: DateSpan {
                        first,
                        last: first + Duration::days(len),
                    },
                    time_off,
                }
            },
        )
}

fn team_context(t: &Team) -> RotationContext {
    let mut policies = vec![
        policy(1, "Op of the Week", PolicyKind::Weekly, |p| {
            p.pool = t.ow_pool.clone();
            p.min_gap_turns = Some(t.min_gap);
            p.escalates_to = t.dw_pool.as_ref().map(|_| 3);
        }),
        policy(2, "Batman", PolicyKind::Daily, |p| {
            p.pool = t.batman_pool.clone();
            p.min_gap_turns = Some(t.min_gap);
        }),
    ];
    if let Some(pool) = &t.dw_pool {
        policies.push(policy(3, "Dev of the Week", PolicyKind::Weekly, |p| {
            p.pool = pool.clone();
            p.handoff = Some("WED 09:00".into());
        }));
    }
    let mut ctx = context(t.zone, members(&NAMES[..t.people]), policies);
    ctx.time_off = t
        .time_off
        .iter()
        .enumerate()
        .map(|(i, (m, off, len))| {
            let first = t.horizon.first + Duration::days(*off - 5);
            time_off(
                i as Id + 1,
                *m,
                &first.to_string(),
                &(first + Duration::days(*len)).to_string(),
            )
        })
        .collect();
    ctx
}

/// Every back-to-back turn and double duty in `turns` involves no turn that could have gone to
/// someone else: when one of the two turns was kept, the generated one had no alternative; when
/// both were generated, at least one had none (the one planned later chose knowing the other).
fn assert_no_self_made(
    ctx: &RotationContext,
    turns: &[Turn],
    horizon: DateSpan,
    generated: &dyn Fn(&Turn) -> bool,
) -> Result<(), TestCaseError> {
    for c in validate(turns, ctx, horizon) {
        if c.kind != ConflictKind::BackToBack && c.kind != ConflictKind::DoubleDuty {
            continue;
        }
        let (a, b) = (c.turns[0], c.turns[1]);
        let (ga, gb) = (generated(&turns[a]), generated(&turns[b]));
        let (xa, xb) = (
            had_alternative(ctx, turns, a, generated),
            had_alternative(ctx, turns, b, generated),
        );
        let avoidable = match (ga, gb) {
            (true, true) => xa && xb,
            (true, false) => xa,
            (false, true) => xb,
            (false, false) => false,
        };
        prop_assert!(!avoidable, "avoidable {}: {}", c.kind, c.message);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// A plan over any range, starting on any weekday, in any of the zones, covers it from its
    /// first midnight — or from `now`, when that is later — to its end: every instant is inside
    /// exactly one turn of each non-standing policy. When the range has not started, the check
    /// finds no gap or overlap at all.
    #[test]
    fn a_plan_covers_its_range_from_the_start(c in cover()) {
        let daily = policy(1, "Batman", PolicyKind::Daily, |p| p.handoff = Some(c.daily_time.into()));
        let weekly = policy(2, "Op of the Week", PolicyKind::Weekly, |p| p.handoff = Some(c.weekly.clone()));
        let lead = policy(3, "Tech lead", PolicyKind::Standing, |p| p.standing_member_id = Some(1));
        let mut ctx = context(c.zone, members(&NAMES[..4]), vec![daily, weekly, lead]);
        if c.holiday_on_first_day {
            ctx.holidays = vec![holiday(1, &c.horizon.first.to_string(), "Team day")];
        }
        let from = midnight(ctx.zone, c.horizon.first);
        let to = midnight(ctx.zone, c.horizon.last + Duration::days(1));
        let now = from + Duration::hours(c.now_hours);
        let plan = plan(&input(ctx.clone(), c.horizon, now));
        for id in [1, 2] {
            let turns = of_policy(&plan.turns, id);
            assert_tiles(&turns, from.max(now), to, &format!("policy {id}"))?;
            prop_assert!(turns.iter().all(|t| t.start >= from), "nothing before the range");
        }
        if now <= from {
            let found = validate(&plan.turns, &ctx, c.horizon);
            prop_assert!(found.iter().all(|x| x.kind != ConflictKind::CoverageGap && x.kind != ConflictKind::Overlap), "{:#?}", found);
        }
    }

    /// The planner never makes a back-to-back turn or a double duty the check reports while
    /// someone else in the pool was free without one — in a first plan, and re-planning after
    /// locked overrides and new time off with `now` inside the range.
    #[test]
    fn no_self_made_back_to_back_or_double_duty(t in team(), picks in proptest::collection::vec((0..1000usize, 1..=7i64), 0..4), cut in 0..100usize) {
        let ctx = team_context(&t);
        let before = utc("2025-12-01T00:00:00Z");
        let first = plan(&input(ctx.clone(), t.horizon, before));
        assert_no_self_made(&ctx, &first.turns, t.horizon, &|_| true)?;

        let mut turns = first.turns.clone();
        for (i, m) in picks {
            let i = i % turns.len();
            turns = override_turn(&turns, i, (m - 1) % t.people as i64 + 1).unwrap();
        }
        let now = turns[cut % turns.len()].start + Duration::hours(1);
        let mut ctx = ctx;
        ctx.time_off.push(time_off(99, 1, &(t.horizon.first + Duration::days(10)).to_string(), &(t.horizon.first + Duration::days(20)).to_string()));
        let mut inp = input(ctx.clone(), t.horizon, now);
        inp.existing = turns;
        let again = plan(&inp);
        assert_no_self_made(&ctx, &again.turns, t.horizon, &|x: &Turn| !x.locked && x.start >= now)?;
    }
}

/// The instant local `date` begins in `zone` (the first valid minute if midnight is skipped).
fn midnight(zone: Tz, date: NaiveDate) -> DateTime<Utc> {
    sprintshield_core::time::resolve_local(zone, date.and_time(NaiveTime::MIN))
}
