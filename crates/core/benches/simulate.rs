//! The strategy simulator: 7 strategies × 10,000 simulated sprints for a 10-person team (target
//! ≤ 200 ms), beside a bare loop that draws the same random numbers (target: within 3× of it).
use criterion::{criterion_group, criterion_main, Criterion};
use sprintshield_core::simulate::model::{InterruptModel, HOURS};
use sprintshield_core::simulate::{compare, draw_only, SimTeam, SimulationSettings, Strategy};

fn bench(c: &mut Criterion) {
    // About 3 interrupts a working day, a fifth urgent, half of the rest able to wait.
    let model = InterruptModel {
        rate: vec![vec![0.4; HOURS]; 7],
        urgent_minutes: vec![15, 30, 45, 60, 90],
        other_minutes: vec![5, 10, 20, 30, 45],
        urgent_share: 0.2,
        wait_share: 0.5,
        fitted_to: 0,
        assumptions: Vec::new(),
    };
    let team = SimTeam {
        people: vec![1.0; 10],
        sprint_weekdays: (0..10).map(|d| d % 5).collect(),
        velocity_per_focus_day: Some(1.2),
    };
    let settings = SimulationSettings {
        runs: 10_000,
        ..SimulationSettings::default()
    };
    let strategies = Strategy::all();
    let mut g = c.benchmark_group("simulate 10 people, 10,000 sprints");
    g.sample_size(20);
    g.bench_function("7 strategies", |b| {
        b.iter(|| compare(&model, &team, &settings, &strategies))
    });
    g.bench_function("bare loop drawing the same numbers", |b| {
        b.iter(|| draw_only(&model, &team, &settings))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
