//! A number together with where it came from, so every figure on a capacity or forecast screen
//! can answer "why this number?".
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A value and a short sentence saying how it was obtained, e.g.
/// `"14 interrupts pulled people off focus in 60 working person-days: …"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Sourced {
    /// The number.
    pub value: f64,
    /// How it was computed, in plain words.
    pub from: String,
}

impl Sourced {
    /// A value with its explanation.
    pub fn new(value: f64, from: impl Into<String>) -> Self {
        Self {
            value,
            from: from.into(),
        }
    }
}

/// Rounds to two decimals for display in explanations and reported totals.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
