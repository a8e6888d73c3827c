//! The honest forecast: history without stored turns, members without an active-from date, and
//! the headline sentence computed by hand.
#[path = "forecast_support/mod.rs"]
mod fixture;

use chrono::Duration;
use fixture::{d, Fixture};
use sprintshield_core::capacity::{CapacitySettings, CauseKind, ASSUMED_SUFFIX};
use sprintshield_core::forecast::{
    sprint_capacity, sprint_forecast, sprints_for_confidence, team_backtest, ForecastSettings, SprintForecast, TeamData,
};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::sprint::{Sprint, SprintSpec};

const STARTS: [&str; 6] = [
    "2026-03-09",
    "2026-03-23",
    "2026-04-06",
    "2026-04-20",
    "2026-05-04",
    "2026-05-18",
];

fn sprint(id: i64, start: &str, completed: Option<f64>) -> Sprint {
    let start = d(start);
    Sprint {
        id,
        team_id: 1,
        spec: SprintSpec {
            name: format!("Sprint {id}"),
            start,
            end: start + Duration::days(11),
            goal: String::new(),
            committed_points: None,
        },
        completed_points: completed,
    }
}

fn batman() -> DutyPolicy {
    let mut new = NewPolicy::new("Batman", PolicyKind::Daily);
    new.focus_share_percent = Some(0);
    DutyPolicy {
        id: 10,
        team_id: 1,
        spec: new.validate().unwrap(),
    }
}

/// Five full-time members; closed sprints with `points` (two weeks each, from 2026-03-09), no
/// stored turns in any of them; the planned Sprint 7 from Monday 2026-06-01 (10 working days).
fn team(points: &[f64]) -> (Fixture, TeamData) {
    let f = Fixture::five();
    let mut sprints: Vec<Sprint> = points
        .iter()
        .enumerate()
        .map(|(i, p)| sprint(i as i64 + 1, STARTS[6 - points.len() + i], Some(*p)))
        .collect();
    sprints.push(sprint(7, "2026-06-01", None));
    let data = TeamData {
        team: f.team.clone(),
        members: f.members.clone(),
        time_off: vec![],
        holidays: vec![],
        interrupts: vec![],
        sprints,
        policies: vec![],
        turns: vec![],
    };
    (f, data)
}

fn run(data: &TeamData) -> SprintForecast {
    let settings = ForecastSettings::new(20_000, 7).unwrap();
    sprint_forecast(data, 7, &[], settings, CapacitySettings::default()).unwrap()
}

#[test]
fn past_sprints_without_stored_turns_get_the_current_policies_and_say_so() {
    let (f, mut data) = team(&[40.0; 6]);
    data.policies = vec![batman()];
    // Batman is planned for the new sprint only: Ana for all of it.
    data.turns = vec![Turn::generated(
        10,
        1,
        f.at("2026-06-01T00:00"),
        f.at("2026-06-13T00:00"),
    )];
    let fc = run(&data);
    // Each past sprint: 5 people × 10 days − one Batman per working day = 40 focus days, not 50.
    assert_eq!(fc.history.len(), 6);
    assert!(fc.history.iter().all(|h| h.focus_days == 40.0), "{:?}", fc.history);
    assert_eq!(fc.forecast.as_ref().unwrap().monte_carlo.p85, 40.0);
    assert_eq!(
        fc.assumptions[0],
        "Sprint 1, Sprint 2 and 4 more have no stored duty turns; assumed your current policies (Batman at 0 % \
         focus) had one person on duty every working day, as they would now — otherwise they would count as \
         sprints with nobody on duty"
    );
    // The assumed covers rotate through the pool and are labelled as assumed.
    let past = sprint_capacity(&data, 1, &[], CapacitySettings::default()).unwrap();
    let duty: Vec<&str> = past
        .report
        .people
        .iter()
        .filter_map(|p| p.cells[0].duty.as_deref())
        .collect();
    assert_eq!(duty, vec![format!("Batman{ASSUMED_SUFFIX}").as_str()]);
    let on_duty_days: Vec<usize> = past
        .report
        .people
        .iter()
        .map(|p| p.cells.iter().filter(|c| c.duty.is_some()).count())
        .collect();
    assert_eq!(on_duty_days, vec![2, 2, 2, 2, 2]);
    // The backtest learns from the same history and says the same.
    let bt = team_backtest(
        &data,
        ForecastSettings::new(500, 1).unwrap(),
        CapacitySettings::default(),
    )
    .unwrap();
    assert_eq!(bt.assumptions[0], fc.assumptions[0]);
}

#[test]
fn a_past_sprint_with_stored_turns_keeps_them_and_is_not_listed() {
    let (f, mut data) = team(&[40.0; 6]);
    data.policies = vec![batman()];
    // Sprint 6 (2026-05-18..29) has a stored turn: Ben on Monday only.
    data.turns = vec![
        Turn::generated(10, 2, f.at("2026-05-18T09:00"), f.at("2026-05-19T09:00")),
        Turn::generated(10, 1, f.at("2026-06-01T00:00"), f.at("2026-06-13T00:00")),
    ];
    let fc = run(&data);
    assert_eq!(fc.history[5].focus_days, 49.0);
    assert_eq!(fc.history[4].focus_days, 40.0);
    assert!(
        fc.assumptions[0].starts_with("Sprint 1, Sprint 2 and 3 more have"),
        "{:?}",
        fc.assumptions
    );
}

#[test]
fn without_policies_nothing_is_assumed_and_an_unplanned_sprint_is_said_to_have_nobody_on_duty() {
    let (_, data) = team(&[40.0; 6]);
    let fc = run(&data);
    assert!(fc.history.iter().all(|h| h.focus_days == 50.0));
    assert!(
        fc.assumptions.iter().all(|a| !a.contains("no stored duty turns")),
        "{:?}",
        fc.assumptions
    );
    let (_, mut data) = team(&[40.0; 6]);
    data.policies = vec![batman()];
    let fc = run(&data);
    assert!(
        fc.assumptions
            .iter()
            .any(|a| a.starts_with("no duty turns are stored for Sprint 7 yet, so nobody is counted on duty")),
        "{:?}",
        fc.assumptions
    );
}

fn omar(active_from: Option<&str>) -> Member {
    Member {
        id: 6,
        team_id: 1,
        spec: NewMember {
            name: "Omar".into(),
            active_from: active_from.map(str::to_owned),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    }
}

#[test]
fn a_member_added_today_counts_in_past_sprints_only_from_the_active_from_date() {
    // The rule: a member counts from their active-from date. Omar, added today (2026-06-01)
    // with that date, adds nothing to the six past sprints and nothing is said.
    let (f, mut data) = team(&[40.0; 6]);
    let mut with_members = f.members.clone();
    with_members.push(omar(Some("2026-06-01")));
    data.members = with_members;
    for m in &mut data.members[..5] {
        m.spec.active_from = Some(d("2026-01-01"));
    }
    let fc = run(&data);
    assert!(fc.history.iter().all(|h| h.focus_days == 50.0), "{:?}", fc.history);
    assert!(fc.assumptions.is_empty(), "{:?}", fc.assumptions);
    assert_eq!(fc.capacity.report.team_total.value, 60.0);

    // Without an active-from date the store cannot tell when he arrived: he counts in every
    // past sprint (60 focus days each), and the forecast names him.
    data.members[5] = omar(None);
    let fc = run(&data);
    assert!(fc.history.iter().all(|h| h.focus_days == 60.0));
    assert_eq!(
        fc.assumptions,
        vec![
            "Omar has no active-from date, so counts in every past sprint (60 of 360 focus days); if Omar joined \
             later, set the active-from date"
        ]
    );
    // Several without a date: one line naming every one of them.
    data.members[0].spec.active_from = None;
    assert_eq!(
        run(&data).assumptions,
        vec![
            "Ana and Omar have no active-from date, so each counts in every past sprint (120 of 360 focus days); \
             set the date for anyone who joined later"
        ]
    );
}

#[test]
fn the_headline_is_one_sentence_in_whole_points_with_its_causes() {
    // Six past sprints, no stored turns there, so Batman (0 % focus) is assumed: 40 focus days
    // each. Points 30, 35, 40, 40, 45, 50 → 0.75, 0.875, 1, 1, 1.125, 1.25 points per focus day.
    let (mut f, mut data) = team(&[30.0, 35.0, 40.0, 40.0, 45.0, 50.0]);
    data.policies = vec![batman()];
    data.turns = vec![Turn::generated(
        10,
        1,
        f.at("2026-06-01T00:00"),
        f.at("2026-06-13T00:00"),
    )];
    f.away(2, "2026-06-01", "2026-06-05");
    data.time_off = f.time_off.clone();
    let fc = run(&data);
    // Planned: 50 nominal − 10 Ana on Batman − 5 Ben's vacation = 35 focus days.
    let b = &fc.capacity.breakdown;
    assert_eq!((b.nominal, b.focus_days), (50.0, 35.0));
    let causes: Vec<(CauseKind, &str, f64)> = b.causes.iter().map(|c| (c.kind, c.label.as_str(), c.days)).collect();
    assert_eq!(
        causes,
        vec![
            (CauseKind::Duty, "on duty", 10.0),
            (CauseKind::TimeOff, "Ben's vacation", 5.0)
        ]
    );
    // Each velocity is drawn 1 time in 6. P85: the lowest (drawn 16.7 % > 15 % of the time),
    // 0.75 × 35 = 26.25 → 26. P50: 1 × 35 = 35. P15: the highest, 1.25 × 35 = 43.75 → 44.
    let h = fc.headline.unwrap();
    assert_eq!(
        h.sentence,
        "Commit to 26 points (85 % likely; 35 half the time). Capacity 35 focus days of 50: −10 on duty, −5 Ben's \
         vacation."
    );
    assert_eq!((h.commit_points, h.commit_percent, h.half_points), (26, 85, 35));
    assert_eq!((h.range.low, h.range.high), (26, 44));
    assert_eq!(
        h.range.sentence,
        "Likely range: 26–44 points; 7 sprints in 10 land here."
    );
    // Six sprints back 85 % (6/7) but not 95 % (needs 19): P95 is left out of the details.
    let shown: Vec<(u32, Option<i64>)> = h.percentiles.iter().map(|p| (p.percent, p.points)).collect();
    assert_eq!(shown, vec![(50, Some(35)), (85, Some(26)), (95, None)]);
    assert!(
        h.percentiles[2]
            .note
            .starts_with("not shown — backing 95 % needs at least 19 past sprints"),
        "{}",
        h.percentiles[2].note
    );
}

#[test]
fn with_few_sprints_the_headline_says_how_sure_it_can_be_instead_of_equal_percentiles() {
    let (_, data) = team(&[30.0, 40.0, 50.0]);
    let fc = run(&data);
    let h = fc.headline.unwrap();
    // 3 sprints: the next one falls below the lowest 1 time in 4, so at best 75 %.
    assert_eq!(h.commit_percent, 75);
    assert!(
        h.sentence
            .starts_with("Commit to 30 points (only 3 past sprints, so at best 75 % likely; 40 half the time)."),
        "{}",
        h.sentence
    );
    assert!(h
        .sentence
        .ends_with("Capacity 50 focus days of 50: nobody away or on duty, no interrupts."));
    assert!(
        h.range.sentence.contains("3 past sprints cannot back \"7 in 10\""),
        "{}",
        h.range.sentence
    );
    let shown: Vec<Option<i64>> = h.percentiles.iter().map(|p| p.points).collect();
    assert_eq!(shown, vec![Some(40), None, None]);
    assert_eq!(
        [50, 85, 95].map(sprints_for_confidence),
        [1, 6, 19],
        "n/(n + 1) ≥ confidence"
    );
}

#[test]
fn the_breakdown_adds_up_to_the_team_total_with_holidays_and_part_timers() {
    let (mut f, mut data) = team(&[40.0; 6]);
    data.members[4].spec.capacity_percent = 50;
    f.holiday("2026-06-04", "Corpus Christi");
    f.away(3, "2026-06-08", "2026-06-09");
    data.holidays = f.holidays.clone();
    data.time_off = f.time_off.clone();
    data.policies = vec![batman()];
    data.turns = vec![Turn::generated(
        10,
        1,
        f.at("2026-06-01T09:00"),
        f.at("2026-06-03T09:00"),
    )];
    let cap = sprint_capacity(&data, 7, &[], CapacitySettings::default()).unwrap();
    let b = &cap.breakdown;
    let lost: f64 = b.causes.iter().map(|c| c.days).sum();
    assert!((b.nominal - lost - cap.report.team_total.value).abs() < 1e-9);
    assert_eq!(b.nominal, 45.0);
    let labels: Vec<&str> = b.causes.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, vec!["on duty", "Cleo's vacation", "Corpus Christi"]);
    assert_eq!(b.causes[2].days, 4.5);
}
