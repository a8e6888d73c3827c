//! "When will it be done": how many sprints a backlog takes at 50, 85 and 95 % confidence,
//! assuming every future sprint looks like the planned one. Each trial simulates sprint after
//! sprint (fresh draws each time) until the backlog is done, so good and bad sprints average out
//! the way they do in reality.
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::history::{velocities, PastSprint};
use super::monte_carlo::{done_within, Simulator};
use super::plan::FocusPlan;
use super::ForecastSettings;
use crate::capacity::round2;
use crate::Invalid;

/// Most sprints a backlog forecast looks ahead.
pub const MAX_SPRINTS: u32 = 500;
/// Most simulated sprints (trials × expected sprints) one backlog forecast may run.
const MAX_WORK: f64 = 50_000_000.0;

/// Sprints needed to finish a backlog (P50 ≤ P85 ≤ P95).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BacklogForecast {
    /// Backlog size in points.
    pub backlog_points: f64,
    /// Sprints within which half of the trials finished.
    pub p50_sprints: u32,
    /// Sprints within which 85 % of the trials finished.
    pub p85_sprints: u32,
    /// Sprints within which 95 % of the trials finished.
    pub p95_sprints: u32,
    /// Mean number of sprints.
    pub mean_sprints: f64,
    /// How many trials finished after each number of sprints, fewest sprints first.
    pub distribution: Vec<SprintCount>,
    /// Trials run.
    pub trials: u32,
    /// Seed used.
    #[ts(type = "number")]
    pub seed: u64,
    /// What was assumed.
    pub from: String,
}

/// Trials that finished after exactly `sprints` sprints.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintCount {
    /// Number of sprints.
    pub sprints: u32,
    /// Trials that needed exactly that many.
    pub trials: u32,
}

/// Forecasts the sprints needed for `backlog_points` when every sprint is like `plan`.
pub fn sprints_to_done(
    history: &[PastSprint],
    plan: &FocusPlan,
    backlog_points: f64,
    settings: ForecastSettings,
) -> Result<BacklogForecast, Invalid> {
    settings.validate()?;
    plan.validate()?;
    let velocities = velocities(history)?;
    let sim = Simulator::new(&velocities, plan);
    check_backlog(backlog_points, &sim, plan, settings)?;
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut counts: Vec<u32> = (0..settings.trials)
        .map(|_| one_backlog(&sim, &mut rng, backlog_points))
        .collect();
    let mean = counts.iter().map(|&c| f64::from(c)).sum::<f64>() / f64::from(settings.trials);
    let distribution = distribution(&counts);
    let [p50, p85, p95] = done_within(&mut counts, [50, 85, 95]);
    Ok(BacklogForecast {
        backlog_points,
        p50_sprints: p50,
        p85_sprints: p85,
        p95_sprints: p95,
        mean_sprints: round2(mean),
        distribution,
        trials: settings.trials,
        seed: settings.seed,
        from: format!(
            "{} trials, each running sprints like the planned one ({} focus person-days) until {} points are done",
            settings.trials,
            round2(plan.net_focus_days()),
            backlog_points
        ),
    })
}

/// Sprints one trial needs (at most [`MAX_SPRINTS`]).
fn one_backlog(sim: &Simulator, rng: &mut ChaCha8Rng, backlog: f64) -> u32 {
    let mut done = 0.0;
    for sprint in 1..=MAX_SPRINTS {
        done += sim.trial(rng);
        if done >= backlog {
            return sprint;
        }
    }
    MAX_SPRINTS
}

fn distribution(counts: &[u32]) -> Vec<SprintCount> {
    let mut map = std::collections::BTreeMap::new();
    for &c in counts {
        *map.entry(c).or_insert(0u32) += 1;
    }
    map.into_iter()
        .map(|(sprints, trials)| SprintCount { sprints, trials })
        .collect()
}

fn check_backlog(backlog: f64, sim: &Simulator, plan: &FocusPlan, settings: ForecastSettings) -> Result<(), Invalid> {
    if !backlog.is_finite() || backlog <= 0.0 || backlog > 1_000_000.0 {
        return Err(Invalid::new(
            "backlog",
            format!("the backlog must be more than 0 and at most 1000000 points, not {backlog}"),
        ));
    }
    let per_sprint = sim.mean_rate() * plan.net_focus_days();
    if per_sprint <= 0.0 {
        return Err(Invalid::new(
            "backlog",
            "the plan has no focus capacity or the history no completed points, so the backlog would never be done",
        ));
    }
    let expected = backlog / per_sprint;
    if expected > f64::from(MAX_SPRINTS) {
        return Err(Invalid::new(
            "backlog",
            format!(
                "at the average past pace this backlog takes about {} sprints; a forecast cannot look that far \
                 (at most {MAX_SPRINTS})",
                expected.ceil()
            ),
        ));
    }
    if expected * f64::from(settings.trials) > MAX_WORK {
        let most = (MAX_WORK / expected).floor();
        return Err(Invalid::new(
            "trials",
            format!(
                "a backlog of about {} sprints needs fewer trials; use at most {most}",
                expected.ceil()
            ),
        ));
    }
    Ok(())
}
