//! Removing time off or a holiday shows its consequences first: the preview names whose future
//! turns move and counts exactly the turns the removal then moves, writing nothing itself; the
//! removal re-plans from the removed days and undo puts record and turns back. Editing a
//! holiday's day re-plans the same way, and a freeze window can be edited and its edit and
//! removal undone.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::release::{FreezeSpan, FreezeWindow};
use sprintshield_core::rotation::Turn;
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewHoliday, NewTimeOff, TimeOffKind};
use sprintshield_core::Id;
use sprintshield_service::Sprintshield;

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

fn turns(app: &Sprintshield, team: Id) -> Vec<Turn> {
    let mut t = app.rotation(team).unwrap().1;
    for x in &mut t {
        x.note.clear();
    }
    t
}

fn plan(app: &mut Sprintshield, team: Id) {
    app.plan_rotation(
        team,
        DateSpan {
            first: day("2026-11-23"),
            last: day("2027-01-29"),
        },
        now(),
    )
    .unwrap();
}

#[test]
fn removing_time_off_moves_exactly_the_turns_its_preview_named_and_undo_brings_all_back() {
    let (mut app, team) = demo();
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let away = app
        .add_time_off(
            NewTimeOff {
                member_id: ana.id,
                first_day: "2026-12-07".into(),
                last_day: "2026-12-18".into(),
                kind: TimeOffKind::Vacation,
                note: String::new(),
            },
            now(),
        )
        .unwrap()
        .value;
    plan(&mut app, team);
    let before = turns(&app, team);
    let time_off_before = app.time_off(team).unwrap();

    let preview = app.preview_delete_time_off(away.id, now()).unwrap();
    assert_eq!(turns(&app, team), before, "the preview writes no turn");
    assert_eq!(
        app.time_off(team).unwrap(),
        time_off_before,
        "the preview removes nothing"
    );

    let out = app.delete_time_off(away.id, now()).unwrap();
    // Ana's days are free again; whether a turn goes back to her is the planner's call (its
    // minimal-change rule keeps the others' turns). The preview counts and names exactly the
    // turns the user then sees move.
    let told = app.describe_turn_moves(team, &out.changes, now()).unwrap();
    assert_eq!(
        preview.moved + preview.added,
        told.count,
        "{} / {}",
        preview.sentence,
        told.sentence
    );
    assert_eq!(preview.affected, told.affected);
    if told.count == 0 {
        assert!(
            preview.sentence.starts_with("Removing it moves no future turn")
                || preview.sentence.starts_with("Removing it changes the hours"),
            "{}",
            preview.sentence
        );
    } else {
        assert!(
            preview.sentence.starts_with("Removing it re-plans"),
            "{}",
            preview.sentence
        );
    }
    // Only turns from the removed days on are re-planned.
    assert!(out
        .changes
        .turns
        .before
        .iter()
        .all(|t| t.end > Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap()));

    app.undo(&out.changes).unwrap();
    assert_eq!(turns(&app, team), before, "undo puts the turns back");
    assert_eq!(
        app.time_off(team).unwrap(),
        time_off_before,
        "and the time off, under its id"
    );
}

#[test]
fn removing_a_holiday_previews_and_re_plans_its_day_and_a_moved_holiday_re_plans_too() {
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
    plan(&mut app, team);
    let before = turns(&app, team);
    let preview = app.preview_delete_holiday(h.id, now()).unwrap();
    assert_eq!(turns(&app, team), before, "the preview writes no turn");
    assert!(
        app.holidays(team).unwrap().iter().any(|x| x.id == h.id),
        "the preview removes nothing"
    );
    let out = app.delete_holiday(h.id, now()).unwrap();
    assert!(preview.added > 0, "a working day again gets its own turns: {preview:?}");
    let told = app.describe_turn_moves(team, &out.changes, now()).unwrap();
    assert_eq!(
        preview.moved + preview.added,
        told.count,
        "{} / {}",
        preview.sentence,
        told.sentence
    );
    let n = preview.moved + preview.added;
    assert!(
        preview
            .sentence
            .starts_with(&format!("Removing it re-plans {n} future turn")),
        "{}",
        preview.sentence
    );
    app.undo(&out.changes).unwrap();
    assert_eq!(turns(&app, team), before);
    assert!(app
        .holidays(team)
        .unwrap()
        .iter()
        .any(|x| x.id == h.id && x.date == h.date));

    // Moving the holiday re-plans both days; undo puts it back with the turns.
    let edited = app
        .edit_holiday(
            h.id,
            NewHoliday {
                date: "2026-12-17".into(),
                name: "Team day".into(),
            },
            now(),
        )
        .unwrap();
    assert!(
        !edited.changes.turns.is_empty(),
        "the freed day and the new holiday get their turns re-planned"
    );
    app.undo(&edited.changes).unwrap();
    assert_eq!(turns(&app, team), before);
    // A bad day is refused with a sentence and changes nothing.
    let err = app
        .edit_holiday(
            h.id,
            NewHoliday {
                date: "2026-13-40".into(),
                name: "Team day".into(),
            },
            now(),
        )
        .unwrap_err();
    assert!(
        !err.message.is_empty() && !err.message.contains("SQL"),
        "{}",
        err.message
    );
    assert_eq!(turns(&app, team), before);
}

#[test]
fn a_past_removal_moves_nothing_before_today() {
    let (mut app, team) = demo();
    let ana = app.member_by_name(team, "Ana Souza").unwrap();
    let past = app
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
        .unwrap()
        .value;
    let out = app.delete_time_off(past.id, now()).unwrap();
    assert!(
        out.changes.turns.before.iter().all(|t| t.end > now()),
        "history is never re-planned"
    );
}

#[test]
fn a_freeze_window_is_edited_and_its_edit_and_removal_are_undone() {
    let (mut app, team) = demo();
    let once = |a: &str, b: &str| FreezeSpan::Once {
        days: DateSpan {
            first: day(a),
            last: day(b),
        },
    };
    let f = app
        .add_freeze(
            team,
            FreezeWindow::from_span("Launch", once("2027-03-01", "2027-03-05")).unwrap(),
        )
        .unwrap()
        .value;
    let edited = app
        .edit_freeze(
            f.id,
            FreezeWindow::from_span("Launch week", once("2027-03-08", "2027-03-12")).unwrap(),
        )
        .unwrap();
    assert_eq!(edited.value.window.name, "Launch week");
    assert_eq!(
        app.freezes(Some(team)).unwrap().iter().filter(|x| x.id == f.id).count(),
        1
    );
    app.undo(&edited.changes).unwrap();
    assert!(
        app.freezes(Some(team)).unwrap().contains(&f),
        "undo puts the old name and days back"
    );
    let gone = app.delete_freeze(f.id).unwrap();
    app.undo(&gone.changes).unwrap();
    assert!(
        app.freezes(Some(team)).unwrap().contains(&f),
        "a removed freeze comes back under its id"
    );
    // A duplicate name is refused with a sentence, nothing changed.
    app.add_freeze(
        team,
        FreezeWindow::from_span("Other", once("2027-04-01", "2027-04-02")).unwrap(),
    )
    .unwrap();
    let before = app.freezes(Some(team)).unwrap();
    let err = app
        .edit_freeze(
            f.id,
            FreezeWindow::from_span("Other", once("2027-04-01", "2027-04-02")).unwrap(),
        )
        .unwrap_err();
    assert!(
        err.message.contains("already has a freeze window called"),
        "{}",
        err.message
    );
    assert_eq!(app.freezes(Some(team)).unwrap(), before);
}
