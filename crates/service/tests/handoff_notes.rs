//! A handoff note is an edit like any other: writing it returns the note before and after, undo
//! writes the old one back (and redo the new one), an unchanged note is no change, and an undo
//! over a note someone changed since is refused and writes nothing.
use chrono::{DateTime, TimeZone, Utc};
use sprintshield_service::Sprintshield;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn note(app: &Sprintshield, team: i64, id: i64) -> String {
    app.rotation(team)
        .unwrap()
        .1
        .into_iter()
        .find(|t| t.id == Some(id))
        .unwrap()
        .note
}

#[test]
fn a_handoff_note_is_undone_redone_and_refused_when_changed_since() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo("2026-11-22".parse().unwrap(), now()).unwrap();
    let team = app.team_by_name("Phoenix").unwrap().id;
    let turn = app
        .rotation(team)
        .unwrap()
        .1
        .into_iter()
        .find(|t| t.start > now())
        .unwrap();
    let id = turn.id.unwrap();
    let was = turn.note.clone();

    let out = app.set_turn_note(id, "  Deploy is half done; see #ops  ").unwrap();
    assert_eq!(note(&app, team, id), "Deploy is half done; see #ops");
    assert_eq!(out.changes.records.len(), 1, "{:?}", out.changes);
    assert!(out.changes.turns.is_empty(), "the turn itself is not changed");
    assert!(
        app.set_turn_note(id, "Deploy is half done; see #ops")
            .unwrap()
            .changes
            .is_empty(),
        "the same note again is no change"
    );

    let back = app.undo(&out.changes).unwrap();
    assert_eq!(note(&app, team, id), was, "undo writes the old note back");
    app.undo(&back.changes).unwrap();
    assert_eq!(
        note(&app, team, id),
        "Deploy is half done; see #ops",
        "redo writes it again"
    );

    app.set_turn_note(id, "someone else's words").unwrap();
    let err = app.undo(&out.changes).unwrap_err();
    assert!(
        err.message.contains("the handoff note has changed since"),
        "{}",
        err.message
    );
    assert_eq!(
        note(&app, team, id),
        "someone else's words",
        "a refused undo writes nothing"
    );
}
