//! `sprintshield simulate`: which shield fits the team, on its own interrupt log.
use clap::Args;
use sprintshield_core::simulate::{SimBacktest, Simulation, SimulationSettings, Spread, Strategy};
use sprintshield_core::AppError;

use crate::output::json;
use crate::{say, Ctx};

/// Arguments of `simulate`.
#[derive(Args)]
pub struct SimulateArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// Strategies to compare, comma-separated (no_shield, ops_share, daily, weekly, per_sprint,
    /// standing; "+wait" adds backlog-and-wait, "wait" alone is no shield with it); all by default.
    #[arg(long, value_delimiter = ',')]
    strategies: Vec<String>,
    /// Simulated sprints per strategy.
    #[arg(long, default_value_t = 2000)]
    runs: u32,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Minutes of recovery after each interrupt.
    #[arg(long, default_value_t = sprintshield_core::simulate::DEFAULT_RECOVERY_MINUTES)]
    recovery_minutes: u32,
    /// The shortest stretch that counts as deep work, in minutes.
    #[arg(long, default_value_t = sprintshield_core::simulate::DEFAULT_BLOCK_MINUTES)]
    block_minutes: u32,
    /// Check the simulator against the team's closed sprints instead: each predicted from what
    /// was known the day before it, for the strategy the team ran, against what happened.
    #[arg(long)]
    backtest: bool,
}

fn print_backtest(b: &SimBacktest) {
    say!("{}", b.summary);
    say!(
        "{:<14} {:<10} {:>14} {:>6} {:>14} {:>6} {:>16} {:>8} {:>13} {:>6}",
        "SPRINT",
        "STRATEGY",
        "INTERRUPTS",
        "LOGGED",
        "INT HOURS",
        "LOGGED",
        "FOCUS H",
        "REPLAYED",
        "POINTS",
        "DONE"
    );
    let range = |s: &Spread, d: usize| format!("{:.d$} ({:.d$}–{:.d$})", s.mean, s.low, s.high);
    let mark = |hit: Option<bool>| match hit {
        Some(true) => " ✓",
        Some(false) => " ✗",
        None => "  ",
    };
    for r in &b.rows {
        say!(
            "{:<14} {:<10} {:>14} {:>6} {:>14} {:>4.0}{} {:>16} {:>6.0}{} {:>13} {:>4.0}{}",
            r.name,
            r.strategy,
            range(&r.expected_interrupts, 0),
            r.logged_interrupts,
            range(&r.expected_interrupt_hours, 0),
            r.logged_interrupt_hours,
            mark(Some(r.interrupt_hours_hit)),
            range(&r.predicted_focus_hours, 0),
            r.replayed_focus_hours,
            mark(r.focus_hit),
            r.predicted_points.map_or("-".to_owned(), |p| range(&p, 0)),
            r.completed_points,
            mark(r.points_hit)
        );
    }
    say!("(ranges hold 80 % of simulated sprints; ✓ inside, ✗ outside)");
    say!("assumptions:");
    for a in &b.assumptions {
        say!("  - {a}");
    }
}

fn print(sim: &Simulation) {
    say!("{}", sim.summary);
    say!(
        "{:<16} {:>13} {:>15} {:>9} {:>10} {:>9} {:>8} {:>7}",
        "STRATEGY",
        "FOCUS H",
        "RANGE (80 %)",
        "POINTS",
        "SWITCHES",
        "URGENT P95",
        "CHORES H",
        "OVERLD"
    );
    for r in &sim.results {
        say!(
            "{:<16} {:>13.0} {:>15} {:>9} {:>10.1} {:>8.0} m {:>8.0} {:>6.0} %",
            r.name,
            r.focus_hours.mean,
            format!("{:.0}–{:.0}", r.focus_hours.low, r.focus_hours.high),
            r.points.map_or("-".to_owned(), |p| format!("{:.0}", p.mean)),
            r.context_switches_per_dev,
            r.first_response_p95,
            r.chores_hours,
            r.duty_overload_chance * 100.0
        );
    }
    say!("sensitivity (winner by recovery × block):");
    for c in &sim.sensitivity {
        say!(
            "  recovery {:>2} min, block {:>3} min: {}",
            c.recovery_minutes,
            c.block_minutes,
            c.winner
        );
    }
    for w in &sim.warnings {
        say!("warning: {w}");
    }
    say!("assumptions:");
    for a in &sim.assumptions {
        say!("  - {a}");
    }
}

/// Runs the simulation.
pub fn run(ctx: &Ctx, a: SimulateArgs) -> Result<(), AppError> {
    let team = ctx.app.team_by_name(&a.team)?;
    let strategies = a
        .strategies
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Strategy::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    let settings = SimulationSettings {
        runs: a.runs,
        seed: a.seed,
        recovery_minutes: a.recovery_minutes,
        block_minutes: a.block_minutes,
        ..SimulationSettings::default()
    };
    if a.backtest {
        let b = ctx.app.simulation_backtest(team.id, settings, chrono::Utc::now())?;
        if ctx.json {
            json(&b);
        } else {
            print_backtest(&b);
        }
        return Ok(());
    }
    let sim = ctx.app.simulate(team.id, &strategies, settings, chrono::Utc::now())?;
    if ctx.json {
        json(&sim);
    } else {
        print(&sim);
    }
    Ok(())
}
