//! `sprintshield interrupt log|edit|remove|list|stats`.
use clap::Subcommand;
use sprintshield_core::insights::InterruptStats;
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, InterruptFilter, NewInterrupt, Severity};
use sprintshield_core::team::Team;
use sprintshield_core::time::parse_date;
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::{say, Ctx};

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
    /// What the log says: categories, severities, on-duty share, what could have waited, the
    /// trend per sprint, the busiest hours, recurring causes, load-limit breaches.
    Stats {
        /// Team name.
        #[arg(long)]
        team: String,
        /// First day (YYYY-MM-DD); 90 days ago when absent.
        #[arg(long)]
        from: Option<String>,
        /// Last day, inclusive; today when absent.
        #[arg(long)]
        to: Option<String>,
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

fn print_stats(team: &Team, s: &InterruptStats) {
    say!(
        "{}: {} interrupts, {} minutes, {} to {}",
        team.spec.name,
        s.count,
        s.minutes,
        s.range.first,
        s.range.last
    );
    for t in &s.by_category {
        say!("  {:<28} {:>4}  {:>6} min", t.label, t.count, t.minutes);
    }
    let sev: Vec<String> = s.by_severity.iter().map(|t| format!("{} {}", t.key, t.count)).collect();
    say!("severity: {}", sev.join(", "));
    say!(
        "handled on duty {} %, pulled off focus {} %, could have waited {} %, urgent {} %",
        s.handled_on_duty.percent,
        s.pulled_off_focus.percent,
        s.could_have_waited.percent,
        s.urgent.percent
    );
    for p in &s.per_sprint {
        say!(
            "  {:<20} {:>4} interrupts {:>6} min  {:>3} % of the team's time",
            p.sprint,
            p.count,
            p.minutes,
            p.ops_percent
        );
    }
    for p in s.per_person.iter().filter(|p| p.on_duty + p.off_duty > 0) {
        say!(
            "  {:<20} on duty {:>3} ({} min), off duty {:>3} ({} min)",
            p.name,
            p.on_duty,
            p.on_duty_minutes,
            p.off_duty,
            p.off_duty_minutes
        );
    }
    if let Some((day, hour, n)) = busiest(&s.heat) {
        say!("busiest hour: {day} {hour:02}:00 ({n} interrupts)");
    }
    for b in &s.breaches {
        say!("limit: {}", b.message);
    }
    for o in &s.observations {
        say!("- {o}");
    }
}

/// The weekday and hour with the most interrupts.
fn busiest(heat: &[Vec<u32>]) -> Option<(&'static str, usize, u32)> {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    heat.iter()
        .enumerate()
        .flat_map(|(d, row)| row.iter().enumerate().map(move |(h, n)| (d, h, *n)))
        .filter(|(_, _, n)| *n > 0)
        .max_by_key(|(d, h, n)| (*n, std::cmp::Reverse((*d, *h))))
        .map(|(d, h, n)| (DAYS[d], h, n))
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
        InterruptCmd::Stats { team, from, to } => {
            let team = ctx.app.team_by_name(&team)?;
            let from = from.map(|f| parse_date("from", &f)).transpose()?;
            let to = to.map(|t| parse_date("to", &t)).transpose()?;
            let stats = ctx
                .app
                .interrupt_stats_at(team.id, from, to, None, chrono::Utc::now())?;
            if ctx.json {
                crate::output::json(&stats);
                return Ok(());
            }
            print_stats(&team, &stats);
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
