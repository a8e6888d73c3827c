//! The strategy simulator: which shield fits this team? Every strategy of seed 000 — no shield,
//! a share of everyone's time for operations, a daily Batman, a weekly Op of the Week with a Dev
//! of the Week behind, one developer out per sprint, the tech lead as a standing shield, and
//! backlog-and-wait for what can wait (combinable with any) — is run over the same simulated
//! sprints, drawn from the team's own interrupt log ([`model::InterruptModel`]).
//!
//! **How a day is counted.** Each developer has an 8-hour day. An interrupt handed to someone
//! costs its minutes plus the recovery (default 23 minutes); a second one that arrives while they
//! are busy waits. What is left between busy stretches counts as focus only when it is at least
//! the focus block long (default 90 minutes). The person on duty does no sprint work: the time
//! interrupts leave them (each interrupt costs them its recovery too: it pulls them off their
//! chores) is reported as chores and toil reduction, never as points. Work that runs past the end
//! of the day is taken from focus all the same. Backlog-and-
//! wait sends the interrupts that could wait to the end of the day: they cost their minutes, no
//! recovery, and break no block. "Share of time for ops" sets that share of everyone's day aside,
//! while interrupts still arrive when they arrive (what seed 000's team found). Nothing here is
//! tuned so that a shield wins: with no interrupts, no shield keeps everyone's focus and wins.
//!
//! Same settings and seed, same result: every strategy sees the same arrivals (common random
//! numbers), so differences come from the strategy, not the draw.
mod backtest;
mod flips;
pub mod model;
mod run;
mod team;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Invalid;
pub use backtest::{backtest, SimBacktest, SimBacktestRow};
pub use model::InterruptModel;
pub use run::{compare, draw_only, simulate, SimTeam};
pub use team::{sim_team, FIT_DAYS};

/// Default recovery after an interrupt, in minutes (Mark et al. 2008: about 23 minutes).
pub const DEFAULT_RECOVERY_MINUTES: u32 = 23;
/// Default shortest stretch that still counts as deep work, in minutes.
pub const DEFAULT_BLOCK_MINUTES: u32 = 90;
/// The recovery values the sensitivity table tries.
pub const RECOVERY_RANGE: [u32; 4] = [0, 10, 23, 45];
/// The block lengths the sensitivity table tries.
pub const BLOCK_RANGE: [u32; 4] = [0, 45, 90, 120];

crate::named_enum! {
    /// A way of shielding the team.
    pub enum StrategyKind ("strategy") {
        NoShield = "no_shield", "No shield: interrupts go to whoever is asked", ["none"];
        OpsShare = "ops_share", "A share of everyone's time set aside for operations", ["percent", "ops_percent"];
        Daily = "daily", "A daily Batman", ["batman"];
        Weekly = "weekly", "A weekly Op of the Week with a Dev of the Week behind", ["op_of_the_week", "ow"];
        PerSprint = "per_sprint", "One developer out per sprint", ["sprint"];
        Standing = "standing", "The tech lead as a standing shield", ["tech_lead", "lead"];
    }
}

/// A strategy as simulated: a kind, with or without backlog-and-wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Strategy {
    /// The kind of shield.
    pub kind: StrategyKind,
    /// Interrupts that could wait go to the end of the day.
    pub backlog_and_wait: bool,
}

impl Strategy {
    /// Its name, e.g. "daily" or "daily+wait".
    pub fn name(&self) -> String {
        if self.backlog_and_wait {
            format!("{}+wait", self.kind.name())
        } else {
            self.kind.name().to_owned()
        }
    }

    /// Parses "daily", "no-shield+wait", "wait" (= no shield with backlog-and-wait).
    pub fn parse(text: &str) -> Result<Strategy, Invalid> {
        let t = text.trim().to_ascii_lowercase();
        if t == "wait" || t == "backlog" || t == "backlog_and_wait" {
            return Ok(Strategy {
                kind: StrategyKind::NoShield,
                backlog_and_wait: true,
            });
        }
        let (kind, wait) = match t.strip_suffix("+wait") {
            Some(k) => (k, true),
            None => (t.as_str(), false),
        };
        Ok(Strategy {
            kind: StrategyKind::parse(kind)?,
            backlog_and_wait: wait,
        })
    }

    /// The seven strategies of the issue: the six shields, and backlog-and-wait on its own.
    pub fn all() -> Vec<Strategy> {
        let mut out: Vec<Strategy> = StrategyKind::ALL
            .iter()
            .map(|&kind| Strategy {
                kind,
                backlog_and_wait: false,
            })
            .collect();
        out.push(Strategy {
            kind: StrategyKind::NoShield,
            backlog_and_wait: true,
        });
        out
    }
}

/// How the simulation runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct SimulationSettings {
    /// Simulated sprints per strategy.
    pub runs: u32,
    /// Seed of the random generator.
    #[ts(type = "number")]
    pub seed: u64,
    /// Minutes of recovery after each interrupt.
    pub recovery_minutes: u32,
    /// The shortest stretch that counts as deep work, in minutes.
    pub block_minutes: u32,
    /// Share of everyone's day set aside by the "ops share" strategy (0–1).
    pub ops_share: f64,
    /// Share of urgent interrupts the Op of the Week escalates to the Dev of the Week (0–1).
    pub escalation_share: f64,
}

impl Default for SimulationSettings {
    fn default() -> Self {
        SimulationSettings {
            runs: 2000,
            seed: 7,
            recovery_minutes: DEFAULT_RECOVERY_MINUTES,
            block_minutes: DEFAULT_BLOCK_MINUTES,
            ops_share: 0.2,
            escalation_share: 0.3,
        }
    }
}

impl SimulationSettings {
    /// Checks the ranges: 1–100 000 runs, recovery 0–240 minutes, block 0–480, shares 0–1.
    pub fn validate(self) -> Result<SimulationSettings, Invalid> {
        if !(1..=100_000).contains(&self.runs) {
            return Err(Invalid::new("runs", "run between 1 and 100000 simulated sprints"));
        }
        if self.recovery_minutes > 240 {
            return Err(Invalid::new(
                "recovery_minutes",
                "recovery must be between 0 and 240 minutes",
            ));
        }
        if self.block_minutes > 480 {
            return Err(Invalid::new(
                "block_minutes",
                "a focus block must be between 0 and 480 minutes",
            ));
        }
        for (field, v) in [
            ("ops_share", self.ops_share),
            ("escalation_share", self.escalation_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Invalid::new(field, "a share must be between 0 and 1"));
            }
        }
        Ok(self)
    }
}

/// A value over the simulated sprints: its mean and the range that holds 80 % of them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Spread {
    /// Mean.
    pub mean: f64,
    /// 10th percentile.
    pub low: f64,
    /// 90th percentile.
    pub high: f64,
}

/// What one strategy gave over the simulated sprints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StrategyResult {
    /// The strategy.
    pub strategy: Strategy,
    /// Its name, e.g. "daily+wait".
    pub name: String,
    /// What it is, in words.
    pub label: String,
    /// Team hours of focus in blocks that count, per sprint.
    pub focus_hours: Spread,
    /// Hours of interrupt work per sprint (the same draw for every strategy).
    pub interrupt_hours: f64,
    /// Points per sprint (focus days × the team's velocity per focus day), when it is known.
    pub points: Option<Spread>,
    /// Interrupts that broke a developer's focus, per developer per sprint.
    pub context_switches_per_dev: f64,
    /// Minutes from arrival to the start of handling of urgent interrupts: median.
    pub first_response_p50: f64,
    /// The same, 95th percentile.
    pub first_response_p95: f64,
    /// Share of duty days with more interrupt work than the day has hours.
    pub duty_overload_chance: f64,
    /// Days per sprint with more than 2 urgent interrupts on one person (SRE: 2 per shift).
    pub breaches_per_sprint: f64,
    /// Hours per sprint the duty person has left for chores and toil reduction.
    pub chores_hours: f64,
    /// Interrupt minutes of the most loaded person against the average (1 = even).
    pub load_spread: f64,
}

/// Which strategy wins for one pair of assumptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SensitivityCell {
    /// Recovery minutes tried.
    pub recovery_minutes: u32,
    /// Focus block minutes tried.
    pub block_minutes: u32,
    /// The strategy with the most focus hours.
    pub winner: String,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Simulation {
    /// The model the sprints were drawn from.
    pub model: InterruptModel,
    /// The settings.
    pub settings: SimulationSettings,
    /// One result per strategy, most focus first.
    pub results: Vec<StrategyResult>,
    /// The strategy with the most focus hours.
    pub winner: String,
    /// The winner across the recovery × block ranges.
    pub sensitivity: Vec<SensitivityCell>,
    /// Whether the winner changes anywhere in those ranges.
    pub winner_flips: bool,
    /// What should worry the scrum master (an overloaded duty person).
    pub warnings: Vec<String>,
    /// Everything assumed, in words.
    pub assumptions: Vec<String>,
    /// One plain sentence: who wins, by how much, and how sure.
    pub summary: String,
}
