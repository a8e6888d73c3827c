//! The simulator's output for fixed seeds, pinned byte for byte. Written with the simulator as it
//! was before the speed work of issue #12 (commit 79bb086), so any change that makes it faster
//! must give exactly the same numbers for the same seed. Set `UPDATE_GOLDEN=1` only when the
//! model itself is meant to change (and say so in the commit).
use sprintshield_core::simulate::model::{InterruptModel, HOURS};
use sprintshield_core::simulate::{compare, SimTeam, SimulationSettings, Strategy, StrategyKind};

fn every_strategy() -> Vec<Strategy> {
    let mut out = Vec::new();
    for kind in StrategyKind::ALL {
        for backlog_and_wait in [false, true] {
            out.push(Strategy {
                kind: *kind,
                backlog_and_wait,
            });
        }
    }
    out
}

fn cases() -> Vec<(&'static str, InterruptModel, SimTeam, SimulationSettings)> {
    let mut uneven = vec![vec![0.0; HOURS]; 7];
    for (d, row) in uneven.iter_mut().enumerate() {
        for (h, r) in row.iter_mut().enumerate() {
            *r = 0.05 * (d + 1) as f64 + 0.1 * (h % 3) as f64;
        }
    }
    vec![
        (
            "bench model, 10 people",
            InterruptModel {
                rate: vec![vec![0.4; HOURS]; 7],
                urgent_minutes: vec![15, 30, 45, 60, 90],
                other_minutes: vec![5, 10, 20, 30, 45],
                urgent_share: 0.2,
                wait_share: 0.5,
                fitted_to: 0,
                assumptions: Vec::new(),
            },
            SimTeam {
                people: vec![1.0; 10],
                sprint_weekdays: (0..10).map(|d| d % 5).collect(),
                velocity_per_focus_day: Some(1.2),
            },
            SimulationSettings {
                runs: 400,
                ..SimulationSettings::default()
            },
        ),
        (
            "busy uneven log, part-timers, short block",
            InterruptModel {
                rate: uneven,
                urgent_minutes: vec![20, 45, 120, 240],
                other_minutes: vec![5, 15, 30, 60],
                urgent_share: 0.35,
                wait_share: 0.6,
                fitted_to: 0,
                assumptions: Vec::new(),
            },
            SimTeam {
                people: vec![1.0, 0.8, 0.6, 1.0, 0.5],
                sprint_weekdays: vec![0, 1, 2, 3, 4, 0, 1, 2, 3],
                velocity_per_focus_day: None,
            },
            SimulationSettings {
                runs: 300,
                seed: 99,
                recovery_minutes: 10,
                block_minutes: 45,
                ops_share: 0.3,
                escalation_share: 0.5,
            },
        ),
        (
            "overloaded, one person",
            InterruptModel {
                rate: vec![vec![1.5; HOURS]; 7],
                urgent_minutes: vec![30],
                other_minutes: vec![40],
                urgent_share: 0.5,
                wait_share: 0.5,
                fitted_to: 0,
                assumptions: Vec::new(),
            },
            SimTeam {
                people: vec![1.0],
                sprint_weekdays: vec![0, 1, 2, 3, 4],
                velocity_per_focus_day: Some(2.0),
            },
            SimulationSettings {
                runs: 200,
                seed: 3,
                recovery_minutes: 45,
                block_minutes: 120,
                ..SimulationSettings::default()
            },
        ),
    ]
}

#[test]
fn the_same_seed_gives_the_same_numbers_as_before_the_speed_work() {
    let mut text = String::new();
    for (name, model, team, settings) in cases() {
        let results = compare(&model, &team, &settings, &every_strategy());
        text.push_str(&format!("## {name}\n"));
        text.push_str(&serde_json::to_string_pretty(&results).unwrap());
        text.push('\n');
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/simulate_same_seed.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let pinned = std::fs::read_to_string(path).expect("the pinned output exists");
    assert!(
        pinned == text,
        "the simulator's numbers changed for a fixed seed (first difference at line {})",
        pinned
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |i| i + 1)
    );
}
