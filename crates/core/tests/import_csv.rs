//! CSV imports read sample files written in each tool's documented columns (tests/import_csv/):
//! PagerDuty incidents, Opsgenie alerts, Jira issues, a generic file with hostile cells, and a
//! sprint history. Each check is worked out by hand from the file.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use sprintshield_core::import_csv::{
    mark_duplicates, read_interrupts, read_sprints, ColumnChoice, CsvMapping, CsvSource, ImportField,
    InterruptCsvPreview, StoredInterruptKey, ValueChoice,
};
use sprintshield_core::interrupt::{InterruptCategory, Severity};
use sprintshield_core::member::{Member, MemberSpec};

fn file(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_csv")
        .join(name);
    sprintshield_core::import_csv::read::decode(&std::fs::read(path).unwrap()).unwrap()
}

fn member(id: i64, name: &str, email: &str) -> Member {
    Member {
        id,
        team_id: 1,
        spec: MemberSpec {
            name: name.into(),
            email: Some(email.into()),
            capacity_percent: 100,
            skills: vec![],
            active_from: None,
            active_until: None,
            can_take_duty: true,
            colour: "#336699".into(),
        },
    }
}

fn members() -> Vec<Member> {
    vec![
        member(1, "Ana Lima", "ana@example.org"),
        member(2, "Ben Ode", "ben@example.org"),
    ]
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn read(name: &str, mapping: &CsvMapping) -> InterruptCsvPreview {
    read_interrupts(&file(name), Berlin, now(), &members(), None, None, mapping).unwrap()
}

fn keys(p: &InterruptCsvPreview) -> Vec<StoredInterruptKey> {
    p.rows
        .iter()
        .map(|r| StoredInterruptKey {
            external: r.external_id.clone().map(|id| (p.source, id)),
            arrived_at: r.spec.arrived_at,
            title: r.spec.title.clone(),
        })
        .collect()
}

#[test]
fn pagerduty_incidents() {
    let p = read("pagerduty.csv", &CsvMapping::default());
    assert_eq!(p.source, CsvSource::PagerDuty);
    assert_eq!(p.rows.len(), 3, "{:?}", p.skipped);
    let r = &p.rows[0];
    assert_eq!(r.line, 2);
    assert_eq!(r.external_id.as_deref(), Some("PT4KHLK"));
    assert_eq!(r.spec.title, "DB connection pool exhausted, checkout failing");
    assert_eq!(r.spec.arrived_at, utc("2026-11-03T08:12:44Z"));
    assert_eq!(r.spec.minutes, 50, "3000 seconds to resolve");
    assert_eq!(r.spec.severity, Severity::High, "urgency high");
    assert_eq!(
        r.spec.category,
        InterruptCategory::OperationalProblem,
        "no category column"
    );
    assert_eq!(r.spec.handled_by, Some(1));
    // "Ben Ode, Ana Lima": the first person named handled it.
    assert_eq!(p.rows[1].spec.handled_by, Some(2));
    assert_eq!(p.rows[1].spec.severity, Severity::Low);
    assert_eq!(p.rows[1].spec.minutes, 20);
    // 30 seconds round up to one minute.
    assert_eq!(p.rows[2].spec.minutes, 1);
    // The triggered incident has neither seconds to resolve nor a resolution time.
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 4);
    assert!(p.skipped[0].reason.contains("no minutes"), "{}", p.skipped[0].reason);
}

#[test]
fn pagerduty_priority_instead_of_urgency() {
    let map = CsvMapping {
        columns: vec![ColumnChoice {
            field: ImportField::Severity,
            column: Some("priority".into()),
        }],
        values: vec![],
        could_wait: None,
        sprint_columns: None,
    };
    let p = read("pagerduty.csv", &map);
    assert_eq!(p.rows[0].spec.severity, Severity::Critical, "P1");
    assert_eq!(p.rows[1].spec.severity, Severity::Normal, "no priority: the default");
    assert_eq!(p.rows[2].spec.severity, Severity::Low, "P4");
}

#[test]
fn opsgenie_alerts() {
    let p = read("opsgenie.csv", &CsvMapping::default());
    assert_eq!(p.source, CsvSource::Opsgenie);
    assert_eq!(p.rows.len(), 3, "{:?}", p.skipped);
    let disk = &p.rows[0];
    assert_eq!(disk.external_id.as_deref(), Some("4711"));
    assert_eq!(
        disk.spec.arrived_at,
        Utc.with_ymd_and_hms(2026, 11, 10, 7, 15, 0).unwrap() + chrono::Duration::milliseconds(123)
    );
    assert_eq!(disk.spec.minutes, 30, "CloseTime 1,800,000 ms");
    assert_eq!(disk.spec.severity, Severity::High, "P2");
    assert_eq!(disk.spec.handled_by, Some(2), "owner matched by e-mail");
    assert_eq!(p.rows[1].spec.severity, Severity::Critical, "P1");
    assert_eq!(p.rows[2].spec.severity, Severity::Low, "P5");
    assert_eq!(p.rows[2].spec.handled_by, None);
    // P9 is nothing Opsgenie writes: read as Normal and listed; the open alert has no close time.
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 6, "the quoted line break in line 2 counts");
}

#[test]
fn jira_issues_with_bom_crlf_and_local_dates() {
    let p = read("jira.csv", &CsvMapping::default());
    assert_eq!(p.source, CsvSource::Jira);
    assert_eq!(p.columns[0], "Summary", "the BOM is not part of the first header");
    assert_eq!(p.rows.len(), 3, "{:?}", p.skipped);
    let login = &p.rows[0];
    assert_eq!(login.external_id.as_deref(), Some("OPS-101"));
    assert_eq!(login.spec.title, "Login fails, on Safari");
    // 03/Nov/26 9:42 AM in Berlin (CET, +01:00).
    assert_eq!(login.spec.arrived_at, utc("2026-11-03T08:42:00Z"));
    assert_eq!(login.spec.minutes, 90, "Time Spent 5400 seconds");
    assert_eq!(login.spec.category, InterruptCategory::ProductionBug);
    assert_eq!(login.spec.severity, Severity::Critical, "Highest");
    let question = &p.rows[1];
    assert_eq!(
        question.line, 5,
        "the description's two line breaks are inside line 2's record"
    );
    assert_eq!(question.spec.category, InterruptCategory::UserQuestion);
    assert_eq!(question.spec.minutes, 30, "no time spent: resolved minus created");
    assert_eq!(
        p.rows[2].spec.category,
        InterruptCategory::Other,
        "Chore Request is unknown"
    );
    assert!(p
        .unknown_values
        .iter()
        .any(|u| u.field == ImportField::Category && u.value == "Chore Request" && u.rows == 1));
    assert_eq!(p.skipped.len(), 1);
    assert!(p.skipped[0].reason.contains("still open"));
}

#[test]
fn jira_value_mapping_changes_what_a_value_means() {
    let map = CsvMapping {
        columns: vec![],
        values: vec![ValueChoice {
            field: ImportField::Category,
            value: "chore request".into(),
            to: "operational_problem".into(),
        }],
        could_wait: None,
        sprint_columns: None,
    };
    let p = read("jira.csv", &map);
    assert_eq!(p.rows[2].spec.category, InterruptCategory::OperationalProblem);
    assert!(p.unknown_values.iter().all(|u| u.field != ImportField::Category));
}

#[test]
fn generic_file_with_dst_hostile_cells_and_bad_rows() {
    let p = read("generic.csv", &CsvMapping::default());
    assert_eq!(p.source, CsvSource::Generic);
    let by_id = |id: &str| p.rows.iter().find(|r| r.external_id.as_deref() == Some(id)).unwrap();
    // 02:30 on 2026-03-29 does not exist in Berlin: the first minute after the gap, 03:00 CEST.
    let gap = by_id("G1");
    assert_eq!(gap.spec.arrived_at, utc("2026-03-29T01:00:00Z"));
    assert!(gap.notes[0].contains("did not exist"));
    // 02:30 on 2026-10-25 happens twice: the first, 02:30 CEST = 00:30Z.
    let twice = by_id("G2");
    assert_eq!(twice.spec.arrived_at, utc("2026-10-25T00:30:00Z"));
    assert!(twice.notes[0].contains("happened twice"));
    assert_eq!(twice.spec.handled_by, Some(1), "matched by e-mail");
    let long = by_id("G3");
    assert_eq!(long.spec.title.chars().count(), 200);
    assert!(long.notes.iter().any(|n| n.contains("70000")));
    let bell = by_id("G4");
    assert_eq!(bell.spec.title, "Bell in [31m title and tab");
    assert_eq!(bell.spec.category, InterruptCategory::UserQuestion);
    let coffee = by_id("G7");
    assert_eq!(
        (coffee.spec.category, coffee.spec.severity),
        (InterruptCategory::Other, Severity::Normal)
    );
    assert!(p.unknown_values.iter().any(|u| u.value == "kitchen" && u.rows == 2));
    assert!(p
        .unknown_values
        .iter()
        .any(|u| u.value == "meh" && u.read_as == "normal"));
    let reasons: Vec<(u64, &str)> = p.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reasons[0].0, 6);
    assert!(reasons[0].1.contains("not a time"));
    assert!(reasons[1].1.contains("future"));
    assert!(reasons[2].1.contains("no minutes"));
    // The repeated row is a duplicate of line 8 once dedupe runs.
    let mut p = p;
    mark_duplicates(&mut p, &[]);
    assert_eq!(p.duplicates.len(), 1);
    assert_eq!(p.duplicates[0].line, 9);
    assert!(p.duplicates[0].reason.contains("line 8"));
}

#[test]
fn a_reimport_adds_nothing_and_a_hand_typed_entry_is_recognised() {
    for name in ["pagerduty.csv", "opsgenie.csv", "jira.csv", "generic.csv"] {
        let mut first = read(name, &CsvMapping::default());
        mark_duplicates(&mut first, &[]);
        assert!(!first.rows.is_empty());
        let stored = keys(&first);
        let mut again = read(name, &CsvMapping::default());
        mark_duplicates(&mut again, &stored);
        assert!(again.rows.is_empty(), "{name}: {:?}", again.rows);
        assert_eq!(again.duplicates.len(), first.rows.len() + first.duplicates.len());
    }
    // Typed by hand (no id) in the same minute with the same title, case aside.
    let mut p = read("pagerduty.csv", &CsvMapping::default());
    mark_duplicates(
        &mut p,
        &[StoredInterruptKey {
            external: None,
            arrived_at: utc("2026-11-04T14:00:30Z"),
            title: "disk 91% ON db-2".into(),
        }],
    );
    assert_eq!(p.duplicates.len(), 1);
    assert_eq!(p.duplicates[0].line, 3);
    // Same title and minute but another id of the same source: a different alert.
    let mut p = read("pagerduty.csv", &CsvMapping::default());
    mark_duplicates(
        &mut p,
        &[StoredInterruptKey {
            external: Some((CsvSource::PagerDuty, "POTHER".into())),
            arrived_at: utc("2026-11-04T14:00:00Z"),
            title: "Disk 91% on db-2".into(),
        }],
    );
    assert!(p.duplicates.is_empty());
}

#[test]
fn mapping_errors_are_one_sentence() {
    let text = file("pagerduty.csv");
    let wrong = CsvMapping {
        columns: vec![ColumnChoice {
            field: ImportField::Title,
            column: Some("Headline".into()),
        }],
        values: vec![],
        could_wait: None,
        sprint_columns: None,
    };
    let e = read_interrupts(&text, Berlin, now(), &members(), None, None, &wrong).unwrap_err();
    assert!(
        e.message.starts_with("the file has no column \"Headline\" for title"),
        "{}",
        e.message
    );
    let e = read_interrupts(
        "when,what\n2026-11-01 10:00,x\n",
        Berlin,
        now(),
        &[],
        None,
        None,
        &CsvMapping::default(),
    )
    .unwrap();
    // Not a dead end: the preview lists the columns to choose from and says what is missing.
    assert_eq!(e.columns, vec!["when", "what"]);
    assert!(e.rows.is_empty() && e.notes.len() == 1);
    let e = e.ready().unwrap_err();
    assert!(e.message.contains("says its title"), "{}", e.message);
    // A remembered mapping naming a column this file lacks is ignored, not an error.
    let remembered = CsvMapping {
        columns: vec![ColumnChoice {
            field: ImportField::Category,
            column: Some("Kategorie".into()),
        }],
        values: vec![],
        could_wait: None,
        sprint_columns: None,
    };
    let p = read_interrupts(
        &text,
        Berlin,
        now(),
        &members(),
        None,
        Some(&remembered),
        &CsvMapping::default(),
    )
    .unwrap();
    assert_eq!(p.rows.len(), 3);
    // Forcing the source uses its columns even when the header looks like another tool's.
    let forced = read_interrupts(
        "at,title,minutes\n2026-11-01 10:00,x,5\n",
        Berlin,
        now(),
        &[],
        Some(CsvSource::Jira),
        None,
        &CsvMapping {
            columns: vec![
                ColumnChoice {
                    field: ImportField::At,
                    column: Some("at".into()),
                },
                ColumnChoice {
                    field: ImportField::Title,
                    column: Some("title".into()),
                },
                ColumnChoice {
                    field: ImportField::Minutes,
                    column: Some("minutes".into()),
                },
            ],
            values: vec![],
            could_wait: None,
            sprint_columns: None,
        },
    )
    .unwrap();
    assert_eq!((forced.source, forced.detected), (CsvSource::Jira, CsvSource::Generic));
    assert_eq!(forced.rows[0].spec.minutes, 5);
}

#[test]
fn sprint_history() {
    let p = read_sprints(
        &file("sprints.csv"),
        &[],
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        &[],
    )
    .unwrap();
    assert_eq!(p.rows.len(), 3);
    assert_eq!(p.rows[1].completed_points, Some(33.5));
    assert_eq!(p.rows[2].completed_points, None);
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 5);
    assert!(p.skipped[0].reason.contains("overlaps \"Sprint 42\""));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// A generic CSV of `rows` (minute offset, title, optional id), written by the csv crate's own
    /// writer so quoting is whatever it needs (commas, quotes, line breaks in titles).
    fn csv_of(rows: &[(u32, String, Option<u8>)]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["at", "title", "minutes", "id"]).unwrap();
        let start = Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap();
        for (offset, title, id) in rows {
            let at = (start + chrono::Duration::minutes(i64::from(*offset))).to_rfc3339();
            let id = id.map(|i| format!("X{i}")).unwrap_or_default();
            w.write_record([at.as_str(), title.as_str(), "5", id.as_str()]).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Every row is accounted for once, and importing what was added again adds nothing.
        #[test]
        fn every_row_once_and_a_reimport_adds_nothing(
            rows in proptest::collection::vec((0u32..30, "[a-c ,\"\n]{0,6}", proptest::option::of(0u8..6)), 1..40)
        ) {
            let text = csv_of(&rows);
            let mut first = read_interrupts(&text, Berlin, now(), &[], None, None, &CsvMapping::default()).unwrap();
            mark_duplicates(&mut first, &[]);
            prop_assert_eq!(first.rows.len() + first.duplicates.len() + first.skipped.len(), rows.len());
            // Rows without a title are the only ones skipped here.
            for s in &first.skipped {
                prop_assert!(s.reason.contains("no title"), "{}", s.reason);
            }
            let stored = keys(&first);
            let mut again = read_interrupts(&text, Berlin, now(), &[], None, None, &CsvMapping::default()).unwrap();
            mark_duplicates(&mut again, &stored);
            prop_assert!(again.rows.is_empty());
            prop_assert_eq!(again.duplicates.len(), first.rows.len() + first.duplicates.len());
        }
    }
}

#[test]
fn pagerduty_basic_incidents_report() {
    // The basic report's documented columns: "#", Service, Opened On, Resolved On, Resolve By,
    // Duration, "# Escalations". No title column: the service names the interrupt.
    let p = read("pagerduty_basic.csv", &CsvMapping::default());
    assert_eq!(p.source, CsvSource::PagerDuty);
    assert_eq!(p.rows.len(), 2, "{:?}", p.skipped);
    let r = &p.rows[0];
    assert_eq!(r.external_id.as_deref(), Some("1031"));
    assert_eq!(r.spec.title, "Checkout API");
    // No offset: wall-clock time in the team's zone (Berlin, UTC+1 in November).
    assert_eq!(r.spec.arrived_at, utc("2026-11-09T08:00:00Z"));
    assert_eq!(r.spec.minutes, 40, "resolved on − opened on");
    assert_eq!(r.spec.handled_by, Some(1), "Resolve By names the member");
    assert_eq!(p.rows[1].spec.minutes, 12);
    assert_eq!(p.skipped.len(), 1, "the unresolved incident has no minutes");
}

#[test]
fn could_have_waited_follows_the_stated_rule_and_the_mapping() {
    // PagerDuty urgency low → severity low → could have waited; high never waits.
    let p = read("pagerduty.csv", &CsvMapping::default());
    let waited: Vec<(Severity, bool)> = p
        .rows
        .iter()
        .map(|r| (r.spec.severity, r.spec.could_have_waited))
        .collect();
    assert_eq!(
        waited,
        vec![(Severity::High, false), (Severity::Low, true), (Severity::Low, true)]
    );
    assert!(
        p.notes
            .iter()
            .any(|n| n.starts_with("Could have waited: every low interrupt")),
        "the preview states the rule: {:?}",
        p.notes
    );
    assert_eq!(p.mapping.could_wait, Some(vec![Severity::Low]));
    // Opsgenie P5 and Jira Low read as low and wait; Jira Highest (critical) does not.
    let o = read("opsgenie.csv", &CsvMapping::default());
    let p5 = o
        .rows
        .iter()
        .find(|r| r.external_id.as_deref() == Some("4713"))
        .unwrap();
    assert!(p5.spec.could_have_waited);
    let j = read("jira.csv", &CsvMapping::default());
    assert!(!j.rows[0].spec.could_have_waited, "Highest");
    assert!(j.rows[1].spec.could_have_waited, "Low");
    // The user adds normal: Jira's Medium row now waits too.
    let with_normal = CsvMapping {
        could_wait: Some(vec![Severity::Normal, Severity::Low]),
        ..Default::default()
    };
    let j2 = read("jira.csv", &with_normal);
    let medium = j2
        .rows
        .iter()
        .find(|r| r.external_id.as_deref() == Some("OPS-104"))
        .unwrap();
    assert_eq!(medium.spec.severity, Severity::Normal);
    assert!(medium.spec.could_have_waited);
    // Or marks none.
    let none = read(
        "pagerduty.csv",
        &CsvMapping {
            could_wait: Some(vec![]),
            ..Default::default()
        },
    );
    assert!(none.rows.iter().all(|r| !r.spec.could_have_waited));
    // Critical or high is refused with one sentence.
    let e = read_interrupts(
        &file("pagerduty.csv"),
        Berlin,
        now(),
        &members(),
        None,
        None,
        &CsvMapping {
            could_wait: Some(vec![Severity::High]),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(e.message.contains("must be handled at once"), "{}", e.message);
}
