//! `sprintshield sprint add|edit|close|reopen|remove|list`.
use chrono::Utc;
use clap::Subcommand;
use sprintshield_core::sprint::NewSprint;
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Sprint commands.
#[derive(Subcommand)]
pub enum SprintCmd {
    /// Add a sprint.
    Add {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        name: String,
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        start: String,
        /// Last day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        end: String,
        /// Points committed.
        #[arg(long, allow_negative_numbers = true)]
        committed: Option<f64>,
        /// Sprint goal.
        #[arg(long, default_value = "")]
        goal: String,
    },
    /// Change a sprint's name, days, goal or commitment (what is not given stays).
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        sprint: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// New first day (YYYY-MM-DD).
        #[arg(long)]
        start: Option<String>,
        /// New last day (YYYY-MM-DD).
        #[arg(long)]
        end: Option<String>,
        /// New goal.
        #[arg(long)]
        goal: Option<String>,
        /// New commitment in points.
        #[arg(long, allow_negative_numbers = true)]
        committed: Option<f64>,
    },
    /// Close a sprint with the points completed (on its last day or after it).
    Close {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        name: String,
        /// Points completed.
        #[arg(long, allow_negative_numbers = true)]
        completed: f64,
        /// Replace the points of a sprint closed before.
        #[arg(long)]
        correct: bool,
    },
    /// Reopen a closed sprint (it stops counting as history).
    Reopen {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        name: String,
    },
    /// Remove a sprint that is not closed.
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        name: String,
    },
    /// List a team's sprints.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

fn points(p: Option<f64>) -> String {
    p.map(|p| format!("{p}")).unwrap_or_else(|| "-".into())
}

/// Runs a sprint command.
pub fn run(ctx: &mut Ctx, cmd: SprintCmd) -> Result<(), AppError> {
    match cmd {
        SprintCmd::Add {
            team,
            name,
            start,
            end,
            committed,
            goal,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let s = ctx
                .app
                .create_sprint(
                    team.id,
                    NewSprint {
                        name,
                        start,
                        end,
                        goal,
                        committed_points: committed,
                    },
                )?
                .value;
            let said = format!("added {} ({} to {})", s.spec.name, s.spec.start, s.spec.end);
            done(ctx, &s, said);
        }
        SprintCmd::Edit {
            team,
            sprint,
            name,
            start,
            end,
            goal,
            committed,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.sprint_by_name(team.id, &sprint)?;
            let new = NewSprint {
                name: name.unwrap_or_else(|| old.spec.name.clone()),
                start: start.unwrap_or_else(|| old.spec.start.to_string()),
                end: end.unwrap_or_else(|| old.spec.end.to_string()),
                goal: goal.unwrap_or_else(|| old.spec.goal.clone()),
                committed_points: committed.or(old.spec.committed_points),
            };
            let s = ctx.app.edit_sprint(old.id, new)?.value;
            let said = format!(
                "changed {}: now {} ({} to {}, committed {})",
                old.spec.name,
                s.spec.name,
                s.spec.start,
                s.spec.end,
                points(s.spec.committed_points)
            );
            done(ctx, &s, said);
        }
        SprintCmd::Close {
            team,
            name,
            completed,
            correct,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.sprint_by_name(team.id, &name)?;
            let s = ctx.app.close_sprint(old.id, completed, correct, Utc::now())?.value;
            let said = match old.completed_points {
                Some(before) => format!(
                    "corrected {}: {} points (was {})",
                    s.spec.name,
                    points(s.completed_points),
                    points(Some(before))
                ),
                None => format!("closed {} with {} points", s.spec.name, points(s.completed_points)),
            };
            done(ctx, &s, said);
        }
        SprintCmd::Reopen { team, name } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.sprint_by_name(team.id, &name)?;
            let s = ctx.app.reopen_sprint(old.id)?.value;
            let said = format!(
                "reopened {} (it had {} points; undo: sprint close --team \"{}\" \"{}\" --completed {})",
                s.spec.name,
                points(old.completed_points),
                team.spec.name,
                s.spec.name,
                points(old.completed_points)
            );
            done(ctx, &s, said);
        }
        SprintCmd::Remove { team, name } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.sprint_by_name(team.id, &name)?;
            ctx.app.remove_sprint(old.id)?;
            let said = format!(
                "removed {} (undo: sprint add --team \"{}\" \"{}\" --start {} --end {})",
                old.spec.name, team.spec.name, old.spec.name, old.spec.start, old.spec.end
            );
            done(ctx, &old, said);
        }
        SprintCmd::List { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let rows = ctx.app.sprints(team.id)?;
            table(
                ctx,
                &rows,
                &["NAME", "START", "END", "COMMITTED", "COMPLETED", "GOAL"],
                |s| {
                    vec![
                        s.spec.name.clone(),
                        s.spec.start.to_string(),
                        s.spec.end.to_string(),
                        points(s.spec.committed_points),
                        points(s.completed_points),
                        s.spec.goal.clone(),
                    ]
                },
            );
        }
    }
    Ok(())
}
