//! `sprintshield capacity`, `sprintshield forecast` and `sprintshield backtest`: the capacity of a
//! sprint (shielded by your rotation, or no shield with interrupts hitting everyone), its forecast
//! — the headline sentence first, then one range, the assumptions and warnings, then how it is
//! computed — sprints to finish a backlog, and the backtest.
use clap::Args;
use sprintshield_core::capacity::{CapacitySettings, ScenarioKind};
use sprintshield_core::forecast::{
    backlog_forecast, capacity_sentence, sprint_capacity, sprint_forecast, sprint_or_default, team_backtest,
    ForecastSettings, TeamData, DEFAULT_SEED, DEFAULT_TRIALS,
};
use sprintshield_core::{AppError, Id, Invalid};

use crate::output::json;
use crate::{say, Ctx};

mod day_table;

/// `sprintshield capacity`.
#[derive(Args)]
pub struct CapacityArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// Sprint name (default: the running sprint, else the next one).
    #[arg(long)]
    sprint: Option<String>,
    #[command(flatten)]
    recovery: RecoveryArg,
}

/// `sprintshield forecast`.
#[derive(Args)]
pub struct ForecastArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// Sprint name (default: the running sprint, else the next one).
    #[arg(long)]
    sprint: Option<String>,
    /// Instead of one sprint: how many sprints like it a backlog of this many points takes.
    #[arg(long, allow_negative_numbers = true)]
    backlog: Option<f64>,
    #[command(flatten)]
    simulation: SimulationArgs,
}

/// `sprintshield backtest`.
#[derive(Args)]
pub struct BacktestArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    #[command(flatten)]
    simulation: SimulationArgs,
}

/// `--recovery-minutes`, shared by capacity, forecast and backtest.
#[derive(Args)]
struct RecoveryArg {
    /// Minutes to regain focus after each interrupt (context-switch recovery; default 23).
    #[arg(long, default_value_t = i64::from(sprintshield_core::capacity::DEFAULT_RECOVERY_MINUTES), allow_negative_numbers = true)]
    recovery_minutes: i64,
}

/// Monte Carlo settings and the recovery minutes, shared by forecast and backtest.
#[derive(Args)]
struct SimulationArgs {
    /// Monte Carlo trials (1 to 1000000; per backtested sprint for backtest).
    #[arg(long, default_value_t = DEFAULT_TRIALS)]
    trials: u32,
    /// Seed of the random generator (same seed, same result).
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    #[command(flatten)]
    recovery: RecoveryArg,
}

/// Capacity settings with the recovery minutes given on the command line, validated in core.
fn capacity_settings(recovery_minutes: i64) -> Result<CapacitySettings, AppError> {
    Ok(CapacitySettings::with_recovery_minutes(recovery_minutes)?)
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Person-days as the headline writes them: one decimal.
fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The team's data and the id of the sprint named `sprint` (or the running / next one).
fn load(ctx: &Ctx, team: &str, sprint: Option<&str>) -> Result<(TeamData, Id), AppError> {
    let team = ctx.app.team_by_name(team)?;
    let named = match sprint {
        Some(name) => Some(ctx.app.sprint_by_name(team.id, name)?.id),
        None => None,
    };
    let data = ctx.app.team_data(team.id)?;
    let id = sprint_or_default(&data, named, chrono::Utc::now())?;
    Ok((data, id))
}

/// Prints the capacity of a sprint: per person and in total, with and without rotation, then
/// per person and per day.
pub fn run_capacity(ctx: &Ctx, args: CapacityArgs) -> Result<(), AppError> {
    let cs = capacity_settings(args.recovery.recovery_minutes)?;
    let (data, id) = load(ctx, &args.team, args.sprint.as_deref())?;
    let cap = sprint_capacity(&data, id, &[], cs)?;
    if ctx.json {
        json(&cap);
        return Ok(());
    }
    let r = &cap.report;
    let scenario = |k: ScenarioKind| r.scenario(k).expect("two scenarios");
    let (with, shared) = (scenario(ScenarioKind::Shielded), scenario(ScenarioKind::NoShield));
    say!(
        "{} ({} to {}): {} working days, {} duty covers",
        cap.sprint.spec.name,
        cap.sprint.spec.start,
        cap.sprint.spec.end,
        r.working_days(),
        cap.planned_covers
    );
    say!("{}", capacity_sentence(&cap.breakdown));
    say!("{:<20}  {:>8}  {:>9}", "MEMBER", "SHIELDED", "NO SHIELD");
    for (i, p) in r.people.iter().enumerate() {
        say!(
            "{:<20}  {:>8}  {:>9}",
            p.name,
            r1(p.total.value),
            r1(shared.people[i].focus_days)
        );
    }
    say!(
        "{:<20}  {:>8}  {:>9}",
        "TEAM",
        r1(with.team_total.value),
        r1(shared.team_total.value)
    );
    say!("focus person-days; {}", cap.interrupt_window_note);
    for s in [with, shared] {
        say!("{}:", s.kind.label());
        for a in &s.assumptions {
            say!("  - {a}");
        }
    }
    say!("");
    say!("{}", day_table::day_table(r));
    Ok(())
}

/// Prints the forecast of a sprint, or the sprints to finish a backlog with `--backlog`.
pub fn run_forecast(ctx: &Ctx, args: ForecastArgs) -> Result<(), AppError> {
    let settings = ForecastSettings::new(args.simulation.trials, args.simulation.seed)?;
    let cs = capacity_settings(args.simulation.recovery.recovery_minutes)?;
    let (data, id) = load(ctx, &args.team, args.sprint.as_deref())?;
    if let Some(points) = args.backlog {
        let b = backlog_forecast(&data, id, &[], points, settings, cs)?;
        if ctx.json {
            json(&b);
        } else {
            say!("{points} points take:");
            say!("  P50  {} sprints", b.p50_sprints);
            say!("  P85  {} sprints", b.p85_sprints);
            say!("  P95  {} sprints", b.p95_sprints);
            say!("  mean {} sprints", b.mean_sprints);
            say!("{}", b.from);
        }
        return Ok(());
    }
    let fc = sprint_forecast(&data, id, &[], settings, cs)?;
    let Some(f) = &fc.forecast else {
        return Err(Invalid::new("history", fc.no_forecast.clone().unwrap_or_default()).into());
    };
    if ctx.json {
        json(&fc);
        return Ok(());
    }
    let mc = &f.monte_carlo;
    let d = &f.deterministic;
    if let Some(h) = &fc.headline {
        say!("{}", h.sentence);
        say!("{}", h.range.sentence);
    }
    for a in &fc.assumptions {
        say!("assumption: {a}");
    }
    for w in &f.warnings {
        say!("warning: {}", w.message);
    }
    say!("");
    say!(
        "How this is computed — {} ({} to {}): {} focus person-days",
        fc.capacity.sprint.spec.name,
        fc.capacity.sprint.spec.start,
        fc.capacity.sprint.spec.end,
        r1(f.planned_focus_days.value)
    );
    if let Some(h) = &fc.headline {
        for p in &h.percentiles {
            match p.points {
                Some(points) => say!("  P{}  {points} points ({})", p.percent, p.note),
                None => say!("  P{}  {}", p.percent, p.note),
            }
        }
    }
    say!("  mean {} points ({})", d.points.value.floor(), d.points.from);
    match &d.range {
        Some(range) => say!(
            "  Cohn's range {} to {} points ({})",
            range.low.floor(),
            range.high.ceil(),
            range.from
        ),
        None => say!("  Cohn's range: {}", d.range_note),
    }
    say!("  {} trials, seed {}", mc.trials, mc.seed);
    say!("history used:");
    for h in &f.history {
        say!(
            "  {:<16} {:>6} points  {:>6} focus days  {:>5} per focus day",
            h.name,
            r2(h.completed_points),
            r2(h.focus_days),
            r2(h.per_focus_day)
        );
    }
    for note in &fc.left_out {
        say!("  left out: {note}");
    }
    say!("{}", fc.capacity.interrupt_window_note);
    Ok(())
}

/// Prints the backtest of the team's closed sprints and the P85 hit rate.
pub fn run_backtest(ctx: &Ctx, args: BacktestArgs) -> Result<(), AppError> {
    let settings = ForecastSettings::new(args.simulation.trials, args.simulation.seed)?;
    let cs = capacity_settings(args.simulation.recovery.recovery_minutes)?;
    let team = ctx.app.team_by_name(&args.team)?;
    let data = ctx.app.team_data(team.id)?;
    let bt = team_backtest(&data, settings, cs)?;
    if ctx.json {
        json(&bt);
        return Ok(());
    }
    say!(
        "{:<16}  {:>4}  {:>7}  {:>7}  {:>7}  HIT",
        "SPRINT",
        "USED",
        "P50",
        "P85",
        "ACTUAL"
    );
    for row in &bt.backtest.rows {
        say!(
            "{:<16}  {:>4}  {:>7}  {:>7}  {:>7}  {}",
            row.name,
            row.sprints_used,
            r2(row.p50),
            r2(row.p85),
            r2(row.actual),
            if row.hit { "yes" } else { "no" }
        );
    }
    match &bt.backtest.hit_rate {
        Some(rate) => say!("P85 hit rate: {}", rate.from),
        None => say!("{}", bt.backtest.note),
    }
    for a in &bt.assumptions {
        say!("assumption: {a}");
    }
    Ok(())
}
