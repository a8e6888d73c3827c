//! `sprintshield`: the headless face of Sprintshield over the same core and store the app uses.
//!
//! Argument parsing and error mapping only; every rule lives in `sprintshield-core`, every SQL
//! statement in `sprintshield-store`. Rejected input prints one clear line to stderr and exits 1
//! (nothing is written); usage errors exit 2 (clap's convention).
mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sprintshield_core::AppError;
use sprintshield_store::Store;

/// Plan interrupt-shield rotations, capacity and releases for scrum teams.
#[derive(Parser)]
#[command(name = "sprintshield", version, about)]
struct Cli {
    /// Database file (default: the desktop app's database).
    #[arg(long, global = true, env = "SPRINTSHIELD_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print machine-readable JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo teams Phoenix (dev) and Atlas (ops).
    Demo,
    /// Teams.
    #[command(subcommand)]
    Team(commands::team::TeamCmd),
    /// Members of a team.
    #[command(subcommand)]
    Member(commands::member::MemberCmd),
    /// Time off of members.
    #[command(subcommand)]
    Timeoff(commands::time_off::TimeOffCmd),
    /// Team holidays.
    #[command(subcommand)]
    Holiday(commands::time_off::HolidayCmd),
    /// Sprints.
    #[command(subcommand)]
    Sprint(commands::sprint::SprintCmd),
    /// The interrupt log.
    #[command(subcommand)]
    Interrupt(commands::interrupt::InterruptCmd),
    /// Focus capacity of a sprint per person and in total, with and without rotation.
    Capacity(commands::forecast::CapacityArgs),
    /// What a sprint can reach at 50/85/95 % confidence, or sprints to finish a backlog.
    Forecast(commands::forecast::ForecastArgs),
    /// What the forecast would have said for each past sprint, and its P85 hit rate.
    Backtest(commands::forecast::BacktestArgs),
    /// Duty policies (Batman, Op of the Week, …).
    #[command(subcommand)]
    Policy(commands::rotation::PolicyCmd),
    /// Duty rotations: plan, show, edit, check, fairness, today.
    #[command(subcommand)]
    Rotation(commands::rotation::RotationCmd),
    /// Release trains: which dev team's sprints an ops team deploys, and how much later.
    #[command(subcommand, name = "release-train")]
    ReleaseTrain(commands::release::TrainCmd),
    /// Releases of a train: plan, list, place by hand.
    #[command(subcommand)]
    Release(commands::release::ReleaseCmd),
    /// Freeze windows that block releases.
    #[command(subcommand)]
    Freeze(commands::release::FreezeCmd),
    /// Calendar (.ics) export.
    #[command(subcommand)]
    Export(commands::export::ExportCmd),
    /// Calendar (.ics) import of time off and holidays.
    #[command(subcommand)]
    Import(commands::export::ImportCmd),
}

/// What every command gets: the open store and the output mode.
pub struct Ctx {
    /// The open database.
    pub store: Store,
    /// `--json` was given.
    pub json: bool,
}

fn run(cli: Cli) -> Result<(), AppError> {
    let path = cli.db.unwrap_or_else(sprintshield_store::default_db_path);
    let store = Store::open(&path)?;
    let mut ctx = Ctx { store, json: cli.json };
    match cli.command {
        Command::Demo => commands::demo::run(&mut ctx),
        Command::Team(c) => commands::team::run(&mut ctx, c),
        Command::Member(c) => commands::member::run(&mut ctx, c),
        Command::Timeoff(c) => commands::time_off::run_time_off(&mut ctx, c),
        Command::Holiday(c) => commands::time_off::run_holiday(&mut ctx, c),
        Command::Sprint(c) => commands::sprint::run(&mut ctx, c),
        Command::Interrupt(c) => commands::interrupt::run(&mut ctx, c),
        Command::Capacity(a) => commands::forecast::run_capacity(&ctx, a),
        Command::Forecast(a) => commands::forecast::run_forecast(&ctx, a),
        Command::Backtest(a) => commands::forecast::run_backtest(&ctx, a),
        Command::Policy(c) => commands::rotation::run_policy(&mut ctx, c),
        Command::Rotation(c) => commands::rotation::run(&mut ctx, c),
        Command::ReleaseTrain(c) => commands::release::run_train(&mut ctx, c),
        Command::Release(c) => commands::release::run(&mut ctx, c),
        Command::Freeze(c) => commands::release::run_freeze(&mut ctx, c),
        Command::Export(c) => commands::export::run_export(&mut ctx, c),
        Command::Import(c) => commands::export::run_import(&mut ctx, c),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(1)
        }
    }
}
