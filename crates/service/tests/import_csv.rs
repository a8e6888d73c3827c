//! CSV imports through the service: a preview writes nothing, applying writes every row to add in
//! one transaction (a failure half-way leaves nothing), a re-import adds nothing, undo removes
//! the import, the mapping is remembered per team and source, and sprint history comes in the
//! same way.
use chrono::{DateTime, TimeZone, Utc};
use sprintshield_core::import_csv::{
    ColumnChoice, CsvMapping, CsvSource, ImportField, InterruptCsvRequest, SprintCsvRequest, ValueChoice,
};
use sprintshield_core::interrupt::{InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::member::NewMember;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, Sprintshield};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/import_csv")
        .join(name);
    sprintshield_core::import_csv::read::decode(&std::fs::read(path).unwrap()).unwrap()
}

fn team(app: &mut Sprintshield) -> Id {
    let t = app
        .create_team(NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value;
    for (name, email) in [("Ana Lima", "ana@example.org"), ("Ben Ode", "ben@example.org")] {
        app.add_member(
            t.id,
            NewMember {
                name: name.into(),
                email: Some(email.into()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    t.id
}

fn request(team: Id, file: &str) -> InterruptCsvRequest {
    InterruptCsvRequest {
        team_id: team,
        text: sample(file),
        source: None,
        mapping: CsvMapping::default(),
    }
}

fn log(app: &Sprintshield, team: Id) -> usize {
    app.interrupts(team, &InterruptFilter::default()).unwrap().len()
}

#[test]
fn preview_writes_nothing_apply_writes_all_and_a_reimport_adds_nothing() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    for file in ["pagerduty.csv", "opsgenie.csv", "jira.csv", "generic.csv"] {
        let before = log(&app, t);
        let preview = app.interrupt_csv_preview(&request(t, file), now()).unwrap();
        assert!(!preview.applied);
        assert_eq!(log(&app, t), before, "{file}: a preview writes nothing");
        let done = app.import_interrupt_csv(&request(t, file), now()).unwrap();
        assert!(done.value.applied);
        assert_eq!(
            done.value.rows, preview.rows,
            "{file}: apply writes what the preview showed"
        );
        assert_eq!(done.changes.records.len(), preview.rows.len());
        assert_eq!(log(&app, t), before + preview.rows.len(), "{file}");
        let again = app.import_interrupt_csv(&request(t, file), now()).unwrap();
        assert!(again.value.rows.is_empty(), "{file}: {:?}", again.value.rows);
        assert!(again.changes.is_empty());
        assert_eq!(
            log(&app, t),
            before + preview.rows.len(),
            "{file}: a re-import adds nothing"
        );
    }
}

#[test]
fn a_hand_logged_interrupt_is_not_doubled_and_undo_removes_the_import() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    app.log_interrupt(
        t,
        NewInterrupt {
            arrived_at: "2026-11-04T15:00+01:00".into(),
            title: "Disk 91% on db-2".into(),
            category: InterruptCategory::OperationalProblem,
            severity: Severity::Low,
            handled_by: None,
            minutes: 25,
            pulled_off_focus: false,
            could_have_waited: false,
            root_cause: String::new(),
        },
        now(),
    )
    .unwrap();
    let done = app.import_interrupt_csv(&request(t, "pagerduty.csv"), now()).unwrap();
    assert_eq!(done.value.rows.len(), 2);
    assert_eq!(done.value.duplicates.len(), 1);
    assert_eq!(done.value.duplicates[0].line, 3);
    assert_eq!(log(&app, t), 3);
    app.undo(&done.changes).unwrap();
    assert_eq!(log(&app, t), 1, "undo removes exactly what the import added");
    // Undone, the import can be applied again in full.
    assert_eq!(
        app.import_interrupt_csv(&request(t, "pagerduty.csv"), now())
            .unwrap()
            .value
            .rows
            .len(),
        2
    );
}

#[test]
fn a_failure_half_way_leaves_the_log_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut app = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let t = team(&mut app);
    // The third row to write is refused by the database itself.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "CREATE TRIGGER refuse_third BEFORE INSERT ON interrupt WHEN NEW.title = 'Flapping health check'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    )
    .unwrap();
    drop(raw);
    let preview = app.interrupt_csv_preview(&request(t, "pagerduty.csv"), now()).unwrap();
    assert_eq!(preview.rows.len(), 3);
    let err = app
        .import_interrupt_csv(&request(t, "pagerduty.csv"), now())
        .unwrap_err();
    assert!(
        !err.message.contains("refused by the test"),
        "no SQLite text: {}",
        err.message
    );
    assert!(!err.message.to_lowercase().contains("sqlite"), "{}", err.message);
    assert_eq!(log(&app, t), 0, "the two rows before the failure are not kept");
    // Nor is the mapping remembered.
    let again = app.interrupt_csv_preview(&request(t, "pagerduty.csv"), now()).unwrap();
    assert_eq!(again.rows.len(), 3);
}

#[test]
fn bad_files_are_one_sentence_and_change_nothing() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    for (text, says) in [
        ("", "empty"),
        ("at,title,minutes\r\n", "no rows"),
        ("when,what\n2026-11-01 10:00,x\n", "its title"),
    ] {
        let req = InterruptCsvRequest {
            team_id: t,
            text: text.into(),
            source: None,
            mapping: CsvMapping::default(),
        };
        let e = app.import_interrupt_csv(&req, now()).unwrap_err();
        assert!(e.message.contains(says), "{}", e.message);
        assert_eq!(log(&app, t), 0);
    }
    let e = app
        .interrupt_csv_preview(
            &InterruptCsvRequest {
                team_id: 999,
                ..request(t, "jira.csv")
            },
            now(),
        )
        .unwrap_err();
    assert!(e.message.contains("team"), "{}", e.message);
}

#[test]
fn the_mapping_is_remembered_for_the_team_and_source() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    let mut req = request(t, "pagerduty.csv");
    req.mapping = CsvMapping {
        columns: vec![ColumnChoice {
            field: ImportField::Category,
            column: Some("service_name".into()),
        }],
        values: vec![
            ValueChoice {
                field: ImportField::Category,
                value: "Checkout API".into(),
                to: "production_bug".into(),
            },
            ValueChoice {
                field: ImportField::HandledBy,
                value: "Carl Unknown".into(),
                to: "Ben Ode".into(),
            },
        ],
        could_wait: None,
        sprint_columns: None,
    };
    let first = app.interrupt_csv_preview(&req, now()).unwrap();
    assert_eq!(first.rows[0].spec.category, InterruptCategory::ProductionBug);
    // No rotation: whoever handled an interrupt was pulled off focus work to do it.
    assert!(first.rows[0].spec.handled_by.is_some());
    assert!(first.rows[0].spec.pulled_off_focus);
    assert!(first.notes.iter().any(|n| n.contains("pulled that person off focus")));
    assert!(first.unknown_values.iter().any(|u| u.value == "Postgres"));
    app.import_interrupt_csv(&req, now()).unwrap();
    // Next time, with no choices given, the same mapping is offered.
    let next = app.interrupt_csv_preview(&request(t, "pagerduty.csv"), now()).unwrap();
    assert_eq!(next.source, CsvSource::PagerDuty);
    assert_eq!(next.mapping.column(ImportField::Category), Some(Some("service_name")));
    assert!(next.mapping.values.iter().any(|v| v.value == "Checkout API"));
}

#[test]
fn sprint_history_is_imported_once() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    let req = SprintCsvRequest {
        team_id: t,
        text: sample("sprints.csv"),
        columns: vec![],
    };
    let preview = app.sprint_csv_preview(&req, now()).unwrap();
    assert_eq!(preview.rows.len(), 3);
    assert!(app.sprints(t).unwrap().is_empty());
    let done = app.import_sprint_csv(&req, now()).unwrap();
    assert_eq!(done.changes.records.len(), 3);
    let sprints = app.sprints(t).unwrap();
    assert_eq!(sprints.len(), 3);
    assert_eq!(sprints[0].completed_points, Some(30.0));
    assert_eq!(sprints[2].completed_points, None);
    let again = app.import_sprint_csv(&req, now()).unwrap();
    assert!(again.value.rows.is_empty());
    assert_eq!(again.value.duplicates.len(), 3);
    assert_eq!(app.sprints(t).unwrap().len(), 3);
}

#[test]
fn an_edited_import_keeps_its_external_id_so_a_reimport_adds_nothing() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let t = team(&mut app);
    let done = app.import_interrupt_csv(&request(t, "pagerduty.csv"), now()).unwrap();
    let added = done.value.rows.len();
    assert!(added >= 2);
    // Edit every imported interrupt so neither its arrival minute nor its title matches the file:
    // only the source and external id can still recognise it.
    for (k, i) in app
        .interrupts(t, &InterruptFilter::default())
        .unwrap()
        .into_iter()
        .enumerate()
    {
        let at = i.spec.arrived_at + chrono::Duration::minutes(7);
        app.edit_interrupt(
            i.id,
            NewInterrupt {
                arrived_at: at.to_rfc3339(),
                title: format!("Renamed after the review {k}"),
                category: InterruptCategory::ProductionBug,
                severity: Severity::High,
                handled_by: None,
                minutes: 11,
                pulled_off_focus: true,
                could_have_waited: false,
                root_cause: "pool size".into(),
            },
            now(),
        )
        .unwrap();
    }
    let again = app.import_interrupt_csv(&request(t, "pagerduty.csv"), now()).unwrap();
    assert!(again.value.rows.is_empty(), "{:?}", again.value.rows);
    assert_eq!(again.value.duplicates.len(), added);
    assert_eq!(log(&app, t), added, "the edited interrupts are not imported twice");
    // Undoing an edit rewrites the row in place too: still recognised afterwards.
    let first = app.interrupts(t, &InterruptFilter::default()).unwrap()[0].clone();
    let edit = app
        .edit_interrupt(
            first.id,
            NewInterrupt {
                arrived_at: first.spec.arrived_at.to_rfc3339(),
                title: "Once more".into(),
                category: first.spec.category,
                severity: first.spec.severity,
                handled_by: None,
                minutes: 3,
                pulled_off_focus: false,
                could_have_waited: false,
                root_cause: String::new(),
            },
            now(),
        )
        .unwrap();
    app.undo(&edit.changes).unwrap();
    let third = app.interrupt_csv_preview(&request(t, "pagerduty.csv"), now()).unwrap();
    assert!(third.rows.is_empty());
    assert_eq!(log(&app, t), added);
}
