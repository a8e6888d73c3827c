//! The number a removal or edit preview says ("Removing it re-plans 1 future turn", "Saving
//! re-plans 6 future turns") is the number of turns the user then sees move: counted by who holds
//! each duty afterwards, as `describe_turn_moves` tells them, never twice for a turn the planner
//! rewrote under a new id.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::NewHoliday;
use sprintshield_core::Id;
use sprintshield_service::{EditEffect, Sprintshield};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn demo() -> (Sprintshield, Id) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo(day("2026-11-22"), now()).unwrap();
    let phoenix = app.team_by_name("Phoenix").unwrap().id;
    app.plan_rotation(
        phoenix,
        DateSpan {
            first: day("2026-11-23"),
            last: day("2027-01-29"),
        },
        now(),
    )
    .unwrap();
    (app, phoenix)
}

fn turns(app: &Sprintshield, team: Id) -> Vec<Turn> {
    app.rotation(team).unwrap().1
}

/// Turns that moved between two states of the rotation, read from the stored turns alone: a
/// future turn before whose start another person (or nobody) holds the duty after, and a turn
/// after that holds no turn before's start.
fn seen_moving(before: &[Turn], after: &[Turn]) -> usize {
    let holder = |p: Id, at: DateTime<Utc>| {
        after
            .iter()
            .find(|t| t.policy_id == p && t.start <= at && at < t.end)
            .map(|t| t.member_id)
    };
    let changed: Vec<&Turn> = before.iter().filter(|b| !after.contains(b)).collect();
    let moved = changed
        .iter()
        .filter(|b| b.end > now() && holder(b.policy_id, b.start) != Some(b.member_id))
        .count();
    let new = after
        .iter()
        .filter(|a| !before.contains(a) && a.end > now())
        .filter(|a| {
            !changed
                .iter()
                .any(|b| b.policy_id == a.policy_id && a.start <= b.start && b.start < a.end)
        })
        .count();
    moved + new
}

fn said(e: &EditEffect) -> usize {
    e.moved + e.added
}

fn batman(app: &Sprintshield, team: Id) -> DutyPolicy {
    app.rotation(team)
        .unwrap()
        .0
        .policies
        .into_iter()
        .find(|p| p.team_id == team && p.spec.name == "Batman")
        .unwrap()
}

#[test]
fn removing_a_holiday_says_as_many_turns_as_move() {
    let (mut app, team) = demo();
    let h = app
        .add_holiday(
            team,
            NewHoliday {
                date: "2026-12-16".into(),
                name: "Team day".into(),
            },
            now(),
        )
        .unwrap()
        .value;
    let before = turns(&app, team);
    let preview = app.preview_delete_holiday(h.id, now()).unwrap();
    let out = app.delete_holiday(h.id, now()).unwrap();
    let seen = seen_moving(&before, &turns(&app, team));
    assert!(seen > 0, "a working day again gets its turn");
    assert_eq!(said(&preview), seen, "{}", preview.sentence);
    let told = app.describe_turn_moves(team, &out.changes, now()).unwrap();
    assert_eq!(told.count, seen, "{}", told.sentence);
    assert!(
        preview
            .sentence
            .starts_with(&format!("Removing it re-plans {seen} future turn")),
        "{}",
        preview.sentence
    );
}

#[test]
fn taking_someone_out_of_a_pool_says_as_many_turns_as_move() {
    let (mut app, team) = demo();
    let p = batman(&app, team);
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let mut new = NewPolicy::new(p.spec.name.clone(), PolicyKind::Daily);
    new.handoff = Some(p.spec.handoff.time.format("%H:%M").to_string());
    new.pool = app
        .members(team)
        .unwrap()
        .iter()
        .filter(|m| m.spec.can_take_duty && m.id != ana.id)
        .map(|m| m.id)
        .collect();
    new.focus_share_percent = Some(i64::from(p.spec.focus_share_percent));
    new.checklist = Some(p.spec.checklist.clone());
    new.escalates_to = p.spec.escalates_to;
    new.min_gap_turns = Some(i64::from(p.spec.min_gap_turns));
    new.weights = Some(p.spec.weights);
    let before = turns(&app, team);
    let preview = app.preview_policy_edit(p.id, new.clone(), now()).unwrap();
    let out = app.edit_policy(p.id, new, now()).unwrap();
    let seen = seen_moving(&before, &turns(&app, team));
    assert!(seen > 0, "Ana's future Batman turns move");
    assert_eq!(said(&preview), seen, "{}", preview.sentence);
    let told = app.describe_turn_moves(team, &out.changes, now()).unwrap();
    assert_eq!(told.count, seen, "{}", told.sentence);
    assert!(
        preview.affected.contains(&"Ana Souza".to_owned()),
        "{:?}",
        preview.affected
    );
}
