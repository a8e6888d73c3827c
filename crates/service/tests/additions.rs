//! Adding time off or a holiday re-plans the unlocked future turns from its days, and says so
//! turn by turn: the preview (the addition itself, rolled back) writes nothing and lists exactly
//! the turns saving then moves; the away person's turn goes to someone else; a locked turn stays
//! and is reported as a conflict; history before today is never re-planned; bad input writes
//! nothing; undo puts the record and the turns back.
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sprintshield_core::rotation::{Edit, Turn};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewHoliday, NewTimeOff, TimeOffKind};
use sprintshield_core::Id;
use sprintshield_service::{Changes, Sprintshield, TurnMoves};

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
    (app, phoenix)
}

/// The stored turns, without notes (undo keeps notes written since; none are here).
fn turns(app: &Sprintshield, team: Id) -> Vec<Turn> {
    let mut t = app.rotation(team).unwrap().1;
    for x in &mut t {
        x.note.clear();
    }
    t
}

/// Turns the change gave to someone else, took away, or added: what "N turns move" counts. A
/// turn is known by its policy and start (the planner may write a moved turn under a new id).
fn replanned(c: &Changes) -> usize {
    let key = |t: &Turn| (t.policy_id, t.start);
    let before: BTreeMap<_, Id> = c.turns.before.iter().map(|t| (key(t), t.member_id)).collect();
    let after: BTreeMap<_, Id> = c.turns.after.iter().map(|t| (key(t), t.member_id)).collect();
    let mut keys: Vec<_> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter().filter(|k| before.get(k) != after.get(k)).count()
}

/// A future unlocked turn of the team's daily policy, a week or more ahead.
fn daily_turn(app: &Sprintshield, team: Id) -> Turn {
    let policies = app.policies(team).unwrap();
    let daily: Vec<Id> = policies
        .iter()
        .filter(|p| p.spec.kind.name() == "daily")
        .map(|p| p.id)
        .collect();
    turns(app, team)
        .into_iter()
        .find(|t| daily.contains(&t.policy_id) && !t.locked && t.start > now() + Duration::days(7))
        .expect("the demo plans a daily policy ahead")
}

fn local_day(app: &Sprintshield, team: Id, t: &Turn) -> NaiveDate {
    let zone = app.team(team).unwrap().spec.zone;
    t.start.with_timezone(&zone).date_naive()
}

fn first_name(app: &Sprintshield, id: Id) -> String {
    app.member(id)
        .unwrap()
        .spec
        .name
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn time_off_moves_the_away_persons_turn_exactly_as_its_preview_said_and_undo_puts_it_back() {
    let (mut app, team) = demo();
    let t = daily_turn(&app, team);
    let on = local_day(&app, team, &t).to_string();
    let new = || NewTimeOff {
        member_id: t.member_id,
        first_day: on.clone(),
        last_day: on.clone(),
        kind: TimeOffKind::Sick,
        note: String::new(),
    };
    let before = turns(&app, team);
    let time_off_before = app.time_off(team).unwrap();

    let preview: TurnMoves = app.preview_add_time_off(new(), now()).unwrap();
    eprintln!("{}", preview.sentence);
    assert_eq!(turns(&app, team), before, "the preview writes no turn");
    assert_eq!(app.time_off(team).unwrap(), time_off_before, "the preview adds nothing");
    assert!(preview.count >= 1, "the away person's turn moves: {preview:?}");
    let who = first_name(&app, t.member_id);
    assert!(
        preview
            .lines
            .iter()
            .any(|l| l.starts_with(&format!("{who}'s ")) && l.contains(" moves to ")),
        "{preview:?}"
    );
    assert!(
        preview.sentence.contains(&format!("{} turn", preview.count)),
        "{}",
        preview.sentence
    );

    let out = app.add_time_off(new(), now()).unwrap();
    assert_eq!(
        replanned(&out.changes),
        preview.count,
        "saving moves what the preview said"
    );
    let said = app.describe_turn_moves(team, &out.changes, now()).unwrap();
    assert_eq!(
        said.lines, preview.lines,
        "the saved change is worded as the preview was"
    );
    let now_on = turns(&app, team)
        .into_iter()
        .find(|x| x.policy_id == t.policy_id && x.start <= t.start && x.end > t.start)
        .unwrap();
    assert_ne!(now_on.member_id, t.member_id, "someone else is on duty that day now");
    assert!(
        out.changes.turns.before.iter().all(|x| x.end > now()),
        "no past turn is re-planned"
    );
    assert!(said.conflicts.is_empty(), "{said:?}");

    app.undo(&out.changes).unwrap();
    assert_eq!(turns(&app, team), before, "undo puts the turns back");
    assert_eq!(app.time_off(team).unwrap(), time_off_before, "and removes the time off");
}

#[test]
fn a_holiday_re_plans_the_turn_on_its_day_and_its_preview_names_it() {
    let (mut app, team) = demo();
    let t = daily_turn(&app, team);
    let on = local_day(&app, team, &t);
    let new = || NewHoliday {
        date: on.to_string(),
        name: "Team day".into(),
    };
    let before = turns(&app, team);
    let preview = app.preview_add_holiday(team, new(), now()).unwrap();
    eprintln!("{}", preview.sentence);
    assert_eq!(turns(&app, team), before, "the preview writes no turn");
    assert!(
        app.holidays(team).unwrap().iter().all(|h| h.date != on),
        "the preview adds nothing"
    );
    assert!(preview.count >= 1, "{preview:?}");
    let shown = on.format("%a %-d %b").to_string();
    assert!(
        preview.lines.iter().any(|l| l.contains(&shown)),
        "the turn on {shown} is named: {preview:?}"
    );

    let out = app.add_holiday(team, new(), now()).unwrap();
    assert_eq!(replanned(&out.changes), preview.count);
    assert_eq!(
        app.describe_turn_moves(team, &out.changes, now()).unwrap().lines,
        preview.lines
    );
    assert!(
        turns(&app, team)
            .iter()
            .all(|x| !(x.id == t.id && x.member_id == t.member_id && x.start == t.start && x.end == t.end)),
        "the turn on the holiday is re-planned"
    );
    app.undo(&out.changes).unwrap();
    assert_eq!(turns(&app, team), before);
    assert!(app.holidays(team).unwrap().iter().all(|h| h.date != on));
}

#[test]
fn a_locked_turn_stays_and_is_reported_as_a_conflict() {
    let (mut app, team) = demo();
    let t = daily_turn(&app, team);
    let range = DateSpan {
        first: day("2026-11-23"),
        last: day("2027-01-29"),
    };
    // Lock the turn to another member by hand, then give that member time off on its day.
    let other = app
        .members(team)
        .unwrap()
        .into_iter()
        .find(|m| m.id != t.member_id && m.spec.can_take_duty)
        .unwrap();
    app.apply_edit(
        team,
        range,
        Edit::Override {
            turn_id: t.id.unwrap(),
            member_id: other.id,
        },
        now(),
    )
    .unwrap();
    let locked = turns(&app, team).into_iter().find(|x| x.id == t.id).unwrap();
    assert!(locked.locked);
    let on = local_day(&app, team, &t).to_string();
    let new = NewTimeOff {
        member_id: other.id,
        first_day: on.clone(),
        last_day: on,
        kind: TimeOffKind::Vacation,
        note: String::new(),
    };
    let preview = app.preview_add_time_off(new.clone(), now()).unwrap();
    assert_eq!(preview.conflicts.len(), 1, "{preview:?}");
    assert!(preview.sentence.contains("locked turn stays"), "{}", preview.sentence);
    let out = app.add_time_off(new, now()).unwrap();
    assert!(
        out.changes.turns.before.iter().all(|x| x.id != t.id),
        "the locked turn is not re-planned"
    );
    let kept = turns(&app, team).into_iter().find(|x| x.id == t.id).unwrap();
    assert_eq!(kept, locked, "the locked turn stays as it was");
    let view = app.rotation_view(team, range, now()).unwrap();
    assert!(
        view.conflicts
            .iter()
            .any(|c| c.conflict.kind.name() == "time_off" && c.turn_ids.contains(&t.id.unwrap())),
        "the rotation shows it as a conflict"
    );
}

#[test]
fn past_days_are_never_re_planned_and_bad_input_writes_nothing() {
    let (mut app, team) = demo();
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let before = turns(&app, team);
    let out = app
        .add_time_off(
            NewTimeOff {
                member_id: ana.id,
                first_day: "2026-10-05".into(),
                last_day: "2026-10-09".into(),
                kind: TimeOffKind::Sick,
                note: String::new(),
            },
            now(),
        )
        .unwrap();
    assert!(out.changes.turns.is_empty(), "time off in the past moves nothing");
    assert_eq!(turns(&app, team), before);

    let time_off = app.time_off(team).unwrap();
    let bad = NewTimeOff {
        member_id: ana.id,
        first_day: "2026-12-10".into(),
        last_day: "2026-12-01".into(),
        kind: TimeOffKind::Vacation,
        note: String::new(),
    };
    let err = app.preview_add_time_off(bad.clone(), now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("last_day"), "{err:?}");
    let err = app.add_time_off(bad, now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("last_day"), "{err:?}");
    assert_eq!(app.time_off(team).unwrap(), time_off, "nothing written");
    let holidays = app.holidays(team).unwrap();
    let err = app
        .add_holiday(
            team,
            NewHoliday {
                date: "2026-02-30".into(),
                name: "No such day".into(),
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("date"), "{err:?}");
    assert_eq!(app.holidays(team).unwrap(), holidays);
    assert_eq!(turns(&app, team), before, "no turn moved");
}
