//! Stand-up message speed: compose the message for a team of 30 members with 3 policies over a
//! year of planned turns (daily, weekly, weekly escalation), with 40 change lines, and write it in
//! all three formats (Markdown, Slack JSON, Teams Adaptive Card). Reported, not asserted.
use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{plan, DutyPolicy, NewPolicy, PlanInput, PolicyKind, RotationContext};
use sprintshield_core::standup::{standup, ChatFormat};
use sprintshield_core::team::{NewTeam, Team, TeamKind};
use sprintshield_core::time::{DateSpan, WorkingDays};
use std::hint::black_box;

fn policy(id: i64, kind: PolicyKind, escalates_to: Option<i64>) -> DutyPolicy {
    let mut p = NewPolicy::new(format!("Policy {id}"), kind);
    p.escalates_to = escalates_to;
    p.checklist = Some(vec!["Watch the alerts channel".into(), "Triage new bugs".into()]);
    DutyPolicy {
        id,
        team_id: 1,
        spec: p.validate().unwrap(),
    }
}

fn bench(c: &mut Criterion) {
    let team = Team {
        id: 1,
        spec: NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Mixed,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        }
        .validate()
        .unwrap(),
    };
    let members: Vec<Member> = (1..=30)
        .map(|i| Member {
            id: i,
            team_id: 1,
            spec: NewMember {
                name: format!("Member {i}"),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        })
        .collect();
    let ctx = RotationContext {
        zone: chrono_tz::Europe::Berlin,
        working_days: WorkingDays::MON_FRI,
        policies: vec![
            policy(1, PolicyKind::Daily, None),
            policy(2, PolicyKind::Weekly, Some(3)),
            policy(3, PolicyKind::Weekly, None),
        ],
        members,
        time_off: Vec::new(),
        holidays: Vec::new(),
        sprints: Vec::new(),
        release_days: Vec::new(),
    };
    let now: DateTime<Utc> = "2026-07-15T08:00:00Z".parse().unwrap();
    let year = DateSpan {
        first: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        last: NaiveDate::from_ymd_opt(2027, 1, 3).unwrap(),
    };
    let turns = plan(&PlanInput {
        context: ctx.clone(),
        existing: Vec::new(),
        horizon: year,
        now,
    })
    .turns;
    let changes: Vec<String> = (1..=40).map(|i| format!("Member {i}: Tue 8 → Thu 10")).collect();
    println!("{} turns in the year", turns.len());
    c.bench_function("standup_compose_year_30_members_3_policies", |b| {
        b.iter(|| black_box(standup(&team, &ctx, black_box(&turns), now, &changes)))
    });
    let m = standup(&team, &ctx, &turns, now, &changes);
    c.bench_function("standup_render_markdown", |b| b.iter(|| black_box(m.markdown())));
    c.bench_function("standup_render_slack_json", |b| {
        b.iter(|| black_box(m.payload(ChatFormat::Slack).to_string()))
    });
    c.bench_function("standup_render_teams_json", |b| {
        b.iter(|| black_box(m.payload(ChatFormat::Teams).to_string()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
