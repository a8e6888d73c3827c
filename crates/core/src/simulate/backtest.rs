//! The simulator's self-check on the team's own past: for each closed sprint, the simulator is
//! fitted to what was known the day before it started (the log of the half year before, the
//! velocity of the sprints closed before, the people active then) and asked about the strategy the
//! team actually ran. Its 80 % ranges are then set against what happened:
//! - **focus hours**: the sprint's own logged interrupts (their times, minutes, urgency, who took
//!   them) replayed through the same day model — this checks the interrupt model;
//! - **points**: what the sprint completed — this checks the whole chain, velocity included.
//!
//! An honest 80 % range holds the outcome in about 8 sprints of 10. Nothing is adjusted to make
//! the hit rate look better; a low hit rate is reported as it is, with its likely reason.
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{FIRST_HOUR, HOURS};
use super::run::{compare, drawn_load, replay, Arrival};
use super::team::sim_team;
use super::{SimulationSettings, Spread, Strategy, StrategyKind};
use crate::forecast::TeamData;
use crate::interrupt::Severity;
use crate::rotation::PolicyKind;
use crate::time::DateSpan;
use crate::{Id, Invalid};

/// One past sprint: what the simulator would have said before it, against what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SimBacktestRow {
    /// The sprint.
    pub sprint_id: Id,
    /// Its name.
    pub name: String,
    /// Its days.
    pub days: DateSpan,
    /// The strategy the team ran in it (from its stored turns).
    pub strategy: String,
    /// How that strategy was found, in words.
    pub strategy_from: String,
    /// Interrupts the model was fitted to (0: the stated defaults were used).
    pub fitted_to: usize,
    /// Interrupts the model expected in the sprint (mean and 80 % range).
    pub expected_interrupts: Spread,
    /// Interrupts logged in the sprint's working days.
    pub logged_interrupts: usize,
    /// Hours of interrupt work the model expected (mean and 80 % range).
    pub expected_interrupt_hours: Spread,
    /// Hours of interrupt work logged in the sprint's working days.
    pub logged_interrupt_hours: f64,
    /// Whether the logged hours fell inside the expected 80 % range.
    pub interrupt_hours_hit: bool,
    /// Predicted team focus hours in blocks that count (mean and 80 % range).
    pub predicted_focus_hours: Spread,
    /// The sprint's own log replayed through the same day model.
    pub replayed_focus_hours: f64,
    /// Whether the replayed focus fell inside the predicted 80 % range; `None` when the
    /// strategy's focus does not depend on the interrupts (someone on duty takes them all), so
    /// there is nothing to check.
    pub focus_hit: Option<bool>,
    /// Predicted points (mean and 80 % range), when sprints closed before it gave a velocity.
    pub predicted_points: Option<Spread>,
    /// Points completed.
    pub completed_points: f64,
    /// Whether the completed points fell inside the predicted 80 % range.
    pub points_hit: Option<bool>,
}

/// The backtest over every closed sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SimBacktest {
    /// One row per closed sprint, oldest first.
    pub rows: Vec<SimBacktestRow>,
    /// Sprints whose logged interrupt hours fell in the expected range.
    pub interrupt_hours_hits: usize,
    /// Mean of expected minus logged interrupt hours (positive: expected too many).
    pub interrupt_hours_bias: Option<f64>,
    /// Sprints whose focus could be checked (it depends on the interrupts).
    pub focus_tested: usize,
    /// Of those, sprints whose replayed focus fell in the predicted range.
    pub focus_hits: usize,
    /// Mean of predicted focus minus replayed focus, hours (positive: the simulator expected
    /// more focus than the log gave).
    pub focus_bias_hours: Option<f64>,
    /// Mean absolute difference of predicted and replayed focus, hours.
    pub focus_error_hours: Option<f64>,
    /// Sprints with a points prediction.
    pub points_tested: usize,
    /// Of those, sprints whose completed points fell in the predicted range.
    pub points_hits: usize,
    /// Mean of predicted minus completed points (positive: predicted too many).
    pub points_bias: Option<f64>,
    /// Mean absolute difference of predicted and completed points.
    pub points_error: Option<f64>,
    /// The result in plain words.
    pub summary: String,
    /// What the backtest assumed, in words.
    pub assumptions: Vec<String>,
}

/// Backtests the simulator over the team's closed sprints that ended before `today`, with the
/// recovery, block and run count of `settings`.
pub fn backtest(data: &TeamData, today: NaiveDate, settings: SimulationSettings) -> Result<SimBacktest, Invalid> {
    let settings = settings.validate()?;
    let mut sprints: Vec<_> = data
        .sprints
        .iter()
        .filter(|s| s.is_closed() && s.spec.end < today)
        .collect();
    sprints.sort_by_key(|s| s.spec.start);
    let zone = data.team.spec.zone;
    let mut rows = Vec::new();
    for (k, sprint) in sprints.iter().enumerate() {
        let span = sprint.span();
        let eve = span.first - Duration::days(1);
        // Only what was known the day before: the log before, the sprints closed before.
        let mut before = data.clone();
        before
            .interrupts
            .retain(|i| i.spec.arrived_at.with_timezone(&zone).date_naive() <= eve);
        before.sprints.retain(|s| s.spec.end <= eve);
        let (mut team, model) = sim_team(&before, eve);
        let days: Vec<NaiveDate> = span
            .iter_days()
            .filter(|d| data.team.spec.working_days.includes(*d) && !data.holidays.iter().any(|h| h.date == *d))
            .collect();
        team.sprint_weekdays = days
            .iter()
            .map(|d| d.weekday().num_days_from_monday() as usize)
            .collect();
        let people: Vec<Id> = data
            .members
            .iter()
            .filter(|m| m.spec.can_take_duty && m.is_active_on(eve))
            .map(|m| m.id)
            .collect();
        if team.people.is_empty() || days.is_empty() {
            continue;
        }
        let (strategy, strategy_from) = strategy_in(data, span);
        let row_settings = SimulationSettings {
            seed: settings.seed.wrapping_add(k as u64),
            ..settings
        };
        let predicted = compare(&model, &team, &row_settings, &[strategy]).remove(0);
        let mut arrivals: Vec<Arrival> = Vec::new();
        for i in &data.interrupts {
            let local = i.spec.arrived_at.with_timezone(&zone);
            let Some(day) = days.iter().position(|d| *d == local.date_naive()) else {
                continue;
            };
            let from_nine = local
                .time()
                .signed_duration_since(NaiveTime::from_hms_opt(FIRST_HOUR, 0, 0).unwrap_or_default());
            let minute = (from_nine.num_seconds() as f64 / 60.0).clamp(0.0, (HOURS * 60) as f64 - 1.0);
            let urgent = matches!(i.spec.severity, Severity::Critical | Severity::High);
            let pick = i
                .spec
                .handled_by
                .and_then(|h| people.iter().position(|p| *p == h))
                .map_or(i.id as u32, |p| p as u32);
            arrivals.push(Arrival {
                day,
                minute,
                minutes: f64::from(i.spec.minutes),
                urgent,
                can_wait: !urgent && i.spec.could_have_waited,
                pick,
                escalate: false,
            });
        }
        arrivals.sort_by(|a, b| a.day.cmp(&b.day).then(a.minute.total_cmp(&b.minute)));
        let replayed = replay(&team, &row_settings, strategy, &arrivals);
        let (expected, expected_hours) = drawn_load(&model, &team, &row_settings);
        let logged_hours = arrivals.iter().map(|a| a.minutes).sum::<f64>() / 60.0;
        let varies = predicted.focus_hours.high - predicted.focus_hours.low > 0.01;
        let inside = |s: &Spread, x: f64| s.low - 1e-9 <= x && x <= s.high + 1e-9;
        let completed = sprint.completed_points.unwrap_or(0.0);
        rows.push(SimBacktestRow {
            sprint_id: sprint.id,
            name: sprint.spec.name.clone(),
            days: span,
            strategy: strategy.name(),
            strategy_from,
            fitted_to: model.fitted_to,
            expected_interrupts: expected,
            logged_interrupts: arrivals.len(),
            expected_interrupt_hours: expected_hours,
            logged_interrupt_hours: logged_hours,
            interrupt_hours_hit: inside(&expected_hours, logged_hours),
            focus_hit: varies.then(|| inside(&predicted.focus_hours, replayed)),
            predicted_focus_hours: predicted.focus_hours,
            replayed_focus_hours: replayed,
            points_hit: predicted.points.map(|p| inside(&p, completed)),
            predicted_points: predicted.points,
            completed_points: completed,
        });
    }
    Ok(summarise(rows, &settings))
}

/// The strategy of the policy with turns in `span` whose person on duty keeps the least focus
/// (Phoenix's daily Batman rather than its Dev of the Week); without turns, the current
/// policies; without policies, no shield.
fn strategy_in(data: &TeamData, span: DateSpan) -> (Strategy, String) {
    let zone = data.team.spec.zone;
    let ran: Vec<_> = data
        .policies
        .iter()
        .filter(|p| {
            data.turns.iter().any(|t| {
                t.policy_id == p.id
                    && t.start.with_timezone(&zone).date_naive() <= span.last
                    && t.end.with_timezone(&zone).date_naive() >= span.first
            })
        })
        .collect();
    let (pool, from) = if ran.is_empty() {
        (
            data.policies.iter().collect::<Vec<_>>(),
            "no turns stored for the sprint: today's policies assumed",
        )
    } else {
        (ran, "from the sprint's turns")
    };
    let Some(policy) = pool.iter().min_by_key(|p| p.spec.focus_share_percent) else {
        return (
            Strategy {
                kind: StrategyKind::NoShield,
                backlog_and_wait: false,
            },
            "no duty policy: no shield".to_owned(),
        );
    };
    let kind = match policy.spec.kind {
        PolicyKind::Daily => StrategyKind::Daily,
        PolicyKind::Weekly => StrategyKind::Weekly,
        PolicyKind::Sprint => StrategyKind::PerSprint,
        PolicyKind::Standing => StrategyKind::Standing,
    };
    (
        Strategy {
            kind,
            backlog_and_wait: false,
        },
        format!("\u{201c}{}\u{201d} ({from})", policy.spec.name),
    )
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    for v in values {
        sum += v;
        n += 1;
    }
    (n > 0).then(|| sum / n as f64)
}

fn summarise(rows: Vec<SimBacktestRow>, settings: &SimulationSettings) -> SimBacktest {
    let interrupt_hours_hits = rows.iter().filter(|r| r.interrupt_hours_hit).count();
    let interrupt_hours_bias = mean(
        rows.iter()
            .map(|r| r.expected_interrupt_hours.mean - r.logged_interrupt_hours),
    );
    let checked: Vec<&SimBacktestRow> = rows.iter().filter(|r| r.focus_hit.is_some()).collect();
    let focus_tested = checked.len();
    let focus_hits = checked.iter().filter(|r| r.focus_hit == Some(true)).count();
    let focus_bias_hours = mean(
        checked
            .iter()
            .map(|r| r.predicted_focus_hours.mean - r.replayed_focus_hours),
    );
    let focus_error_hours = mean(
        checked
            .iter()
            .map(|r| (r.predicted_focus_hours.mean - r.replayed_focus_hours).abs()),
    );
    let pointed: Vec<(&SimBacktestRow, Spread)> =
        rows.iter().filter_map(|r| r.predicted_points.map(|p| (r, p))).collect();
    let points_tested = pointed.len();
    let points_hits = pointed.iter().filter(|(r, _)| r.points_hit == Some(true)).count();
    let points_bias = mean(pointed.iter().map(|(r, p)| p.mean - r.completed_points));
    let points_error = mean(pointed.iter().map(|(r, p)| (p.mean - r.completed_points).abs()));
    let summary = if rows.is_empty() {
        "No closed sprint to check the simulator against yet.".to_owned()
    } else {
        let n = rows.len();
        let mut s = format!(
            "Checked against {n} past sprint{}, each predicted from what was known before it (an honest 80 % range holds about 8 in 10). Interrupt hours: the logged hours fell inside the predicted range in {interrupt_hours_hits} of {n}",
            if n == 1 { "" } else { "s" },
        );
        if let Some(bias) = interrupt_hours_bias {
            s.push_str(&format!(
                " (predicted {:.0} hours too {} on average)",
                bias.abs(),
                if bias >= 0.0 { "many" } else { "few" }
            ));
        }
        s.push('.');
        if focus_tested == 0 {
            s.push_str(" Focus: not checked, because with someone on duty taking every interrupt the team's focus does not depend on them in this model.");
        } else {
            s.push_str(&format!(
                " Focus: the sprint's own log replayed gave focus inside the predicted range in {focus_hits} of {focus_tested}"
            ));
            if let (Some(bias), Some(err)) = (focus_bias_hours, focus_error_hours) {
                s.push_str(&format!(
                    ", off by {err:.0} team hours on average ({} by {:.0})",
                    if bias >= 0.0 { "too high" } else { "too low" },
                    bias.abs()
                ));
            }
            s.push('.');
        }
        if pointed.is_empty() {
            s.push_str(" Points: not predicted, no sprint had closed sprints before it to give a velocity.");
        } else {
            s.push_str(&format!(
                " Points: completed points fell inside the predicted range in {points_hits} of {points_tested}"
            ));
            if let (Some(bias), Some(err)) = (points_bias, points_error) {
                s.push_str(&format!(
                    ", off by {err:.1} points on average ({} by {:.1})",
                    if bias >= 0.0 { "too many" } else { "too few" },
                    bias.abs()
                ));
            }
            s.push('.');
            if points_hits * 10 < points_tested * 6 {
                s.push_str(
                    " The points range is too narrow to commit to: it carries only the interrupts' chance, not how much a focus day delivers from sprint to sprint, and the simulator's focus leaves out time off and meetings the velocity was measured against. Use the simulator to compare strategies, and the Forecast screen's range to commit.",
                );
            }
        }
        s
    };
    let assumptions = vec![
        "each sprint is predicted from what was known the day before it started: the interrupt log of the half year before (from its first entry on), the velocity per focus day of the sprints closed before, the people active then".to_owned(),
        "the strategy is the one the team ran (the policy with turns in the sprint that leaves its person on duty the least focus); backlog-and-wait is not assumed".to_owned(),
        format!(
            "\"replayed\" focus puts the sprint's logged interrupts (their times, minutes, urgency and, with nobody on duty, who took them) through the same day model: {} minutes of recovery, blocks of {} minutes; time off is not modelled",
            settings.recovery_minutes, settings.block_minutes
        ),
        format!("{} simulated sprints per past sprint, seed {} plus the sprint's position", settings.runs, settings.seed),
    ];
    SimBacktest {
        rows,
        interrupt_hours_hits,
        interrupt_hours_bias,
        focus_tested,
        focus_hits,
        focus_bias_hours,
        focus_error_hours,
        points_tested,
        points_hits,
        points_bias,
        points_error,
        summary,
        assumptions,
    }
}
