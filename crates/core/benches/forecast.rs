//! Monte Carlo speed: 100,000 trials of a two-week sprint for an 8-person team with per-person
//! availability (time off, a holiday, an Op of the Week cover, a part-timer) and interrupt load
//! drawn per day from a six-week log (target ≤ 20 ms). The same group times a bare loop that draws
//! the same number of random numbers from the same generator, so the ratio (target ≤ 3×) comes
//! from one run.
//!
//! A second group times the whole `sprint_forecast` (capacity of the planned sprint, the history of
//! 26 closed sprints each with its own capacity report, 10 000 trials, the headline) for a team
//! with a year of history, once without duty policies and once with a daily Batman policy and no
//! stored turns, so every past sprint gets the assumed covers: the cost of that assumption, which
//! the app pays on every what-if toggle.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sprintshield_core::capacity::{capacity_report, CapacityInput, CapacitySettings, DutyCover};
use sprintshield_core::forecast::{
    draws_per_trial, monte_carlo, sprint_forecast, FocusPlan, ForecastSettings, PastSprint, TeamData,
};
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, InterruptSpec, Severity};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind};
use sprintshield_core::sprint::{Sprint, SprintSpec};
use sprintshield_core::team::{NewTeam, Team, TeamKind};
use sprintshield_core::time::{parse_datetime, DateSpan};
use sprintshield_core::time_off::{Holiday, TimeOff, TimeOffKind, TimeOffSpec};
use std::hint::black_box;

const TRIALS: u32 = 100_000;
const SEED: u64 = 42;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn span(a: &str, b: &str) -> DateSpan {
    DateSpan::new(date(a), date(b), "last").unwrap()
}

fn at(team: &Team, local: &str) -> DateTime<Utc> {
    parse_datetime("at", local, team.spec.zone).unwrap()
}

fn team() -> Team {
    let spec = NewTeam {
        name: "Phoenix".into(),
        kind: TeamKind::Mixed,
        zone: "Europe/Berlin".into(),
        working_days: None,
        sprint_length_days: None,
    };
    Team {
        id: 1,
        spec: spec.validate().unwrap(),
    }
}

fn members() -> Vec<Member> {
    (0..8)
        .map(|i| {
            let spec = NewMember {
                name: format!("Member {i}"),
                capacity_percent: Some(if i == 7 { 60 } else { 100 }),
                ..Default::default()
            };
            Member {
                id: i + 1,
                team_id: 1,
                spec: spec.validate().unwrap(),
            }
        })
        .collect()
}

/// 90 interrupts over the six weeks before the sprint, two in five pulling someone off focus.
fn interrupts(team: &Team) -> Vec<Interrupt> {
    (0..90)
        .map(|i| Interrupt {
            id: i + 1,
            team_id: 1,
            spec: InterruptSpec {
                arrived_at: at(team, "2026-04-20T09:30") + Duration::minutes(i * 677),
                title: "Disk full".into(),
                category: InterruptCategory::OperationalProblem,
                severity: Severity::High,
                handled_by: None,
                minutes: 10 + (i as u32 * 37) % 170,
                pulled_off_focus: i % 5 < 2,
                could_have_waited: false,
                root_cause: String::new(),
            },
            origin: None,
        })
        .collect()
}

fn plan() -> FocusPlan {
    let team = team();
    let members = members();
    let time_off = vec![TimeOff {
        id: 1,
        spec: TimeOffSpec {
            member_id: 2,
            days: span("2026-06-08", "2026-06-12"),
            kind: TimeOffKind::Vacation,
            note: String::new(),
        },
    }];
    let holidays = vec![Holiday {
        id: 1,
        team_id: 1,
        date: date("2026-06-04"),
        name: "Corpus Christi".into(),
    }];
    let covers = vec![DutyCover {
        member_id: 1,
        start: at(&team, "2026-06-01T12:00"),
        end: at(&team, "2026-06-08T12:00"),
        focus_share: 0.2,
        label: "Op of the Week".into(),
    }];
    let interrupts = interrupts(&team);
    let input = CapacityInput {
        team: &team,
        members: &members,
        time_off: &time_off,
        holidays: &holidays,
        covers: &covers,
        interrupts: &interrupts,
        interrupt_window: span("2026-04-20", "2026-05-29"),
        settings: CapacitySettings::default(),
    };
    FocusPlan::from_report(&capacity_report(&input, span("2026-06-01", "2026-06-14")).unwrap())
}

fn history() -> Vec<PastSprint> {
    [
        (52.0, 68.0),
        (61.0, 70.5),
        (44.0, 60.0),
        (58.0, 66.0),
        (49.0, 64.0),
        (63.0, 71.0),
        (40.0, 58.0),
        (55.0, 69.0),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(completed_points, focus_days))| PastSprint {
        sprint_id: i as i64 + 1,
        name: format!("Sprint {}", i + 1),
        completed_points,
        focus_days,
        most_people_out: Some(1),
    })
    .collect()
}

/// Draws as many bounded random numbers as the simulation does, from the same generator.
fn bare_draws(draws_per_trial: usize, rates: u32, losses: u32) -> u64 {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut acc = 0u64;
    for _ in 0..TRIALS {
        acc += u64::from(rng.random_range(0..rates));
        for _ in 1..draws_per_trial {
            acc += u64::from(rng.random_range(0..losses));
        }
    }
    acc
}

fn bench(c: &mut Criterion) {
    let plan = plan();
    let history = history();
    let settings = ForecastSettings::new(TRIALS, SEED).unwrap();
    let draws = draws_per_trial(&plan);
    let losses = plan.loss_samples.len() as u32;
    assert!(losses > 0 && draws > 1, "the benchmark must draw interrupt load");
    let mut group = c.benchmark_group("monte_carlo_100k_trials");
    group.bench_function("simulation", |b| {
        b.iter(|| monte_carlo(black_box(&history), black_box(&plan), settings).unwrap())
    });
    group.bench_function("bare_rng_same_draws", |b| {
        b.iter(|| bare_draws(black_box(draws), black_box(history.len() as u32), black_box(losses)))
    });
    group.finish();
}

/// A year of two-week sprints (26 closed, from 2025-06-02) and the planned one from 2026-06-01.
fn year_of_sprints() -> Vec<Sprint> {
    (0..27)
        .map(|i| {
            let start = date("2025-06-02") + Duration::days(14 * i);
            Sprint {
                id: i + 1,
                team_id: 1,
                spec: SprintSpec {
                    name: format!("Sprint {}", i + 1),
                    start,
                    end: start + Duration::days(11),
                    goal: String::new(),
                    committed_points: None,
                },
                completed_points: (i < 26).then_some(40.0 + (i * 7 % 13) as f64),
            }
        })
        .collect()
}

fn team_data(with_policy: bool) -> TeamData {
    let team = team();
    let policies = if with_policy {
        let mut new = NewPolicy::new("Batman", PolicyKind::Daily);
        new.focus_share_percent = Some(0);
        vec![DutyPolicy {
            id: 10,
            team_id: 1,
            spec: new.validate().unwrap(),
        }]
    } else {
        vec![]
    };
    TeamData {
        interrupts: interrupts(&team),
        team,
        members: members(),
        time_off: vec![],
        holidays: vec![],
        sprints: year_of_sprints(),
        policies,
        turns: vec![],
    }
}

fn bench_sprint_forecast(c: &mut Criterion) {
    let settings = ForecastSettings::new(10_000, SEED).unwrap();
    let mut group = c.benchmark_group("sprint_forecast_year_of_history");
    for (name, with_policy) in [("no_policy", false), ("assumed_batman_in_26_sprints", true)] {
        let data = team_data(with_policy);
        let fc = sprint_forecast(&data, 27, &[], settings, CapacitySettings::default()).unwrap();
        assert_eq!(fc.history.len(), 26);
        assert!(fc.headline.is_some());
        group.bench_function(name, |b| {
            b.iter(|| sprint_forecast(black_box(&data), 27, &[], settings, CapacitySettings::default()).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_sprint_forecast);
criterion_main!(benches);
