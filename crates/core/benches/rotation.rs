//! Rotation speed: plan + validate 52 weeks for 30 members and 3 policies (daily, weekly with a
//! weekly escalation) with time off — target ≤ 5 ms; re-validate after one edit — target ≤ 1 ms.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{
    override_turn, plan, validate, ConflictChecker, DutyPolicy, NewPolicy, PlanInput, PolicyKind, RotationContext,
};
use sprintshield_core::time::{DateSpan, WorkingDays};
use sprintshield_core::time_off::{Holiday, TimeOff, TimeOffKind, TimeOffSpec};
use std::hint::black_box;

fn policy(id: i64, kind: PolicyKind, pool: Vec<i64>, escalates_to: Option<i64>) -> DutyPolicy {
    let mut p = NewPolicy::new(format!("Policy {id}"), kind);
    p.pool = pool;
    p.escalates_to = escalates_to;
    DutyPolicy {
        id,
        team_id: 1,
        spec: p.validate().unwrap(),
    }
}

fn context() -> RotationContext {
    let members: Vec<Member> = (1..=30)
        .map(|i| Member {
            id: i,
            team_id: 1,
            spec: NewMember {
                name: format!("Member {i}"),
                capacity_percent: Some(if i % 7 == 0 { 60 } else { 100 }),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let time_off = (0..60)
        .map(|k: i64| {
            let first = start + Duration::days((k * 37) % 360);
            TimeOff {
                id: k + 1,
                spec: TimeOffSpec {
                    member_id: (k * 11) % 30 + 1,
                    days: DateSpan {
                        first,
                        last: first + Duration::days(k % 10),
                    },
                    kind: TimeOffKind::Vacation,
                    note: String::new(),
                },
            }
        })
        .collect();
    let holidays = ["2026-04-03", "2026-04-06", "2026-05-01", "2026-12-24", "2026-12-25"]
        .iter()
        .enumerate()
        .map(|(i, d)| Holiday {
            id: i as i64 + 1,
            team_id: 1,
            date: d.parse().unwrap(),
            name: format!("Holiday {i}"),
        })
        .collect();
    RotationContext {
        zone: chrono_tz::Europe::Berlin,
        working_days: WorkingDays::MON_FRI,
        policies: vec![
            policy(1, PolicyKind::Daily, Vec::new(), None),
            policy(2, PolicyKind::Weekly, (1..=15).collect(), Some(3)),
            policy(3, PolicyKind::Weekly, (10..=30).collect(), None),
        ],
        members,
        time_off,
        holidays,
        sprints: Vec::new(),
        release_days: Vec::new(),
    }
}

fn horizon() -> DateSpan {
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    DateSpan {
        first,
        last: first + Duration::weeks(52) - Duration::days(1),
    }
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn bench(c: &mut Criterion) {
    let input = PlanInput {
        context: context(),
        existing: Vec::new(),
        horizon: horizon(),
        now: now(),
    };
    c.bench_function("rotation plan + validate 52w x 30 members x 3 policies", |b| {
        b.iter(|| {
            let p = plan(black_box(&input));
            validate(&p.turns, &input.context, input.horizon)
        })
    });
    let turns = plan(&input).turns;
    let checker = ConflictChecker::new(&input.context, input.horizon);
    let mut k = 0usize;
    c.bench_function("rotation re-validate after one edit (checker built once)", |b| {
        b.iter(|| {
            k = (k + 97) % turns.len();
            let edited = override_turn(&turns, k, (k % 30) as i64 + 1).unwrap();
            checker.check(black_box(&edited))
        })
    });
    c.bench_function("rotation validate from scratch after one edit", |b| {
        b.iter(|| {
            k = (k + 97) % turns.len();
            let edited = override_turn(&turns, k, (k % 30) as i64 + 1).unwrap();
            validate(black_box(&edited), &input.context, input.horizon)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
