//! `sprintshield sprint add|close|list`.
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
    /// Close a sprint with the points completed.
    Close {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Sprint name.
        name: String,
        /// Points completed.
        #[arg(long, allow_negative_numbers = true)]
        completed: f64,
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
        SprintCmd::Close { team, name, completed } => {
            let team = ctx.app.team_by_name(&team)?;
            let s = ctx.app.sprint_by_name(team.id, &name)?;
            let s = ctx.app.close_sprint(s.id, completed)?.value;
            let said = format!("closed {} with {} points", s.spec.name, points(s.completed_points));
            done(ctx, &s, said);
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
