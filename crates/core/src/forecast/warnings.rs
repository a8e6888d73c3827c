//! Warnings when the plan lies outside what the history has seen, so nobody trusts a forecast
//! further than its data.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::deterministic::MIN_SPRINTS_FOR_RANGE;
use super::history::{PastSprint, VelocityPoint};
use super::plan::FocusPlan;
use crate::capacity::days_text;
use crate::named_enum;

named_enum! {
    /// What about the plan or the history makes the forecast less certain.
    pub enum WarningKind ("warning") {
        FewSprints = "few_sprints", "Few past sprints";
        FocusBelowHistory = "focus_below_history", "Fewer focus days than any past sprint";
        FocusAboveHistory = "focus_above_history", "More focus days than any past sprint";
        MorePeopleOut = "more_people_out", "More people out at once than ever before";
    }
}

/// One warning with a sentence for the scrum master.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ForecastWarning {
    /// Which warning.
    pub kind: WarningKind,
    /// What it means for this plan.
    pub message: String,
}

/// Every warning that applies to forecasting `plan` from `history` (non-empty, validated).
pub(crate) fn warnings(history: &[PastSprint], velocities: &[VelocityPoint], plan: &FocusPlan) -> Vec<ForecastWarning> {
    let mut out = Vec::new();
    let n = velocities.len();
    if n < MIN_SPRINTS_FOR_RANGE {
        out.push(warn(
            WarningKind::FewSprints,
            format!(
                "only {n} closed {}: too few to say how wide the range really is (that takes at least \
                 {MIN_SPRINTS_FOR_RANGE}); the next sprint lands between the lowest and highest so far only {} % \
                 of the time",
                if n == 1 { "sprint" } else { "sprints" },
                ((n as f64 - 1.0) / (n as f64 + 1.0) * 100.0).round()
            ),
        ));
    }
    let planned = plan.net_focus_days();
    let lo = velocities.iter().map(|v| v.focus_days).fold(f64::INFINITY, f64::min);
    let hi = velocities.iter().map(|v| v.focus_days).fold(0.0, f64::max);
    if planned < lo {
        out.push(warn(
            WarningKind::FocusBelowHistory,
            format!(
                "the plan has {} focus person-days, fewer than any past sprint (lowest {}); velocity per focus day \
                 may not hold that far out",
                days_text(planned),
                days_text(lo)
            ),
        ));
    } else if planned > hi {
        out.push(warn(
            WarningKind::FocusAboveHistory,
            format!(
                "the plan has {} focus person-days, more than any past sprint (highest {})",
                days_text(planned),
                days_text(hi)
            ),
        ));
    }
    out.extend(people_out(history, plan));
    out
}

fn people_out(history: &[PastSprint], plan: &FocusPlan) -> Option<ForecastWarning> {
    let planned = plan.most_people_out?;
    let seen = history.iter().filter_map(|s| s.most_people_out).max()?;
    (planned > seen).then(|| {
        warn(
            WarningKind::MorePeopleOut,
            format!(
                "{planned} people are out at once in this sprint; no past sprint had more than {seen}, so the \
                 history says little about how the team copes"
            ),
        )
    })
}

fn warn(kind: WarningKind, message: String) -> ForecastWarning {
    ForecastWarning { kind, message }
}
