//! `sprintshield interrupt log|edit|remove|list`.
use clap::Subcommand;
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::team::Team;
use sprintshield_core::time::parse_date;
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Interrupt commands.
#[derive(Subcommand)]
pub enum InterruptCmd {
    /// Log an interrupt.
    Log {
        /// Team name.
        #[arg(long)]
        team: String,
        /// When it arrived: ISO 8601 with offset, or local time in the team's zone.
        #[arg(long)]
        at: String,
        /// production_bug, operational_problem, user_question, security_patch, release_rollback, other.
        #[arg(long)]
        category: String,
        /// critical, high, normal or low.
        #[arg(long, default_value = "normal")]
        severity: String,
        /// Minutes spent.
        #[arg(long, allow_negative_numbers = true)]
        minutes: i64,
        /// Member who handled it.
        #[arg(long)]
        handled_by: Option<String>,
        /// It pulled an off-duty member away from focus work.
        #[arg(long)]
        pulled_off_focus: bool,
        /// It could have waited for the backlog.
        #[arg(long)]
        could_have_waited: bool,
        /// Root-cause note.
        #[arg(long, default_value = "")]
        root_cause: String,
        /// Short title.
        title: String,
    },
    /// Correct a logged interrupt (ID from `interrupt list --json`); what is not given stays.
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The interrupt's id.
        id: i64,
        /// When it arrived.
        #[arg(long)]
        at: Option<String>,
        /// Category.
        #[arg(long)]
        category: Option<String>,
        /// critical, high, normal or low.
        #[arg(long)]
        severity: Option<String>,
        /// Minutes spent.
        #[arg(long, allow_negative_numbers = true)]
        minutes: Option<i64>,
        /// Member who handled it ("" for nobody).
        #[arg(long)]
        handled_by: Option<String>,
        /// Short title.
        #[arg(long)]
        title: Option<String>,
        /// Whether it pulled an off-duty member away from focus work.
        #[arg(long)]
        pulled_off_focus: Option<bool>,
        /// Whether it could have waited for the backlog.
        #[arg(long)]
        could_have_waited: Option<bool>,
        /// Root-cause note.
        #[arg(long)]
        root_cause: Option<String>,
    },
    /// Remove a logged interrupt (logged twice, or by mistake).
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The interrupt's id.
        id: i64,
    },
    /// List the interrupt log.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
        /// First day (YYYY-MM-DD), in the team's zone.
        #[arg(long)]
        from: Option<String>,
        /// Last day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
    },
}

/// The interrupt `id`, which must be of `team`.
fn find(ctx: &Ctx, team: &Team, id: i64) -> Result<Interrupt, AppError> {
    let i = ctx.app.interrupt(id)?;
    if i.team_id != team.id {
        return Err(AppError::not_found(format!(
            "{} has no interrupt with id {id}",
            team.spec.name
        )));
    }
    Ok(i)
}

/// Runs an interrupt command.
pub fn run(ctx: &mut Ctx, cmd: InterruptCmd) -> Result<(), AppError> {
    match cmd {
        InterruptCmd::Log {
            team,
            at,
            category,
            severity,
            minutes,
            handled_by,
            pulled_off_focus,
            could_have_waited,
            root_cause,
            title,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let category = InterruptCategory::parse(&category)?;
            let severity = Severity::parse(&severity)?;
            let handled_by = handled_by
                .map(|m| ctx.app.member_by_name(team.id, &m))
                .transpose()?
                .map(|m| m.id);
            let new = NewInterrupt {
                arrived_at: at,
                title,
                category,
                severity,
                handled_by,
                minutes,
                pulled_off_focus,
                could_have_waited,
                root_cause,
            };
            let i = ctx.app.log_interrupt(team.id, new, chrono::Utc::now())?.value;
            let local = i.spec.arrived_at.with_timezone(&team.spec.zone);
            let said = format!(
                "logged \"{}\" at {} ({} min)",
                i.spec.title,
                local.format("%Y-%m-%d %H:%M %Z"),
                i.spec.minutes
            );
            done(ctx, &i, said);
        }
        InterruptCmd::Edit {
            team,
            id,
            at,
            category,
            severity,
            minutes,
            handled_by,
            title,
            pulled_off_focus,
            could_have_waited,
            root_cause,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = find(ctx, &team, id)?;
            let handled_by = match handled_by {
                Some(m) if m.trim().is_empty() => None,
                Some(m) => Some(ctx.app.member_by_name(team.id, &m)?.id),
                None => old.spec.handled_by,
            };
            let new = NewInterrupt {
                arrived_at: at.unwrap_or_else(|| old.spec.arrived_at.to_rfc3339()),
                title: title.unwrap_or_else(|| old.spec.title.clone()),
                category: match category {
                    Some(c) => InterruptCategory::parse(&c)?,
                    None => old.spec.category,
                },
                severity: match severity {
                    Some(x) => Severity::parse(&x)?,
                    None => old.spec.severity,
                },
                handled_by,
                minutes: minutes.unwrap_or(i64::from(old.spec.minutes)),
                pulled_off_focus: pulled_off_focus.unwrap_or(old.spec.pulled_off_focus),
                could_have_waited: could_have_waited.unwrap_or(old.spec.could_have_waited),
                root_cause: root_cause.unwrap_or_else(|| old.spec.root_cause.clone()),
            };
            let i = ctx.app.edit_interrupt(id, new, chrono::Utc::now())?.value;
            done(
                ctx,
                &i,
                format!(
                    "corrected interrupt {id}: \"{}\" ({} min)",
                    i.spec.title, i.spec.minutes
                ),
            );
        }
        InterruptCmd::Remove { team, id } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = find(ctx, &team, id)?;
            ctx.app.remove_interrupt(id)?;
            done(ctx, &old, format!("removed interrupt {id}: \"{}\"", old.spec.title));
        }
        InterruptCmd::List { team, from, to } => {
            let team = ctx.app.team_by_name(&team)?;
            let filter = InterruptFilter {
                from: from.map(|d| parse_date("from", &d)).transpose()?,
                to: to.map(|d| parse_date("to", &d)).transpose()?,
                ..Default::default()
            };
            if let (Some(f), Some(t)) = (filter.from, filter.to) {
                if t < f {
                    return Err(
                        sprintshield_core::Invalid::new("to", format!("--to ({t}) is before --from ({f})")).into(),
                    );
                }
            }
            let members = ctx.app.members(team.id)?;
            let rows = ctx.app.interrupts(team.id, &filter)?;
            table(
                ctx,
                &rows,
                &[
                    "ARRIVED",
                    "CATEGORY",
                    "SEVERITY",
                    "MIN",
                    "HANDLED BY",
                    "OFF FOCUS",
                    "TITLE",
                ],
                |i| {
                    let who = i
                        .spec
                        .handled_by
                        .and_then(|id| members.iter().find(|m| m.id == id))
                        .map(|m| m.spec.name.clone());
                    vec![
                        i.spec
                            .arrived_at
                            .with_timezone(&team.spec.zone)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                        i.spec.category.to_string(),
                        i.spec.severity.to_string(),
                        i.spec.minutes.to_string(),
                        who.unwrap_or_default(),
                        if i.spec.pulled_off_focus { "yes" } else { "no" }.into(),
                        i.spec.title.clone(),
                    ]
                },
            );
        }
    }
    Ok(())
}
