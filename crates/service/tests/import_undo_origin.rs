//! An imported interrupt keeps where it came from (its source and external id) through undo and
//! redo: redo of an import and undo of a removal put the source back with the interrupt, so a
//! re-import after an edit of its time and title still recognises it and adds nothing.
use chrono::{DateTime, TimeZone, Utc};
use sprintshield_core::import_csv::{CsvMapping, CsvSource, InterruptCsvRequest};
use sprintshield_core::interrupt::{Interrupt, InterruptFilter, NewInterrupt};
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::Id;
use sprintshield_service::Sprintshield;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

fn request(team: Id) -> InterruptCsvRequest {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/import_csv/pagerduty.csv");
    InterruptCsvRequest {
        team_id: team,
        text: sprintshield_core::import_csv::read::decode(&std::fs::read(path).unwrap()).unwrap(),
        source: None,
        mapping: CsvMapping::default(),
    }
}

fn team(app: &mut Sprintshield) -> Id {
    app.create_team(NewTeam {
        name: "Phoenix".into(),
        kind: TeamKind::Dev,
        zone: "Europe/Berlin".into(),
        working_days: None,
        sprint_length_days: None,
    })
    .unwrap()
    .value
    .id
}

fn log(app: &Sprintshield, team: Id) -> Vec<Interrupt> {
    app.interrupts(team, &InterruptFilter::default()).unwrap()
}

/// Moves `i` by 7 minutes and renames it, so only its source and external id still match the file.
fn edit_away_from_the_file(app: &mut Sprintshield, i: &Interrupt) {
    app.edit_interrupt(
        i.id,
        NewInterrupt {
            arrived_at: (i.spec.arrived_at + chrono::Duration::minutes(7)).to_rfc3339(),
            title: "Renamed after the review".into(),
            category: i.spec.category,
            severity: i.spec.severity,
            handled_by: i.spec.handled_by,
            minutes: i.spec.minutes.into(),
            pulled_off_focus: i.spec.pulled_off_focus,
            could_have_waited: i.spec.could_have_waited,
            root_cause: i.spec.root_cause.clone(),
        },
        now(),
    )
    .unwrap();
}

/// A re-import of the same file must add nothing and report every row a duplicate.
fn reimport_adds_nothing(app: &mut Sprintshield, t: Id, rows: usize) {
    let again = app.import_interrupt_csv(&request(t), now()).unwrap();
    assert!(again.value.rows.is_empty(), "re-import added {:?}", again.value.rows);
    assert_eq!(again.value.duplicates.len(), rows);
    assert_eq!(log(app, t).len(), rows, "no interrupt is imported twice");
}

#[test]
fn redo_of_an_import_keeps_the_source_so_an_edited_row_is_not_imported_twice() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    let import = app.import_interrupt_csv(&request(t), now()).unwrap();
    let rows = import.value.rows.len();
    assert!(rows >= 2);
    let before = log(&app, t);
    assert!(before
        .iter()
        .all(|i| i.origin.as_ref().is_some_and(|o| o.source == CsvSource::PagerDuty)));

    let undone = app.undo(&import.changes).unwrap();
    assert!(log(&app, t).is_empty());
    app.undo(&undone.changes).unwrap(); // redo
    assert_eq!(
        log(&app, t),
        before,
        "redo puts every interrupt back with its source and external id"
    );

    let first = log(&app, t)[0].clone();
    edit_away_from_the_file(&mut app, &first);
    reimport_adds_nothing(&mut app, t, rows);
}

#[test]
fn undo_of_a_removal_keeps_the_source_so_an_edited_row_is_not_imported_twice() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    let rows = app.import_interrupt_csv(&request(t), now()).unwrap().value.rows.len();
    let one = log(&app, t)[0].clone();
    assert!(one.origin.is_some());

    let removal = app.remove_interrupt(one.id).unwrap();
    app.undo(&removal.changes).unwrap();
    assert_eq!(
        app.interrupt(one.id).unwrap(),
        one,
        "undo puts it back with its source and external id"
    );

    edit_away_from_the_file(&mut app, &one);
    reimport_adds_nothing(&mut app, t, rows);
}
