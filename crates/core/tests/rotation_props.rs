//! Property tests of the planner's invariants over random teams, pools, time off and horizons.
mod rotation_support;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
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

#[derive(Debug, Clone)]
struct Scenario {
    zone: Tz,
    kind: PolicyKind,
    handoff: String,
    people: usize,
    horizon: DateSpan,
    time_off: Vec<(Id, i64, i64)>,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0..3usize,
        prop_oneof![Just(PolicyKind::Daily), Just(PolicyKind::Weekly)],
        prop_oneof![Just("09:00"), Just("02:30"), Just("12:00"), Just("01:45")],
        2..=7usize,
        0..365i64,
        7..90i64,
        proptest::collection::vec((1..=7i64, 0..100i64, 0..12i64), 0..6),
    )
        .prop_map(|(z, kind, time, people, offset, len, time_off)| {
            let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(offset);
            let handoff = if kind == PolicyKind::Weekly {
                format!("TUE {time}")
            } else {
                time.to_owned()
            };
            Scenario {
                zone: ZONES[z],
                kind,
                handoff,
                people,
                horizon: DateSpan {
                    first,
                    last: first + Duration::days(len),
                },
                time_off: time_off.into_iter().filter(|(m, _, _)| *m <= people as i64).collect(),
            }
        })
}

fn build(s: &Scenario) -> (RotationContext, PlanInput) {
    let p = policy(1, "Duty", s.kind, |p| p.handoff = Some(s.handoff.clone()));
    let mut ctx = context(s.zone, members(&NAMES[..s.people]), vec![p]);
    ctx.time_off = s
        .time_off
        .iter()
        .enumerate()
        .map(|(i, (m, off, len))| {
            let first = s.horizon.first + Duration::days(*off - 10);
            time_off(
                i as Id + 1,
                *m,
                &first.to_string(),
                &(first + Duration::days(*len)).to_string(),
            )
        })
        .collect();
    let now = utc("2025-12-01T00:00:00Z");
    (ctx.clone(), input(ctx, s.horizon, now))
}

/// The local days a turn is on duty: start's day up to the day before the end's day.
fn duty_days(zone: Tz, t: &Turn) -> DateSpan {
    let first = t.start.with_timezone(&zone).date_naive();
    let end = t.end.with_timezone(&zone).date_naive();
    DateSpan {
        first,
        last: if end > first { end - Duration::days(1) } else { first },
    }
}

fn away(ctx: &RotationContext, member: Id, days: DateSpan) -> bool {
    ctx.time_off
        .iter()
        .any(|t| t.spec.member_id == member && t.spec.days.overlaps(&days))
}

fn counts(turns: &[Turn]) -> BTreeMap<Id, usize> {
    let mut c = BTreeMap::new();
    for t in turns {
        *c.entry(t.member_id).or_default() += 1;
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every instant from the first handoff of the horizon to the first handoff after it is
    /// covered by exactly one turn, and the validator agrees there is no gap or overlap.
    #[test]
    fn every_instant_covered_exactly_once(s in scenario()) {
        let (ctx, input) = build(&s);
        let plan = plan(&input);
        let windows = turn_windows(&ctx.policies[0].spec, &ctx, s.horizon);
        let turns = of_policy(&plan.turns, 1);
        prop_assert_eq!(turns.first().map(|t| t.start), windows.first().map(|w| w.start));
        prop_assert_eq!(turns.last().map(|t| t.end), windows.last().map(|w| w.end));
        for pair in turns.windows(2) {
            prop_assert!(pair[0].start < pair[0].end);
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        let conflicts = validate(&plan.turns, &ctx, s.horizon);
        prop_assert!(conflicts.iter().all(|c| c.kind != ConflictKind::CoverageGap && c.kind != ConflictKind::Overlap),
            "{:?}", conflicts);
    }

    /// Nobody is put on duty during their time off while another pool member is free.
    #[test]
    fn nobody_on_duty_during_time_off_when_someone_is_free(s in scenario()) {
        let (ctx, input) = build(&s);
        for t in plan(&input).turns {
            let days = duty_days(s.zone, &t);
            if away(&ctx, t.member_id, days) {
                let someone_free = ctx.members.iter().any(|m| m.id != t.member_id && !away(&ctx, m.id, days));
                prop_assert!(!someone_free, "member {} away on {:?} although someone was free", t.member_id, days);
            }
        }
    }

    /// Overrides are locked and survive re-planning unchanged, as does every turn that started
    /// before `now` — except the running unlocked turn of someone away today, whose part before
    /// `now` survives (same id, person and start, ending at `now`) and whose rest goes to someone
    /// else; the rest of the horizon is still covered exactly once.
    #[test]
    fn locked_turns_and_history_survive_replanning(s in scenario(), picks in proptest::collection::vec((0..1000usize, 1..=7i64), 1..4), cut in 0..100usize) {
        let (ctx, mut input) = build(&s);
        let first = plan(&input);
        let mut turns = first.turns.clone();
        for (i, m) in picks {
            let i = i % turns.len();
            turns = override_turn(&turns, i, (m - 1) % s.people as i64 + 1).unwrap();
        }
        let now = turns[cut % turns.len()].start + Duration::hours(1);
        input.existing = turns.clone();
        input.now = now;
        input.context.time_off.push(time_off(99, 1, &s.horizon.first.to_string(), &s.horizon.last.to_string()));
        let again = plan(&input);
        let away_now = |t: &Turn| !t.locked && t.start < now && now < t.end && t.member_id == 1;
        for t in turns.iter().filter(|t| t.locked || t.start < now) {
            if away_now(t) {
                let cut = Turn { end: now, ..t.clone() };
                prop_assert!(again.turns.contains(&cut), "the part before now of {:?} is lost", t);
                let rest = again.turns.iter().find(|r| r.policy_id == t.policy_id && r.start == now);
                prop_assert!(rest.is_some_and(|r| r.member_id != 1 || s.people == 1), "nobody takes over {:?}: {:?}", t, rest);
            } else {
                prop_assert!(again.turns.contains(t), "lost {:?}", t);
            }
        }
        let mine = of_policy(&again.turns, 1);
        for pair in mine.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        let _ = ctx;
    }

    /// With equal pools, full-time members and no time off, turn counts differ by at most one.
    /// Counted are the whole turns (handoff to handoff): the lead-in from the horizon's first
    /// midnight to its first handoff is the part of a turn that began before it, counted by that
    /// share and given to whoever is furthest behind unless that makes a back-to-back turn.
    #[test]
    fn equal_members_get_turn_counts_within_one(s in scenario()) {
        let s = Scenario { time_off: Vec::new(), ..s };
        let (_, input) = build(&s);
        let plan = plan(&input);
        let from = sprintshield_core::time::resolve_local(s.zone, s.horizon.first.and_time(chrono::NaiveTime::MIN));
        let whole: Vec<Turn> = plan.turns.iter().filter(|t| t.start != from).cloned().collect();
        let c = counts(&whole);
        let (lo, hi) = (c.values().min().copied().unwrap_or(0), c.values().max().copied().unwrap_or(0));
        let lo = if c.len() < s.people { 0 } else { lo };
        prop_assert!(hi - lo <= 1, "{:?}", c);
    }

    /// An escalation pair is never the same person at overlapping times, even with overlapping
    /// pools, different handoff times and time off.
    #[test]
    fn escalation_pair_never_the_same_person(s in scenario(), shift in 0..4usize, dw_time in prop_oneof![Just("MON 12:00"), Just("WED 02:30"), Just("TUE 09:00")]) {
        let (mut ctx, mut input) = build(&s);
        let n = s.people.max(3) as i64;
        ctx.members = members(&NAMES[..n as usize]);
        let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| { p.pool = (1..=n).collect(); p.escalates_to = Some(2); });
        let dw_pool: Vec<Id> = (0..3).map(|k| (k + shift as i64) % n + 1).collect();
        let dw = policy(2, "Dev of the Week", PolicyKind::Weekly, |p| { p.pool = dw_pool; p.handoff = Some(dw_time.into()); });
        ctx.policies = vec![dw, ow];
        input.context = ctx.clone();
        let plan = plan(&input);
        let (a, b) = (of_policy(&plan.turns, 1), of_policy(&plan.turns, 2));
        for x in &a {
            for y in b.iter().filter(|y| y.overlaps(x.start, x.end)) {
                prop_assert_ne!(x.member_id, y.member_id, "same person at {}", x.start);
            }
        }
        prop_assert!(validate(&plan.turns, &ctx, s.horizon).iter().all(|c| c.kind != ConflictKind::SamePersonInPair));
    }

    /// The GoAlert-style starvation bug: a Mon–Fri daily rotation of five people gives everyone
    /// exactly one day in every calendar week.
    #[test]
    fn weekday_daily_rotation_of_five_gives_everyone_one_day_a_week(z in 0..3usize, week in 0..100i64, weeks in 1..20i64, time in prop_oneof![Just("09:00"), Just("02:30")]) {
        let monday = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap() + Duration::weeks(week);
        let horizon = DateSpan { first: monday, last: monday + Duration::days(7 * weeks - 1) };
        let ctx = context(ZONES[z], members(&NAMES[..5]), vec![policy(1, "Batman", PolicyKind::Daily, |p| p.handoff = Some(time.into()))]);
        let plan = plan(&input(ctx, horizon, utc("2025-01-01T00:00:00Z")));
        // Monday 00:00 to the first handoff is the lead-in (the tail of the Friday before); the
        // whole turns after it are the rounds.
        let (lead, whole) = plan.turns.split_first().unwrap();
        prop_assert_eq!(lead.start.with_timezone(&ZONES[z]).date_naive(), monday);
        prop_assert_eq!(lead.end, whole[0].start);
        prop_assert_ne!(lead.member_id, whole[0].member_id);
        prop_assert_eq!(whole.len() as i64, 5 * weeks);
        for chunk in whole.chunks(5) {
            let week_of = |t: &Turn| t.start.with_timezone(&ZONES[z]).iso_week();
            prop_assert!(chunk.iter().all(|t| week_of(t) == week_of(&chunk[0])));
            prop_assert!(chunk.iter().all(|t| t.start.with_timezone(&ZONES[z]).weekday() != Weekday::Sat));
            let c = counts(chunk);
            prop_assert_eq!(c.len(), 5, "week of {}: {:?}", chunk[0].start, c);
        }
    }
}

/// Same input, same plan.
#[test]
fn planning_is_deterministic() {
    let s = Scenario {
        zone: ZONES[0],
        kind: PolicyKind::Daily,
        handoff: "09:00".into(),
        people: 6,
        horizon: span("2026-03-01", "2026-06-30"),
        time_off: vec![(2, 20, 9), (4, 40, 5)],
    };
    let (_, input) = build(&s);
    assert_eq!(plan(&input), plan(&input));
}

/// A 50 % member carries about half the turns of full-time colleagues.
#[test]
fn part_time_member_carries_proportionally_less() {
    let mut ms = members(&NAMES[..4]);
    ms[3].spec.capacity_percent = 50;
    let ctx = context(ZONES[0], ms, vec![policy(1, "Op", PolicyKind::Weekly, |_| {})]);
    let plan = plan(&input(
        ctx,
        span("2026-01-01", "2026-12-31"),
        utc("2025-12-01T00:00:00Z"),
    ));
    let c = counts(&plan.turns);
    // 52 turns, capacity 3.5 full-time equivalents: 14.9 each, 7.4 for the part-timer.
    assert!((7..=8).contains(&c[&4]), "{c:?}");
    assert!(c[&1] >= 14 && c[&1] <= 16, "{c:?}");
}

/// History counts: someone who carried more in the past gets fewer turns now.
#[test]
fn rolling_history_balances_past_load() {
    let ctx = context(
        ZONES[0],
        members(&NAMES[..3]),
        vec![policy(1, "Op", PolicyKind::Weekly, |_| {})],
    );
    let past: Vec<Turn> = (0..6)
        .map(|w| {
            let start: DateTime<Utc> = utc("2026-01-05T11:00:00Z") + Duration::weeks(w);
            Turn::generated(1, 1, start, start + Duration::weeks(1))
        })
        .collect();
    let mut inp = input(ctx, span("2026-02-16", "2026-04-12"), utc("2026-02-16T00:00:00Z"));
    inp.existing = past;
    let plan = plan(&inp);
    let future: Vec<Turn> = plan.turns.into_iter().filter(|t| t.start >= inp.now).collect();
    let c = counts(&future);
    assert_eq!(future.len(), 8);
    assert_eq!(c.get(&1).copied().unwrap_or(0), 0, "Ana carried six weeks alone: {c:?}");
}

/// Re-planning around new time off is a time-off replacement: the new turn says whom it covers
/// for, the explanation says why, and the fairness ledger lists it with the planned person away.
/// A re-plan that only rebalances (nobody away) records no replacement.
#[test]
fn replanning_around_time_off_is_a_ledger_entry() {
    let ctx = context(
        ZONES[0],
        members(&NAMES[..4]),
        vec![policy(1, "Batman", PolicyKind::Daily, |_| {})],
    );
    let now = utc("2026-03-01T00:00:00Z");
    let horizon = span("2026-03-02", "2026-03-27");
    let first = plan(&input(ctx.clone(), horizon, now));
    let stored: Vec<Turn> = first
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| Turn {
            id: Some(i as Id + 1),
            ..t.clone()
        })
        .collect();
    let again = {
        let mut inp = input(ctx.clone(), horizon, now);
        inp.existing = stored.clone();
        plan(&inp)
    };
    assert!(
        again.turns.iter().all(|t| t.replaced_member_id.is_none()),
        "nobody away, nothing replaced"
    );

    // The person of the turn on Tue 10 March falls ill for that day.
    let target = stored
        .iter()
        .find(|t| duty_days(ZONES[0], t).first == day("2026-03-10"))
        .unwrap()
        .clone();
    let mut sick = ctx.clone();
    sick.time_off = vec![time_off(1, target.member_id, "2026-03-10", "2026-03-10")];
    let mut inp = input(sick.clone(), horizon, now);
    inp.existing = stored;
    let replanned = plan(&inp);
    let cover = replanned.turns.iter().find(|t| t.start == target.start).unwrap();
    assert_ne!(cover.member_id, target.member_id);
    assert_eq!(cover.replaced_member_id, Some(target.member_id));
    let why = replanned.explanations.iter().find(|e| e.start == target.start).unwrap();
    assert!(
        why.reason.contains("covers for") && why.reason.contains("away"),
        "{}",
        why.reason
    );
    let report = fairness(&replanned.turns, &sick, now);
    let entry = report.ledger.iter().find(|e| e.start == target.start).unwrap();
    assert_eq!(
        (entry.covered_by, entry.covered_for),
        (cover.member_id, target.member_id)
    );
    assert!(entry.planned_was_away);
}
