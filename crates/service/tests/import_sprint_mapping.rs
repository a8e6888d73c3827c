//! The columns chosen for a sprint-history import are remembered for the team (preview and
//! apply of the next file use them) and, like every team record, go with a team removal and
//! come back with its undo.
use chrono::{DateTime, TimeZone, Utc};
use sprintshield_core::import_csv::{MappingSource, SprintColumnChoice, SprintCsvRequest, SprintField};
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_service::Sprintshield;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

const HEADER: &str = "Iteration,Begins,Ends,Plan,Done\n";

#[test]
fn the_sprint_columns_are_remembered_and_follow_a_team_removal_and_its_undo() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = app
        .create_team(NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value
        .id;
    let choose = |field, column: &str| SprintColumnChoice {
        field,
        column: Some(column.into()),
    };
    let first = SprintCsvRequest {
        team_id: t,
        text: format!("{HEADER}I-1,2027-01-04,2027-01-15,20,\n"),
        columns: vec![
            choose(SprintField::Name, "Iteration"),
            choose(SprintField::Start, "Begins"),
            choose(SprintField::End, "Ends"),
            choose(SprintField::Committed, "Plan"),
        ],
    };
    let second = SprintCsvRequest {
        team_id: t,
        text: format!("{HEADER}I-2,2027-01-18,2027-01-29,22,\n"),
        columns: Vec::new(),
    };
    assert!(app.import_sprint_csv(&second, now()).is_err(), "nothing remembered yet");
    app.import_sprint_csv(&first, now()).unwrap();

    let preview = app.sprint_csv_preview(&second, now()).unwrap();
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.rows[0].spec.committed_points, Some(22.0));
    let undo_import = app.import_sprint_csv(&second, now()).unwrap();
    app.undo(&undo_import.changes).unwrap();

    let removal = app.remove_team(t, now()).unwrap();
    assert!(removal.changes.records.iter().any(|r| matches!(
        &r.before,
        Some(sprintshield_service::Record::ImportMapping {
            source: MappingSource::SprintHistory,
            ..
        })
    )));
    app.undo(&removal.changes).unwrap();
    let again = app.sprint_csv_preview(&second, now()).unwrap();
    assert_eq!(
        again.rows.len(),
        1,
        "the remembered columns came back with the team: {:?}",
        again.notes
    );
}
