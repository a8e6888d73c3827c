//! `sprintshield team add|edit|remove|list`.
use chrono::Utc;
use clap::Subcommand;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::time::parse_weekday;
use sprintshield_core::AppError;
use sprintshield_service::Record;

use crate::commands::removed;
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
    /// Change a team (what is not given stays); a new zone or new working days re-plan its future turns.
    Edit {
        /// The team's current name.
        team: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// IANA time zone.
        #[arg(long)]
        zone: Option<String>,
        /// dev, ops or mixed.
        #[arg(long)]
        kind: Option<String>,
        /// Working days, e.g. sun,mon,tue,wed,thu.
        #[arg(long, value_delimiter = ',')]
        working_days: Option<Vec<String>>,
        /// Default sprint length in days.
        #[arg(long)]
        sprint_days: Option<i64>,
    },
    /// Remove a team that has no history yet (set up by mistake).
    Remove {
        /// Team name.
        team: String,
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
        TeamCmd::Edit {
            team,
            name,
            zone,
            kind,
            working_days,
            sprint_days,
        } => {
            let old = ctx.app.team_by_name(&team)?;
            let working_days = match working_days {
                Some(days) => days.iter().map(|d| parse_weekday(d)).collect::<Result<Vec<_>, _>>()?,
                None => old.spec.working_days.days(),
            };
            let new = NewTeam {
                name: name.unwrap_or_else(|| old.spec.name.clone()),
                kind: match kind {
                    Some(k) => TeamKind::parse(&k)?,
                    None => old.spec.kind,
                },
                zone: zone.unwrap_or_else(|| old.spec.zone.name().to_owned()),
                working_days: Some(working_days),
                sprint_length_days: Some(sprint_days.unwrap_or(i64::from(old.spec.sprint_length_days))),
            };
            let out = ctx.app.edit_team(old.id, new, Utc::now())?;
            let t = out.value;
            let said = format!(
                "changed team {} ({}, {}); {} future turns re-planned",
                t.spec.name,
                t.spec.kind,
                t.spec.zone,
                crate::commands::member::moved_turns(&out.changes)
            );
            done(ctx, &t, said);
        }
        TeamCmd::Remove { team } => {
            let old = ctx.app.team_by_name(&team)?;
            let out = ctx.app.remove_team(old.id, Utc::now())?;
            let said = format!(
                "removed team {}{}{} (undo: `team add \"{}\" --zone {} --kind {}` starts it again, empty; what went with it is not re-created)",
                old.spec.name,
                removed::took_along(&out.changes, &Record::Team(old.clone())),
                removed::escalations_cleared(&out.changes),
                old.spec.name,
                old.spec.zone,
                old.spec.kind
            );
            done(ctx, &old, said);
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
