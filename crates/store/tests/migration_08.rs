//! Migration 08 rebuilds `import_mapping` so sprint history can be remembered too: a database
//! made before it keeps every team's interrupt mappings, and afterwards takes a sprint mapping.
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use sprintshield_core::import_csv::{CsvMapping, CsvSource, MappingSource, SprintColumnChoice, SprintField};
use sprintshield_store::Store;

mod support;
use support::migrations_before;

#[test]
fn interrupt_mappings_survive_and_sprint_history_can_be_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mapping =
        r#"{"columns":[{"field":"category","column":"service_name"}],"values":[],"could_wait":["low","normal"]}"#;
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let old = migrations_before(8);
        assert_eq!(old.len(), 7);
        Migrations::new(old.iter().map(|sql| M::up(sql)).collect())
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO team (id, name, kind, zone) VALUES (1, 'Phoenix', 'dev', 'Europe/Berlin'),
                                                        (2, 'Orion', 'ops', 'UTC');
             INSERT INTO import_mapping (team_id, source, mapping) VALUES (1, 'pagerduty', '{mapping}'),
                                                                          (2, 'jira', '{{}}');"
        ))
        .unwrap();
        // Before 08 the table refuses a sprint mapping.
        assert!(conn
            .execute("INSERT INTO import_mapping VALUES (1, 'sprint_history', '{}')", [])
            .is_err());
    }

    let mut s = Store::open(&path).unwrap();
    assert!(s.schema_version().unwrap() >= 8);
    let kept = s.import_mapping(1, CsvSource::PagerDuty).unwrap().unwrap();
    assert_eq!(kept, serde_json::from_str::<CsvMapping>(mapping).unwrap());
    assert_eq!(
        kept.column(sprintshield_core::import_csv::ImportField::Category),
        Some(Some("service_name"))
    );
    assert_eq!(
        s.import_mappings(2).unwrap(),
        vec![(MappingSource::Jira, CsvMapping::default())]
    );

    let sprints = CsvMapping {
        sprint_columns: Some(vec![SprintColumnChoice {
            field: SprintField::Name,
            column: Some("Iteration".into()),
        }]),
        ..CsvMapping::default()
    };
    s.save_import_mapping(1, MappingSource::SprintHistory, &sprints)
        .unwrap();
    assert_eq!(
        s.import_mappings(1).unwrap(),
        vec![
            (MappingSource::PagerDuty, kept),
            (MappingSource::SprintHistory, sprints)
        ]
    );
    assert_eq!(s.integrity_check().unwrap(), "ok");
    // Removing a team still removes its mappings with it.
    drop(s);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.execute("DELETE FROM team WHERE id = 1", []).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM import_mapping WHERE team_id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
}
