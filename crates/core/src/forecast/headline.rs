//! The one sentence a scrum master reads first, computed from the same numbers as the details so
//! the CLI and the app say the same thing:
//!
//! > Commit to 29 points (85 % likely; 33 half the time). Capacity 30.5 focus days of 48:
//! > −11.5 on duty, −5 Ben's vacation, −1 interrupts.
//!
//! Points are whole and rounded *down* (a value reached in at least 85 % of the trials is still
//! reached when rounded down); the likely range's top is rounded up. Focus days keep one decimal.
//!
//! Few sprints: with `n` past sprints, the chance that the next one falls below the lowest so far
//! is 1/(n + 1), whatever the method — so `n` sprints can back a confidence of at most n/(n + 1).
//! 85 % needs 6 sprints, 95 % needs 19. Below that the simulation's P85 and P95 both collapse onto
//! the lowest sprint; instead of printing equal percentiles, the headline says how sure the data
//! can be, and the details leave out each percentile the history cannot back.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Forecast;
use crate::capacity::{days_text, CapacityBreakdown};

/// The confidence the headline commits at, percent.
pub const COMMIT_PERCENT: u32 = 85;

/// The headline of a sprint forecast and the few numbers it is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Headline {
    /// The whole sentence: what to commit to and why, in whole points.
    pub sentence: String,
    /// Points to commit to (the P85, rounded down).
    pub commit_points: i64,
    /// How likely the team reaches `commit_points`, percent: 85, or less when the history is too
    /// short to back 85 % (n/(n + 1) with n past sprints).
    pub commit_percent: u32,
    /// Points reached half the time (the P50, rounded down).
    pub half_points: i64,
    /// The one range to show, in plain words.
    pub range: LikelyRange,
    /// "Capacity 30.5 focus days of 48: −11.5 on duty, …" on its own.
    pub capacity: String,
    /// P50, P85, P95 for the details, each left out when the history cannot back it.
    pub percentiles: Vec<Percentile>,
}

/// Where the sprint will most likely land.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LikelyRange {
    /// Lower end, whole points (the P85, rounded down).
    pub low: i64,
    /// Upper end, whole points (the P15, rounded up).
    pub high: i64,
    /// The range in a sentence, with how often a sprint lands in it.
    pub sentence: String,
}

/// One confidence line for the "how this is computed" details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Percentile {
    /// Confidence, percent (50, 85, 95).
    pub percent: u32,
    /// Points reached with that confidence, rounded down; `None` when the history is too short.
    pub points: Option<i64>,
    /// What the line means, or why it is left out.
    pub note: String,
}

/// Fewest past sprints that can back a confidence of `percent` (n/(n + 1) ≥ percent/100):
/// 1 for 50 %, 6 for 85 %, 19 for 95 %.
pub fn sprints_for_confidence(percent: u32) -> usize {
    let p = percent.min(99) as usize;
    p.div_ceil(100 - p)
}

/// The highest confidence `n` past sprints can back, percent, rounded down: ⌊100·n/(n + 1)⌋.
pub fn most_confidence(n: usize) -> u32 {
    (100 * n / (n + 1)) as u32
}

fn floor(x: f64) -> i64 {
    (x + 1e-9).floor() as i64
}

fn ceil(x: f64) -> i64 {
    (x - 1e-9).ceil() as i64
}

/// The headline of forecast `f` for a sprint whose capacity is `b`.
pub fn headline(f: &Forecast, b: &CapacityBreakdown) -> Headline {
    let n = f.history.len();
    let mc = &f.monte_carlo;
    let commit_points = floor(mc.p85);
    let half_points = floor(mc.p50);
    let backed = n >= sprints_for_confidence(COMMIT_PERCENT);
    let commit_percent = if backed { COMMIT_PERCENT } else { most_confidence(n) };
    let sprints = if n == 1 {
        "1 past sprint".to_owned()
    } else {
        format!("{n} past sprints")
    };
    let likely = if backed {
        format!("{commit_percent} % likely")
    } else {
        format!("only {sprints}, so at best {commit_percent} % likely")
    };
    let capacity = capacity_sentence(b);
    let sentence = format!("Commit to {commit_points} points ({likely}; {half_points} half the time). {capacity}");
    let (low, high) = (commit_points, ceil(mc.p15).max(commit_points));
    let range_sentence = if backed {
        format!("Likely range: {low}–{high} points; 7 sprints in 10 land here.")
    } else if n == 1 {
        format!("Likely range: {low}–{high} points, but 1 past sprint cannot say how wide the range really is.")
    } else {
        format!(
            "Likely range: {low}–{high} points; {sprints} cannot back \"7 in 10\", so the real range is likely wider."
        )
    };
    Headline {
        sentence,
        commit_points,
        commit_percent,
        half_points,
        range: LikelyRange {
            low,
            high,
            sentence: range_sentence,
        },
        capacity,
        percentiles: [(50, mc.p50), (COMMIT_PERCENT, mc.p85), (95, mc.p95)]
            .into_iter()
            .map(|(p, v)| percentile(p, v, n, mc.trials))
            .collect(),
    }
}

fn percentile(percent: u32, value: f64, n: usize, trials: u32) -> Percentile {
    let need = sprints_for_confidence(percent);
    if n >= need {
        Percentile {
            percent,
            points: Some(floor(value)),
            note: format!("reached in {percent} % of {trials} simulated sprints"),
        }
    } else {
        Percentile {
            percent,
            points: None,
            note: format!(
                "not shown — backing {percent} % needs at least {need} past sprints; with {n}, the \
                 simulation can only repeat the lowest sprint so far"
            ),
        }
    }
}

/// "Capacity 30.5 focus days of 48: −11.5 on duty, −5 Ben's vacation, −1 interrupts."
pub fn capacity_sentence(b: &CapacityBreakdown) -> String {
    let head = format!(
        "Capacity {} focus days of {}",
        days_text(b.focus_days),
        days_text(b.nominal)
    );
    let causes: Vec<String> = b
        .causes
        .iter()
        .filter(|c| days_text(c.days) != "0")
        .map(|c| format!("−{} {}", days_text(c.days), c.label))
        .collect();
    if causes.is_empty() {
        format!("{head}: nobody away or on duty, no interrupts.")
    } else {
        format!("{head}: {}.", causes.join(", "))
    }
}
