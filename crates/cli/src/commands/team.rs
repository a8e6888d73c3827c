//! `sprintshield team add|list`.
use clap::Subcommand;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::time::parse_weekday;
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Team commands.
#[derive(Subcommand)]
pub enum TeamCmd {
    /// Add a team.
    Add {
        /// Team name.
        name: String,
        /// IANA time zone, e.g. Europe/Berlin.
        #[arg(long)]
        zone: String,
        /// dev, ops or mixed.
        #[arg(long, default_value = "dev")]
        kind: String,
        /// Working days, e.g. mon,tue,wed,thu,fri.
        #[arg(long, value_delimiter = ',')]
        working_days: Option<Vec<String>>,
        /// Default sprint length in days.
        #[arg(long)]
        sprint_days: Option<i64>,
    },
    /// List teams.
    List,
}

/// Runs a team command.
pub fn run(ctx: &mut Ctx, cmd: TeamCmd) -> Result<(), AppError> {
    match cmd {
        TeamCmd::Add {
            name,
            zone,
            kind,
            working_days,
            sprint_days,
        } => {
            let kind = TeamKind::parse(&kind)?;
            let working_days = working_days
                .map(|days| days.iter().map(|d| parse_weekday(d)).collect::<Result<Vec<_>, _>>())
                .transpose()?;
            let team = ctx
                .app
                .create_team(NewTeam {
                    name,
                    kind,
                    zone,
                    working_days,
                    sprint_length_days: sprint_days,
                })?
                .value;
            let said = format!("added team {} ({}, {})", team.spec.name, team.spec.kind, team.spec.zone);
            done(ctx, &team, said);
        }
        TeamCmd::List => {
            let teams = ctx.app.teams()?;
            table(
                ctx,
                &teams,
                &["NAME", "KIND", "ZONE", "WORKING DAYS", "SPRINT DAYS"],
                |t| {
                    vec![
                        t.spec.name.clone(),
                        t.spec.kind.to_string(),
                        t.spec.zone.to_string(),
                        t.spec
                            .working_days
                            .days()
                            .iter()
                            .map(|d| d.to_string())
                            .collect::<Vec<_>>()
                            .join(","),
                        t.spec.sprint_length_days.to_string(),
                    ]
                },
            );
        }
    }
    Ok(())
}
