//! Migration 09 rebuilds every table whose ids SQLite assigns with AUTOINCREMENT, so an id freed
//! by a removal is never handed to a new record (the removal's undo restores records under their
//! ids). A database made before it keeps every row of every table and every reference; afterwards
//! a freed highest id stays free.
use chrono::{NaiveDate, TimeZone, Utc};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use sprintshield_store::Store;

mod support;
use support::migrations_before;

/// Every table's rows, as text, table by table in name order, rows in rowid order.
fn dump(conn: &Connection) -> Vec<(String, Vec<String>)> {
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|t| t != "rusqlite_migration");
    tables
        .into_iter()
        .map(|t| {
            let mut st = conn.prepare(&format!("SELECT * FROM {t} ORDER BY rowid")).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            (t, rows)
        })
        .collect()
}

const REBUILT: [&str; 11] = [
    "team",
    "member",
    "time_off",
    "holiday",
    "sprint",
    "interrupt",
    "duty_policy",
    "turn",
    "release_train",
    "freeze_window",
    "chat_pending",
];

#[test]
fn every_row_and_reference_survives_and_a_freed_id_stays_free() {
    let dir = tempfile::tempdir().unwrap();
    // The demo written by today's store (every table has rows), copied into a database made by
    // the migrations before 09.
    let demo_path = dir.path().join("demo.db");
    {
        let mut s = Store::open(&demo_path).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        s.write_demo_records(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
            .unwrap();
    }
    let path = dir.path().join("old.db");
    let before = {
        let mut conn = Connection::open(&path).unwrap();
        let old = migrations_before(9);
        assert_eq!(old.len(), 8);
        Migrations::new(old.iter().map(|sql| M::up(sql)).collect())
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        conn.execute("ATTACH ?1 AS demo", [demo_path.to_string_lossy()])
            .unwrap();
        let tables = dump(&conn);
        for (t, _) in &tables {
            // The columns the old table has (today's store may have added some since).
            let cols: String = conn
                .query_row(
                    "SELECT group_concat(name, ', ') FROM pragma_table_info(?1, 'main')",
                    [t],
                    |r| r.get(0),
                )
                .unwrap();
            conn.execute(
                &format!("INSERT INTO main.{t} ({cols}) SELECT {cols} FROM demo.{t}"),
                [],
            )
            .unwrap();
        }
        conn.execute("DETACH demo", []).unwrap();
        // What the store's demo leaves to the service: a policy with turns, a train, a freeze, a
        // chat line waiting.
        conn.execute_batch(
            "INSERT INTO duty_policy (team_id, name, kind, handoff_weekday, handoff_time, focus_share_percent, weights)
                 VALUES ((SELECT min(id) FROM team), 'Batman', 'daily', 'Mon', '09:00', 30, '{}');
             INSERT INTO turn (policy_id, member_id, start_at, end_at, source)
                 SELECT p.id, m.id, '2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z', 'generated'
                 FROM duty_policy p JOIN member m ON m.team_id = p.team_id LIMIT 1;
             INSERT INTO release_train (name, dev_team_id, ops_team_id, lag_weeks, routine)
                 VALUES ('Main', (SELECT min(id) FROM team), (SELECT max(id) FROM team), 2, '{}');
             INSERT INTO freeze_window (team_id, name, kind, first_day, last_day)
                 VALUES ((SELECT max(id) FROM team), 'Year end', 'once', '2026-12-20', '2027-01-04');
             INSERT INTO chat_pending (team_id, line, published_at)
                 VALUES ((SELECT min(id) FROM team), 'Batman: Ana -> Ben', '2026-11-22T12:00:00Z');",
        )
        .unwrap();
        let before = dump(&conn);
        let empty: Vec<&str> = REBUILT
            .into_iter()
            .filter(|t| before.iter().any(|(n, rows)| n == t && rows.is_empty()))
            .collect();
        assert!(empty.is_empty(), "no rows in {empty:?}");
        before
    };

    let s = Store::open(&path).unwrap();
    assert!(s.schema_version().unwrap() >= 9);
    assert_eq!(s.integrity_check().unwrap(), "ok");
    drop(s);
    let conn = Connection::open(&path).unwrap();
    assert_eq!(dump(&conn), before, "every row of every table is as it was");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(broken, 0, "every reference is intact");
    for t in REBUILT {
        let sql: String = conn
            .query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [t], |r| r.get(0))
            .unwrap();
        assert!(sql.contains("AUTOINCREMENT"), "{t}: {sql}");
    }
    let indexes: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 6, "the indexes dropped with their tables are back");

    // The highest member id, freed, is not handed out again.
    let (team, top): (i64, i64) = conn
        .query_row("SELECT team_id, max(id) FROM member", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    conn.execute("DELETE FROM member WHERE id = ?1", [top]).unwrap();
    conn.execute(
        "INSERT INTO member (team_id, name, colour) VALUES (?1, 'Newcomer', '#336699')",
        [team],
    )
    .unwrap();
    assert!(
        conn.last_insert_rowid() > top,
        "the freed id {top} was handed out again"
    );
}
