//! `sprintshield release-train add|set|list`, `release plan|list|pin|unpin` and `freeze add|list`.
use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::{Args, Subcommand};
use serde::Serialize;
use sprintshield_core::release::{
    parse_yearly, FreezeSpan, FreezeWindow, Release, ReleaseWarning, RoutineEdit, RoutineEvents, TrainPlan,
};
use sprintshield_core::time::{parse_date, parse_zone, DateSpan};
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Release train commands.
#[derive(Subcommand)]
pub enum TrainCmd {
    /// Link a dev team's sprints to the ops team that deploys them a lag later.
    Add {
        /// The dev team.
        #[arg(long)]
        dev: String,
        /// The ops team.
        #[arg(long)]
        ops: String,
        /// Weeks from a sprint's end to its production release (1–12, default 2).
        #[arg(long, allow_negative_numbers = true)]
        lag_weeks: Option<i64>,
        /// Train name (default "<dev>-<ops>").
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        routine: RoutineArgs,
    },
    /// Change a train's lag or routine events; the next plan uses them.
    Set {
        /// Release train name.
        #[arg(long)]
        train: String,
        /// Weeks from a sprint's end to its production release (1–12).
        #[arg(long, allow_negative_numbers = true)]
        lag_weeks: Option<i64>,
        #[command(flatten)]
        routine: RoutineArgs,
    },
    /// Remove a release train (its hand placements go; sprints and freezes stay).
    Remove {
        /// Release train name.
        #[arg(long)]
        train: String,
    },
    /// List the release trains.
    List,
}

/// The routine events of a train; each flag left out keeps its value (seed defaults for a new
/// train: production SAT 09:00, push THU 18:00 the week before, high alert 08:00-14:00,
/// regression 3 days from 09:00, minimum lag 7 days).
#[derive(Args)]
pub struct RoutineArgs {
    /// Production release weekday and time, e.g. "SAT 09:00".
    #[arg(long)]
    production: Option<String>,
    /// Release-candidate push: a weekday of the week before and a time ("THU 18:00"), or days
    /// before the production release and a time ("2d 18:00").
    #[arg(long)]
    rc_push: Option<String>,
    /// The ops duty person's high alert on the production day, e.g. "08:00-14:00".
    #[arg(long)]
    high_alert: Option<String>,
    /// Days of regression / load testing before the push day (0–14).
    #[arg(long, allow_negative_numbers = true)]
    regression_days: Option<i64>,
    /// Local time the regression window starts each time, e.g. "09:00".
    #[arg(long)]
    regression_start: Option<String>,
    /// The shortest acceptable time from a sprint's last day to its production day (1–84 days).
    #[arg(long, allow_negative_numbers = true)]
    min_lag_days: Option<i64>,
}

impl RoutineArgs {
    fn edit(self) -> RoutineEdit {
        RoutineEdit {
            production: self.production,
            rc_push: self.rc_push,
            high_alert: self.high_alert,
            regression_days: self.regression_days,
            regression_start: self.regression_start,
            min_lag_days: self.min_lag_days,
        }
    }
}

/// Release commands.
#[derive(Subcommand)]
pub enum ReleaseCmd {
    /// Plan the releases of the sprints ending in a range of days, with moves and warnings.
    Plan {
        /// Release train name.
        #[arg(long)]
        train: String,
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// Last day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: String,
    },
    /// List every release of the train: sprint, release-candidate push, production release
    /// (ISO 8601 with the ops team's offset) and warnings.
    List {
        /// Release train name.
        #[arg(long)]
        train: String,
    },
    /// Place a sprint's production release on a day by hand.
    Pin(PinArgs),
    /// Let the planner place a sprint's release again.
    Unpin {
        /// Release train name.
        #[arg(long)]
        train: String,
        /// Sprint name.
        #[arg(long)]
        sprint: String,
    },
}

/// Arguments of `release pin`.
#[derive(Args)]
pub struct PinArgs {
    /// Release train name.
    #[arg(long)]
    train: String,
    /// Sprint name.
    #[arg(long)]
    sprint: String,
    /// The production day (YYYY-MM-DD).
    #[arg(long)]
    day: String,
}

/// Freeze window commands.
#[derive(Subcommand)]
pub enum FreezeCmd {
    /// Add a freeze window: once (--from/--to) or every year (--yearly MM-DD..MM-DD).
    Add {
        /// Team name (freezes of either team of a train block its releases).
        #[arg(long)]
        team: String,
        /// Freeze name, e.g. "Year-end".
        name: String,
        /// First frozen day (YYYY-MM-DD), with --to.
        #[arg(long, requires = "to", conflicts_with = "yearly")]
        from: Option<String>,
        /// Last frozen day, inclusive (YYYY-MM-DD), with --from.
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// Every year, e.g. 12-20..01-06.
        #[arg(long, required_unless_present = "from")]
        yearly: Option<String>,
    },
    /// Edit a freeze window: its name, or its days (once with --from/--to, or --yearly).
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Freeze name.
        name: String,
        /// New name.
        #[arg(long = "name")]
        new_name: Option<String>,
        /// First frozen day (YYYY-MM-DD), with --to.
        #[arg(long, requires = "to", conflicts_with = "yearly")]
        from: Option<String>,
        /// Last frozen day, inclusive (YYYY-MM-DD), with --from.
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// Every year, e.g. 12-20..01-06.
        #[arg(long)]
        yearly: Option<String>,
    },
    /// Remove a freeze window.
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Freeze name.
        name: String,
    },
    /// List freeze windows.
    List {
        /// Only this team's.
        #[arg(long)]
        team: Option<String>,
    },
}

/// One release as `release list` prints it.
#[derive(Serialize)]
struct ReleaseRow {
    sprint: String,
    sprint_end: NaiveDate,
    production_day: NaiveDate,
    rc_push: String,
    production: String,
    high_alert_start: String,
    high_alert_end: String,
    moved_from: Option<NaiveDate>,
    move_reason: Option<String>,
    pinned: bool,
    on_duty: Vec<String>,
    warnings: Vec<ReleaseWarning>,
}

fn rows(ctx: &Ctx, plan: &TrainPlan) -> Result<Vec<ReleaseRow>, AppError> {
    let zone: Tz = parse_zone(&plan.zone)?;
    let members = ctx.app.members(plan.train.train.spec.ops_team_id)?;
    let iso = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&zone).to_rfc3339();
    Ok(plan
        .releases
        .iter()
        .map(|r: &Release| ReleaseRow {
            sprint: r.sprint_name.clone(),
            sprint_end: r.sprint_end,
            production_day: r.production_day,
            rc_push: iso(r.rc_push),
            production: iso(r.production),
            high_alert_start: iso(r.high_alert.start),
            high_alert_end: iso(r.high_alert.end),
            moved_from: r.moved_from,
            move_reason: r.move_reason.clone(),
            pinned: r.pinned,
            on_duty: r
                .on_duty
                .iter()
                .map(|id| {
                    members
                        .iter()
                        .find(|m| m.id == *id)
                        .map_or_else(|| format!("member {id}"), |m| m.spec.name.clone())
                })
                .collect(),
            warnings: r.warnings.clone(),
        })
        .collect())
}

fn print_releases(ctx: &Ctx, plan: &TrainPlan) -> Result<(), AppError> {
    let rows = rows(ctx, plan)?;
    table(
        ctx,
        &rows,
        &["SPRINT", "RC PUSH", "PRODUCTION", "ON DUTY", "WARNINGS"],
        |r| {
            let mut notes: Vec<String> = Vec::new();
            if let (Some(from), Some(why)) = (r.moved_from, &r.move_reason) {
                notes.push(format!("moved from {from}: {why}"));
            }
            if r.pinned {
                notes.push("placed by hand".into());
            }
            notes.extend(r.warnings.iter().map(|w| w.message.clone()));
            vec![
                r.sprint.clone(),
                r.rc_push.clone(),
                r.production.clone(),
                if r.on_duty.is_empty() {
                    "-".into()
                } else {
                    r.on_duty.join(", ")
                },
                if notes.is_empty() { "-".into() } else { notes.join("; ") },
            ]
        },
    );
    Ok(())
}

/// Runs a release train command.
pub fn run_train(ctx: &mut Ctx, cmd: TrainCmd) -> Result<(), AppError> {
    match cmd {
        TrainCmd::Add {
            dev,
            ops,
            lag_weeks,
            name,
            routine,
        } => {
            // Check the routine flags before looking anything up, so a typo is the one error shown.
            let routine = routine.edit().apply(&RoutineEvents::default())?;
            let dev = ctx.app.team_by_name(&dev)?;
            let ops = ctx.app.team_by_name(&ops)?;
            let t = ctx
                .app
                .add_release_train(name.as_deref(), dev.id, ops.id, lag_weeks, Some(routine))?
                .value;
            let said = format!(
                "added release train {}: {} sprints released by {} {} weeks later; {}",
                t.name,
                t.dev_team,
                t.ops_team,
                t.train.spec.lag_weeks,
                t.train.spec.routine.summary()
            );
            done(ctx, &t, said);
        }
        TrainCmd::Set {
            train,
            lag_weeks,
            routine,
        } => {
            let t = ctx.app.release_train_by_name(&train)?;
            let edit = routine.edit();
            if edit.is_empty() && lag_weeks.is_none() {
                return Err(sprintshield_core::Invalid::new(
                    "train",
                    "nothing to change; give --lag-weeks or a routine flag such as --production \"SAT 09:00\"",
                )
                .into());
            }
            let routine = edit.apply(&t.train.spec.routine)?;
            let t = ctx.app.update_release_train(t.train.id, lag_weeks, routine)?.value;
            let said = format!(
                "release train {}: released {} weeks after each sprint; {}",
                t.name,
                t.train.spec.lag_weeks,
                t.train.spec.routine.summary()
            );
            done(ctx, &t, said);
        }
        TrainCmd::Remove { train } => {
            let t = ctx.app.release_train_by_name(&train)?;
            let out = ctx.app.remove_release_train(t.train.id)?;
            let said = format!(
                "removed the release train {}{}; its sprints and freezes stay (undo: release-train add --dev \"{}\" --ops \"{}\" --lag-weeks {}, then place those releases again)",
                t.name,
                crate::commands::removed::took_along(&out.changes, &sprintshield_service::Record::ReleaseTrain(t.clone())),
                t.dev_team,
                t.ops_team,
                t.train.spec.lag_weeks
            );
            done(ctx, &t, said);
        }
        TrainCmd::List => {
            let trains = ctx.app.release_trains()?;
            table(ctx, &trains, &["NAME", "DEV", "OPS", "LAG WEEKS", "ROUTINE"], |t| {
                vec![
                    t.name.clone(),
                    t.dev_team.clone(),
                    t.ops_team.clone(),
                    t.train.spec.lag_weeks.to_string(),
                    t.train.spec.routine.summary(),
                ]
            });
        }
    }
    Ok(())
}

/// Runs a release command.
pub fn run(ctx: &mut Ctx, cmd: ReleaseCmd) -> Result<(), AppError> {
    match cmd {
        ReleaseCmd::Plan { train, from, to } => {
            let range = DateSpan::new(parse_date("from", &from)?, parse_date("to", &to)?, "to")?;
            let t = ctx.app.release_train_by_name(&train)?;
            let plan = ctx.app.plan_train(t.train.id, Some(range), None)?;
            print_releases(ctx, &plan)?;
        }
        ReleaseCmd::List { train } => {
            let t = ctx.app.release_train_by_name(&train)?;
            let plan = ctx.app.plan_train(t.train.id, None, None)?;
            print_releases(ctx, &plan)?;
        }
        ReleaseCmd::Pin(a) => {
            let day = parse_date("day", &a.day)?;
            let t = ctx.app.release_train_by_name(&a.train)?;
            let s = ctx.app.sprint_by_name(t.train.spec.dev_team_id, &a.sprint)?;
            let pin = ctx.app.pin_release(t.train.id, s.id, day)?.value;
            done(ctx, &pin, format!("the release of {} is placed on {day}", s.spec.name));
        }
        ReleaseCmd::Unpin { train, sprint } => {
            let t = ctx.app.release_train_by_name(&train)?;
            let s = ctx.app.sprint_by_name(t.train.spec.dev_team_id, &sprint)?;
            ctx.app.unpin_release(t.train.id, s.id)?;
            done(
                ctx,
                &s.id,
                format!("the planner places the release of {} again", s.spec.name),
            );
        }
    }
    Ok(())
}

fn describe(span: &FreezeSpan) -> String {
    match span {
        FreezeSpan::Once { days } => format!("{} to {}", days.first, days.last),
        FreezeSpan::Yearly { from, to } => format!(
            "every year {:02}-{:02} to {:02}-{:02}",
            from.month, from.day, to.month, to.day
        ),
    }
}

/// The team's freeze window called `name` (case-insensitive).
fn find_freeze(
    ctx: &Ctx,
    team: &sprintshield_core::team::Team,
    name: &str,
) -> Result<sprintshield_core::release::StoredFreeze, AppError> {
    ctx.app
        .freezes(Some(team.id))?
        .into_iter()
        .find(|f| f.window.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| AppError::not_found(format!("{} has no freeze window called \"{name}\"", team.spec.name)))
}

/// The flags that give `span` back: `--from A --to B` or `--yearly MM-DD..MM-DD`.
fn span_flags(span: &FreezeSpan) -> String {
    match span {
        FreezeSpan::Once { days } => format!("--from {} --to {}", days.first, days.last),
        FreezeSpan::Yearly { from, to } => format!(
            "--yearly {:02}-{:02}..{:02}-{:02}",
            from.month, from.day, to.month, to.day
        ),
    }
}

/// Runs a freeze command.
pub fn run_freeze(ctx: &mut Ctx, cmd: FreezeCmd) -> Result<(), AppError> {
    match cmd {
        FreezeCmd::Add {
            team,
            name,
            from,
            to,
            yearly,
        } => {
            let window = match (from, to, yearly) {
                (Some(a), Some(b), _) => FreezeWindow::once(
                    &name,
                    DateSpan::new(parse_date("from", &a)?, parse_date("to", &b)?, "to")?,
                )?,
                (_, _, Some(y)) => {
                    let (a, b) = parse_yearly(&y)?;
                    FreezeWindow::yearly(&name, a, b)?
                }
                _ => {
                    return Err(sprintshield_core::Invalid::new(
                        "from",
                        "give --from and --to, or --yearly MM-DD..MM-DD",
                    )
                    .into())
                }
            };
            let team = ctx.app.team_by_name(&team)?;
            let f = ctx.app.add_freeze(team.id, window)?.value;
            let said = format!(
                "added freeze {} for {} ({})",
                f.window.name,
                team.spec.name,
                describe(&f.window.span)
            );
            done(ctx, &f, said);
        }
        FreezeCmd::Edit {
            team,
            name,
            new_name,
            from,
            to,
            yearly,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = find_freeze(ctx, &team, &name)?;
            let new_name = new_name.unwrap_or_else(|| old.window.name.clone());
            let span = match (from, to, yearly) {
                (Some(a), Some(b), _) => FreezeSpan::Once {
                    days: DateSpan::new(parse_date("from", &a)?, parse_date("to", &b)?, "to")?,
                },
                (_, _, Some(y)) => {
                    let (from, to) = parse_yearly(&y)?;
                    FreezeSpan::Yearly { from, to }
                }
                _ => old.window.span,
            };
            let window = FreezeWindow::from_span(&new_name, span)?;
            let f = ctx.app.edit_freeze(old.id, window)?.value;
            let said = format!(
                "freeze {} of {} is now {} (was {} {}; undo: freeze edit --team \"{}\" \"{}\" --name \"{}\" {})",
                f.window.name,
                team.spec.name,
                describe(&f.window.span),
                old.window.name,
                describe(&old.window.span),
                team.spec.name,
                f.window.name,
                old.window.name,
                span_flags(&old.window.span)
            );
            done(ctx, &f, said);
        }
        FreezeCmd::Remove { team, name } => {
            let team = ctx.app.team_by_name(&team)?;
            let f = find_freeze(ctx, &team, &name)?;
            ctx.app.delete_freeze(f.id)?;
            done(
                ctx,
                &f,
                format!("removed the freeze window {} of {}", f.window.name, team.spec.name),
            );
        }
        FreezeCmd::List { team } => {
            let team_id = match team {
                Some(t) => Some(ctx.app.team_by_name(&t)?.id),
                None => None,
            };
            let teams = ctx.app.teams()?;
            let rows = ctx.app.freezes(team_id)?;
            table(ctx, &rows, &["TEAM", "NAME", "WHEN"], |f| {
                vec![
                    teams
                        .iter()
                        .find(|t| t.id == f.team_id)
                        .map(|t| t.spec.name.clone())
                        .unwrap_or_default(),
                    f.window.name.clone(),
                    describe(&f.window.span),
                ]
            });
        }
    }
    Ok(())
}
