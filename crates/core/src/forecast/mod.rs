//! Forecast: what a team can commit to, as a range with reasons, never a single made-up number.
//!
//! History is a list of closed sprints with their completed points and focus person-days
//! ([`PastSprint`]); each gives a velocity per focus person-day. From it:
//! - [`headline`]: the one sentence to read first ("Commit to 29 points (85 % likely; 33 half the
//!   time). Capacity 30.5 focus days of 48: −11.5 on duty, …"), whole points, few sprints said so;
//! - [`forecast`]: the deterministic forecast (mean and Cohn's 90 % range), the Monte Carlo
//!   forecast (P50/P85/P95 and a histogram, seeded and reproducible) and warnings when the plan
//!   is outside the data;
//! - [`sprints_to_done`]: how many sprints a backlog takes at P50/P85/P95;
//! - [`backtest`]: what the forecast would have said for each past sprint, and its P85 hit rate.
//!
//! The planned sprint comes in as a [`FocusPlan`], usually [`FocusPlan::from_report`] of the
//! sprint's capacity report.
mod backlog;
mod backtest;
mod deterministic;
mod edit_capacity;
mod for_sprint;
mod headline;
mod histogram;
mod history;
mod monte_carlo;
mod plan;
mod warnings;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use backlog::{sprints_to_done, BacklogForecast, SprintCount, MAX_SPRINTS};
pub use backtest::{backtest, Backtest, BacktestRow, MIN_PRIOR_SPRINTS};
pub use deterministic::{cohn_rank, deterministic, Deterministic, PointRange, MIN_SPRINTS_FOR_RANGE};
pub use edit_capacity::capacity_change;
pub use for_sprint::{
    backlog_forecast, default_sprint, sprint_capacity, sprint_forecast, sprint_or_default, team_backtest,
    SprintCapacity, SprintForecast, TeamBacktest, TeamData,
};
pub use headline::{
    capacity_sentence, headline, most_confidence, sprints_for_confidence, Headline, LikelyRange, Percentile,
    COMMIT_PERCENT,
};
pub use histogram::{Bin, Histogram};
pub use history::{velocities, PastSprint, VelocityPoint};
pub use monte_carlo::MonteCarlo;
pub use plan::{FocusPlan, PlanDay};
pub use warnings::{ForecastWarning, WarningKind};

use crate::capacity::{round2, Sourced};
use crate::Invalid;

/// Default number of Monte Carlo trials.
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Most Monte Carlo trials allowed.
pub const MAX_TRIALS: u32 = 1_000_000;
/// Default seed, so a forecast without an explicit seed is still reproducible.
pub const DEFAULT_SEED: u64 = 20_161_202;

/// How the Monte Carlo forecast runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ForecastSettings {
    /// Number of trials, 1 to 1 000 000.
    pub trials: u32,
    /// Seed of the random generator.
    #[ts(type = "number")]
    pub seed: u64,
}

impl Default for ForecastSettings {
    fn default() -> Self {
        Self {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }
    }
}

impl ForecastSettings {
    /// Settings with `trials` (validated) and `seed`.
    pub fn new(trials: u32, seed: u64) -> Result<Self, Invalid> {
        let s = Self { trials, seed };
        s.validate()?;
        Ok(s)
    }

    /// Rejects a number of trials outside 1..=1 000 000.
    pub fn validate(&self) -> Result<(), Invalid> {
        if !(1..=MAX_TRIALS).contains(&self.trials) {
            return Err(Invalid::new(
                "trials",
                format!("use between 1 and {MAX_TRIALS} trials, not {}", self.trials),
            ));
        }
        Ok(())
    }
}

/// The forecast of one planned sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Forecast {
    /// Focus person-days the plan expects (after the expected interrupt cost).
    pub planned_focus_days: Sourced,
    /// The history used, oldest first.
    pub history: Vec<VelocityPoint>,
    /// Mean and Cohn's 90 % range.
    pub deterministic: Deterministic,
    /// Simulated P50/P85/P95 and the distribution.
    pub monte_carlo: MonteCarlo,
    /// Where the plan is outside the data.
    pub warnings: Vec<ForecastWarning>,
}

/// Forecasts `plan` from `history` (oldest first). Same input and seed, same result.
pub fn forecast(history: &[PastSprint], plan: &FocusPlan, settings: ForecastSettings) -> Result<Forecast, Invalid> {
    settings.validate()?;
    plan.validate()?;
    let velocities = velocities(history)?;
    let planned = plan.net_focus_days();
    Ok(Forecast {
        planned_focus_days: Sourced::new(
            planned,
            format!(
                "{} focus person-days after duty, minus {} person-days per reachable person-day for interrupts",
                round2(planned),
                round2(plan.expected_loss_rate)
            ),
        ),
        deterministic: deterministic(&velocities, planned),
        monte_carlo: monte_carlo::simulate(&velocities, plan, settings),
        warnings: warnings::warnings(history, &velocities, plan),
        history: velocities,
    })
}

/// Runs only the Monte Carlo part of [`forecast`] (for benchmarks and what-if loops).
pub fn monte_carlo(
    history: &[PastSprint],
    plan: &FocusPlan,
    settings: ForecastSettings,
) -> Result<MonteCarlo, Invalid> {
    settings.validate()?;
    plan.validate()?;
    let velocities = velocities(history)?;
    Ok(monte_carlo::simulate(&velocities, plan, settings))
}

/// Random numbers one Monte Carlo trial of `plan` draws (for the benchmark's bare-loop baseline).
pub fn draws_per_trial(plan: &FocusPlan) -> usize {
    let days = if plan.loss_samples.is_empty() {
        0
    } else {
        plan.days.len()
    };
    1 + days
}
