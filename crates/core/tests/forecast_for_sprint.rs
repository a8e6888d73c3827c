//! The one entry point the CLI and the app call: turns to covers, what-ifs, the history of closed
//! sprints and the forecast of a planned sprint, from a team's owned data.
#[path = "forecast_support/mod.rs"]
mod fixture;

use chrono::Duration;
use fixture::{d, Fixture};
use sprintshield_core::capacity::{
    apply_what_ifs, covers_from_turns, CapacitySettings, CellFlag, WhatIf, SHADOW_FOCUS_SHARE, WHAT_IF_DUTY,
};
use sprintshield_core::forecast::{
    backlog_forecast, default_sprint, sprint_capacity, sprint_forecast, sprint_or_default, team_backtest,
    ForecastSettings, TeamData,
};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::sprint::{Sprint, SprintSpec};

fn sprint(id: i64, name: &str, start: &str, completed: Option<f64>) -> Sprint {
    let start = d(start);
    Sprint {
        id,
        team_id: 1,
        spec: SprintSpec {
            name: name.into(),
            start,
            end: start + Duration::days(11),
            goal: String::new(),
            committed_points: None,
        },
        completed_points: completed,
    }
}

fn policy(id: i64, name: &str, kind: PolicyKind, focus: i64) -> DutyPolicy {
    let mut new = NewPolicy::new(name, kind);
    new.focus_share_percent = Some(focus);
    DutyPolicy {
        id,
        team_id: 1,
        spec: new.validate().unwrap(),
    }
}

/// Five full-time members, five closed sprints of 40 points (10 working days each, no
/// interrupts) and the planned Sprint 6 from Monday 2026-06-01.
fn team() -> (Fixture, TeamData) {
    let f = Fixture::five();
    let starts = ["2026-03-23", "2026-04-06", "2026-04-20", "2026-05-04", "2026-05-18"];
    let mut sprints: Vec<Sprint> = starts
        .iter()
        .enumerate()
        .map(|(i, s)| sprint(i as i64 + 1, &format!("Sprint {}", i + 1), s, Some(40.0)))
        .collect();
    sprints.push(sprint(6, "Sprint 6", "2026-06-01", None));
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

fn settings() -> ForecastSettings {
    ForecastSettings::new(2_000, 11).unwrap()
}

fn p85(data: &TeamData, what_ifs: &[WhatIf]) -> f64 {
    let fc = sprint_forecast(data, 6, what_ifs, settings(), CapacitySettings::default()).unwrap();
    fc.forecast.unwrap().monte_carlo.p85
}

#[test]
fn turns_become_covers_with_the_policy_focus_share_and_shadows_at_half() {
    let (f, _) = team();
    let ow = policy(10, "Op of the Week", PolicyKind::Weekly, 20);
    let mut t = Turn::generated(10, 1, f.at("2026-06-01T12:00"), f.at("2026-06-08T12:00"));
    t.shadow_member_id = Some(2);
    let stranger = Turn::generated(10, 99, f.at("2026-06-08T12:00"), f.at("2026-06-15T12:00"));
    let other_team = Turn::generated(77, 3, f.at("2026-06-01T12:00"), f.at("2026-06-08T12:00"));
    let covers = covers_from_turns(&[t.clone(), stranger, other_team], &[ow], &f.members);
    assert_eq!(covers.len(), 2, "{covers:?}");
    assert_eq!((covers[0].member_id, covers[0].focus_share), (1, 0.2));
    assert_eq!(covers[0].label, "Op of the Week");
    assert_eq!((covers[0].start, covers[0].end), (t.start, t.end));
    assert_eq!((covers[1].member_id, covers[1].focus_share), (2, SHADOW_FOCUS_SHARE));
    assert_eq!(covers[1].label, "Shadow on Op of the Week with Ana");
}

#[test]
fn without_turns_or_what_ifs_the_planned_sprint_forecasts_40_from_five_sprints() {
    let (_, data) = team();
    let fc = sprint_forecast(&data, 6, &[], settings(), CapacitySettings::default()).unwrap();
    assert_eq!(fc.capacity.report.team_total.value, 50.0);
    assert_eq!(fc.capacity.planned_covers, 0);
    assert_eq!(fc.history.len(), 5);
    assert!(fc.history.iter().all(|h| h.focus_days == 50.0));
    let f = fc.forecast.unwrap();
    assert_eq!(f.deterministic.points.value, 40.0);
    assert_eq!(f.monte_carlo.p85, 40.0);
    assert!(
        fc.capacity.interrupt_window_note.contains("2026-03-23 to 2026-05-29"),
        "{}",
        fc.capacity.interrupt_window_note
    );
}

#[test]
fn a_member_on_duty_in_the_what_if_panel_lowers_the_forecast_to_32() {
    let (_, data) = team();
    let on_duty = [WhatIf::OnDuty {
        member_id: 1,
        focus_share_percent: 0,
    }];
    assert_eq!(p85(&data, &on_duty), 32.0);
    let cap = sprint_capacity(&data, 6, &on_duty, CapacitySettings::default()).unwrap();
    assert_eq!(cap.report.people[0].total.value, 0.0);
    assert_eq!(cap.report.people[0].cells[0].duty.as_deref(), Some(WHAT_IF_DUTY));
    assert_eq!(
        cap.what_ifs,
        vec!["what if Ana is on duty the whole sprint at 0 % focus"]
    );
    // What-ifs touch the planned sprint only: the history keeps its 50 focus days.
    let fc = sprint_forecast(&data, 6, &on_duty, settings(), CapacitySettings::default()).unwrap();
    assert!(fc.history.iter().all(|h| h.focus_days == 50.0));
}

#[test]
fn stored_turns_reduce_the_planned_sprint_like_the_what_if() {
    let (f, mut data) = team();
    data.policies = vec![policy(10, "Batman", PolicyKind::Daily, 0)];
    data.turns = vec![Turn::generated(
        10,
        1,
        f.at("2026-06-01T00:00"),
        f.at("2026-06-13T00:00"),
    )];
    let cap = sprint_capacity(&data, 6, &[], CapacitySettings::default()).unwrap();
    assert_eq!(cap.planned_covers, 1);
    assert_eq!(cap.report.people[0].cells[0].flags, vec![CellFlag::Duty]);
    // Was 32 (40 points over 50 "full-focus" days, × 40): the five closed sprints have no stored
    // turns, so the current Batman policy is now assumed in them too — 40 points over 40 focus
    // days, × 40 planned focus days.
    assert_eq!(p85(&data, &[]), 40.0);
}

#[test]
fn away_and_back_toggle_time_off_inside_the_sprint_only() {
    let (mut f, mut data) = team();
    f.away(2, "2026-05-28", "2026-06-05");
    data.time_off = f.time_off.clone();
    let cap = sprint_capacity(&data, 6, &[], CapacitySettings::default()).unwrap();
    assert_eq!(cap.report.team_total.value, 45.0);
    let back = [WhatIf::Back { member_id: 2 }];
    let cap = sprint_capacity(&data, 6, &back, CapacitySettings::default()).unwrap();
    assert_eq!(cap.report.team_total.value, 50.0);
    assert!(cap.what_ifs[0].contains("Ben is back"), "{:?}", cap.what_ifs);
    // The days before the sprint stay as time off.
    let adjusted = apply_what_ifs(&data.team, &data.members, f.sprint, &[], &data.time_off, &back).unwrap();
    assert_eq!(adjusted.time_off.len(), 1);
    assert_eq!(
        adjusted.time_off[0].spec.days,
        fixture::span("2026-05-28", "2026-05-31")
    );
    let away = [WhatIf::Away { member_id: 3 }];
    assert_eq!(p85(&data, &away), 28.0);
}

#[test]
fn more_capacity_never_lowers_p85() {
    let (_, data) = team();
    let base = p85(&data, &[]);
    let on_duty = p85(
        &data,
        &[WhatIf::OnDuty {
            member_id: 4,
            focus_share_percent: 20,
        }],
    );
    let away = p85(&data, &[WhatIf::Away { member_id: 4 }]);
    assert!(away <= on_duty && on_duty < base, "{away} {on_duty} {base}");
}

#[test]
fn bad_what_ifs_and_unknown_sprints_are_rejected() {
    let (_, data) = team();
    let stranger = [WhatIf::Away { member_id: 42 }];
    let err = sprint_capacity(&data, 6, &stranger, CapacitySettings::default()).unwrap_err();
    assert_eq!(err.field, "what_if");
    assert!(err.message.contains("not in team Phoenix"), "{}", err.message);
    let too_much = [WhatIf::OnDuty {
        member_id: 1,
        focus_share_percent: 120,
    }];
    assert_eq!(
        sprint_capacity(&data, 6, &too_much, CapacitySettings::default())
            .unwrap_err()
            .field,
        "what_if"
    );
    let err = sprint_forecast(&data, 60, &[], settings(), CapacitySettings::default()).unwrap_err();
    assert_eq!(err.field, "sprint");
    let bad = ForecastSettings { trials: 0, seed: 1 };
    assert_eq!(
        sprint_forecast(&data, 6, &[], bad, CapacitySettings::default())
            .unwrap_err()
            .field,
        "trials"
    );
}

#[test]
fn without_closed_sprints_there_is_capacity_but_no_forecast() {
    let (_, mut data) = team();
    data.sprints.retain(|s| s.id == 6);
    let fc = sprint_forecast(&data, 6, &[], settings(), CapacitySettings::default()).unwrap();
    assert!(fc.forecast.is_none());
    assert!(fc.no_forecast.unwrap().contains("no closed sprints"));
    assert_eq!(fc.capacity.report.team_total.value, 50.0);
    assert!(fc.capacity.interrupt_window_note.contains("2026-05-04 to 2026-05-31"));
}

#[test]
fn backlog_and_backtest_run_from_the_same_data() {
    let (_, data) = team();
    let b = backlog_forecast(&data, 6, &[], 100.0, settings(), CapacitySettings::default()).unwrap();
    assert_eq!((b.p50_sprints, b.p85_sprints, b.p95_sprints), (3, 3, 3));
    let bt = team_backtest(&data, settings(), CapacitySettings::default()).unwrap();
    assert_eq!(bt.history.len(), 5);
    assert_eq!(bt.backtest.rows.len(), 2);
    assert_eq!(bt.backtest.hit_rate.unwrap().value, 1.0);
}

#[test]
fn the_default_sprint_is_the_running_then_the_next_one() {
    let (_, data) = team();
    assert_eq!(default_sprint(&data.sprints, d("2026-06-03")).unwrap().id, 6);
    assert_eq!(default_sprint(&data.sprints, d("2026-05-20")).unwrap().id, 5);
    assert_eq!(default_sprint(&data.sprints, d("2026-05-30")).unwrap().id, 6);
    assert_eq!(default_sprint(&data.sprints, d("2026-07-01")).unwrap().id, 6);
    let closed: Vec<Sprint> = data.sprints[..5].to_vec();
    assert!(default_sprint(&closed, d("2026-07-01")).is_none());
    // The same through sprint_or_default, which reads "today" in the team's zone at `now`.
    let at = |t: &str| t.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    assert_eq!(sprint_or_default(&data, None, at("2026-06-03T10:00:00Z")).unwrap(), 6);
    assert_eq!(
        sprint_or_default(&data, Some(5), at("2026-06-03T10:00:00Z")).unwrap(),
        5
    );
    let none_left = TeamData {
        sprints: closed,
        ..data.clone()
    };
    let err = sprint_or_default(&none_left, None, at("2026-07-01T10:00:00Z")).unwrap_err();
    assert!(err.message.contains("no running or upcoming sprint"), "{}", err.message);
}
