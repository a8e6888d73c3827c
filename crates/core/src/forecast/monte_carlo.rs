//! The Monte Carlo forecast: each trial draws a velocity per focus person-day from the history
//! (with replacement) and, for every day of the sprint, an interrupt loss rate from the log's
//! per-day distribution; the trial's points are `velocity × (focus days − exposed × loss)`.
//!
//! The loop is tight: the inputs are flattened into plain slices once, the totals live in one
//! buffer allocated before the loop, and percentiles use `select_nth_unstable` instead of a sort.
//! Every calendar day consumes one draw even when nobody works, so a change in availability never
//! shifts the random stream of later trials (more capacity can never lower a confidence level).
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::histogram::{histogram, Histogram};
use super::history::VelocityPoint;
use super::plan::FocusPlan;
use super::ForecastSettings;
use crate::capacity::round2;

/// Points the team reaches with 50, 85 and 95 % confidence (P95 ≤ P85 ≤ P50).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonteCarlo {
    /// Trials run.
    pub trials: u32,
    /// The seed of the random generator (same seed, same result).
    #[ts(type = "number")]
    pub seed: u64,
    /// Points reached in at least half of the trials.
    pub p50: f64,
    /// Points reached in at least 85 % of the trials.
    pub p85: f64,
    /// Points reached in at least 95 % of the trials.
    pub p95: f64,
    /// Points reached in only 15 % of the trials (the top of the likely range P85–P15).
    pub p15: f64,
    /// Mean of all trials.
    pub mean: f64,
    /// Distribution of the trials' points.
    pub histogram: Histogram,
}

/// The flattened inputs of one simulation.
pub(crate) struct Simulator {
    rates: Vec<f64>,
    before: f64,
    exposed: Vec<f64>,
    losses: Vec<f64>,
}

impl Simulator {
    /// Flattens non-empty `history` and `plan`.
    pub(crate) fn new(history: &[VelocityPoint], plan: &FocusPlan) -> Self {
        let draws_losses = !plan.loss_samples.is_empty();
        Self {
            rates: history.iter().map(|v| v.per_focus_day).collect(),
            before: plan.days.iter().map(|d| d.before_interrupts).sum(),
            exposed: if draws_losses {
                plan.days.iter().map(|d| d.exposed).collect()
            } else {
                Vec::new()
            },
            losses: plan.loss_samples.clone(),
        }
    }

    /// Points of one simulated sprint.
    #[inline]
    pub(crate) fn trial(&self, rng: &mut ChaCha8Rng) -> f64 {
        let v = self.rates[rng.random_range(0..self.rates.len() as u32) as usize];
        let n = self.losses.len() as u32;
        let mut loss = 0.0;
        for &e in &self.exposed {
            loss += e * self.losses[rng.random_range(0..n) as usize];
        }
        v * (self.before - loss).max(0.0)
    }

    /// The mean velocity per focus person-day of the history.
    pub(crate) fn mean_rate(&self) -> f64 {
        self.rates.iter().sum::<f64>() / self.rates.len() as f64
    }
}

/// Runs `settings.trials` trials of `plan` from non-empty `history` (validated by the caller).
pub(crate) fn simulate(history: &[VelocityPoint], plan: &FocusPlan, settings: ForecastSettings) -> MonteCarlo {
    let sim = Simulator::new(history, plan);
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut totals = vec![0.0; settings.trials as usize];
    let (mut sum, mut min, mut max) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
    for t in totals.iter_mut() {
        let x = sim.trial(&mut rng);
        *t = x;
        sum += x;
        min = min.min(x);
        max = max.max(x);
    }
    let histogram = histogram(&totals, min, max);
    let [p95, p85, p50, p15] = reached_with(&mut totals, [95, 85, 50, 15]);
    MonteCarlo {
        trials: settings.trials,
        seed: settings.seed,
        p50: round2(p50),
        p85: round2(p85),
        p95: round2(p95),
        p15: round2(p15),
        mean: round2(sum / f64::from(settings.trials)),
        histogram,
    }
}

/// For each confidence (percent, ascending rank order: highest confidence first), the value
/// reached in at least that share of `values`: the `(100 − c)`-th percentile, nearest rank.
/// Reorders `values`.
pub(crate) fn reached_with<const N: usize>(values: &mut [f64], confidences: [u32; N]) -> [f64; N] {
    let n = values.len();
    let ranks = confidences.map(|c| n * (100 - c as usize) / 100);
    select_ranks(values, ranks, f64::total_cmp)
}

/// For each confidence (percent, ascending), the number of sprints within which at least that
/// share of `values` finished: the `c`-th percentile, nearest rank. Reorders `values`.
pub(crate) fn done_within<const N: usize>(values: &mut [u32], confidences: [u32; N]) -> [u32; N] {
    let n = values.len();
    let ranks = confidences.map(|c| (n * c as usize).div_ceil(100).max(1) - 1);
    select_ranks(values, ranks, u32::cmp)
}

/// The order statistics at `ranks` (ascending), each found with `select_nth_unstable_by` inside
/// the part left of the previous one, from the highest rank down.
fn select_ranks<T: Copy, const N: usize>(
    values: &mut [T],
    ranks: [usize; N],
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Copy,
) -> [T; N] {
    debug_assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    let mut out = [values[0]; N];
    let mut upper = values.len();
    for i in (0..N).rev() {
        let k = ranks[i];
        if k < upper {
            values[..upper].select_nth_unstable_by(k, cmp);
            upper = k + 1;
        }
        out[i] = values[k];
    }
    out
}
