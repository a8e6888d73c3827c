//! `sprintshield`: the headless face of Sprintshield over the same operations the app uses
//! (`sprintshield-service`).
//!
//! Argument parsing, printing and error mapping only; every rule lives in `sprintshield-core`,
//! every operation in `sprintshield-service`. Rejected input prints one clear line to stderr and
//! exits 1 (nothing is written); usage errors exit 2 (clap's convention). Output to a closed pipe
//! ends the program quietly; any other output error is one line on stderr and exit 1.
mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sprintshield_core::AppError;
use sprintshield_service::{OpenMode, Sprintshield};

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
    /// Create a new, empty database at --db (other commands refuse a path that does not exist).
    Init,
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
    Sprint(commands::import_csv::SprintCommands),
    /// The interrupt log.
    #[command(subcommand)]
    Interrupt(commands::import_csv::InterruptCommands),
    /// Focus capacity of a sprint per person and in total, with and without rotation.
    Capacity(commands::forecast::CapacityArgs),
    /// What a sprint can reach at 50/85/95 % confidence, or sprints to finish a backlog.
    Forecast(commands::forecast::ForecastArgs),
    /// Which shield fits the team: every strategy simulated on its own interrupt log.
    Simulate(commands::simulate::SimulateArgs),
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
    /// Publish the plan to the team's CalDAV calendar and chat, showing who is affected; `setup`, `status`.
    Publish(commands::publish::PublishArgs),
}

/// What every command gets: the open database and the output mode.
pub struct Ctx {
    /// The open database and its operations.
    pub app: Sprintshield,
    /// `--json` was given.
    pub json: bool,
}

fn run(cli: Cli) -> Result<(), AppError> {
    let path = cli.db.unwrap_or_else(sprintshield_service::default_db_path);
    // Only the commands that start something new may create the file; anything else on a path
    // that does not exist is a mistyped --db, not an empty database.
    let creates = matches!(
        cli.command,
        Command::Init | Command::Demo | Command::Team(commands::team::TeamCmd::Add { .. })
    );
    let existed = path.exists();
    let mode = if creates {
        OpenMode::CreateIfMissing
    } else {
        OpenMode::MustExist
    };
    // The first folder on the way that does not exist yet: removed again if the command fails.
    let new_dir = path
        .ancestors()
        .skip(1)
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .last()
        .map(PathBuf::from);
    let app = Sprintshield::open(&path, mode)?;
    let mut ctx = Ctx { app, json: cli.json };
    let result = dispatch(&mut ctx, cli.command, &path, existed);
    drop(ctx);
    if !existed {
        match &result {
            Ok(()) => output::note(&format!("created a new Sprintshield database at {}", path.display())),
            // A rejected first command leaves no empty database behind.
            Err(_) => forget_new_database(&path, new_dir.as_deref()),
        }
    }
    result
}

/// Removes a database file (with SQLite's side files) and the folder created for it.
fn forget_new_database(path: &std::path::Path, new_dir: Option<&std::path::Path>) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    if let Some(top) = new_dir {
        // Only empty folders go, innermost first, up to the first one this run created.
        for dir in path.ancestors().skip(1) {
            let _ = std::fs::remove_dir(dir);
            if dir == top {
                break;
            }
        }
    }
}

fn dispatch(ctx: &mut Ctx, command: Command, path: &std::path::Path, existed: bool) -> Result<(), AppError> {
    let ctx = &mut *ctx;
    match command {
        Command::Init => {
            if existed {
                output::say(format_args!("{} is already a Sprintshield database", path.display()));
            }
            Ok(())
        }
        Command::Demo => commands::demo::run(ctx),
        Command::Team(c) => commands::team::run(ctx, c),
        Command::Member(c) => commands::member::run(ctx, c),
        Command::Timeoff(c) => commands::time_off::run_time_off(ctx, c),
        Command::Holiday(c) => commands::time_off::run_holiday(ctx, c),
        Command::Sprint(c) => commands::import_csv::run_sprint(ctx, c),
        Command::Interrupt(c) => commands::import_csv::run_interrupt(ctx, c),
        Command::Capacity(a) => commands::forecast::run_capacity(ctx, a),
        Command::Forecast(a) => commands::forecast::run_forecast(ctx, a),
        Command::Backtest(a) => commands::forecast::run_backtest(ctx, a),
        Command::Simulate(a) => commands::simulate::run(ctx, a),
        Command::Policy(c) => commands::rotation::run_policy(ctx, c),
        Command::Rotation(c) => commands::rotation::run(ctx, c),
        Command::ReleaseTrain(c) => commands::release::run_train(ctx, c),
        Command::Release(c) => commands::release::run(ctx, c),
        Command::Freeze(c) => commands::release::run_freeze(ctx, c),
        Command::Export(c) => commands::export::run_export(ctx, c),
        Command::Import(c) => commands::export::run_import(ctx, c),
        Command::Publish(a) => commands::publish::run(ctx, a),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => output::finish(),
        Err(e) => {
            output::error(&e.message);
            ExitCode::from(1)
        }
    }
}
