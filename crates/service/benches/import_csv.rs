//! Importing a 10,000-row PagerDuty incidents CSV (about 1.9 MB, the shape of the Analytics
//! download): the preview (read, map, dedupe against the stored log), the apply into a database
//! file with WAL (one transaction), and the preview of a re-import where every row is a duplicate.
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use sprintshield_core::import_csv::{CsvMapping, InterruptCsvRequest};
use sprintshield_core::member::NewMember;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_service::{OpenMode, Sprintshield};

const ROWS: usize = 10_000;

/// A PagerDuty incidents export with `n` rows, one every 37 minutes from 2025-01-01.
pub fn pagerduty_csv(n: usize) -> String {
    let mut out = String::from(
        "id,incident_number,description,service_id,service_name,escalation_policy_id,escalation_policy_name,team_id,team_name,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,auto_resolved,escalation_count,assigned_to_user_names,urgency,priority,status\n",
    );
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let people = ["Ana Lima", "Ben Ode", "Chloé Martin", "Dev Null"];
    let services = ["Checkout API", "Postgres", "Edge", "Search"];
    for i in 0..n {
        let at = start + Duration::minutes(37 * i as i64);
        let secs = 60 + (i * 97) % 5400;
        out.push_str(&format!(
            "P{i:07},{},\"{} alert #{}, {} errors\",PSV{},{},PEP1,Prod on-call,PTM1,Phoenix,{},{},{},{},false,0,{},{},P{},resolved\n",
            1000 + i,
            services[i % 4],
            i % 50,
            i % 7,
            i % 4,
            services[i % 4],
            at.to_rfc3339(),
            (at + Duration::seconds(secs as i64)).to_rfc3339(),
            secs / 10,
            secs,
            people[i % 4],
            if i % 3 == 0 { "high" } else { "low" },
            1 + i % 5,
        ));
    }
    out
}

fn database() -> (tempfile::TempDir, Sprintshield, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Sprintshield::open(&dir.path().join("bench.db"), OpenMode::CreateIfMissing).unwrap();
    let team = app
        .create_team(NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value;
    for name in ["Ana Lima", "Ben Ode", "Chloé Martin"] {
        app.add_member(
            team.id,
            NewMember {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    (dir, app, team.id)
}

fn import(c: &mut Criterion) {
    let text = pagerduty_csv(ROWS);
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let mut g = c.benchmark_group("import_csv_10k_pagerduty");
    g.sample_size(10);
    let (_dir, app, team) = database();
    let req = InterruptCsvRequest {
        team_id: team,
        text: text.clone(),
        source: None,
        mapping: CsvMapping::default(),
    };
    g.bench_function("preview", |b| {
        b.iter(|| {
            let p = app.interrupt_csv_preview(&req, now).unwrap();
            assert_eq!(p.rows.len(), ROWS);
        })
    });
    g.bench_function("apply", |b| {
        b.iter_batched(
            database,
            |(dir, mut app, team)| {
                let req = InterruptCsvRequest {
                    team_id: team,
                    ..req.clone()
                };
                let done = app.import_interrupt_csv(&req, now).unwrap();
                assert_eq!(done.changes.records.len(), ROWS);
                (dir, app)
            },
            BatchSize::PerIteration,
        )
    });
    let (_dir2, mut full, team2) = database();
    let req2 = InterruptCsvRequest {
        team_id: team2,
        ..req.clone()
    };
    full.import_interrupt_csv(&req2, now).unwrap();
    g.bench_function("preview_reimport_all_duplicates", |b| {
        b.iter(|| {
            let p = full.interrupt_csv_preview(&req2, now).unwrap();
            assert_eq!(p.duplicates.len(), ROWS);
        })
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
