//! Self-check: for each past sprint, what the Monte Carlo forecast made from the sprints before it
//! said (P50 and P85 for the focus days the sprint really had) against what the team completed.
//! If the model is honest, about 85 % of sprints reach their P85 line.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::history::{velocities, PastSprint};
use super::monte_carlo::simulate;
use super::plan::FocusPlan;
use super::ForecastSettings;
use crate::capacity::{round2, Sourced};
use crate::{Id, Invalid};

/// Fewest earlier sprints a backtested forecast is made from.
pub const MIN_PRIOR_SPRINTS: usize = 3;

/// One past sprint: forecast against outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BacktestRow {
    /// The sprint.
    pub sprint_id: Id,
    /// Its name.
    pub name: String,
    /// How many earlier sprints the forecast used.
    pub sprints_used: u32,
    /// Forecast P50, points.
    pub p50: f64,
    /// Forecast P85, points.
    pub p85: f64,
    /// Points actually completed.
    pub actual: f64,
    /// Whether the team reached the P85 line.
    pub hit: bool,
}

/// The backtest of the whole history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Backtest {
    /// One row per sprint that had enough sprints before it, in order.
    pub rows: Vec<BacktestRow>,
    /// Share of rows that reached their P85 line (0..=1); `None` without rows.
    pub hit_rate: Option<Sourced>,
    /// What the backtest did, or why it has no rows.
    pub note: String,
}

/// Backtests `history` (oldest first). Each row uses `settings` with a seed mixed with the row's
/// position, so the rows are independent and reproducible.
pub fn backtest(history: &[PastSprint], settings: ForecastSettings) -> Result<Backtest, Invalid> {
    settings.validate()?;
    velocities(history)?;
    let rows: Vec<BacktestRow> = (MIN_PRIOR_SPRINTS..history.len())
        .map(|i| row(history, i, settings))
        .collect::<Result<_, _>>()?;
    let hits = rows.iter().filter(|r| r.hit).count();
    let hit_rate = (!rows.is_empty()).then(|| {
        let rate = hits as f64 / rows.len() as f64;
        Sourced::new(
            rate,
            format!(
                "{hits} of {} sprints reached the P85 line their forecast drew ({} %); about 85 % is well calibrated",
                rows.len(),
                round2(rate * 100.0)
            ),
        )
    });
    let note = if rows.is_empty() {
        format!(
            "a backtest needs more than {MIN_PRIOR_SPRINTS} closed sprints (each forecast uses at least \
             {MIN_PRIOR_SPRINTS} earlier ones); there are {}",
            history.len()
        )
    } else {
        format!(
            "each sprint from the {}th on was forecast from the sprints before it, for the focus days it really had",
            MIN_PRIOR_SPRINTS + 1
        )
    };
    Ok(Backtest { rows, hit_rate, note })
}

fn row(history: &[PastSprint], i: usize, settings: ForecastSettings) -> Result<BacktestRow, Invalid> {
    let earlier = velocities(&history[..i])?;
    let target = &history[i];
    let seeded = ForecastSettings {
        seed: settings.seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        ..settings
    };
    let mc = simulate(&earlier, &FocusPlan::flat(target.focus_days), seeded);
    Ok(BacktestRow {
        sprint_id: target.sprint_id,
        name: target.name.clone(),
        sprints_used: i as u32,
        p50: mc.p50,
        p85: mc.p85,
        actual: target.completed_points,
        hit: target.completed_points >= mc.p85,
    })
}
