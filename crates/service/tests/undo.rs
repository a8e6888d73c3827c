//! Undo from an operation's changes: a retirement (member and re-planned turns), an edit, a
//! removal and a creation all come back exactly; redo is the undo of the undo; an undo over
//! something changed since is refused and writes nothing.
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sprintshield_core::interrupt::{InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::member::NewMember;
use sprintshield_core::rotation::Turn;
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewTimeOff, TimeOffKind};
use sprintshield_core::{ErrorKind, Id};
use sprintshield_service::Sprintshield;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn demo() -> (Sprintshield, Id) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now())
        .unwrap();
    let phoenix = app.team_by_name("Phoenix").unwrap().id;
    (app, phoenix)
}

/// Everything undo could touch, to compare whole states.
fn state(app: &Sprintshield, team: Id) -> (Vec<Turn>, String) {
    let records = serde_json::to_string(&(
        app.members(team).unwrap(),
        app.time_off(team).unwrap(),
        app.interrupts(team, &InterruptFilter::default()).unwrap(),
        app.policies(team).unwrap(),
        app.sprints(team).unwrap(),
    ))
    .unwrap();
    let mut turns = app.rotation(team).unwrap().1;
    for t in &mut turns {
        t.note.clear();
    }
    (turns, records)
}

#[test]
fn a_retirement_is_undone_with_its_turns_and_redone() {
    let (mut app, team) = demo();
    let first = state(&app, team);
    let ben = app.member_by_name(team, "Ben Okafor").unwrap();
    let retired = app
        .retire_member(ben.id, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), now())
        .unwrap();
    assert!(!retired.changes.turns.is_empty(), "Ben had future turns to hand over");
    let second = state(&app, team);
    assert_ne!(second, first);
    let undone = app.undo(&retired.changes).unwrap();
    assert_eq!(state(&app, team), first, "undo puts member and turns back exactly");
    app.undo(&undone.changes).unwrap();
    assert_eq!(state(&app, team), second, "redo is the undo of the undo");
}

#[test]
fn edits_creations_and_removals_come_back() {
    let (mut app, team) = demo();
    let start = state(&app, team);
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let edit = app
        .edit_member(
            ana.id,
            NewMember {
                name: "Ana S.".into(),
                capacity_percent: Some(50),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let away = app
        .add_time_off(
            NewTimeOff {
                member_id: ana.id,
                first_day: "2027-02-01".into(),
                last_day: "2027-02-05".into(),
                kind: TimeOffKind::Training,
                note: "course".into(),
            },
            now(),
        )
        .unwrap();
    let logged = app
        .log_interrupt(
            team,
            NewInterrupt {
                arrived_at: "2026-11-20T10:00".into(),
                title: "Logged twice".into(),
                category: InterruptCategory::UserQuestion,
                severity: Severity::Low,
                handled_by: None,
                minutes: 5,
                pulled_off_focus: false,
                could_have_waited: true,
                root_cause: String::new(),
            },
            now(),
        )
        .unwrap();
    let removed = app.remove_interrupt(logged.value.id).unwrap();
    // Newest first, as a user presses Ctrl+Z.
    app.undo(&removed.changes).unwrap();
    assert!(
        app.interrupt(logged.value.id).is_ok(),
        "the removed interrupt is back under its id"
    );
    app.undo(&logged.changes).unwrap();
    assert!(app.interrupt(logged.value.id).is_err());
    app.undo(&away.changes).unwrap();
    app.undo(&edit.changes).unwrap();
    assert_eq!(state(&app, team), start);
}

#[test]
fn an_undo_over_a_later_change_is_refused_and_writes_nothing() {
    let (mut app, team) = demo();
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let first = app
        .edit_member(
            ana.id,
            NewMember {
                name: "Ana S.".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    app.edit_member(
        ana.id,
        NewMember {
            name: "Ana Souza-Lima".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let before = state(&app, team);
    let err = app.undo(&first.changes).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.contains("changed since"), "{err:?}");
    assert_eq!(state(&app, team), before);

    // The same for turns: a plan, then an override of one of its turns, then undo of the plan.
    let horizon = DateSpan {
        first: NaiveDate::from_ymd_opt(2026, 12, 21).unwrap(),
        last: NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
    };
    let plan = app.plan_rotation(team, horizon, now()).unwrap();
    // The demo is planned to about Dec 20: these weeks get new turns.
    let t = plan.changes.turns.after.first().cloned().expect("the plan adds turns");
    let other = app
        .members(team)
        .unwrap()
        .into_iter()
        .find(|m| m.id != t.member_id)
        .unwrap();
    app.apply_edit_at(
        team,
        t.policy_id,
        t.start + Duration::minutes(1),
        sprintshield_service::EditAt::Override { member_id: other.id },
    )
    .unwrap();
    let before = state(&app, team);
    assert!(app.undo(&plan.changes).is_err());
    assert_eq!(state(&app, team), before);
}

#[test]
fn a_team_created_by_mistake_is_undone_after_its_members_and_redone() {
    let (mut app, _) = demo();
    let teams = app.teams().unwrap();
    let made = app
        .create_team(sprintshield_core::team::NewTeam {
            name: "Orion".into(),
            kind: sprintshield_core::team::TeamKind::Ops,
            zone: "Asia/Kolkata".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap();
    let member = app
        .add_member(
            made.value.id,
            NewMember {
                name: "Ravi".into(),
                ..Default::default()
            },
        )
        .unwrap();
    // Newest first, as the window's history does it.
    app.undo(&member.changes).unwrap();
    let redo = app.undo(&made.changes).unwrap();
    assert_eq!(app.teams().unwrap(), teams, "the team is gone, nothing else changed");
    let err = app.team(made.value.id).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    // Redo of the creation brings the team back under its id.
    app.undo(&redo.changes).unwrap();
    assert_eq!(app.team(made.value.id).unwrap(), made.value);
}
