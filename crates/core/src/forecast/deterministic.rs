//! The deterministic forecast: mean velocity per focus person-day times the planned focus days,
//! and Mike Cohn's 90 % confidence range of velocity.
//!
//! Cohn's range is the confidence interval of the median from order statistics: with `n` past
//! sprints sorted by velocity, drop the `m − 1` lowest and highest, where `m` is the largest rank
//! with P(Binomial(n, ½) < m) ≤ 5 %. That needs at least 5 sprints (n = 5 → the lowest and the
//! highest; n = 8 → the 2nd; n = 11 → the 3rd; …). Independently of that, the chance that the next
//! sprint falls between the lowest and highest of `n` past sprints is (n − 1)/(n + 1).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::history::VelocityPoint;
use crate::capacity::{round2, Sourced};

/// Fewest sprints for Cohn's 90 % range.
pub const MIN_SPRINTS_FOR_RANGE: usize = 5;

/// A range of points with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PointRange {
    /// Lower end, points.
    pub low: f64,
    /// Upper end, points.
    pub high: f64,
    /// How it was obtained.
    pub from: String,
}

/// The deterministic forecast of a sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Deterministic {
    /// Mean velocity per focus person-day over the history.
    pub mean_per_focus_day: Sourced,
    /// Mean velocity times planned focus days, in points.
    pub points: Sourced,
    /// Cohn's 90 % range in points; `None` with fewer than 5 sprints.
    pub range: Option<PointRange>,
    /// Why the range is what it is (or why there is none).
    pub range_note: String,
    /// Lowest and highest past velocity, in points for the planned focus days.
    pub lowest_highest: PointRange,
    /// Chance (0..=1) that the next sprint falls in `lowest_highest`: (n − 1)/(n + 1).
    pub chance_in_lowest_highest: Sourced,
}

/// The deterministic forecast for `planned` focus person-days from non-empty `history`.
pub fn deterministic(history: &[VelocityPoint], planned: f64) -> Deterministic {
    let n = history.len();
    let mut rates: Vec<f64> = history.iter().map(|v| v.per_focus_day).collect();
    rates.sort_by(f64::total_cmp);
    let mean = rates.iter().sum::<f64>() / n as f64;
    let (range, range_note) = cohn_range(&rates, planned);
    let chance = (n as f64 - 1.0) / (n as f64 + 1.0);
    Deterministic {
        mean_per_focus_day: Sourced::new(
            mean,
            format!(
                "mean of {n} past sprints' points per focus person-day: {}",
                round2(mean)
            ),
        ),
        points: Sourced::new(
            round2(mean * planned),
            format!(
                "{} points per focus person-day × {} planned focus person-days",
                round2(mean),
                round2(planned)
            ),
        ),
        range,
        range_note,
        lowest_highest: PointRange {
            low: round2(rates[0] * planned),
            high: round2(rates[n - 1] * planned),
            from: format!(
                "lowest and highest velocity of {n} past sprints × {} focus person-days",
                round2(planned)
            ),
        },
        chance_in_lowest_highest: Sourced::new(
            chance,
            format!(
                "with {n} past sprints the next one falls between the lowest and highest with a chance of \
                 ({n} − 1)/({n} + 1) = {} %",
                (chance * 100.0).round()
            ),
        ),
    }
}

fn cohn_range(sorted: &[f64], planned: f64) -> (Option<PointRange>, String) {
    let n = sorted.len();
    match cohn_rank(n) {
        None => (
            None,
            format!(
                "a 90 % range needs at least {MIN_SPRINTS_FOR_RANGE} closed sprints; there are {n}, so \
                 only the lowest-to-highest range is shown"
            ),
        ),
        Some(m) => {
            let note = format!(
                "{} 90 % range: the {m}{} lowest and highest of {n} sprints",
                "Cohn's",
                ordinal(m)
            );
            let range = PointRange {
                low: round2(sorted[m - 1] * planned),
                high: round2(sorted[n - m] * planned),
                from: note.clone(),
            };
            (Some(range), note)
        }
    }
}

fn ordinal(m: usize) -> &'static str {
    match (m % 10, m % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Cohn's rank `m` for `n` sprints (the `m`-th lowest and highest bound the 90 % range of the
/// median); `None` when `n < 5`.
pub fn cohn_rank(n: usize) -> Option<usize> {
    if n < MIN_SPRINTS_FOR_RANGE {
        return None;
    }
    // Cumulative binomial(n, 1/2) in log space so large histories do not underflow.
    let ln_half_n = -(n as f64) * std::f64::consts::LN_2;
    let mut ln_choose = 0.0_f64; // ln C(n, 0)
    let mut cumulative = 0.0;
    let mut m = 0;
    for k in 0..n {
        cumulative += (ln_choose + ln_half_n).exp();
        if cumulative > 0.05 {
            break;
        }
        m = k + 1;
        ln_choose += ((n - k) as f64).ln() - ((k + 1) as f64).ln();
    }
    (m >= 1).then_some(m)
}
